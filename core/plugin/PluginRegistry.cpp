// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — PluginRegistry: registration checks, lookup, running with validated params.
#include "plugin/PluginRegistry.h"

#include "jobs/JobRunner.h"
#include "plugin/ParameterSchema.h"

#include <stdexcept>

namespace scs {

void PluginRegistry::registerJob(JobDescriptor job, std::string pluginId, std::shared_ptr<const void> keepAlive) {
    const std::string who = pluginId.empty() ? std::string("the studio") : "plugin '" + pluginId + "'";
    if (!isValidPersistentId(job.id))
        throw std::invalid_argument("job id '" + job.id + "' from " + who + " is not lower_snake_case");
    if (!job.run) throw std::invalid_argument("job '" + job.id + "' from " + who + " has no run function");
    if (job.title.empty()) throw std::invalid_argument("job '" + job.id + "' from " + who + " has no title");
    if (auto problem = checkParameterSchema(job.parameters); !problem.empty())
        throw std::invalid_argument("job '" + job.id + "' from " + who + ": " + problem);

    auto entry = std::make_shared<RegisteredJob>();
    entry->keepAlive = std::move(keepAlive);
    entry->pluginId = std::move(pluginId);
    entry->descriptor = std::move(job);

    std::lock_guard lock(mutex_);
    if (auto it = jobs_.find(entry->descriptor.id); it != jobs_.end()) {
        const std::string owner =
            it->second->pluginId.empty() ? std::string("the studio") : "plugin '" + it->second->pluginId + "'";
        throw std::invalid_argument("job id '" + entry->descriptor.id + "' from " + who + " is already registered by " +
                                    owner);
    }
    jobs_.emplace(entry->descriptor.id, std::move(entry));
}

std::size_t PluginRegistry::unregisterPlugin(const std::string& pluginId) {
    std::lock_guard lock(mutex_);
    return std::erase_if(jobs_, [&](const auto& item) { return item.second->pluginId == pluginId; });
}

std::vector<std::shared_ptr<const RegisteredJob>> PluginRegistry::jobs() const {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<const RegisteredJob>> out;
    out.reserve(jobs_.size());
    for (const auto& [id, job] : jobs_) out.push_back(job);
    return out;
}

std::shared_ptr<const RegisteredJob> PluginRegistry::findJob(const std::string& jobId) const {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(jobId);
    return it == jobs_.end() ? nullptr : it->second;
}

std::shared_ptr<const RegisteredJob> PluginRegistry::require(const std::string& jobId) const {
    if (auto job = findJob(jobId)) return job;
    std::string known;
    for (const auto& job : jobs()) known += (known.empty() ? "" : ", ") + job->descriptor.id;
    throw std::invalid_argument("unknown job '" + jobId + "' (available: " + (known.empty() ? "none" : known) + ")");
}

std::shared_ptr<Job> PluginRegistry::submit(JobRunner& runner, const std::string& jobId,
                                            const nlohmann::json& params) const {
    auto job = require(jobId);
    nlohmann::json checked = validateParameters(job->descriptor.parameters, params);
    // The lambda holds the entry (and so the plugin library) until the job's work is released.
    return runner.submit(job->descriptor.title,
                         JobRunner::Work([job, checked = std::move(checked)](JobContext& context) {
                             return job->descriptor.run(checked, context);
                         }));
}

nlohmann::json PluginRegistry::run(const std::string& jobId, const nlohmann::json& params, JobContext& context) const {
    auto job = require(jobId);
    const nlohmann::json checked = validateParameters(job->descriptor.parameters, params);
    // Rethrow as exceptions whose code lives in the studio: the original object's vtable may be in
    // the plugin library, which can be unloaded before the caller's catch block runs.
    try {
        return job->descriptor.run(checked, context);
    } catch (const JobCancelled&) {
        throw JobCancelled();
    } catch (const std::exception& e) {
        throw std::runtime_error(e.what());
    } catch (...) {
        throw std::runtime_error("failed (unknown exception)");
    }
}

} // namespace scs
