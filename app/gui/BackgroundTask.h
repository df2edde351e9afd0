// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one long piece of work at a time, off the GUI thread, with progress,
// cancel and the window's jobs indicator: what the hardware tools and the network runs share.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <any>
#include <functional>
#include <memory>

namespace scs {
class JobContext;
}

namespace scs::ui {

class BackgroundJobs;

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    /// The work runs on a pool thread and returns its result; it throws JobCancelled when
    /// cancelled and any std::exception to fail.
    using Work = std::function<std::any(JobContext*)>;
    /// Called on the GUI thread when the work ends: ok with its result, or cancelled, or the
    /// failure's message.
    using Done = std::function<void(bool ok, bool cancelled, const QString& error, const std::any& result)>;

    explicit BackgroundTask(QObject* parent = nullptr);
    ~BackgroundTask() override; // cancels and waits for a running work

    /// The window's job indicator (optional): the task shows there with `title` and its cancel.
    void setJobs(BackgroundJobs* jobs);
    /// False when a work is already running.
    bool start(const QString& title, Work work, Done done);
    void cancel();
    bool isBusy() const { return static_cast<bool>(running_); }
    /// Processes events until no work runs or `timeoutMs` passes; true when idle.
    bool waitForIdle(int timeoutMs = 120000);

signals:
    /// Progress of the running work (whole percents only), on the GUI thread.
    void progressed(double fraction, const QString& message);

private:
    struct Running;
    QPointer<BackgroundJobs> jobs_;
    std::unique_ptr<Running> running_;
};

} // namespace scs::ui
