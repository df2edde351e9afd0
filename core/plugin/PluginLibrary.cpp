// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — PluginLibrary: checked dlopen/dlsym/dlclose.
#include "plugin/PluginLibrary.h"

#include <dlfcn.h>

#include <array>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace scs {
namespace {
// dlerror() is per thread but its text is only valid until the next dl* call: serialise.
std::mutex gDlMutex;
} // namespace

std::shared_ptr<PluginLibrary> PluginLibrary::open(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw std::runtime_error("library file not found: " + file.string());
    // Check the ELF magic ourselves: dlopen's message for a text file or a truncated download is
    // cryptic ("invalid ELF header" at best, "file too short" at worst).
    std::array<char, 4> magic{};
    std::ifstream in(file, std::ios::binary);
    in.read(magic.data(), magic.size());
    if (in.gcount() != 4 || magic != std::array<char, 4>{'\x7f', 'E', 'L', 'F'})
        throw std::runtime_error("not a shared library (no ELF header): " + file.string());

    std::lock_guard lock(gDlMutex);
    dlerror();
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        throw std::runtime_error("cannot load library: " + std::string(why ? why : file.string()));
    }
    return std::shared_ptr<PluginLibrary>(new PluginLibrary(handle, file));
}

PluginLibrary::~PluginLibrary() {
    std::lock_guard lock(gDlMutex);
    dlclose(handle_);
}

void* PluginLibrary::symbol(const char* name) const {
    std::lock_guard lock(gDlMutex);
    dlerror();
    return dlsym(handle_, name);
}

} // namespace scs
