// SPDX-License-Identifier: MIT
// A save killed at a random moment (SIGKILL to a forked child saving over the project) leaves the
// old project byte for byte or the complete new one, never a broken file.
#include "ProjectTestSupport.h"

#include "project/ProjectStore.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace scs::project {
namespace {

namespace fs = std::filesystem;
using namespace scs::project::test;
using Clock = std::chrono::steady_clock;
using scs::test::readFile;
using scs::test::TempDir;
using scs::test::writeFile;

constexpr int kTrials = 200;

/// A project big enough that writing and flushing it takes a few milliseconds: ~100k spikes.
Project projectWithSpikes(const std::string& marker, double offset) {
    Project p;
    Document d;
    d.playground = playgroundFromCatalogue(*catalogue().find("lif"));
    d.playground.title = marker;
    const std::int64_t doc = p.addDocument(d).id;
    RunData data;
    for (int i = 0; i < 100000; ++i) {
        data.spikeIndex.push_back(i % 100);
        data.spikeTimes.push_back(offset + i * 1e-4);
    }
    data.traces.push_back(Trace{"v", "volt", std::vector<double>(1000, offset)});
    project::Run run;
    run.documentId = doc;
    run.manifest.kind = "simulation";
    run.manifest.label = marker;
    run.data = std::make_shared<const RunData>(data);
    p.addRun(run);
    p.meta["marker"] = marker;
    return p;
}

TEST(ProjectKillSave, KilledSaveLeavesTheOldOrTheNewProject) {
    ASSERT_NE(catalogue().find("lif"), nullptr);
    TempDir dir;
    const std::string path = (dir.path() / "project.scstudio").string();
    // Neither process keeps an SQLite connection to `path` across fork: saves do not adopt the file.
    const ProjectStore::SaveOptions detached{false, {}};
    Project oldProject = projectWithSpikes("old", 1.0);
    ProjectStore::save(oldProject, path, detached);
    const std::string original = readFile(path);
    Project newProject = projectWithSpikes("new", 2.0);

    // Kill delays span 0 to a few saves, so some kills land before the first save completes and
    // some after: scaled to this machine's save time, within the brief's 0..~30 ms where it allows.
    double saveMs = 0; // the slowest of three, so a machine busy with other tests still sees new files
    for (int i = 0; i < 3; ++i) {
        const auto started = Clock::now();
        ProjectStore::save(newProject, (dir.path() / "timing.scstudio").string(), detached);
        saveMs = std::max(saveMs, std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    fs::remove(dir.path() / "timing.scstudio");
    const double maxDelayMs = std::clamp(3.0 * saveMs, 2.0, 100.0);

    Rng rng(2026);
    int endedOld = 0, endedNew = 0, staleTemporaries = 0;
    const auto testStarted = Clock::now();
    for (int trial = 0; trial < kTrials; ++trial) {
        SCOPED_TRACE("trial " + std::to_string(trial));
        const auto delay =
            std::chrono::duration<double, std::milli>(std::uniform_real_distribution<double>(0.0, maxDelayMs)(rng));
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            try {
                for (;;) ProjectStore::save(newProject, path, detached);
            } catch (...) {}
            ::_exit(3); // a save failed: the parent reports it
        }
        std::this_thread::sleep_for(delay);
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "the saving child ended by itself: " << status;

        {
            Project found;
            try {
                found = ProjectStore::open(path);
            } catch (const ProjectError& e) {
                FAIL() << "the project no longer opens: " << e.what();
            }
            const std::string marker = found.meta.count("marker") ? found.meta.at("marker") : "";
            if (marker == "old") {
                ++endedOld;
                ASSERT_TRUE(readFile(path) == original) << "an old project that is not byte-identical";
            } else {
                ASSERT_EQ(marker, "new");
                ++endedNew;
                ASSERT_TRUE(differences(newProject, found).empty()) << describe(differences(newProject, found));
                ASSERT_EQ(ProjectStore::validate(path), found.warnings);
            }
        }
        // A killed save may leave its temporary file (expected); it must never be the project.
        for (const fs::path& stale : filesStartingWith(dir.path(), ".project.scstudio.saving-")) {
            ++staleTemporaries;
            fs::remove(stale);
        }
        writeFile(path, original);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - testStarted).count();
    std::printf("[ kill-save ] save %.1f ms, delays 0..%.1f ms: %d old, %d new, %d stale temporaries, %.1f s\n", saveMs,
                maxDelayMs, endedOld, endedNew, staleTemporaries, seconds);
    EXPECT_GE(endedOld, 1) << "no kill landed before a save completed";
    EXPECT_GE(endedNew, 1) << "no save completed before the kill";
}

} // namespace
} // namespace scs::project
