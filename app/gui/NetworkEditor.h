// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network editor: canvas, inspector, problems and results, with an undo
// stack for every edit and the run as a background job.
#pragma once

#include "models/ModelCatalogue.h"
#include "network/NetworkGraph.h"
#include "network/NetworkResult.h"

#include <QPointF>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QUndoStack;

namespace scs::ui {

class BackgroundJobs;
class BackgroundTask;
class NetworkCanvas;
class NetworkInspector;
class NetworkResultView;

class NetworkEditor : public QWidget {
    Q_OBJECT
public:
    explicit NetworkEditor(QWidget* parent = nullptr);

    void setJobs(BackgroundJobs* jobs);
    /// Shows `graph` as a fresh start: the undo history and the last result are cleared.
    void setGraph(const NetworkGraph& graph);
    const NetworkGraph& graph() const { return graph_; }
    QUndoStack* undoStack() const { return undo_; }

    NetworkCanvas* canvas() const { return canvas_; }
    NetworkInspector* inspector() const { return inspector_; }
    NetworkResultView* results() const { return results_; }
    QListWidget* problemList() const { return problems_; }
    QAction* action(const QString& objectName) const;

    // Edits; each is one undoable step. They return the new item's id ("" when refused).
    QString addPopulation(const std::string& catalogueId, const QPointF& at);
    QString addStimulus(Stimulus::Kind kind, const QPointF& at);
    QString addMonitor(Monitor::Kind kind, const QString& target, const QPointF& at);
    /// From a population or stimulus to a population (a projection, or a current injection), or
    /// from a population to a monitor (what it watches).
    QString connectItems(const QString& source, const QString& target);
    void deleteItems(const QStringList& ids);
    void copySelection();
    void paste();
    void autoLayout();

    /// Validates, then runs the graph as a job. False when it cannot start (problems, running).
    bool run();
    void cancel();
    bool isRunning() const;
    bool waitForIdle(int timeoutMs = 120000);
    const std::shared_ptr<const NetworkResult>& lastResult() const { return result_; }
    /// Shows a stored result (a project's last run) as if it had just run.
    void showResult(std::shared_ptr<const NetworkResult> result);
    /// The last run's failure ("" after a successful run).
    QString runError() const;

signals:
    /// The graph changed (an edit, undo or redo): the window marks the project modified.
    void graphChanged();
    void statusMessage(const QString& text);
    /// A run finished and its result is shown (lastResult): the window keeps it in the project.
    void runFinished();

private:
    void buildActions();
    /// Applies `after` as one undoable step named `what`.
    void edit(const NetworkGraph& after, const QString& what, const QString& mergeKey = {});
    void show(const NetworkGraph& graph); // without touching the undo stack
    void validate();
    void showSelection(const QStringList& ids);

    NetworkGraph graph_;
    QUndoStack* undo_;
    NetworkCanvas* canvas_;
    NetworkInspector* inspector_;
    NetworkResultView* results_;
    QListWidget* problems_;
    QLabel* runError_;
    BackgroundTask* task_;
    std::shared_ptr<const ModelCatalogue> catalogue_; // models offered for new and changed populations
    std::shared_ptr<const NetworkResult> result_;
};

} // namespace scs::ui
