// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — assembling, writing and checking bundles.
#include "hdl/Bundle.h"

#include "hdl/BundleContents.h"
#include "hdl/SynthesisReportJson.h"
#include "hdl/ToolProcess.h"

#include "jobs/JobContext.h"
#include "util/AtomicFile.h"
#include "util/BuildInfo.h"
#include "util/Sha256.h"

#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace scs::hdl {

namespace fs = std::filesystem;

namespace {

std::string reportFileName(const SynthesisReport& r) {
    return std::string("reports/") + name(r.target) + (r.estimated ? "-estimate" : "") + ".json";
}

nlohmann::json modelJson(const fixed::FixedModelProgram& p) {
    nlohmann::json parameters = nlohmann::json::object();
    for (const auto& [name, value] : p.parameters) parameters[name] = value;
    return {{"name", p.name},       {"equations", p.equations},       {"threshold", p.thresholdText},
            {"reset", p.resetText}, {"refractory", p.refractoryText}, {"parameters_in_fixed_units", parameters}};
}

nlohmann::json contractJson(const fixed::FixedModelProgram& p) {
    nlohmann::json tables = nlohmann::json::array();
    for (const auto& lut : p.luts)
        tables.push_back({{"function", lut.function}, {"segments", lut.segments}, {"max_error", lut.maxError}});
    const auto& c = p.contract;
    return {{"format", c.format.label()},
            {"width", c.format.width},
            {"fraction", c.format.fraction},
            {"signed", c.format.isSigned},
            {"overflow", fixed::name(c.overflow)},
            {"rounding", fixed::name(c.rounding)},
            {"lfsr", "x^16+x^14+x^13+x^11+1, seed 0xACE1"},
            {"integration", "forward Euler"},
            {"dt_seconds", p.dt},
            {"tables", tables}};
}

nlohmann::json moduleJson(const BundleSpec& spec) {
    nlohmann::json states = nlohmann::json::array();
    for (std::size_t k = 0; k < spec.program.states.size(); ++k) {
        const auto& s = spec.program.states[k];
        states.push_back({{"name", s.name},
                          {"port", k < spec.module.states.size() ? spec.module.states[k] : ""},
                          {"unit", s.unit},
                          {"initial_code", s.initial}});
    }
    return {{"name", spec.module.module}, {"clock", spec.module.clock},
            {"reset", spec.module.reset}, {"enable", spec.module.enable},
            {"input", spec.module.input}, {"input_unit", spec.program.inputUnit},
            {"spike", spec.module.spike}, {"trap", spec.module.trap},
            {"states", states},           {"cycles_per_step", spec.module.latency}};
}

nlohmann::json toolsJson(const BundleSpec& spec) {
    nlohmann::json tools = nlohmann::json::array();
    std::set<std::string> seen;
    auto add = [&](const ToolVersion& t) {
        if (!seen.insert(t.tool).second) return;
        tools.push_back({{"tool", t.tool}, {"version", t.version}, {"available", t.available}});
    };
    for (const ToolVersion& t : spec.tools) add(t);
    for (const SynthesisReport& r : spec.reports)
        for (const ToolVersion& t : r.tools) add(t);
    return tools;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot be read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeTree(const fs::path& root, const std::vector<BundleFile>& files, JobContext* job) {
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (job) job->throwIfCancelled();
        const fs::path path = root / files[i].path;
        fs::create_directories(path.parent_path());
        std::ofstream out(path, std::ios::binary);
        out << files[i].content;
        out.close();
        if (!out) throw std::runtime_error(path.string() + ": not written");
        reportProgress(job, 0.8 * static_cast<double>(i + 1) / static_cast<double>(files.size()), "writing files");
    }
}

bool isEmptyFolder(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec) && fs::is_empty(p, ec);
}

/// Removes a temporary folder when the export leaves early.
struct TemporaryFolder {
    fs::path path;
    ~TemporaryFolder() {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
};

} // namespace

