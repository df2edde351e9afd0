// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — background jobs tracker.
#include "BackgroundJobs.h"

#include "JobsIndicator.h"

namespace scs::ui {

BackgroundJobs::BackgroundJobs(JobsIndicator* indicator, QObject* parent) : QObject(parent), indicator_(indicator) {
    connect(indicator_, &JobsIndicator::cancelRequested, this, &BackgroundJobs::cancelShown);
}

BackgroundJobs::Token BackgroundJobs::begin(const QString& title, std::function<void()> cancel) {
    const Token token = next_++;
    jobs_.push_back({token, title, -1.0, std::move(cancel)});
    show();
    return token;
}

void BackgroundJobs::progress(Token token, double fraction) {
    for (Entry& e : jobs_)
        if (e.token == token) e.progress = fraction;
    if (!jobs_.isEmpty() && jobs_.back().token == token) indicator_->setProgress(fraction);
}

void BackgroundJobs::end(Token token) {
    const auto before = jobs_.size();
    jobs_.removeIf([token](const Entry& e) { return e.token == token; });
    if (jobs_.size() != before) show();
}

void BackgroundJobs::cancelShown() {
    if (jobs_.isEmpty()) return;
    // Copy: the callback may end the job (and so edit jobs_) synchronously.
    const std::function<void()> cancel = jobs_.back().cancel;
    if (cancel) cancel();
}

QStringList BackgroundJobs::titles() const {
    QStringList out;
    for (const Entry& e : jobs_) out << e.title;
    return out;
}

void BackgroundJobs::show() {
    if (jobs_.isEmpty()) {
        indicator_->setIdle();
        return;
    }
    const Entry& shown = jobs_.back();
    // The jobs run side by side (none is queued), so the count goes into the title.
    const int others = static_cast<int>(jobs_.size()) - 1;
    indicator_->setRunning(others > 0 ? tr("%1 (+%2 more)").arg(shown.title).arg(others) : shown.title);
    indicator_->setProgress(shown.progress);
}

} // namespace scs::ui
