// SPDX-License-Identifier: MIT
// Template plugin — SumJob: a real, checkable piece of work with progress and cancellation.
#include "SumJob.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

namespace scs::template_plugin {

JobDescriptor sumJobDescriptor() {
    JobDescriptor job;
    job.id = kSumJobId;
    job.title = "Sum numbers (template plugin)";
    job.description = "Adds up a list of numbers. Shows how a plugin declares parameters, reports "
                      "progress and honours cancellation.";
    job.parameters = {
        {"type", "object"},
        {"properties",
         {{"values", {{"type", "array"}, {"items", {{"type", "number"}}}, {"title", "Values"},
                      {"description", "The numbers to add up"}}},
          {"delay_ms", {{"type", "integer"}, {"minimum", 0}, {"maximum", 10000}, {"default", 0},
                        {"title", "Delay per value"}, {"unit", "ms"},
                        {"description", "Pause after each value, to watch progress"}}}}},
        {"required", {"values"}},
    };
    job.run = runSum;
    return job;
}

nlohmann::json runSum(const nlohmann::json& params, JobContext& job) {
    const nlohmann::json& values = params.at("values");
    const auto delay = std::chrono::milliseconds(params.value("delay_ms", 0));
    const std::size_t count = values.size();
    // Report at most ~100 times: each report takes a lock and calls listeners.
    const std::size_t every = std::max<std::size_t>(1, count / 100);
    double sum = 0.0;
    job.setProgress(0.0, "summing " + std::to_string(count) + " values");
    for (std::size_t i = 0; i < count; ++i) {
        job.throwIfCancelled();
        sum += values[i].get<double>();
        if (delay.count() > 0) std::this_thread::sleep_for(delay);
        if ((i + 1) % every == 0 || i + 1 == count)
            job.setProgress(static_cast<double>(i + 1) / static_cast<double>(count),
                            "summed " + std::to_string(i + 1) + " of " + std::to_string(count));
    }
    job.setProgress(1.0, "done");
    nlohmann::json result = {{"sum", sum}, {"count", count}};
    result["mean"] = count ? nlohmann::json(sum / static_cast<double>(count)) : nlohmann::json(nullptr);
    return result;
}

} // namespace scs::template_plugin