std::vector<BundleFile> bundleFiles(const BundleSpec& spec) {
    const std::string m = spec.module.module;
    std::vector<BundleFile> files;
    files.push_back({"rtl/" + m + ".sv", spec.rtl});
    for (const BundleFile& f : spec.testbenchFiles) files.push_back({"tb/" + f.path, f.content});
    files.push_back({"constraints/" + m + ".pcf", pcfConstraints(spec.module)});
    files.push_back({"constraints/" + m + ".lpf", lpfConstraints(spec.module, spec.clockMHz)});
    files.push_back({"constraints/" + m + ".xdc", xdcConstraints(spec.module, spec.clockMHz)});
    files.push_back({"constraints/" + m + ".sdc", sdcConstraints(spec.module, spec.clockMHz)});
    files.push_back({"sim/Makefile", simMakefile(spec)});
    for (const SynthesisReport& r : spec.reports) files.push_back({reportFileName(r), toJson(r).dump(2) + "\n"});
    if (!spec.reports.empty()) files.push_back({"reports/summary.md", reportSummary(spec.reports)});
    if (!spec.precisionReport.empty()) files.push_back({"reports/precision.txt", spec.precisionReport});
    files.push_back({"README.md", bundleReadme(spec)});

    nlohmann::json list = nlohmann::json::array();
    for (const BundleFile& f : files)
        list.push_back({{"path", f.path}, {"sha256", sha256Hex(f.content)}, {"bytes", f.content.size()}});
    const nlohmann::json manifest = {{"bundle", "scstudio-bundle"},
                                     {"version", 1},
                                     {"created", isoTimeUtcNow()},
                                     {"studio", {{"version", studioVersion()}}},
                                     {"tools", toolsJson(spec)},
                                     {"model", modelJson(spec.program)},
                                     {"fixed_point", contractJson(spec.program)},
                                     {"module", moduleJson(spec)},
                                     {"testbench", {{"top", spec.testbenchModule}, {"cycles", spec.cycles}}},
                                     {"files", list}};
    files.push_back({"manifest.json", manifest.dump(2) + "\n"});
    return files;
}

BundleResult writeBundle(const BundleSpec& spec, const fs::path& target, JobContext* job) {
    const bool zip = target.extension() == ".zip";
    std::error_code ec;
    if (!zip && fs::exists(target, ec) && !isEmptyFolder(target))
        throw std::runtime_error(target.string() + ": not exported: the folder exists and is not empty");
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
        throw std::runtime_error(target.string() + ": not exported: the folder " + parent.string() + " does not exist");

    const std::vector<BundleFile> files = bundleFiles(spec);
    BundleResult result;
    result.location = target;
    for (const BundleFile& f : files) result.files.push_back(f.path);
    result.manifest = nlohmann::json::parse(files.back().content);

    // Written beside the target and renamed into place: a failed export leaves nothing behind.
    TemporaryFolder staging{temporaryPathBeside(target, "export")};
    const fs::path root = zip ? staging.path / target.stem() : staging.path;
    fs::create_directories(root, ec);
    if (ec) throw std::runtime_error(target.string() + ": not exported: " + ec.message());
    writeTree(root, files, job);

    if (zip) {
        const fs::path archive = staging.path / "bundle.zip";
        ToolCommand command;
        command.argv = {"zip", "-q", "-r", "-X", archive.string(), target.stem().string()};
        command.workDir = staging.path;
        const ToolResult r = runTool(command, job);
        if (r.exitCode != 0) throw std::runtime_error(target.string() + ": not exported: zip failed: " + r.output);
        fs::rename(archive, target, ec);
    } else {
        if (isEmptyFolder(target)) fs::remove(target, ec);
        fs::rename(staging.path, target, ec);
        if (!ec) staging.path.clear();
    }
    if (ec) throw std::runtime_error(target.string() + ": not exported: " + ec.message());
    syncToDisk(parent.string(), true);
    reportProgress(job, 1.0, "exported");
    return result;
}

std::vector<std::string> verifyBundle(const fs::path& folder) {
    std::vector<std::string> problems;
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(readFile(folder / "manifest.json"));
    } catch (const std::exception& e) {
        return {std::string("manifest.json: ") + e.what()};
    }
    for (const auto& entry : manifest.value("files", nlohmann::json::array())) {
        const std::string path = entry.value("path", "");
        std::error_code ec;
        if (!fs::is_regular_file(folder / path, ec)) {
            problems.push_back(path + ": missing");
            continue;
        }
        if (sha256Hex(readFile(folder / path)) != entry.value("sha256", ""))
            problems.push_back(path + ": SHA-256 differs");
    }
    return problems;
}

} // namespace scs::hdl
