// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — ProjectCommand: the project store (core/project) on the command line.
#include "cli/ProjectCommand.h"

#include "cli/CliArgs.h"
#include "project/ProjectJson.h"
#include "project/ProjectLock.h"
#include "project/ProjectSchema.h"
#include "project/ProjectStore.h"
#include "util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace scs::cli {
namespace {

namespace fs = std::filesystem;
using project::Document;
using project::Project;
using project::ProjectStore;
using project::Run;

const char* kUsage = "usage: scstudio-cli project info FILE [--json]\n"
                     "       scstudio-cli project validate FILE [--json]\n"
                     "       scstudio-cli project export-json FILE [--output OUT.json]\n"
                     "       scstudio-cli project import-json FILE.json [--output OUT.scstudio] [--force]\n"
                     "  info         schema version, meta, documents and run manifests (run data is not read)\n"
                     "  validate     full check: SQLite integrity, every document, every run's data;\n"
                     "               prints 'FILE: valid' (exit 0) or one line per problem (exit 1)\n"
                     "  export-json  the whole project as JSON on stdout, or written atomically to --output\n"
                     "  import-json  rebuilds a project from export-json's JSON or the older scstudio-json form;\n"
                     "               --output defaults to FILE with .json replaced by .scstudio\n"
                     "options:\n"
                     "  --json       (info, validate) machine-readable output\n"
                     "  --output OUT where to write (export-json, import-json)\n"
                     "  --force      (import-json) replace OUT if it exists\n"
                     "exit: 0 ok; 1 unreadable or invalid file, failed write, or OUT exists; 2 usage error\n";

constexpr std::size_t kShaPrefix = 12; // enough to tell runs apart by eye; --json has the whole hash

std::string metaValue(const Project& p, const std::string& key) {
    const auto it = p.meta.find(key);
    return it == p.meta.end() ? std::string() : it->second;
}

std::uintmax_t fileBytes(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

// [SECTION] info

std::int64_t networkNeurons(const scs::NetworkGraph& g) {
    std::int64_t n = 0;
    for (const auto& p : g.populations) n += p.size;
    return n;
}

nlohmann::ordered_json documentJson(const Document& d) {
    nlohmann::ordered_json j{{"id", d.id}, {"type", d.type}, {"title", d.title()}};
    if (d.kept) {
        j["kept"] = true; // a newer studio's, a plugin's or a damaged document: carried, not read
    } else if (d.type == project::doctype::playground) {
        const auto& s = d.playground.simulation;
        j["model_id"] = d.playground.model.id;
        j["method"] = s.method;
        j["dt"] = s.dt;
        j["duration"] = s.duration;
    } else if (d.type == project::doctype::catalogueModel) {
        j["model_id"] = d.model.id;
    } else if (d.type == project::doctype::network) {
        j["populations"] = d.network.populations.size();
        j["neurons"] = networkNeurons(d.network);
        j["projections"] = d.network.projections.size();
        j["stimuli"] = d.network.stimuli.size();
        j["monitors"] = d.network.monitors.size();
        j["dt"] = d.network.dt;
        j["duration"] = d.network.duration;
    }
    return j;
}

nlohmann::ordered_json runJson(const Run& r) {
    const auto& m = r.manifest;
    return {{"id", r.id},
            {"document_id", r.documentId},
            {"kind", m.kind},
            {"label", m.label},
            {"created_at", m.createdAt},
            {"engine_version", m.engineVersion},
            {"inputs_sha256", m.inputsSha256},
            {"summary", nlohmann::ordered_json::parse(m.summary.dump())}};
}

nlohmann::ordered_json infoJson(const std::string& path, const Project& p) {
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    for (const auto& [k, v] : p.meta) meta[k] = v;
    nlohmann::ordered_json docs = nlohmann::ordered_json::array();
    for (const Document& d : p.documents) docs.push_back(documentJson(d));
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (const Run& r : p.runs) runs.push_back(runJson(r));
    return {{"file", path},
            {"file_bytes", fileBytes(path)},
            {"schema_version", project::schema::current},
            {"file_schema_version", p.openedSchemaVersion},
            {"migrated", p.openedSchemaVersion < project::schema::current},
            {"meta", meta},
            {"documents", docs},
            {"runs", runs},
            {"warnings", p.warnings}};
}

void printInfo(const std::string& path, const Project& p, std::ostream& out) {
    out << path << '\n';
    out << "  schema version " << p.openedSchemaVersion;
    if (p.openedSchemaVersion < project::schema::current)
        out << " (migrated from v" << p.openedSchemaVersion << " to v" << project::schema::current
            << " in memory; the file is unchanged until saved)";
    out << ", " << fileBytes(path) << " bytes\n";
    const auto stamp = [&](const char* what, const std::string& prefix) {
        const std::string at = metaValue(p, prefix + "_at"), by = metaValue(p, prefix + "_by");
        if (at.empty() && by.empty()) return;
        out << "  " << what << ' ' << (at.empty() ? "(no time)" : at);
        if (!by.empty()) out << " by " << by;
        out << '\n';
    };
    stamp("created", "created");
    stamp("saved  ", "saved");
    for (const auto& [k, v] : p.meta)
        if (k != "created_at" && k != "created_by" && k != "saved_at" && k != "saved_by")
            out << "  " << k << ": " << v << '\n';

    out << "documents: " << p.documents.size() << '\n';
    for (const Document& d : p.documents) {
        out << "  #" << d.id << ' ' << d.type << " \"" << d.title() << '"';
        if (d.kept) {
            out << ": kept unchanged, not readable by this studio";
        } else if (d.type == project::doctype::playground) {
            const auto& s = d.playground.simulation;
            out << ": model " << d.playground.model.id << ", method " << (s.method.empty() ? "default" : s.method)
                << ", dt " << s.dt << ", duration " << s.duration;
        } else if (d.type == project::doctype::catalogueModel) {
            out << ": model " << d.model.id;
        } else if (d.type == project::doctype::network) {
            const auto& g = d.network;
            out << ": " << g.populations.size() << " populations (" << networkNeurons(g) << " neurons), "
                << g.projections.size() << " projections, " << g.stimuli.size() << " stimuli, " << g.monitors.size()
                << " monitors, dt " << g.dt << ", duration " << g.duration;
        }
        out << '\n';
    }

    out << "runs: " << p.runs.size() << '\n';
    for (const Run& r : p.runs) {
        const auto& m = r.manifest;
        out << "  #" << r.id << " of document " << r.documentId << ": " << m.kind;
        if (!m.label.empty()) out << " \"" << m.label << '"';
        out << ", created " << (m.createdAt.empty() ? "?" : m.createdAt) << ", engine "
            << (m.engineVersion.empty() ? "?" : m.engineVersion) << ", inputs "
            << (m.inputsSha256.empty() ? "?" : m.inputsSha256.substr(0, kShaPrefix));
        if (!m.summary.empty()) out << ", summary " << m.summary.dump();
        out << '\n';
    }

    out << "warnings: " << (p.warnings.empty() ? "none" : std::to_string(p.warnings.size())) << '\n';
    for (const auto& w : p.warnings) out << "  " << w << '\n';
}

// [SECTION] writing files

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot be read (" + std::strerror(errno) + ")");
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw std::runtime_error(path + ": cannot be read (" + std::strerror(errno) + ")");
    return buffer.str();
}

bool sameFile(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// FILE.json -> FILE.scstudio, FILE.scstudio.json -> FILE.scstudio, anything else + .scstudio.
std::string defaultImportOutput(const std::string& input) {
    std::string out = endsWith(input, ".json") ? input.substr(0, input.size() - 5) : input;
    if (!endsWith(out, ProjectStore::extension)) out += ProjectStore::extension;
    return out;
}

// [SECTION] subcommands

int info(const std::string& path, bool json, std::ostream& out) {
    // open() reads manifests only; run data stays in the file (Run::data null) and is not needed.
    const Project p = ProjectStore::open(path);
    if (json)
        out << infoJson(path, p).dump(2) << '\n';
    else
        printInfo(path, p, out);
    return 0;
}

int validate(const std::string& path, bool json, std::ostream& out) {
    const std::vector<std::string> problems = ProjectStore::validate(path);
    if (json) {
        out << nlohmann::ordered_json{{"file", path}, {"valid", problems.empty()}, {"problems", problems}}.dump(2)
            << '\n';
    } else if (problems.empty()) {
        out << path << ": valid\n";
    } else {
        // Core messages about run data already start with the path; the others get it here.
        for (const auto& problem : problems)
            out << (problem.rfind(path + ":", 0) == 0 ? problem : path + ": " + problem) << '\n';
    }
    return problems.empty() ? 0 : 1;
}

int exportJsonCommand(const std::string& path, const std::optional<std::string>& output, std::ostream& out) {
    if (output && sameFile(path, *output))
        throw UsageError("--output " + *output + " is the project itself; choose another file");
    const Project p = ProjectStore::open(path);
    const std::string text = project::exportJson(p); // reads every run's data from the file
    if (!output) {
        out << text;
        return 0;
    }
    scs::writeFileAtomically(*output, text);
    return 0;
}

int importJsonCommand(const std::string& input, const std::optional<std::string>& output, bool force, std::ostream& out,
                      std::ostream& err) {
    const std::string target = output.value_or(defaultImportOutput(input));
    if (sameFile(input, target)) throw UsageError("--output " + target + " is the input itself; choose another file");
    if (fs::exists(target) && !force)
        throw std::runtime_error(target + ": already exists; not overwritten (use --force to replace it)");
    Project p = project::importJson(readWholeFile(input), input);
    // One writer per project: a studio that has the target open must not lose it under its feet.
    project::LockHolder holder;
    const auto lock = project::ProjectLock::tryAcquire(target, &holder);
    if (!lock)
        throw std::runtime_error(target + ": is open in a studio by " + holder.describe() +
                                 "; close it there first. The file was not changed");
    // An import rebuilds the exported project as it was, so its save stamp is kept as well; only
    // an older JSON without one gets the time of this import. This makes export -> import ->
    // export give back the same text.
    ProjectStore::SaveOptions options;
    for (const char* key : {"saved_at", "saved_by"})
        if (const auto it = p.meta.find(key); it != p.meta.end()) options.extraMeta[key] = it->second;
    ProjectStore::save(p, target, options);
    for (const auto& w : p.warnings) err << "scstudio-cli: warning: " << input << ": " << w << '\n';
    out << target << ": written (" << p.documents.size() << " documents, " << p.runs.size() << " runs)\n";
    return 0;
}

} // namespace

int runProjectCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << kUsage;
        return 0;
    }
    // Options first: positional() stops at the first option.
    const bool json = args.flag("json");
    const bool force = args.flag("force");
    const auto output = args.take("output");
    const auto sub = args.positional();
    const auto file = args.positional();
    args.expectEmpty();
    if (!sub) throw UsageError("project needs a subcommand: info, validate, export-json or import-json (see --help)");
    const bool known = *sub == "info" || *sub == "validate" || *sub == "export-json" || *sub == "import-json";
    if (!known)
        throw UsageError("unknown project subcommand '" + *sub + "' (info, validate, export-json, import-json)");
    if (!file) throw UsageError("project " + *sub + " needs a FILE");
    if (json && *sub != "info" && *sub != "validate") throw UsageError("--json only applies to info and validate");
    if (output && *sub != "export-json" && *sub != "import-json")
        throw UsageError("--output only applies to export-json and import-json");
    if (force && *sub != "import-json") throw UsageError("--force only applies to import-json");

    if (*sub == "info") return info(*file, json, out);
    if (*sub == "validate") return validate(*file, json, out);
    if (*sub == "export-json") return exportJsonCommand(*file, output, out);
    return importJsonCommand(*file, output, force, out, err);
}

} // namespace scs::cli
