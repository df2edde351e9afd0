// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — project lock files.
#include "ProjectLock.h"

#include "ProjectError.h"

#include "util/Sha256.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace scs::project {

namespace {

std::string userName() {
    if (const passwd* pw = ::getpwuid(::getuid())) return pw->pw_name;
    return "uid " + std::to_string(::getuid());
}

std::string hostName() {
    char name[256] = {};
    ::gethostname(name, sizeof name - 1);
    return name;
}

LockHolder readHolder(int fd) {
    std::string text;
    char buffer[512];
    ::lseek(fd, 0, SEEK_SET);
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0 && text.size() < 4096;)
        text.append(buffer, std::size_t(n));
    LockHolder h;
    try {
        const auto j = nlohmann::json::parse(text);
        h.user = j.value("user", "");
        h.host = j.value("host", "");
        h.pid = j.value("pid", 0L);
        h.since = j.value("since", "");
    } catch (const nlohmann::json::exception&) {
        h.user = "another studio"; // it is still writing its name
    }
    return h;
}

} // namespace

std::string LockHolder::describe() const {
    std::string text = user.empty() ? "another studio" : user;
    if (!host.empty()) text += " on " + host;
    if (pid) text += " (process " + std::to_string(pid) + ")";
    if (!since.empty()) text += " since " + since;
    return text;
}

std::string ProjectLock::lockPathFor(const std::string& projectPath) {
    const std::filesystem::path p = std::filesystem::absolute(projectPath);
    return (p.parent_path() / ("." + p.filename().string() + ".lock")).string();
}

std::unique_ptr<ProjectLock> ProjectLock::tryAcquire(const std::string& projectPath, LockHolder* holder) {
    const std::string path = lockPathFor(projectPath);
    // A holder that released its lock unlinks the file; retry when we locked a file already gone.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw ProjectError(projectPath + ": cannot create the lock file " + path + " (" + std::strerror(errno) +
                               ")");
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            if (holder) *holder = readHolder(fd);
            ::close(fd);
            return nullptr;
        }
        struct stat opened {
        }, named{};
        if (::fstat(fd, &opened) == 0 && ::stat(path.c_str(), &named) == 0 && opened.st_ino == named.st_ino) {
            const std::string text = nlohmann::json{
                {"user", userName()},
                {"host", hostName()},
                {"pid", static_cast<long>(::getpid())},
                {"since",
                 scs::isoTimeUtcNow()}}.dump();
            if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.data(), text.size(), 0) != ssize_t(text.size())) {
                // The lock holds even when its note cannot be written (a full disk).
            }
            return std::unique_ptr<ProjectLock>(new ProjectLock(fd, path));
        }
        ::close(fd);
    }
    throw ProjectError(projectPath + ": the lock file " + path + " keeps changing; try again");
}

ProjectLock::~ProjectLock() {
    ::unlink(path_.c_str());
    ::close(fd_); // releases the flock
}

} // namespace scs::project
