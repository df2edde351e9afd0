// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — playground wiring: widgets <-> document <-> runner.
#include "PlaygroundView.h"

#include "PlaygroundCommands.h"
#include "PlaygroundPresenter.h"

#include "AnalysisPanel.h"
#include "ModelBrowser.h"
#include "ModelEditorPanel.h"
#include "ParameterPanel.h"
#include "PhasePlaneView.h"
#include "SimulationSettingsPanel.h"
#include "TracePlot.h"

#include <QElapsedTimer>

#include <algorithm>

namespace scs::ui {

namespace {
double msSince(const QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }

QStringList names(const std::vector<scs::VariableInfo>& vars) {
    QStringList out;
    for (const auto& v : vars) out << QString::fromStdString(v.name);
    return out;
}
} // namespace

PlaygroundView::PlaygroundView(PlaygroundDocument* document, QWidget* widgetParent)
    : QObject(widgetParent), doc_(document) {
    runner_ = new SimulationRunner(this);
    editor_ = new ModelEditorPanel(widgetParent);
    editor_->setExternalUndo(true);
    parameters_ = new ParameterPanel(widgetParent);
    settings_ = new SimulationSettingsPanel(widgetParent);
    traces_ = new TracePlot(widgetParent);
    traces_->setObjectName(QStringLiteral("tracePlot"));
    phase_ = new PhasePlanePanel(widgetParent);
    browser_ = new ModelBrowser(widgetParent);
    analysis_ = new AnalysisPanel(widgetParent);
    try {
        browser_->setCatalogue(scs::ModelCatalogue::loadDefault());
    } catch (const std::exception& e) {
        emit statusMessage(tr("Model catalogue not loaded: %1").arg(QString::fromUtf8(e.what())), true);
    }
    checkTimer_.setSingleShot(true);
    checkTimer_.setInterval(checkDelayMs);
    connect(&checkTimer_, &QTimer::timeout, this, [this] { scheduleRun(false); });
    fieldTimer_.setSingleShot(true);
    fieldTimer_.setInterval(fieldDelayMs);
    connect(&fieldTimer_, &QTimer::timeout, this, [this] {
        if (fieldStale_) scheduleRun(false);
    });
    connect(doc_, &PlaygroundDocument::changed, this, &PlaygroundView::onDocumentChanged);
    connect(runner_, &SimulationRunner::finished, this, &PlaygroundView::onRunFinished);
    connectWidgets();
    syncWidgets(~0);
}

PlaygroundView::~PlaygroundView() { runner_->cancel(); }

void PlaygroundView::connectWidgets() {
    connect(editor_, &ModelEditorPanel::fieldEdited, this, [this](const QString& field, const QString& text) {
        const std::string f = field.toStdString();
        if (doc_->specField(f) == text.toStdString()) return; // nothing changed: not an edit
        doc_->undoStack()->push(new EditModelTextCommand(doc_, f, doc_->specField(f), text.toStdString()));
    });
    connect(parameters_, &ParameterPanel::valueEdited, this, &PlaygroundView::onParameterEdited);
    connect(settings_, &SimulationSettingsPanel::methodEdited, this, [this](const QString& m) {
        editSimulation([m](SimulationSection& s) { s.method = m.toStdString(); }, tr("Change method"));
    });
    connect(settings_, &SimulationSettingsPanel::dtEdited, this, [this](const QString& v) {
        editSimulation([v](SimulationSection& s) { s.dt = v.toStdString(); }, tr("Change dt"));
    });
    connect(settings_, &SimulationSettingsPanel::durationEdited, this, [this](const QString& v) {
        editSimulation([v](SimulationSection& s) { s.duration = v.toStdString(); }, tr("Change duration"));
    });
    connect(settings_, &SimulationSettingsPanel::protocolEdited, this, [this](const QString& v) {
        editSimulation([v](SimulationSection& s) { s.protocol = v.toStdString(); }, tr("Change protocol"));
    });
    connect(phase_, &PhasePlanePanel::axesChanged, this, [this] { scheduleRun(false); });
    connect(browser_, &ModelBrowser::modelActivated, this, &PlaygroundView::loadCatalogueModel);
    connect(browser_, &ModelBrowser::newBlankModelRequested, this, &PlaygroundView::newBlankModel);
    connect(traces_, &PlotBase::activated, this, &PlaygroundView::plotActivated);
    connect(phase_->view(), &PlotBase::activated, this, &PlaygroundView::plotActivated);
    connect(analysis_, &AnalysisPanel::plotActivated, this, &PlaygroundView::plotActivated);
}

void PlaygroundView::editSimulation(const std::function<void(SimulationSection&)>& change, const QString& text) {
    SimulationSection next = doc_->state().simulation;
    change(next);
    if (next == doc_->state().simulation) return;
    doc_->undoStack()->push(new SetSimulationCommand(doc_, doc_->state().simulation, next, text));
}

void PlaygroundView::onParameterEdited(const QString& name, double value, int gesture) {
    if (!model_) return;
    const std::string n = name.toStdString();
    const auto idx = model_->parameterIndex(n);
    if (!idx) return;
    const scs::ParameterInfo& info = model_->parameters()[*idx];
    ParameterRow row;
    row.unit = QString::fromStdString(info.displayUnit);
    row.scale = info.displayScale;
    const std::string old = doc_->spec().parameter(n).value_or(std::string());
    const std::string text = presenter::parameterText(value, row, old, info.value);
    if (text == old) return;
    dragStep_ = gesture != 0; // read by prepare() while the command is applied
    doc_->undoStack()->push(new SetParameterCommand(doc_, n, old, text, gesture));
    dragStep_ = false;
    if (fieldStale_) fieldTimer_.start(); // restarted by every step: fires when the drag pauses
}

void PlaygroundView::loadCatalogueModel(const QString& id) {
    const scs::CatalogueEntry* entry = browser_->find(id.toStdString());
    if (!entry) {
        emit statusMessage(tr("No model '%1' in the catalogue").arg(id), true);
        return;
    }
    doc_->undoStack()->push(new SwitchModelCommand(doc_, doc_->state(), PlaygroundDocument::fromCatalogue(*entry)));
    emit statusMessage(tr("Loaded %1").arg(QString::fromStdString(entry->name)), false);
}

void PlaygroundView::newBlankModel() {
    doc_->undoStack()->push(new SwitchModelCommand(doc_, doc_->state(), PlaygroundDocument::blank()));
}

void PlaygroundView::setPhasePlaneEnabled(bool enabled) {
    if (phaseEnabled_ == enabled) return;
    phaseEnabled_ = enabled;
    if (enabled) scheduleRun(false);
}

void PlaygroundView::onDocumentChanged(int what) {
    syncWidgets(what);
    if ((what & PlaygroundDocument::ModelText) && !(what & PlaygroundDocument::WholeModel)) {
        checkTimer_.start(); // typing: wait for a pause before checking
        return;
    }
    checkTimer_.stop();
    if (what & (PlaygroundDocument::Parameters | PlaygroundDocument::Simulation | PlaygroundDocument::WholeModel))
        scheduleRun(false);
}

void PlaygroundView::syncWidgets(int what) {
    if (what & (PlaygroundDocument::ModelText | PlaygroundDocument::WholeModel))
        for (const QString& field : ModelEditorPanel::fieldNames())
            editor_->setText(field, QString::fromStdString(doc_->specField(field.toStdString())));
    if (what & PlaygroundDocument::WholeModel) browser_->setCurrentId(QString::fromStdString(doc_->state().model.id));
    if (what & (PlaygroundDocument::Simulation | PlaygroundDocument::WholeModel)) {
        const SimulationSection& s = doc_->state().simulation;
        settings_->setSettings(
            QString::fromStdString(s.method), model_ ? QString::fromStdString(model_->defaultMethod()) : QString(),
            QString::fromStdString(s.dt), QString::fromStdString(s.duration), QString::fromStdString(s.protocol));
    }
}

std::optional<RunRequest> PlaygroundView::prepare() {
    const scs::ModelSpec spec = doc_->spec();
    std::vector<scs::Diagnostic> diagnostics;
    try {
        diagnostics = scs::NeuronModel::diagnose(spec);
    } catch (const std::exception& e) {
        diagnostics.push_back({scs::Diagnostic::Severity::Error, "equations", {}, e.what()});
    }
    const auto errors = std::count_if(diagnostics.begin(), diagnostics.end(), [](const scs::Diagnostic& d) {
        return d.severity == scs::Diagnostic::Severity::Error;
    });
    if (errors == 0) {
        try {
            model_ = scs::NeuronModel::compile(spec);
        } catch (const scs::ModelError& e) {
            diagnostics = e.diagnostics();
            model_.reset();
        } catch (const std::exception& e) {
            diagnostics.push_back({scs::Diagnostic::Severity::Error, "equations", {}, e.what()});
            model_.reset();
        }
    } else {
        model_.reset();
    }
    editor_->setDiagnostics(diagnostics);
    if (!model_) {
        const QString msg = tr("The model has %n error(s); the plots show the last valid run", nullptr,
                               static_cast<int>(std::max<std::ptrdiff_t>(1, errors)));
        settings_->setRunStatus(msg, true);
        emit statusMessage(msg, true);
        return std::nullopt;
    }
    const scs::NeuronModel& m = *model_;
    const PlaygroundState& state = doc_->state();
    QStringList params;
    for (const scs::ParameterInfo& p : m.parameters()) params << QString::fromStdString(p.name);
    editor_->setModelNames(names(m.states()), params, names(m.subexpressions()));
    const std::string drive = state.simulation.drive.empty() ? "I" : state.simulation.drive;
    const bool driven = !state.simulation.protocol.empty() && m.parameterIndex(drive).has_value();
    parameters_->setParameters(presenter::parameterRows(m, state.model, driven ? drive : std::string()));
    phase_->setStateNames(names(m.states()));
    if (auto idx = m.parameterIndex(drive))
        settings_->setDriveUnit(QString::fromStdString(m.parameters()[*idx].displayUnit));
    syncWidgets(PlaygroundDocument::Simulation); // the "default (method)" label follows the model

    RunRequest request{m, {}, std::nullopt};
    try {
        request.settings = presenter::settings(state, m);
    } catch (const scs::ModelError& e) {
        const QString msg = tr("Run settings: %1").arg(QString::fromStdString(e.diagnostics().front().message));
        settings_->setRunStatus(msg, true);
        emit statusMessage(msg, true);
        return std::nullopt;
    } catch (const std::exception& e) {
        const QString msg = tr("Run settings: %1").arg(QString::fromUtf8(e.what()));
        settings_->setRunStatus(msg, true);
        emit statusMessage(msg, true);
        return std::nullopt;
    }
    if (phaseEnabled_ && m.states().size() >= 2 && phase_->xIndex() >= 0 && phase_->yIndex() >= 0) {
        scs::PhasePlaneSettings pp;
        pp.xState = m.states()[static_cast<std::size_t>(phase_->xIndex())].name;
        pp.yState = m.states()[static_cast<std::size_t>(phase_->yIndex())].name;
        pp.fieldPoints = 17;
        pp.nullclinePoints = 61;
        pp.trajectory = false; // the playground run already has it
        pp.fixedPoints = false;
        pp.threads = 1; // the GUI stays responsive while the field is computed
        phaseX_ = pp.xState;
        phaseY_ = pp.yState;
        if (dragStep_ && fieldX_ == pp.xState && fieldY_ == pp.yState) {
            request.trajectoryOnly = true; // the field catches up when the drag pauses
            fieldStale_ = true;
        } else {
            request.phasePlane = pp;
            fieldStale_ = false;
        }
    } else {
        phaseX_.clear();
        phaseY_.clear();
        fieldStale_ = false; // nothing shown to bring up to date; showing it again runs in full
    }
    return request;
}

void PlaygroundView::scheduleRun(bool synchronous) {
    QElapsedTimer timer;
    timer.start();
    std::optional<RunRequest> request = prepare();
    timings_.prepareMs = msSince(timer);
    if (!request) return;
    if (synchronous)
        runner_->runNow(std::move(*request));
    else
        runner_->request(std::move(*request));
}

bool PlaygroundView::runNow() {
    checkTimer_.stop();
    QElapsedTimer timer;
    timer.start();
    std::optional<RunRequest> request = prepare();
    timings_.prepareMs = msSince(timer);
    if (!request) return false;
    return runner_->runNow(std::move(*request)).ok;
}

void PlaygroundView::onRunFinished(const RunOutcome& outcome) {
    if (!outcome.ok) {
        const QString msg = tr("Simulation failed: %1").arg(outcome.error);
        settings_->setRunStatus(msg, true);
        emit statusMessage(msg, true);
        return;
    }
    if (!model_) return;
    const scs::SimulationResult& r = outcome.result;
    const std::string drive = doc_->state().simulation.drive.empty() ? "I" : doc_->state().simulation.drive;
    timings_.simulateMs = outcome.elapsedMs - outcome.phaseMs;
    timings_.phaseMs = outcome.phaseMs;
    QElapsedTimer timer;
    timer.start();
    const TraceData traceData = presenter::traces(r, *model_, drive);
    timings_.presentMs = msSince(timer);
    timer.restart();
    traces_->setTraceData(traceData);
    timings_.setDataMs = msSince(timer);
    if (model_->states().size() < 2) {
        phase_->view()->setMessage(tr("A phase plane needs a model with two or more states"));
        fieldX_.clear();
        fieldY_.clear();
    } else if (phaseEnabled_ && !phaseX_.empty()) {
        timer.restart();
        const PhasePlaneData phaseData =
            presenter::phasePlane(r, outcome.phase ? &*outcome.phase : nullptr, *model_, phaseX_, phaseY_);
        timings_.presentMs += msSince(timer);
        timer.restart();
        if (outcome.trajectoryOnly) {
            phase_->view()->setTrajectory(phaseData.trajectoryX, phaseData.trajectoryY);
        } else {
            phase_->view()->setPhasePlane(phaseData);
            fieldX_ = outcome.phase ? phaseX_ : std::string();
            fieldY_ = outcome.phase ? phaseY_ : std::string();
        }
        timings_.setDataMs += msSince(timer);
    }
    const QString msg = tr("%1 spikes, %2 Hz · %3 steps (%4) in %5 ms")
                            .arg(r.spikeTimes.size())
                            .arg(r.firingRate(), 0, 'f', 1)
                            .arg(r.steps)
                            .arg(QString::fromStdString(r.method))
                            .arg(outcome.elapsedMs, 0, 'f', 1);
    settings_->setRunStatus(
        outcome.phaseError.isEmpty() ? msg : msg + '\n' + tr("Phase plane: %1").arg(outcome.phaseError), false);
    emit statusMessage(msg, false);
}

} // namespace scs::ui
