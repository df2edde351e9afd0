// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network editor's layout, actions, validation and runs. The edits
// themselves are in NetworkEdits.cpp.
#include "NetworkEditor.h"

#include "BackgroundTask.h"
#include "GraphNodeItem.h"
#include "NetworkCanvas.h"
#include "NetworkCommands.h"
#include "NetworkInspector.h"
#include "NetworkResultView.h"

#include "network/NetworkSimulator.h"
#include "network/NetworkValidation.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <chrono>

namespace scs::ui {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

} // namespace

NetworkEditor::NetworkEditor(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("networkEditor"));
    undo_ = new QUndoStack(this);
    task_ = new BackgroundTask(this);
    try {
        catalogue_ = std::make_shared<const ModelCatalogue>(ModelCatalogue::loadDefault());
    } catch (const std::exception&) {
        catalogue_ = std::make_shared<const ModelCatalogue>(); // no resources: populations keep their models
    }
    canvas_ = new NetworkCanvas;
    inspector_ = new NetworkInspector;
    inspector_->setCatalogue(catalogue_);
    results_ = new NetworkResultView;
    problems_ = new QListWidget;
    problems_->setObjectName(QStringLiteral("networkProblems"));
    problems_->setToolTip(tr("What stops the network from running; double-click to select the item"));
    problems_->setMaximumHeight(90);
    runError_ = new QLabel;
    runError_->setObjectName(QStringLiteral("networkRunError"));
    runError_->setWordWrap(true);
    runError_->setStyleSheet(QStringLiteral("QLabel { color: #d62728; }"));
    runError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runError_->hide();

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(canvas_);
    top->addWidget(inspector_);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    auto* upper = new QWidget;
    auto* upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(top, 1);
    upperLayout->addWidget(problems_);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(upper);
    split->addWidget(results_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* bar = new QToolBar;
    bar->setObjectName(QStringLiteral("networkToolBar"));
    layout->addWidget(bar);
    layout->addWidget(runError_);
    layout->addWidget(split, 1);
    buildActions();
    for (QAction* a : actions()) bar->addAction(a);

    connect(canvas_, &NetworkCanvas::moveRequested, this, [this](const QString& id, const QPointF& at) {
        NetworkGraph after = graph_;
        auto place = [&](auto& items) {
            for (auto& item : items)
                if (q(item.id) == id) item.canvas = {at.x(), at.y()};
        };
        place(after.populations);
        place(after.stimuli);
        place(after.monitors);
        edit(after, tr("Move %1").arg(id), QStringLiteral("move:") + id);
    });
    connect(canvas_, &NetworkCanvas::connectRequested, this,
            [this](const QString& from, const QString& to) { connectItems(from, to); });
    connect(canvas_, &NetworkCanvas::deleteRequested, this, &NetworkEditor::deleteItems);
    connect(canvas_, &NetworkCanvas::selectionChanged, this, &NetworkEditor::showSelection);
    connect(canvas_, &NetworkCanvas::addRequested, this, [this](const QPointF& at) { addPopulation("lif", at); });
    connect(inspector_, &NetworkInspector::edited, this,
            [this](const NetworkGraph& after, const QString& what) { edit(after, what); });
    connect(problems_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty()) canvas_->selectIds({id});
    });
    connect(task_, &BackgroundTask::progressed, this, [this](double fraction, const QString&) {
        emit statusMessage(tr("Running the network… %1 %").arg(static_cast<int>(fraction * 100)));
    });
    show(graph_);
}

void NetworkEditor::setJobs(BackgroundJobs* jobs) { task_->setJobs(jobs); }

QAction* NetworkEditor::action(const QString& objectName) const {
    for (QAction* a : actions())
        if (a->objectName() == objectName) return a;
    return nullptr;
}

