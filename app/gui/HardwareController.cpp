// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the hardware controller.
#include "HardwareController.h"

#include "AnalysisContext.h"

#include "BackgroundTask.h"
#include "FixedContractBar.h"
#include "RtlViewer.h"
#include "SynthesisReportPanel.h"

#include "fixed/FixedCompiler.h"
#include "hdl/BundleBuilder.h"
#include "hdl/Estimate.h"
#include "hdl/SvEmitter.h"
#include "hdl/SvPipeline.h"
#include "hdl/Synthesis.h"
#include "jobs/JobContext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace scs::ui {

/// One compile of the shown playground: what synthesis and export work from.
struct HardwareController::Compiled {
    fixed::FixedModelProgram program;
    hdl::SvOptions options;
    hdl::SvInterface module;
    std::string rtl;
    SimulationSettings settings;
};

HardwareController::HardwareController(std::function<PlaygroundState()> state, BackgroundJobs* jobs, QObject* parent)
    : QObject(parent), state_(std::move(state)) {
    task_ = new BackgroundTask(this);
    task_->setJobs(jobs);
    rtlPanel_ = new QWidget;
    rtlPanel_->setObjectName(QStringLiteral("rtlPanel"));
    auto* layout = new QVBoxLayout(rtlPanel_);
    layout->setContentsMargins(4, 4, 4, 4);
    contractBar_ = new FixedContractBar;
    viewer_ = new RtlViewer;
    error_ = new QLabel;
    error_->setObjectName(QStringLiteral("compileError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #d62728; }"));
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->hide();
    pipeline_ = new QSpinBox;
    pipeline_->setObjectName(QStringLiteral("pipelineBox"));
    pipeline_->setRange(0, hdl::kMaxPipelineStages);
    pipeline_->setSpecialValueText(tr("none"));
    pipeline_->setToolTip(tr("Pipeline registers in the step's datapath: with N stages a step takes N + 1 clock "
                             "cycles and the longest combinational path is about 1/(N + 1) as long (a faster "
                             "clock). The testbench, co-simulation and bundle follow the latency."));
    auto* row = new QHBoxLayout;
    row->addWidget(contractBar_, 1);
    row->addWidget(new QLabel(tr("Pipeline stages")));
    row->addWidget(pipeline_);
    layout->addLayout(row);
    layout->addWidget(error_);
    layout->addWidget(viewer_, 1);
    synthesis_ = new SynthesisReportPanel;
    connect(synthesis_, &SynthesisReportPanel::synthesiseRequested, this, &HardwareController::synthesise);
    connect(synthesis_, &SynthesisReportPanel::cancelRequested, this, &HardwareController::cancel);
    connect(task_, &BackgroundTask::progressed, synthesis_, &SynthesisReportPanel::setProgress);
    // The estimates follow the contract at once; the RTL only when asked (it may be read).
    auto recompile = [this] {
        compiled_.reset();
        if (!viewer_->text().isEmpty()) compile();
    };
    connect(contractBar_, &FixedContractBar::contractChanged, this, recompile);
    connect(pipeline_, &QSpinBox::valueChanged, this, recompile);
}

HardwareController::~HardwareController() = default; // the task cancels and waits for a running job

QString HardwareController::compileError() const { return error_->isVisible() ? error_->text() : QString(); }

std::shared_ptr<const HardwareController::Compiled> HardwareController::compileShown() {
    auto compiled = std::make_shared<Compiled>();
    try {
        const AnalysisContext context = AnalysisContext::fromState(state_());
        compiled->settings = context.base;
        compiled->program =
            fixed::compileFixed(context.model, fixed::compileOptionsFor(context.base, contractBar_->contract()));
        if (compiled->program.name.empty()) compiled->program.name = context.entry.id;
        compiled->options.pipelineStages = pipeline_->value();
        compiled->rtl = hdl::emitSystemVerilog(compiled->program, compiled->options);
        compiled->module = hdl::svInterface(compiled->program, compiled->options);
    } catch (const ModelError& e) {
        QStringList lines;
        for (const Diagnostic& d : e.diagnostics()) lines << QString::fromStdString(d.format());
        error_->setText(tr("Cannot compile: %1").arg(lines.join(QLatin1Char('\n'))));
        error_->show();
        emit statusMessage(error_->text());
        return nullptr;
    } catch (const std::exception& e) {
        error_->setText(tr("Cannot compile: %1").arg(QString::fromUtf8(e.what())));
        error_->show();
        emit statusMessage(error_->text());
        return nullptr;
    }
    error_->hide();
    error_->clear();
    return compiled;
}

bool HardwareController::compile() {
    compiled_ = compileShown();
    if (!compiled_) return false;
    viewer_->setSource(QString::fromStdString(compiled_->rtl),
                       QString::fromStdString(compiled_->module.module + ".sv"));
    showHistory();
    const int latency = compiled_->module.latency;
    emit statusMessage(
        tr("Compiled %1 (%2): %3 operations, %4 tables, %5")
            .arg(QString::fromStdString(compiled_->module.module),
                 QString::fromStdString(compiled_->program.contract.label()))
            .arg(compiled_->program.code.size())
            .arg(compiled_->program.luts.size())
            .arg(latency == 1 ? tr("one clock cycle per step") : tr("%1 clock cycles per step").arg(latency)));
    return true;
}

