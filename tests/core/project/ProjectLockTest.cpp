// SPDX-License-Identifier: MIT
// One writer per project: a second lock is refused and told who holds it, the lock frees when its
// holder goes (cleanly or by SIGKILL), and a folder where no lock file can be made is an error.
#include "ProjectTestSupport.h"

#include "project/ProjectError.h"
#include "project/ProjectLock.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace scs::project {
namespace {

namespace fs = std::filesystem;
using scs::test::TempDir;
using scs::test::writeFile;

std::string projectIn(const TempDir& dir) {
    std::string path = (dir.path() / "shared.scstudio").string();
    writeFile(path, "");
    return path;
}

TEST(ProjectLock, SecondWriterIsRefusedAndToldWhoHoldsIt) {
    TempDir dir;
    const std::string path = projectIn(dir);
    auto first = ProjectLock::tryAcquire(path);
    ASSERT_NE(first, nullptr);
    EXPECT_TRUE(fs::exists(ProjectLock::lockPathFor(path)));
    EXPECT_EQ(fs::path(ProjectLock::lockPathFor(path)).parent_path(), dir.path());

    // A second studio is another open of the lock file; within one process flock tells them apart too.
    LockHolder holder;
    EXPECT_EQ(ProjectLock::tryAcquire(path, &holder), nullptr);
    EXPECT_EQ(holder.pid, static_cast<long>(::getpid()));
    EXPECT_FALSE(holder.user.empty());
    EXPECT_FALSE(holder.host.empty());
    EXPECT_EQ(holder.since.size(), 20u) << holder.since; // 2026-11-23T10:00:00Z
    const std::string text = holder.describe();
    EXPECT_NE(text.find(holder.user + " on " + holder.host), std::string::npos) << text;
    EXPECT_NE(text.find("(process " + std::to_string(::getpid()) + ")"), std::string::npos) << text;

    // Another project in the same folder has its own lock.
    const std::string other = (dir.path() / "other.scstudio").string();
    EXPECT_NE(ProjectLock::tryAcquire(other), nullptr);

    first.reset();
    EXPECT_FALSE(fs::exists(ProjectLock::lockPathFor(path))) << "a released lock removes its file";
    auto again = ProjectLock::tryAcquire(path);
    EXPECT_NE(again, nullptr);
}

TEST(ProjectLock, LockOfAKilledHolderIsFree) {
    TempDir dir;
    const std::string path = projectIn(dir);
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(ready[0]);
        auto lock = ProjectLock::tryAcquire(path);
        const char answer = lock ? 'y' : 'n';
        if (::write(ready[1], &answer, 1) != 1) ::_exit(2);
        for (;;) ::pause(); // holds the lock until killed
    }
    ::close(ready[1]);
    char answer = 0;
    ASSERT_EQ(::read(ready[0], &answer, 1), 1);
    ::close(ready[0]);
    ASSERT_EQ(answer, 'y');

    LockHolder holder;
    EXPECT_EQ(ProjectLock::tryAcquire(path, &holder), nullptr);
    EXPECT_EQ(holder.pid, static_cast<long>(child)) << holder.describe();

    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    // The killed holder could not remove its file; the kernel still dropped its lock.
    EXPECT_TRUE(fs::exists(ProjectLock::lockPathFor(path)));
    auto lock = ProjectLock::tryAcquire(path);
    ASSERT_NE(lock, nullptr);
    // The stale note was replaced: a third party now sees this process as the holder.
    EXPECT_EQ(ProjectLock::tryAcquire(path, &holder), nullptr);
    EXPECT_EQ(holder.pid, static_cast<long>(::getpid()));
}

TEST(ProjectLock, ReadOnlyFolderIsAnErrorNotALock) {
    TempDir dir;
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    const fs::path folder = dir.path() / "read-only";
    fs::create_directory(folder);
    const std::string path = (folder / "shared.scstudio").string();
    writeFile(path, "");
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    // Root may write anywhere: the child tries as nobody, for whom the folder is read-only.
    const std::string message = test::inChildProcess(
        [&] {
            try {
                auto lock = ProjectLock::tryAcquire(path);
                return std::string(lock ? "locked" : "refused");
            } catch (const ProjectError& e) {
                return std::string(e.what());
            }
        },
        true);
    EXPECT_NE(message.find("cannot create the lock file " + ProjectLock::lockPathFor(path)), std::string::npos)
        << message;
    EXPECT_NE(message.find("Permission denied"), std::string::npos) << message;
    EXPECT_FALSE(fs::exists(ProjectLock::lockPathFor(path)));
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::add); // so TempDir can remove it
}

} // namespace
} // namespace scs::project
