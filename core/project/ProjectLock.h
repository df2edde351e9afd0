// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one writer per project: a lock file beside it that names its holder.
#pragma once

#include <memory>
#include <string>

namespace scs::project {

/// Who holds a project open for writing.
struct LockHolder {
    std::string user;
    std::string host;
    long pid = 0;
    std::string since; // ISO 8601 UTC
    /// "alice on lab-pc (process 1234) since 2026-11-23T10:00:00Z".
    std::string describe() const;
};

/// Held while a studio may write the project. The lock is an advisory flock on
/// "<folder>/.<name>.lock", which also records the holder for others to read; the kernel drops it
/// when the holder's process ends, however it ends, so a crash never leaves the project locked.
class ProjectLock {
public:
    /// The lock on `projectPath`, or null when another process holds it (then `holder`, when
    /// given, says who). Throws ProjectError when the lock file cannot be created at all (a
    /// read-only folder): the caller may then open the project read-only.
    static std::unique_ptr<ProjectLock> tryAcquire(const std::string& projectPath, LockHolder* holder = nullptr);
    static std::string lockPathFor(const std::string& projectPath);
    ~ProjectLock();
    ProjectLock(const ProjectLock&) = delete;
    ProjectLock& operator=(const ProjectLock&) = delete;

private:
    ProjectLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_;
    std::string path_;
};

} // namespace scs::project
