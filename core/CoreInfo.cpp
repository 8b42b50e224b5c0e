#include "core/TacitVersion.h"

namespace tacit {
// Anchors tacit_core as a real static library; the modules carry the code.
const char *coreVersion() { return TACIT_VERSION_STRING; }
} // namespace tacit
