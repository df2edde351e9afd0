// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one dlopen()ed shared library, closed when the last owner lets go.
#pragma once

#include <filesystem>
#include <memory>

namespace scs {

/// Shared (std::shared_ptr) so that registered jobs can keep their plugin's code mapped.
/// Opened with RTLD_NOW | RTLD_LOCAL: unresolved symbols fail here, not in the middle of a job,
/// and one plugin's symbols never satisfy another's.
class PluginLibrary {
public:
    /// Throws std::runtime_error with a one-line reason: file missing, not an ELF file, or the
    /// dynamic loader's own message (wrong architecture, missing dependency library, ...).
    static std::shared_ptr<PluginLibrary> open(const std::filesystem::path& file);

    ~PluginLibrary();
    PluginLibrary(const PluginLibrary&) = delete;
    PluginLibrary& operator=(const PluginLibrary&) = delete;

    /// Null if the library does not define `name`.
    void* symbol(const char* name) const;
    const std::filesystem::path& path() const { return path_; }

private:
    PluginLibrary(void* handle, std::filesystem::path path) : handle_(handle), path_(std::move(path)) {}
    void* handle_;
    std::filesystem::path path_;
};

} // namespace scs
