// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the playground: keeps the widgets and the document in step, runs the model.
#pragma once

#include "PlaygroundDocument.h"
#include "SimulationRunner.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace scs::ui {

/// Where the last re-run's main-thread time went (wall clock, ms). Read by the slider benchmark
/// (tests/bench/bench_slider.cpp); painting happens later, in the event loop, and is not included.
struct RunTimings {
    double prepareMs = 0;  // diagnose + compile the texts, refresh names and sliders
    double simulateMs = 0; // the engine run (on whichever thread ran it)
    double phaseMs = 0;    // the phase-plane field and nullclines (0 when not computed)
    double presentMs = 0;  // engine result -> display units (presenter::traces, phasePlane)
    double setDataMs = 0;  // handing the data to the plots (TracePlot, PhasePlaneView)
};

class AnalysisPanel;
class ModelBrowser;
class ModelEditorPanel;
class ParameterPanel;
class PhasePlanePanel;
class PlotBase;
class SimulationSettingsPanel;
class TracePlot;

/// Owns the playground's widgets (the main window puts them in docks) and wires them:
/// user edits become undo commands on the document; document changes update the widgets and
/// re-run the model. Text edits are checked after a pause (`checkDelayMs`); parameter and
/// setting changes re-simulate at once, so traces follow a slider while it is dragged. During a
/// drag the phase plane's trajectory follows every step but its vector field and nullclines are
/// recomputed only when the drag pauses for `fieldDelayMs` (or ends): they cost a grid of
/// derivative evaluations and a redraw of every arrow, which a 16 ms frame cannot spare.
class PlaygroundView : public QObject {
    Q_OBJECT
public:
    static constexpr int checkDelayMs = 150;
    static constexpr int fieldDelayMs = 150;

    PlaygroundView(PlaygroundDocument* document, QWidget* widgetParent);
    ~PlaygroundView() override;

    PlaygroundDocument* document() const { return doc_; }
    SimulationRunner* runner() const { return runner_; }
    ModelEditorPanel* editorPanel() const { return editor_; }
    ParameterPanel* parameterPanel() const { return parameters_; }
    SimulationSettingsPanel* settingsPanel() const { return settings_; }
    TracePlot* tracePlot() const { return traces_; }
    PhasePlanePanel* phasePlanePanel() const { return phase_; }
    ModelBrowser* modelBrowser() const { return browser_; }
    AnalysisPanel* analysisPanel() const { return analysis_; }
    /// The compiled model of the current texts, if they are valid.
    const std::optional<scs::NeuronModel>& model() const { return model_; }
    const RunTimings& lastTimings() const { return timings_; }

    /// Checks and runs now, synchronously (screenshots, tests); false when the model or run failed.
    bool runNow();
    void loadCatalogueModel(const QString& id);
    void newBlankModel();
    bool phasePlaneEnabled() const { return phaseEnabled_; }
    void setPhasePlaneEnabled(bool enabled);

signals:
    void statusMessage(const QString& text, bool error);
    void plotActivated(scs::ui::PlotBase* plot);

private:
    void connectWidgets();
    void onDocumentChanged(int what);
    void syncWidgets(int what);
    /// Diagnoses and compiles; on success updates names and sliders. Returns the request to run.
    std::optional<RunRequest> prepare();
    void scheduleRun(bool synchronous);
    void onRunFinished(const RunOutcome& outcome);
    void onParameterEdited(const QString& name, double value, int gesture);
    void editSimulation(const std::function<void(SimulationSection&)>& change, const QString& text);

    PlaygroundDocument* doc_;
    SimulationRunner* runner_;
    ModelEditorPanel* editor_;
    ParameterPanel* parameters_;
    SimulationSettingsPanel* settings_;
    TracePlot* traces_;
    PhasePlanePanel* phase_;
    ModelBrowser* browser_;
    AnalysisPanel* analysis_;
    QTimer checkTimer_;
    QTimer fieldTimer_;           // a drag paused: bring the phase-plane field up to date
    bool dragStep_ = false;       // the edit being applied is a step of a slider drag
    bool fieldStale_ = false;     // the shown field is older than the shown trajectory
    std::string fieldX_, fieldY_; // the states of the field on show ("" = none)
    std::optional<scs::NeuronModel> model_;
    scs::ModelSpec compiledSpec_;
    bool phaseEnabled_ = true;
    std::string phaseX_, phaseY_;
    RunTimings timings_;
};

} // namespace scs::ui
