// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the exported bundle builds elsewhere: its own Makefile runs its testbench
// under Verilator and Icarus, and its manifest's hashes match its files.
#include "hdl/Bundle.h"
#include "hdl/BundleBuilder.h"

#include "fixed/FixedCompiler.h"
#include "models/ModelCatalogue.h"
#include "support/TestSupport.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

using namespace scs;
using namespace scs::hdl;
namespace fs = std::filesystem;

namespace {

/// The catalogue's LIF in Q8.8 with its own protocol: a bundle of 2,000 cycles.
BundleSpec lifBundle(fixed::Overflow overflow = fixed::Overflow::Saturate) {
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    const CatalogueEntry* lif = catalogue.find("lif");
    SimulationSettings settings;
    settings.dt = parseQuantity(lif->dt, "dt").value;
    settings.protocol = Protocol::parse("step amplitude=2*nA start=10*ms stop=80*ms");
    fixed::FixedContract contract{fixed::QFormat::parse("Q8.8"), overflow, fixed::Rounding::Nearest};
    fixed::FixedModelProgram program =
        fixed::compileFixed(NeuronModel::compile(lif->spec), fixed::compileOptionsFor(settings, contract));
    program.name = "lif";
    return makeBundleSpec(program, settings, {}, 2000);
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(Bundle, HasTheLayoutOfTheBundleContractAndAManifestOfEveryFile) {
    test::TempDir dir;
    const fs::path target = dir.path() / "lif-bundle";
    const BundleResult result = writeBundle(lifBundle(), target);
    for (const char* path :
         {"rtl/lif.sv", "tb/tb_lif.sv", "tb/stimulus.hex", "tb/expected_spikes.hex", "constraints/lif.pcf",
          "constraints/lif.lpf", "constraints/lif.xdc", "constraints/lif.sdc", "sim/Makefile",
          "reports/ice40-estimate.json", "reports/summary.md", "README.md", "manifest.json"})
        EXPECT_TRUE(fs::is_regular_file(target / path)) << path;
    const nlohmann::json manifest = nlohmann::json::parse(readText(target / "manifest.json"));
    EXPECT_EQ(manifest["fixed_point"]["format"], "Q8.8");
    EXPECT_EQ(manifest["fixed_point"]["rounding"], "nearest");
    EXPECT_EQ(manifest["model"]["threshold"], "v > -50*mV");
    EXPECT_FALSE(manifest["studio"]["version"].get<std::string>().empty());
    std::set<std::string> tools;
    for (const auto& t : manifest["tools"])
        if (t["available"].get<bool>() && !t["version"].get<std::string>().empty()) tools.insert(t["tool"]);
    EXPECT_EQ(tools, (std::set<std::string>{"verilator", "iverilog", "yosys", "nextpnr-ice40"}));
    EXPECT_EQ(manifest["module"]["input"], "in_I");
    // Every file but the manifest is listed, once, with its size.
    std::set<std::string> listed;
    for (const auto& f : manifest["files"]) {
        listed.insert(f["path"].get<std::string>());
        EXPECT_EQ(f["bytes"].get<std::uintmax_t>(), fs::file_size(target / f["path"].get<std::string>()));
    }
    EXPECT_EQ(listed.size() + 1, result.files.size());
    EXPECT_FALSE(listed.count("manifest.json"));
}

TEST(Bundle, ManifestHashesAreWhatSha256sumComputes) {
    test::TempDir dir;
    const fs::path target = dir.path() / "b";
    writeBundle(lifBundle(), target);
    EXPECT_TRUE(verifyBundle(target).empty());
    const nlohmann::json manifest = nlohmann::json::parse(readText(target / "manifest.json"));
    for (const auto& f : manifest["files"]) {
        const auto r = test::runProcess({"sha256sum", (target / f["path"].get<std::string>()).string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out.substr(0, 64), f["sha256"].get<std::string>()) << f["path"];
    }
    // A changed file is caught.
    std::ofstream(target / "rtl" / "lif.sv", std::ios::app) << "// edited\n";
    const auto problems = verifyBundle(target);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front(), "rtl/lif.sv: SHA-256 differs");
}

TEST(Bundle, ItsOwnMakefileRunsTheTestbenchUnderVerilatorAndIcarus) {
    test::TempDir dir;
    const fs::path target = dir.path() / "elsewhere";
    writeBundle(lifBundle(), target);
    const auto icarus = test::runProcess({"make", "-C", (target / "sim").string(), "icarus"});
    EXPECT_EQ(icarus.exitCode, 0) << icarus.out << icarus.err;
    EXPECT_NE((icarus.out + icarus.err).find("PASS"), std::string::npos) << icarus.out << icarus.err;
    const auto verilator = test::runProcess({"make", "-C", (target / "sim").string()});
    EXPECT_EQ(verilator.exitCode, 0) << verilator.out << verilator.err;
    EXPECT_NE((verilator.out + verilator.err).find("PASS"), std::string::npos) << verilator.out << verilator.err;
}

TEST(Bundle, ATestbenchWhoseExpectationIsWrongFails) {
    test::TempDir dir;
    const fs::path target = dir.path() / "tampered";
    writeBundle(lifBundle(), target);
    // One expected spike moved a cycle later: the RTL must be caught disagreeing.
    const fs::path expected = target / "tb" / "expected_spikes.hex";
    std::string text = readText(expected);
    const std::size_t line = text.find('\n');
    const unsigned long first = std::stoul(text.substr(0, line), nullptr, 16);
    std::ostringstream moved;
    moved << std::hex << first + 1;
    text.replace(0, line, moved.str());
    std::ofstream(expected, std::ios::binary) << text;
    const auto icarus = test::runProcess({"make", "-C", (target / "sim").string(), "icarus"});
    EXPECT_NE(icarus.exitCode, 0) << icarus.out << icarus.err;
    EXPECT_NE((icarus.out + icarus.err).find("FAIL"), std::string::npos) << icarus.out << icarus.err;
}

TEST(Bundle, RefusesAFolderThatHoldsFilesAndLeavesItAlone) {
    test::TempDir dir;
    const fs::path target = dir.path() / "busy";
    fs::create_directories(target);
    std::ofstream(target / "notes.txt") << "mine";
    try {
        writeBundle(lifBundle(), target);
        FAIL() << "exported into a folder with files";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
    }
    EXPECT_EQ(readText(target / "notes.txt"), "mine");
    EXPECT_EQ(std::distance(fs::directory_iterator(target), fs::directory_iterator()), 1);
    // An empty folder is fine.
    fs::create_directories(dir.path() / "empty");
    EXPECT_NO_THROW(writeBundle(lifBundle(), dir.path() / "empty"));
    EXPECT_TRUE(fs::is_regular_file(dir.path() / "empty" / "manifest.json"));
}

TEST(Bundle, AZipHoldsOneFolderNamedAfterIt) {
    test::TempDir dir;
    const fs::path zip = dir.path() / "lif-q88.zip";
    writeBundle(lifBundle(), zip);
    ASSERT_TRUE(fs::is_regular_file(zip));
    const auto listing = test::runProcess({"unzip", "-l", zip.string()});
    ASSERT_EQ(listing.exitCode, 0) << listing.out << listing.err;
    EXPECT_NE((listing.out + listing.err).find("lif-q88/manifest.json"), std::string::npos)
        << listing.out << listing.err;
    EXPECT_NE((listing.out + listing.err).find("lif-q88/rtl/lif.sv"), std::string::npos) << listing.out << listing.err;
    // Nothing is left beside it.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}
