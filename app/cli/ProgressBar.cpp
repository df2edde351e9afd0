// SPDX-License-Identifier: MIT
#include "cli/ProgressBar.h"

#include <cstdio>
#include <unistd.h>

namespace scs::cli {

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), enabled_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() {
    if (enabled_ && lastPercent_ >= 0) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::attach(JobContext& job) {
    if (!enabled_) return;
    job.setProgressListener([this](double fraction, const std::string&) { draw(fraction); });
}

void ProgressBar::draw(double fraction) {
    const int percent = static_cast<int>(fraction * 100);
    const auto now = std::chrono::steady_clock::now();
    if (percent == lastPercent_ || now - lastDraw_ < std::chrono::milliseconds(100)) return;
    lastPercent_ = percent;
    lastDraw_ = now;
    constexpr int width = 30;
    const int filled = percent * width / 100;
    std::fprintf(stderr, "\r%s [%.*s%*s] %3d%%", label_.c_str(), filled, "==============================",
                 width - filled, "", percent);
    std::fflush(stderr);
}

} // namespace scs::cli
