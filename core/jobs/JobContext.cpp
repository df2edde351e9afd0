// SPDX-License-Identifier: MIT
#include "jobs/JobContext.h"

namespace scs {

void JobContext::setProgress(double fraction, const std::string& message) {
    progress_.store(fraction < 0 ? 0 : fraction > 1 ? 1 : fraction);
    {
        std::lock_guard lock(mutex_);
        if (!message.empty()) message_ = message;
    }
    if (listener_) listener_(progress_.load(), message);
    if (parent_) parent_->setProgress(from_ + progress_.load() * (to_ - from_), message);
}

std::string JobContext::message() const {
    std::lock_guard lock(mutex_);
    return message_;
}

} // namespace scs
