#include "core/export/Hdf5Errors.h"

#include <hdf5.h>

namespace tacit::exporting {

void silenceHdf5Errors() {
  // No library teardown at exit: after a failed H5Fclose (disk full) HDF5 would retry the close from
  // its atexit handler and crash; the failed file is deleted by the caller anyway. Only effective
  // before the first HDF5 call, which this is in the export path.
  H5dont_atexit();
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

namespace {
struct Walk {
  std::string innermost;
  bool diskFull = false;
};

herr_t visit(unsigned n, const H5E_error2_t *e, void *data) {
  auto *w = static_cast<Walk *>(data);
  const std::string desc = e->desc ? e->desc : "";
  if (desc.find("errno = 28") != std::string::npos || desc.find("No space left") != std::string::npos)
    w->diskFull = true;
  if (n == 0) // H5E_WALK_DOWNWARD starts at the innermost call, where the problem happened
    w->innermost = (e->func_name ? std::string(e->func_name) + ": " : std::string()) + desc;
  return 0;
}
} // namespace

std::string takeHdf5Error() {
  Walk w;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, &visit, &w);
  H5Eclear2(H5E_DEFAULT);
  return w.diskFull ? std::string("disk full") : w.innermost;
}

} // namespace tacit::exporting
