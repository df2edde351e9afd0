// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — PluginsCommand: the plugin loader and registry on the command line.
#include "cli/PluginsCommand.h"

#include "cli/CliArgs.h"
#include "cli/ProgressBar.h"
#include "jobs/JobContext.h"
#include "plugin/PluginLoader.h"
#include "plugin/PluginRegistry.h"

#include <csignal>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace scs::cli {
namespace {

const char* kUsage =
    "usage: scstudio-cli plugins [list] [--json] [--strict]\n"
    "       scstudio-cli plugins jobs [--json]\n"
    "       scstudio-cli plugins run JOB_ID [--params JSON | --params-file FILE] [--json]\n"
    "options:\n"
    "  --plugin-path DIR   also search DIR (repeatable; before $SCS_PLUGIN_PATH and the defaults)\n"
    "  --json              machine-readable output\n"
    "  --strict            (list) exit 1 if any plugin failed to load\n"
    "  --params JSON       job parameters as a JSON object, e.g. '{\"values\": [1, 2]}'\n";

// The job's context, reachable from the SIGINT handler. Setting an atomic<bool> is lock-free and
// so safe inside a signal handler.
JobContext* gRunningJob = nullptr;
extern "C" void cancelOnInterrupt(int) {
    if (gRunningJob) gRunningJob->cancel();
}

// Restores the previous SIGINT handler however the job ends.
class InterruptCancels {
public:
    explicit InterruptCancels(JobContext& job) {
        gRunningJob = &job;
        previous_ = std::signal(SIGINT, cancelOnInterrupt);
    }
    ~InterruptCancels() {
        std::signal(SIGINT, previous_);
        gRunningJob = nullptr;
    }
    InterruptCancels(const InterruptCancels&) = delete;
    InterruptCancels& operator=(const InterruptCancels&) = delete;

private:
    void (*previous_)(int) = SIG_DFL;
};

std::vector<std::filesystem::path> searchPaths(const std::vector<std::string>& extra) {
    std::vector<std::filesystem::path> paths(extra.begin(), extra.end());
    for (auto& p : PluginLoader::defaultSearchPaths()) paths.push_back(std::move(p));
    return paths;
}

nlohmann::ordered_json jobJson(const RegisteredJob& job) {
    return {{"id", job.descriptor.id},
            {"plugin", job.pluginId},
            {"title", job.descriptor.title},
            {"description", job.descriptor.description},
            {"parameters", job.descriptor.parameters}};
}

int listPlugins(const PluginLoader& loader, const PluginRegistry& registry, bool json, bool strict, std::ostream& out) {
    const auto plugins = loader.plugins();
    if (json) {
        nlohmann::ordered_json paths = nlohmann::ordered_json::array();
        for (const auto& p : loader.searchPaths()) paths.push_back(p.string());
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto* spec : plugins) {
            nlohmann::ordered_json entry = spec->toJson();
            nlohmann::ordered_json jobs = nlohmann::ordered_json::array();
            for (const auto& job : registry.jobs())
                if (job->pluginId == spec->id() && spec == loader.plugin(spec->id())) jobs.push_back(job->descriptor.id);
            entry["jobs"] = jobs;
            list.push_back(entry);
        }
        out << nlohmann::ordered_json{{"search_paths", paths}, {"plugins", list}}.dump(2) << '\n';
    } else {
        out << "plugin directories:";
        for (const auto& p : loader.searchPaths()) out << ' ' << p.string();
        out << (loader.searchPaths().empty() ? " (none)\n" : "\n");
        if (plugins.empty()) out << "no plugins found\n";
        for (const auto* spec : plugins) {
            out << std::left << std::setw(24) << spec->id() << ' ' << std::setw(9) << spec->version() << ' '
                << std::setw(12) << (spec->isDisabled() ? "disabled" : toString(spec->state())) << ' ' << spec->name()
                << '\n';
            for (const auto& job : registry.jobs())
                if (job->pluginId == spec->id() && spec == loader.plugin(spec->id()))
                    out << "    job " << job->descriptor.id << ": " << job->descriptor.title << '\n';
            for (const auto& problem : spec->errors()) out << "    problem: " << problem << '\n';
        }
    }
    return strict && !loader.problems().empty() ? 1 : 0;
}

