// SPDX-License-Identifier: MIT
// Seeded random-mutation fuzzing of project files: open, read every run, validate and export mutated
// copies of a real project. Only ProjectError may come out, and no case may take long.
#include "ProjectTestSupport.h"

#include "project/ProjectJson.h"
#include "project/ProjectStore.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace scs::project {
namespace {

using namespace scs::project::test;
using Clock = std::chrono::steady_clock;
using scs::test::readFile;
using scs::test::TempDir;
using scs::test::writeFile;

constexpr int kCases = 5000;
constexpr double kCaseLimitSeconds = 2.0;

std::size_t below(Rng& rng, std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

/// One random damage to `bytes`; returns what it did, for the failure message.
std::string mutate(std::string& bytes, Rng& rng) {
    const std::size_t pageSize = 4096; // what the studio writes; a mutation may change the header's
    const std::size_t pages = bytes.size() / pageSize;
    switch (below(rng, 8)) {
    case 0: {
        const std::size_t flips = 1 + below(rng, 8);
        for (std::size_t i = 0; i < flips && !bytes.empty(); ++i)
            bytes[below(rng, bytes.size())] ^= char(1 << below(rng, 8));
        return "flip " + std::to_string(flips) + " bits";
    }
    case 1: {
        const std::size_t at = below(rng, bytes.size());
        const std::size_t n = std::min(bytes.size() - at, 1 + below(rng, 64));
        for (std::size_t i = 0; i < n; ++i) bytes[at + i] = char(rng());
        return "overwrite " + std::to_string(n) + " bytes at " + std::to_string(at);
    }
    case 2: {
        const std::size_t length = below(rng, bytes.size());
        bytes.resize(length);
        return "truncate to " + std::to_string(length);
    }
    case 3: {
        if (pages < 2) return "none";
        const std::size_t from = below(rng, pages), to = below(rng, pages);
        bytes.replace(to * pageSize, pageSize, bytes, from * pageSize, pageSize);
        return "copy page " + std::to_string(from + 1) + " over page " + std::to_string(to + 1);
    }
    case 4: {
        // A header field (offsets 16..99): page size, versions, counters, page count, freelist,
        // schema cookie and format, encoding, user_version, application id...
        static const std::vector<std::pair<std::size_t, std::size_t>> fields{
            {16, 2}, {18, 1}, {19, 1}, {20, 1}, {21, 1}, {24, 4}, {28, 4}, {32, 4}, {36, 4}, {40, 4},
            {44, 4}, {48, 4}, {52, 4}, {56, 4}, {60, 4}, {64, 4}, {68, 4}, {92, 4}, {96, 4}};
        const auto [at, width] = fields[below(rng, fields.size())];
        if (bytes.size() < at + width) return "none";
        static const std::vector<std::uint32_t> special{0, 1, 2, 3, 4, 0x7fffffff, 0xffffffff, 512, 65536};
        const std::uint32_t value = below(rng, 2) ? special[below(rng, special.size())] : std::uint32_t(rng());
        for (std::size_t i = 0; i < width; ++i) bytes[at + i] = char(value >> (8 * (width - 1 - i)));
        return "header field at " + std::to_string(at) + " = " + std::to_string(value);
    }
    case 5: {
        if (pages < 1) return "none";
        const std::size_t page = below(rng, pages);
        std::fill_n(bytes.begin() + std::ptrdiff_t(page * pageSize), pageSize, char(below(rng, 2) ? 0 : 0xff));
        return "fill page " + std::to_string(page + 1);
    }
    case 6: {
        const std::size_t at = below(rng, bytes.size());
        const std::size_t n = 1 + below(rng, 16);
        if (below(rng, 2))
            bytes.insert(at, n, char(rng()));
        else
            bytes.erase(at, n);
        return "insert or delete " + std::to_string(n) + " bytes at " + std::to_string(at);
    }
    default: {
        // Change one byte of a page's b-tree header or cell pointers, where SQLite's structure lives.
        if (pages < 1) return "none";
        const std::size_t page = below(rng, pages);
        const std::size_t at = page * pageSize + (page == 0 ? 100 : 0) + below(rng, 24);
        bytes[at] = char(rng());
        return "b-tree header byte at " + std::to_string(at);
    }
    }
}

TEST(ProjectFuzz, MutatedProjectFilesGiveOnlyProjectErrors) {
    TempDir dir;
    Rng rng(12345);
    Project p = randomProject(rng);
    RunData data;
    data.traces.push_back(Trace{"v", "volt", std::vector<double>(700, -0.065)});
    data.spikeIndex = std::vector<std::int32_t>(200, 3);
    data.spikeTimes = std::vector<double>(200, 0.5);
    data.payload = {{"rate_hz", 12.5}};
    project::Run run = randomRun(rng, p.documents.front().id);
    run.data = std::make_shared<const RunData>(data);
    p.addRun(run);
    // No kept document: then any problem validate() reports was made by the mutation.
    std::erase_if(p.documents, [](const Document& d) { return d.kept; });
    const std::string source = (dir.path() / "source.scstudio").string();
    ProjectStore::save(p, source);
    const std::string original = readFile(source);
    ASSERT_TRUE(ProjectStore::validate(source).empty());
    const std::string path = (dir.path() / "mutated.scstudio").string();
    const std::string rescued = (dir.path() / "rescued.scstudio").string();

    int refused = 0, opened = 0, openedWithProblems = 0; // opened and then reported a problem
    double slowest = 0;
    const auto started = Clock::now();
    for (int c = 0; c < kCases; ++c) {
        Rng caseRng(static_cast<Rng::result_type>(c) * 7919u + 1u);
        std::string bytes = original;
        std::string what;
        for (std::size_t n = 1 + below(caseRng, 3); n > 0; --n) what += mutate(bytes, caseRng) + "; ";
        writeFile(path, bytes);
        const std::string label = "case " + std::to_string(c) + ": " + what;

        const auto caseStarted = Clock::now();
        // Runs `step`: true when it ended in a ProjectError; any other exception fails the test.
        auto failsCleanly = [&](const char* step, const auto& body) {
            try {
                body();
                return false;
            } catch (const ProjectError&) {
                return true;
            } catch (const std::exception& e) {
                ADD_FAILURE() << label << "\n" << step << ": not a ProjectError: " << e.what();
            } catch (...) {
                ADD_FAILURE() << label << "\n" << step << ": an exception that is not a std::exception";
            }
            return true;
        };
        Project q;
        if (failsCleanly("open", [&] { q = ProjectStore::open(path); })) {
            ++refused;
        } else {
            ++opened;
            bool problems = false;
            for (const project::Run& r : q.runs)
                problems = failsCleanly("runData", [&] { q.runData(r.id); }) || problems;
            std::vector<std::string> found;
            problems =
                failsCleanly("validate", [&] { found = ProjectStore::validate(path); }) || !found.empty() || problems;
            problems = failsCleanly("exportJson", [&] { (void)exportJson(q); }) || problems;
            // What opened can be saved (a damaged project is rescued by Save As), or is refused cleanly.
            failsCleanly("save", [&] { ProjectStore::save(q, rescued, ProjectStore::SaveOptions{false, {}}); });
            openedWithProblems += problems ? 1 : 0;
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - caseStarted).count();
        slowest = std::max(slowest, seconds);
        EXPECT_LT(seconds, kCaseLimitSeconds) << label;
    }
    const double total = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("[ fuzz ] %d cases in %.1f s (slowest %.3f s): %d refused, %d opened (%d with problems)\n", kCases,
                total, slowest, refused, opened, openedWithProblems);
    // The mutations must reach past the first checks, or the loop would test nothing.
    EXPECT_GT(refused, kCases / 20);
    EXPECT_GT(opened, kCases / 20);
    EXPECT_GT(openedWithProblems, 0) << "no damage was found after opening: validate() and runData() untested";
    EXPECT_GT(opened - openedWithProblems, 0) << "harmless mutations (unused bytes) should open cleanly";
    EXPECT_TRUE(readFile(source) == original);
}

} // namespace
} // namespace scs::project
