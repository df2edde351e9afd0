// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — runs playground simulations: inline when fast, else in the background.
#pragma once

#include "analysis/PhasePlane.h"
#include "jobs/JobContext.h"
#include "ode/Simulation.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace scs::ui {

/// One run: the compiled model and its settings, plus an optional phase plane of two states.
struct RunRequest {
    scs::NeuronModel model;
    scs::SimulationSettings settings;
    std::optional<scs::PhasePlaneSettings> phasePlane;
    /// The phase plane is shown but its field is not recomputed for this run (a slider drag):
    /// the view updates the trajectory only. Passed through to RunOutcome.
    bool trajectoryOnly = false;
};

struct RunOutcome {
    quint64 serial = 0;
    bool ok = false;
    bool cancelled = false;
    QString error; // one line when !ok
    scs::SimulationResult result;
    std::optional<scs::PhasePlaneResult> phase;
    QString phaseError;
    double elapsedMs = 0;        // simulation + phase plane, wall clock
    double phaseMs = 0;          // of which the phase plane
    bool trajectoryOnly = false; // as requested
};

/// "Latest request wins": while a background run is in flight, a new request replaces any queued
/// one (never the running one, so results keep arriving during a slider drag); when the run ends
/// its result is delivered and the queued request starts. A request predicted to take less than
/// `inlineBudgetMs` (from the last measured speed) runs at once on the calling thread, so a drag
/// redraws without a frame of lag. `finished` is always emitted on the main thread.
class SimulationRunner : public QObject {
    Q_OBJECT
public:
    explicit SimulationRunner(QObject* parent = nullptr);
    ~SimulationRunner() override;

    quint64 request(RunRequest request);
    /// Runs synchronously whatever its cost (screenshots, tests); drops any queued request.
    RunOutcome runNow(RunRequest request);
    /// True from the start of a background run until its result has been delivered.
    bool isBusy() const { return inFlight_; }
    bool hasQueued() const { return queued_.has_value(); }
    void cancel();
    void setInlineBudgetMs(double ms) { inlineBudgetMs_ = ms; }
    /// Waits until no background run is left (tests).
    void waitForIdle();

signals:
    void started(const QString& title);
    void progress(double fraction);
    void finished(const scs::ui::RunOutcome& outcome);
    void idle();

private:
    static RunOutcome execute(RunRequest request, std::shared_ptr<scs::JobContext> job);
    void startAsync(RunRequest request);
    void onAsyncFinished();
    double predictMs(const RunRequest& r) const;
    void learn(const RunRequest& r, double ms);

    QFutureWatcher<RunOutcome> watcher_;
    std::shared_ptr<scs::JobContext> job_;
    std::optional<RunRequest> queued_;
    std::optional<RunRequest> running_; // for learning its speed when it ends
    quint64 serial_ = 0;
    double msPerStep_ = 2e-4; // measured; start optimistic (5 M steps/s)
    double inlineBudgetMs_ = 40;
    bool inFlight_ = false;
    bool discardRunning_ = false; // runNow() superseded the background run
};

} // namespace scs::ui
