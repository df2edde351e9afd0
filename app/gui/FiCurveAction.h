// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Analysis > f-I Curve: runs scs::runFiCurve in the background, plots the result.
#pragma once

#include <QObject>

#include <memory>

namespace scs { class JobContext; }

namespace scs::ui {

class JobsIndicator;
class PlaygroundView;

/// One f-I sweep at a time over the drive parameter's slider range (catalogue range, else
/// 0 .. 2x the protocol's amplitude); the curve lands in the Analysis dock's "f-I curve" tab.
class FiCurveAction : public QObject {
    Q_OBJECT
public:
    FiCurveAction(PlaygroundView* view, JobsIndicator* jobs, QObject* parent = nullptr);
    ~FiCurveAction() override;
    void run();
    bool isRunning() const { return running_; }

signals:
    void done(bool ok, const QString& message);

private:
    PlaygroundView* view_;
    JobsIndicator* jobs_;
    std::shared_ptr<scs::JobContext> job_;
    bool running_ = false;
};

} // namespace scs::ui