void NetworkEditor::buildActions() {
    // Shortcuts work while the editor (or a child) has focus, so they never steal the playground's.
    auto add = [this](const char* name, const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty()) a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    auto centre = [this] { return canvas_->mapToScene(canvas_->viewport()->rect().center()); };
    add("actionNetworkAddPopulation", tr("Population"), QKeySequence(tr("Ctrl+Shift+A")),
        tr("Add a population of LIF neurons (change its model in the inspector)"),
        [this, centre] { addPopulation("lif", centre()); });
    add("actionNetworkAddPoisson", tr("Poisson input"), {}, tr("Add a group of Poisson spike sources"),
        [this, centre] { addStimulus(Stimulus::Kind::Poisson, centre()); });
    add("actionNetworkAddMonitor", tr("Spike monitor"), {}, tr("Add a spike monitor on the selected population"),
        [this, centre] {
            const QStringList selected = canvas_->selectedIds();
            addMonitor(Monitor::Kind::Spikes, selected.isEmpty() ? QString() : selected.front(), centre());
        });
    add("actionNetworkDelete", tr("Delete"), QKeySequence::Delete, tr("Delete the selection"),
        [this] { deleteItems(canvas_->selectedIds()); });
    add("actionNetworkCopy", tr("Copy"), QKeySequence::Copy, tr("Copy the selected items"),
        [this] { copySelection(); });
    add("actionNetworkPaste", tr("Paste"), QKeySequence::Paste, tr("Paste copied items"), [this] { paste(); });
    QAction* undo = undo_->createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("actionNetworkUndo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    QAction* redo = undo_->createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("actionNetworkRedo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
    add("actionNetworkLayout", tr("Layout"), QKeySequence(tr("Ctrl+L")), tr("Arrange the items automatically"),
        [this] { autoLayout(); });
    add("actionNetworkFit", tr("Fit"), QKeySequence(tr("Ctrl+0")), tr("Show the whole network"),
        [this] { canvas_->fitAll(); });
    add("actionNetworkZoomIn", tr("Zoom in"), QKeySequence::ZoomIn, tr("Zoom in"), [this] { canvas_->zoomBy(1.25); });
    add("actionNetworkZoomOut", tr("Zoom out"), QKeySequence::ZoomOut, tr("Zoom out"),
        [this] { canvas_->zoomBy(0.8); });
    add("actionNetworkRun", tr("Run"), QKeySequence(tr("Ctrl+R")), tr("Run the network"), [this] { run(); });
    add("actionNetworkCancel", tr("Cancel"), {}, tr("Stop the running network"), [this] { cancel(); });
}

void NetworkEditor::setGraph(const NetworkGraph& graph) {
    undo_->clear();
    result_.reset();
    results_->clearResult();
    runError_->hide();
    show(graph);
    canvas_->fitAll();
}

void NetworkEditor::edit(const NetworkGraph& after, const QString& what, const QString& mergeKey) {
    if (after == graph_) return;
    undo_->push(new NetworkEditCommand(
        graph_, after, what, [this](const NetworkGraph& g) { show(g); }, mergeKey));
}

void NetworkEditor::show(const NetworkGraph& graph) {
    graph_ = graph;
    canvas_->setGraph(graph_);
    validate();
    showSelection(canvas_->selectedIds());
    emit graphChanged();
}

void NetworkEditor::validate() {
    QMap<QString, QString> byItem;
    problems_->clear();
    for (const NetworkIssue& issue : validateNetwork(graph_)) {
        const QString id = q(issue.itemId), message = q(issue.message);
        if (!byItem.contains(id)) byItem.insert(id, message);
        auto* item = new QListWidgetItem(message, problems_);
        item->setData(Qt::UserRole, id);
        item->setForeground(QColor(0xd6, 0x27, 0x28));
    }
    problems_->setVisible(problems_->count() > 0);
    canvas_->setProblems(byItem);
}

void NetworkEditor::showSelection(const QStringList& ids) {
    const QString id = ids.size() == 1 ? ids.front() : QString();
    inspector_->inspect(graph_, id);
    if (const GraphNodeItem* node = canvas_->node(id)) inspector_->setProblem(node->problem());
}

bool NetworkEditor::run() {
    if (task_->isBusy()) {
        emit statusMessage(tr("The network is already running: cancel it first"));
        return false;
    }
    if (problems_->count() > 0) {
        runError_->setText(tr("Cannot run: %1").arg(problems_->item(0)->text()));
        runError_->show();
        emit statusMessage(runError_->text());
        return false;
    }
    runError_->hide();
    const NetworkGraph graph = graph_;
    const auto start = std::chrono::steady_clock::now();
    return task_->start(
        tr("Network %1").arg(q(graph.name)),
        [graph](JobContext* job) -> std::any {
            // The simulator picks the thread count from the network's size (one per 2,000 neurons).
            return std::make_shared<const NetworkResult>(simulateNetwork(graph, {}, job));
        },
        [this, start](bool ok, bool cancelled, const QString& error, const std::any& value) {
            if (!ok) {
                runError_->setText(cancelled ? tr("The run was cancelled") : tr("The run failed: %1").arg(error));
                runError_->setVisible(!cancelled);
                emit statusMessage(runError_->text());
                return;
            }
            showResult(std::any_cast<std::shared_ptr<const NetworkResult>>(value));
            std::size_t spikes = 0;
            for (const auto& p : result_->spikes) spikes += p.count();
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            emit statusMessage(tr("Ran %1 s of network time: %2 spikes, %3 synapses, in %4 s")
                                   .arg(result_->duration())
                                   .arg(spikes)
                                   .arg(result_->synapses)
                                   .arg(seconds, 0, 'f', 2));
            emit runFinished();
        });
}

void NetworkEditor::showResult(std::shared_ptr<const NetworkResult> result) {
    result_ = std::move(result);
    if (result_)
        results_->setResult(result_);
    else
        results_->clearResult();
}

void NetworkEditor::cancel() { task_->cancel(); }
bool NetworkEditor::isRunning() const { return task_->isBusy(); }
bool NetworkEditor::waitForIdle(int timeoutMs) { return task_->waitForIdle(timeoutMs); }
QString NetworkEditor::runError() const { return runError_->isHidden() ? QString() : runError_->text(); }

} // namespace scs::ui
