// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — every piece of background work the window runs, shown in one jobs indicator.
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

namespace scs::ui {

class JobsIndicator;

/// Simulations and analyses report here (begin, progress, end) and the indicator shows the most
/// recently started job that is still running, its progress, and how many others run; it goes
/// idle only when the last one ends. The indicator's Cancel stops the job it shows.
/// Main thread only: post progress from worker threads with a queued call.
class BackgroundJobs : public QObject {
    Q_OBJECT
public:
    using Token = quint64;

    explicit BackgroundJobs(JobsIndicator* indicator, QObject* parent = nullptr);

    /// `cancel` is called (on the main thread) when the user cancels this job from the indicator.
    Token begin(const QString& title, std::function<void()> cancel);
    void progress(Token token, double fraction);
    /// Unknown or already ended tokens are ignored.
    void end(Token token);
    /// Cancels the job the indicator shows (the latest started).
    void cancelShown();

    int runningCount() const { return static_cast<int>(jobs_.size()); }
    QStringList titles() const;

private:
    struct Entry {
        Token token;
        QString title;
        double progress;
        std::function<void()> cancel;
    };
    void show();

    JobsIndicator* indicator_;
    QVector<Entry> jobs_;
    Token next_ = 1;
};

} // namespace scs::ui
