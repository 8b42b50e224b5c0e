#include "core/util/OutputFolder.h"

#include <cstdio>
#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace tacit {

namespace fs = std::filesystem;

fs::path resolvedFolder(const fs::path &p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec)
    abs = p;
  fs::path out = fs::weakly_canonical(abs, ec);
  if (ec)
    out = abs.lexically_normal();
  if (out.filename().empty() && out.has_parent_path() && out != out.root_path())
    out = out.parent_path(); // "out/" -> "out"
  return out;
}

bool isSameOrInside(const fs::path &inner, const fs::path &outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty())
      continue; // trailing separator
    if (i == inner.end() || *i != *o)
      return false;
  }
  return true;
}

bool hasMarkerFile(const fs::path &folder, const std::string &markerFile, const std::string &needle) {
  FILE *f = std::fopen((folder / markerFile).c_str(), "rb");
  if (!f)
    return false;
  // Read it all (bounded): an export manifest lists every frame range and passes 64 KiB, and
  // "tool" sorts near its end.
  std::string text;
  char buf[64 * 1024];
  for (std::size_t n; text.size() < (64u << 20) && (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
    text.append(buf, n);
  std::fclose(f);
  return text.find(needle) != std::string::npos;
}

namespace {
std::vector<ProtectedFolder> alwaysProtected() {
  std::vector<ProtectedFolder> out{{"/", "the root folder", false}};
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!ec)
    out.push_back({cwd, "the current folder", false});
  if (const char *home = std::getenv("HOME"); home && *home)
    out.push_back({home, "the home folder", false});
  if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_dir && *pw->pw_dir)
    out.push_back({pw->pw_dir, "the home folder", false});
  return out;
}
} // namespace

Status checkOutputFolder(const fs::path &out, const OutputFolderRules &rules) {
  const fs::path dest = resolvedFolder(out);
  const std::string name = out.string().empty() ? dest.string() : out.string();
  std::vector<ProtectedFolder> all = alwaysProtected();
  all.insert(all.end(), rules.protect.begin(), rules.protect.end());
  for (const auto &p : all) {
    if (p.path.empty())
      continue;
    const fs::path guarded = resolvedFolder(p.path);
    if (isSameOrInside(guarded, dest))
      return Status::failure(name + ": refusing to write the " + rules.kind +
                             " here: " + (guarded == dest ? "it is " : "it contains ") + p.what + " (" +
                             guarded.string() + "); choose a new folder");
    if (p.nested && isSameOrInside(dest, guarded))
      return Status::failure(name + ": refusing to write the " + rules.kind + " inside " + p.what + " (" +
                             guarded.string() + "); choose a folder outside it");
  }
  std::error_code ec;
  if (!fs::exists(dest, ec))
    return okStatus();
  if (!fs::is_directory(dest, ec))
    return Status::failure(name + ": exists and is not a folder");
  if (fs::is_empty(dest, ec))
    return okStatus();
  if (!rules.forceOption)
    return Status::failure(name + ": already exists and is not empty; choose a new output folder");
  const bool replaceable = rules.isReplaceable && rules.isReplaceable(dest);
  if (!rules.force)
    return Status::failure(name + ": folder is not empty" +
                           (replaceable ? " (use --force to replace the earlier " + rules.kind + ")"
                                        : std::string("; choose a new folder")));
  if (!replaceable)
    return Status::failure(name + ": folder is not empty and was not written by an earlier Tacit " + rules.kind +
                           " (no " + rules.marker + "), so it is left alone; choose a new folder");
  return okStatus();
}

} // namespace tacit
