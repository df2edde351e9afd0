// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — f-I curve action.
#include "FiCurveAction.h"

#include "PlaygroundPresenter.h"
#include "PlaygroundView.h"

#include "AnalysisPanel.h"
#include "JobsIndicator.h"

#include "analysis/FiCurve.h"
#include "units/Quantity.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace scs::ui {

namespace {
struct FiOutcome {
    bool ok = false;
    QString error;
    scs::FiCurveResult result;
};
} // namespace

FiCurveAction::FiCurveAction(PlaygroundView* view, JobsIndicator* jobs, QObject* parent)
    : QObject(parent), view_(view), jobs_(jobs) {}

FiCurveAction::~FiCurveAction() {
    if (job_) job_->cancel();
}

void FiCurveAction::run() {
    if (running_) return;
    if (!view_->runNow() || !view_->model()) {
        emit done(false, tr("f-I curve: the model has errors"));
        return;
    }
    const scs::NeuronModel model = *view_->model();
    const PlaygroundState& state = view_->document()->state();
    scs::SimulationSettings base;
    scs::FiCurveSettings fi;
    try {
        base = presenter::settings(state, model);
        base.protocol.reset(); // the sweep holds the drive constant
        const std::string drive = base.drive;
        if (const scs::ParameterRange* r = state.model.range(drive); r && !r->min.empty() && !r->max.empty()) {
            fi.driveMin = scs::parseQuantity(r->min, drive).value;
            fi.driveMax = scs::parseQuantity(r->max, drive).value;
        } else {
            const scs::Protocol p = state.simulation.protocol.empty() ? scs::Protocol()
                                                                      : scs::Protocol::parse(state.simulation.protocol);
            fi.driveMin = 0;
            fi.driveMax = 2 * std::abs(p.offset + p.amplitude);
        }
        if (!(fi.driveMax > fi.driveMin)) throw std::runtime_error("no drive range: give the drive parameter a range or a protocol");
        fi.points = 25;
    } catch (const std::exception& e) {
        emit done(false, tr("f-I curve: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    running_ = true;
    job_ = std::make_shared<scs::JobContext>();
    QPointer<JobsIndicator> jobs(jobs_);
    job_->setProgressListener([jobs](double f, const std::string&) {
        QMetaObject::invokeMethod(jobs, [jobs, f] { if (jobs) jobs->setProgress(f); }, Qt::QueuedConnection);
    });
    jobs_->setRunning(tr("f-I curve"));
    auto* watcher = new QFutureWatcher<FiOutcome>(this);
    QMetaObject::Connection cancel = connect(jobs_, &JobsIndicator::cancelRequested, this, [this] {
        if (job_) job_->cancel();
    });
    connect(watcher, &QFutureWatcher<FiOutcome>::finished, this, [this, watcher, cancel, model] {
        disconnect(cancel);
        const FiOutcome out = watcher->result();
        watcher->deleteLater();
        running_ = false;
        job_.reset();
        jobs_->setIdle();
        if (!out.ok) {
            emit done(false, tr("f-I curve: %1").arg(out.error));
            return;
        }
        scs::Dimension dim;
        if (auto idx = model.parameterIndex(out.result.drive)) dim = model.parameters()[*idx].dimension;
        const scs::DisplayUnit u = presenter::unitFor(model, out.result.drive, dim);
        PlotSeries rate{tr("steady rate"), QStringLiteral("Hz"), {}, {}, {}};
        PlotSeries first{tr("first ISI rate"), QStringLiteral("Hz"), {}, {}, {}};
        for (std::size_t i = 0; i < out.result.drives.size(); ++i) {
            rate.x << out.result.drives[i] / u.scale;
            rate.y << out.result.rate[i];
            first.x << out.result.drives[i] / u.scale;
            first.y << out.result.firstIsiRate[i];
        }
        SeriesPlot* plot = view_->analysisPanel()->seriesTab(tr("f-I curve"));
        plot->setAxisLabels(QStringLiteral("%1 (%2)").arg(QString::fromStdString(out.result.drive), QString::fromStdString(u.name)),
                            tr("firing rate (Hz)"));
        plot->setSeries({rate, first});
        emit done(true, std::isfinite(out.result.rheobase)
                            ? tr("f-I curve: rheobase %1 %2").arg(out.result.rheobase / u.scale, 0, 'g', 4).arg(QString::fromStdString(u.name))
                            : tr("f-I curve: no drive in the range fires"));
    });
    std::shared_ptr<scs::JobContext> job = job_;
    watcher->setFuture(QtConcurrent::run([model, base, fi, job] {
        FiOutcome out;
        try {
            out.result = scs::runFiCurve(model, base, fi, job.get());
            out.ok = true;
        } catch (const scs::JobCancelled&) {
            out.error = QStringLiteral("cancelled");
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

} // namespace scs::ui