void HardwareController::setHistory(std::vector<hdl::SynthesisReport> runs) {
    runs_ = std::move(runs);
    compiled_.reset();
    showHistory();
}

void HardwareController::showHistory() {
    // The estimates are instant: one per target for what is compiled now, after the real runs.
    std::vector<hdl::SynthesisReport> shown = runs_;
    if (compiled_)
        for (hdl::SynthesisTarget target : hdl::synthesisTargets()) {
            try {
                shown.push_back(hdl::estimate(compiled_->program, target, compiled_->options.pipelineStages));
            } catch (const std::exception&) {
                // A program the estimator cannot count has no estimate; the real run still works.
            }
        }
    synthesis_->setReports(std::move(shown));
}

bool HardwareController::start(const QString& title, BackgroundTask::Work work, BackgroundTask::Done done) {
    if (task_->start(title, std::move(work), std::move(done))) return true;
    emit statusMessage(tr("The hardware tools are busy: cancel the running job first"));
    return false;
}

bool HardwareController::synthesise(const QString& target) {
    if (!compile()) return false;
    std::vector<hdl::SynthesisTarget> targets;
    try {
        targets = target == QLatin1String("all") ? hdl::synthesisTargets()
                                                 : std::vector{hdl::parseSynthesisTarget(target.toStdString())};
    } catch (const std::invalid_argument& e) {
        emit statusMessage(QString::fromUtf8(e.what()));
        return false;
    }
    const std::shared_ptr<const Compiled> compiled = compiled_;
    const bool started = start(
        tr("Synthesis of %1").arg(QString::fromStdString(compiled->module.module)),
        [compiled, targets](JobContext* job) -> std::any {
            std::vector<hdl::SynthesisReport> reports;
            const double n = static_cast<double>(targets.size());
            for (std::size_t k = 0; k < targets.size(); ++k) {
                JobContext part(job, static_cast<double>(k) / n, static_cast<double>(k + 1) / n);
                reports.push_back(hdl::synthesise(compiled->rtl, compiled->module.module, targets[k], {}, &part));
            }
            return reports;
        },
        [this](bool ok, bool cancelled, const QString& error, const std::any& result) {
            if (!ok) {
                synthesis_->setRunning(false, cancelled ? tr("Cancelled") : tr("Failed: %1").arg(error));
                emit statusMessage(cancelled ? tr("Synthesis cancelled") : tr("Synthesis failed: %1").arg(error));
                return;
            }
            const auto& reports = std::any_cast<const std::vector<hdl::SynthesisReport>&>(result);
            for (const hdl::SynthesisReport& r : reports) {
                runs_.push_back(r);
                emit synthesisFinished(r);
            }
            showHistory();
            const bool allOk = std::all_of(reports.begin(), reports.end(), [](const auto& r) { return r.ok; });
            synthesis_->setRunning(false, allOk ? tr("Finished") : tr("Finished with errors: see the log"));
            emit statusMessage(allOk ? tr("Synthesis finished")
                                     : tr("Synthesis failed: %1").arg(QString::fromStdString(reports.back().error)));
        });
    if (started) synthesis_->setRunning(true, tr("Synthesising %1…").arg(target));
    return started;
}

bool HardwareController::exportBundle(const QString& path) {
    if (!compile()) return false;
    const std::shared_ptr<const Compiled> compiled = compiled_;
    std::vector<hdl::SynthesisReport> runs = runs_;
    const std::string target = path.toStdString();
    const bool started = start(
        tr("Export of %1").arg(QString::fromStdString(compiled->module.module)),
        [compiled, runs, target](JobContext* job) -> std::any {
            const hdl::BundleSpec spec = hdl::makeBundleSpec(compiled->program, compiled->settings, runs,
                                                             hdl::kDefaultTestbenchSteps, compiled->options);
            return hdl::writeBundle(spec, target, job);
        },
        [this, path](bool ok, bool cancelled, const QString& error, const std::any& result) {
            if (!ok) {
                const QString message = cancelled ? tr("Export cancelled") : tr("Export failed: %1").arg(error);
                emit statusMessage(message);
                emit exportFinished(false, message);
                return;
            }
            const auto& bundle = std::any_cast<const hdl::BundleResult&>(result);
            const QString message = tr("Exported %1 files to %2").arg(bundle.files.size()).arg(path);
            emit statusMessage(message);
            emit exportFinished(true, message);
        });
    return started;
}

void HardwareController::cancel() { task_->cancel(); }

void HardwareController::setJobs(BackgroundJobs* jobs) { task_->setJobs(jobs); }

bool HardwareController::isBusy() const { return task_->isBusy(); }

bool HardwareController::waitForIdle(int timeoutMs) { return task_->waitForIdle(timeoutMs); }

} // namespace scs::ui