int listJobs(const PluginRegistry& registry, bool json, std::ostream& out) {
    if (json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& job : registry.jobs()) list.push_back(jobJson(*job));
        out << list.dump(2) << '\n';
        return 0;
    }
    if (registry.jobs().empty()) out << "no plugin jobs (see `scstudio-cli plugins` for problems)\n";
    for (const auto& job : registry.jobs()) {
        out << job->descriptor.id << " (" << job->pluginId << "): " << job->descriptor.title << '\n';
        const auto& schema = job->descriptor.parameters;
        if (!schema.is_object() || !schema.contains("properties")) continue;
        const auto required = schema.value("required", nlohmann::json::array());
        for (const auto& [name, prop] : schema["properties"].items()) {
            out << "    --params " << name << ": " << prop.value("type", "?");
            if (prop.contains("unit")) out << " [" << prop["unit"].get<std::string>() << "]";
            bool isRequired = false;
            for (const auto& r : required) isRequired = isRequired || (r.is_string() && r.get<std::string>() == name);
            if (isRequired) out << ", required";
            if (prop.contains("default")) out << ", default " << prop["default"].dump();
            if (prop.contains("description")) out << " - " << prop["description"].get<std::string>();
            out << '\n';
        }
    }
    return 0;
}

nlohmann::json readParams(const std::optional<std::string>& text, const std::optional<std::string>& file) {
    if (text && file) throw UsageError("give --params or --params-file, not both");
    std::string source = text.value_or("{}");
    if (file) {
        std::ifstream in(*file);
        if (!in) throw UsageError("cannot read --params-file " + *file);
        std::stringstream buffer;
        buffer << in.rdbuf();
        source = buffer.str();
    }
    try {
        return nlohmann::json::parse(source);
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string(file ? "--params-file" : "--params") + " is not valid JSON: " + e.what());
    }
}

int runJob(const PluginLoader& loader, const PluginRegistry& registry, const std::string& jobId,
           const nlohmann::json& params, bool json, std::ostream& out, std::ostream& err) {
    if (!registry.findJob(jobId)) {
        // The job may belong to a plugin that failed: say why.
        for (const auto& problem : loader.problems()) err << "scstudio-cli: warning: plugin " << problem << '\n';
    }
    JobContext context;
    nlohmann::json result;
    {
        ProgressBar bar(jobId);
        bar.attach(context);
        InterruptCancels interrupt(context);
        try {
            result = registry.run(jobId, params, context);
        } catch (const std::invalid_argument& e) {
            // Unknown job or parameters the job's schema refuses: the caller's mistake.
            throw UsageError(e.what());
        }
    }
    if (json) out << nlohmann::ordered_json{{"job", jobId}, {"state", "finished"}, {"result", result}}.dump() << '\n';
    else out << result.dump(2) << '\n';
    return 0;
}

} // namespace

int runPluginsCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << kUsage;
        return 0;
    }
    // Options first: positional() stops at the first option.
    const bool json = args.flag("json");
    const bool strict = args.flag("strict");
    const auto extraPaths = args.takeAll("plugin-path");
    const auto paramsText = args.take("params");
    const auto paramsFile = args.take("params-file");
    const std::string sub = args.positional().value_or("list");
    std::string jobId;
    nlohmann::json params;
    if (sub == "run") {
        jobId = args.positional().value_or("");
        if (jobId.empty()) throw UsageError("plugins run needs a job id (see `scstudio-cli plugins jobs`)");
        params = readParams(paramsText, paramsFile);
    } else if (sub != "list" && sub != "jobs") {
        throw UsageError("unknown plugins subcommand '" + sub + "' (list, jobs, run)");
    } else if (paramsText || paramsFile) {
        throw UsageError("--params only applies to `plugins run`");
    }
    args.expectEmpty();

    PluginRegistry registry;
    PluginLoader loader(registry);
    loader.setSearchPaths(searchPaths(extraPaths));
    loader.loadAll();

    if (sub == "list") return listPlugins(loader, registry, json, strict, out);
    if (sub == "jobs") return listJobs(registry, json, out);
    return runJob(loader, registry, jobId, params, json, out, err);
}

} // namespace scs::cli
