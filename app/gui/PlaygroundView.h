// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the playground: keeps the widgets and the document in step, runs the model.
#pragma once

#include "PlaygroundDocument.h"
#include "SimulationRunner.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace scs::ui {

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
/// setting changes re-simulate at once, so traces follow a slider while it is dragged.
class PlaygroundView : public QObject {
    Q_OBJECT
public:
    static constexpr int checkDelayMs = 150;

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
    std::optional<scs::NeuronModel> model_;
    scs::ModelSpec compiledSpec_;
    bool phaseEnabled_ = true;
    std::string phaseX_, phaseY_;
};

} // namespace scs::ui
