// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the jobs offered by plugins, as the CLI and the GUI list and run them.
#pragma once

#include "jobs/Job.h"
#include "plugin/JobDescriptor.h"

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace scs {

class JobRunner;

/// One registered job and who registered it.
struct RegisteredJob {
    // Declared first so it is destroyed last: `descriptor.run` is code inside the plugin library,
    // which must stay mapped until the function object is gone.
    std::shared_ptr<const void> keepAlive;
    std::string pluginId; // empty for jobs the studio registers itself
    JobDescriptor descriptor;
};

/// Thread-safe. Entries are immutable once registered and handed out as shared_ptrs, so a job
/// keeps running (and its plugin library stays loaded) even if the plugin is unregistered meanwhile.
class PluginRegistry {
public:
    /// Throws std::invalid_argument naming the problem: id not lower_snake_case, id already
    /// registered (and by whom), no run function, empty title, malformed parameter schema.
    void registerJob(JobDescriptor job, std::string pluginId = {}, std::shared_ptr<const void> keepAlive = {});
    /// Removes every job registered by `pluginId`; returns how many.
    std::size_t unregisterPlugin(const std::string& pluginId);

    /// Sorted by job id.
    std::vector<std::shared_ptr<const RegisteredJob>> jobs() const;
    /// Null if unknown.
    std::shared_ptr<const RegisteredJob> findJob(const std::string& jobId) const;

    /// Validates `params` (defaults filled) on the calling thread, then queues the job on `runner`
    /// under the job's title. Throws std::invalid_argument for an unknown job or bad parameters, so
    /// a caller reports input errors at once instead of through a failed job.
    std::shared_ptr<Job> submit(JobRunner& runner, const std::string& jobId,
                                const nlohmann::json& params = nlohmann::json::object()) const;
    /// Same validation, then runs on the calling thread. A job's exception comes out as
    /// JobCancelled or as std::runtime_error with the job's message (never the plugin's own
    /// exception object, whose code could be unloaded while it propagates).
    nlohmann::json run(const std::string& jobId, const nlohmann::json& params, JobContext& context) const;

private:
    std::shared_ptr<const RegisteredJob> require(const std::string& jobId) const;

    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const RegisteredJob>> jobs_;
};

} // namespace scs
