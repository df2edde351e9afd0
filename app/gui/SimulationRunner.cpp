// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — simulation runner.
#include "SimulationRunner.h"

#include "analysis/AnalysisSupport.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace scs::ui {

namespace {

/// Axis ranges from the run (padded 20 %) when none are set, and the field evaluated at the
/// drive's largest magnitude (the "stimulus on" level of a step), not at its value at t = 0.
void fitPhasePlane(scs::PhasePlaneSettings& pp, const scs::SimulationResult& r) {
    auto fit = [&](const std::string& name, double& lo, double& hi) {
        if (lo < hi) return;
        const std::vector<double>* t = r.trace(name);
        if (!t || t->empty()) return;
        auto [mn, mx] = std::minmax_element(t->begin(), t->end());
        double pad = (*mx - *mn) * 0.2;
        if (pad <= 0) pad = std::max(std::abs(*mx) * 0.2, 1e-12);
        lo = *mn - pad;
        hi = *mx + pad;
    };
    fit(pp.xState, pp.xMin, pp.xMax);
    fit(pp.yState, pp.yMin, pp.yMax);
    if (!pp.driveValue && !r.drive.empty())
        pp.driveValue = *std::max_element(r.drive.begin(), r.drive.end(),
                                          [](double a, double b) { return std::abs(a) < std::abs(b); });
}

} // namespace

SimulationRunner::SimulationRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<scs::ui::RunOutcome>("scs::ui::RunOutcome");
    connect(&watcher_, &QFutureWatcher<RunOutcome>::finished, this, &SimulationRunner::onAsyncFinished);
}

SimulationRunner::~SimulationRunner() {
    queued_.reset();
    if (job_) job_->cancel();
    watcher_.waitForFinished();
}

RunOutcome SimulationRunner::execute(RunRequest request, std::shared_ptr<scs::JobContext> job) {
    RunOutcome out;
    out.trajectoryOnly = request.trajectoryOnly;
    QElapsedTimer timer;
    timer.start();
    try {
        out.result = scs::simulate(request.model, request.settings, job.get());
        out.ok = true;
    } catch (const scs::JobCancelled&) {
        out.cancelled = true;
        out.error = QStringLiteral("cancelled");
    } catch (const std::exception& e) {
        out.error = QString::fromUtf8(e.what());
    }
    if (out.ok && request.phasePlane && request.model.states().size() >= 2) {
        const qint64 phaseStart = timer.nsecsElapsed();
        try {
            scs::PhasePlaneSettings pp = *request.phasePlane;
            fitPhasePlane(pp, out.result);
            out.phase = scs::runPhasePlane(request.model, request.settings, pp, job.get());
        } catch (const scs::JobCancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.phaseError = QString::fromUtf8(e.what());
        }
        out.phaseMs = static_cast<double>(timer.nsecsElapsed() - phaseStart) / 1e6;
    }
    out.elapsedMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return out;
}

double SimulationRunner::predictMs(const RunRequest& r) const {
    const double steps = r.settings.dt > 0 ? r.settings.duration / r.settings.dt : 1e12;
    const double states = std::max<std::size_t>(1, r.model.states().size());
    // The phase plane costs about as much as ~7000 single steps (grid + nullcline evaluations).
    const double extra = r.phasePlane ? 7000.0 : 0.0;
    return msPerStep_ * (steps * states + extra);
}

void SimulationRunner::learn(const RunRequest& r, double ms) {
    const double steps = r.settings.dt > 0 ? r.settings.duration / r.settings.dt : 1;
    const double work = steps * std::max<std::size_t>(1, r.model.states().size()) + (r.phasePlane ? 7000.0 : 0.0);
    if (work > 0 && std::isfinite(ms)) msPerStep_ = 0.5 * msPerStep_ + 0.5 * (ms / work);
}

quint64 SimulationRunner::request(RunRequest request) {
    if (isBusy()) {
        queued_ = std::move(request);
        return serial_ + 1;
    }
    if (predictMs(request) <= inlineBudgetMs_) return runNow(std::move(request)).serial;
    startAsync(std::move(request));
    return serial_;
}

RunOutcome SimulationRunner::runNow(RunRequest request) {
    queued_.reset();
    if (isBusy()) {
        if (job_) job_->cancel();
        watcher_.waitForFinished();
        discardRunning_ = true; // its outcome is older than the one computed here
    }
    const RunRequest copy = request;
    RunOutcome out = execute(std::move(request), nullptr);
    out.serial = ++serial_;
    if (out.ok) learn(copy, out.elapsedMs);
    emit finished(out);
    return out;
}

void SimulationRunner::startAsync(RunRequest request) {
    job_ = std::make_shared<scs::JobContext>();
    QPointer<SimulationRunner> self(this);
    job_->setProgressListener([self](double fraction, const std::string&) {
        if (!self) return;
        QMetaObject::invokeMethod(
            self,
            [self, fraction] {
                if (self) emit self->progress(fraction);
            },
            Qt::QueuedConnection);
    });
    const RunRequest copy = request;
    running_ = copy;
    inFlight_ = true;
    discardRunning_ = false;
    emit started(tr("Simulating %1").arg(QString::fromStdString(copy.model.spec().name)));
    watcher_.setFuture(QtConcurrent::run(&SimulationRunner::execute, std::move(request), job_));
}

void SimulationRunner::onAsyncFinished() {
    inFlight_ = false;
    RunOutcome out = watcher_.result();
    out.serial = ++serial_;
    if (out.ok && running_) learn(*running_, out.elapsedMs);
    job_.reset();
    if (!out.cancelled && !discardRunning_) emit finished(out);
    discardRunning_ = false;
    if (queued_) {
        RunRequest next = std::move(*queued_);
        queued_.reset();
        startAsync(std::move(next));
    } else {
        emit idle();
    }
}

void SimulationRunner::cancel() {
    queued_.reset();
    if (job_) job_->cancel();
}

void SimulationRunner::waitForIdle() {
    while (inFlight_) {
        watcher_.waitForFinished();
        QCoreApplication::processEvents(); // delivers `finished`, which may start the queued run
    }
}

} // namespace scs::ui
