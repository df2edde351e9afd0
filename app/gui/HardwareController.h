// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the hardware path in the studio: compile the playground's model to RTL,
// synthesise it, export a bundle. Owns the RTL and Synthesis Report panels' contents.
#pragma once

#include "BackgroundJobs.h"

#include "fixed/FixedProgram.h"
#include "hdl/SynthesisReport.h"
#include "project/ProjectModel.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <any>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QSpinBox;

namespace scs {
class JobContext;
}

namespace scs::ui {

class BackgroundTask;

using PlaygroundState = scs::project::PlaygroundState;

class FixedContractBar;
class RtlViewer;
class SynthesisReportPanel;

class HardwareController : public QObject {
    Q_OBJECT
public:
    /// `state` reads the shown playground; `jobs` shows the long work in the window's indicator.
    HardwareController(std::function<PlaygroundState()> state, BackgroundJobs* jobs, QObject* parent = nullptr);
    ~HardwareController() override;

    /// The window's job indicator, once it exists.
    void setJobs(BackgroundJobs* jobs);
    /// The RTL dock's contents: the contract bar, the viewer and an error line.
    QWidget* rtlPanel() const { return rtlPanel_; }
    SynthesisReportPanel* synthesisPanel() const { return synthesis_; }
    RtlViewer* rtlViewer() const { return viewer_; }
    FixedContractBar* contractBar() const { return contractBar_; }
    /// Pipeline stages of the emitted module (SvOptions::pipelineStages).
    QSpinBox* pipelineBox() const { return pipeline_; }
    /// The last compile's error ("" after a successful compile).
    QString compileError() const;

    /// Compiles the shown playground with the chosen contract and shows the module; false (and
    /// the error, with line and column, under the viewer) when the model cannot be compiled.
    bool compile();
    /// Starts synthesis of the compiled module for `target` ("ice40", ..., or "all"); compiles
    /// first. False when it cannot start (a compile error, already running).
    bool synthesise(const QString& target);
    /// Starts exporting the bundle to `path` (a folder, or a file ending in .zip). False when it
    /// cannot start; how it ended comes with `exportFinished`.
    bool exportBundle(const QString& path);
    void cancel();
    bool isBusy() const;
    /// Processes events until no job runs or `timeoutMs` passes; true when idle.
    bool waitForIdle(int timeoutMs = 120000);

    /// The synthesis runs kept with the shown playground (oldest first); estimates are added here.
    void setHistory(std::vector<hdl::SynthesisReport> runs);

signals:
    /// A synthesis run finished (ok or failed): the window keeps it in the project.
    void synthesisFinished(const scs::hdl::SynthesisReport& report);
    void exportFinished(bool ok, const QString& message);
    /// One line for the status bar.
    void statusMessage(const QString& text);

private:
    struct Compiled;
    std::shared_ptr<const Compiled> compileShown();
    void showHistory();
    bool start(const QString& title, std::function<std::any(JobContext*)> work,
               std::function<void(bool ok, bool cancelled, const QString& error, const std::any& result)> done);

    std::function<PlaygroundState()> state_;
    QWidget* rtlPanel_;
    FixedContractBar* contractBar_;
    QSpinBox* pipeline_;
    RtlViewer* viewer_;
    QLabel* error_;
    SynthesisReportPanel* synthesis_;
    std::vector<hdl::SynthesisReport> runs_;
    std::shared_ptr<const Compiled> compiled_;
    BackgroundTask* task_;
};

} // namespace scs::ui
