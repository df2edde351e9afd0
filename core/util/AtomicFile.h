// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — writing files so that a crash leaves the old file or the new one, never part.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace scs {

/// A hidden, unique name beside `target` for a file being written: ".<name>.<tag>-<pid>-<n>-<r>".
/// The same folder, so the final rename stays on one file system and is atomic.
std::string temporaryPathBeside(const std::filesystem::path& target, const std::string& tag);

/// fsync of a file or a folder (a rename is durable only once its folder is flushed). Returns 0,
/// or the errno of the failure.
int syncToDisk(const std::string& path, bool folder);

/// Writes `bytes` to a temporary file beside `target`, flushes it, renames it over `target` and
/// flushes the folder. Throws std::runtime_error "<target>: not written: <reason>" (plus "; the
/// existing file is unchanged" when there was one); no temporary file is left behind.
void writeFileAtomically(const std::string& target, std::string_view bytes);

} // namespace scs
