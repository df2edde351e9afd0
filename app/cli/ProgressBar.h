// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a progress bar on stderr when it is a terminal; silent otherwise.
#pragma once

#include "jobs/JobContext.h"

#include <chrono>
#include <string>

namespace scs::cli {

class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();
    /// Attach to a job context before the work starts.
    void attach(JobContext& job);

private:
    void draw(double fraction);
    std::string label_;
    bool enabled_;
    int lastPercent_ = -1;
    std::chrono::steady_clock::time_point lastDraw_{};
};

} // namespace scs::cli
