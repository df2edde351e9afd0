// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the background task.
#include "BackgroundTask.h"

#include "BackgroundJobs.h"

#include "jobs/JobContext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <tuple>

namespace scs::ui {

struct BackgroundTask::Running {
    std::shared_ptr<JobContext> job;
    QFutureWatcher<void>* watcher = nullptr;
    BackgroundJobs::Token token = 0;
};

BackgroundTask::BackgroundTask(QObject* parent) : QObject(parent) {}

void BackgroundTask::setJobs(BackgroundJobs* jobs) { jobs_ = jobs; }

BackgroundTask::~BackgroundTask() {
    if (running_) {
        running_->job->cancel();
        running_->watcher->waitForFinished();
    }
}

bool BackgroundTask::start(const QString& title, Work work, Done done) {
    if (running_) return false;
    running_ = std::make_unique<Running>();
    running_->job = std::make_shared<JobContext>();
    if (jobs_) running_->token = jobs_->begin(title, [this] { cancel(); });
    // Only whole-percent changes cross to the GUI thread: a busy job reports far more often.
    auto lastPercent = std::make_shared<std::atomic<int>>(-1);
    running_->job->setProgressListener([this, lastPercent](double fraction, const std::string& message) {
        const int percent = static_cast<int>(fraction * 100);
        if (lastPercent->exchange(percent) == percent) return;
        QMetaObject::invokeMethod(
            this,
            [this, fraction, text = QString::fromStdString(message)] {
                if (!running_) return;
                if (jobs_) jobs_->progress(running_->token, fraction);
                emit progressed(fraction, text);
            },
            Qt::QueuedConnection);
    });
    auto outcome = std::make_shared<std::tuple<bool, bool, QString, std::any>>();
    running_->watcher = new QFutureWatcher<void>(this);
    connect(running_->watcher, &QFutureWatcher<void>::finished, this, [this, outcome, done] {
        auto [ok, cancelled, error, result] = *outcome;
        if (jobs_) jobs_->end(running_->token);
        running_->watcher->deleteLater();
        running_.reset();
        done(ok, cancelled, error, result);
    });
    std::shared_ptr<JobContext> job = running_->job;
    running_->watcher->setFuture(QtConcurrent::run([work, job, outcome] {
        try {
            std::get<3>(*outcome) = work(job.get());
            std::get<0>(*outcome) = true;
        } catch (const JobCancelled&) {
            std::get<1>(*outcome) = true;
        } catch (const std::exception& e) {
            std::get<2>(*outcome) = QString::fromUtf8(e.what());
        }
    }));
    return true;
}

void BackgroundTask::cancel() {
    if (running_) running_->job->cancel();
}

bool BackgroundTask::waitForIdle(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (running_ && timer.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return !running_;
}

} // namespace scs::ui
