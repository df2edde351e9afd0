// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — atomic file replacement.
#include "AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <stdexcept>

namespace scs {

namespace fs = std::filesystem;

std::string temporaryPathBeside(const fs::path& target, const std::string& tag) {
    static std::atomic<unsigned> counter{0};
    std::random_device entropy;
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on "." + std::string&&.
    std::string name = ".";
    name += target.filename().string();
    name += '.';
    name += tag;
    name += '-';
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(counter++);
    name += '-';
    name += std::to_string(entropy() % 1000000);
    return (target.parent_path() / name).string();
}

int syncToDisk(const std::string& path, bool folder) {
    const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0) return errno;
    const int rc = ::fsync(fd);
    const int err = rc == 0 ? 0 : errno;
    ::close(fd);
    return err;
}

void writeFileAtomically(const std::string& targetIn, std::string_view bytes) {
    const fs::path target = fs::absolute(targetIn);
    const std::string failure = targetIn + ": not written: ";
    const std::string unchanged = fs::exists(target) ? "; the existing file is unchanged" : "";
    const std::string temporary = temporaryPathBeside(target, "writing");
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        throw std::runtime_error(failure + "cannot create a file in " + target.parent_path().string() + " (" +
                                 std::strerror(errno) + ")" + unchanged);
    const auto fail = [&](const std::string& what, int err) {
        ::unlink(temporary.c_str());
        throw std::runtime_error(failure + what + " (" + std::strerror(err) + ")" + unchanged);
    };
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            fail("writing failed", err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        fail("cannot flush to disk", err);
    }
    if (::close(fd) != 0) fail("writing failed", errno);
    if (std::rename(temporary.c_str(), target.c_str()) != 0) fail("cannot replace the file", errno);
    syncToDisk(target.parent_path().string(), true); // best effort: the data itself is on disk
}

} // namespace scs
