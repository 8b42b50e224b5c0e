#pragma once
// Keeps every file a recording references inside its folder.
#include <filesystem>
#include <string>

namespace tacit::recording {

// Lexical check of a path written in recording.json: empty string when it is a relative path that
// stays inside the folder, else the problem ("must be relative ...", "escapes the recording folder ...").
std::string relativePathProblem(const std::string &path);

// For a file that exists: empty when its real location (symlinks resolved) is inside `folder`
// (already canonical), else the problem.
std::string symlinkEscapeProblem(const std::filesystem::path &canonicalFolder, const std::string &relativePath);

} // namespace tacit::recording
