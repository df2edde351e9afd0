// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's network editor: its dock and menu, the project's network
// document, and Edit > Undo following the focus between the playground and the network.
#include "MainWindow.h"

#include "NetworkEditor.h"
#include "PlaygroundDocument.h"

#include "NetworkCanvas.h"

#include "network/NetworkJson.h"
#include "project/NetworkRunStore.h"
#include "util/Sha256.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace scs::ui {

namespace {

using scs::project::Document;

/// What a project without a network document starts from: an empty graph to draw on.
scs::NetworkGraph emptyNetwork() {
    scs::NetworkGraph graph;
    graph.name = "Network";
    return graph;
}

} // namespace

void MainWindow::createNetworkDock() {
    network_ = new NetworkEditor;
    // Hidden until asked for (Network > Network Editor): the playground's docks keep their room.
    QDockWidget* dock = makeDock(network_, tr("Network"), "networkDock", Qt::BottomDockWidgetArea);
    dock->hide();
}

void MainWindow::createNetworkActions() {
    QAction* a = makeAction("actionShowNetwork", tr("Network &Editor"), QKeySequence(tr("Ctrl+Shift+W")),
                            tr("Show the network editor: populations, projections, stimuli and monitors"));
    connect(a, &QAction::triggered, this, [this] {
        showDock(QStringLiteral("networkDock"));
        network_->canvas()->setFocus();
    });
    a = makeAction("actionRunNetwork", tr("&Run Network"), QKeySequence(tr("Ctrl+Shift+U")),
                   tr("Run the project's network and show its raster"));
    connect(a, &QAction::triggered, this, [this] {
        action(QStringLiteral("actionShowNetwork"))->trigger();
        network_->run();
    });
}

void MainWindow::addNetworkMenu() {
    QMenu* menu = menuBar()->addMenu(tr("&Network"));
    menu->addAction(action(QStringLiteral("actionShowNetwork")));
    menu->addAction(action(QStringLiteral("actionRunNetwork")));
    menu->addSeparator();
    for (const char* name : {"actionNetworkAddPopulation", "actionNetworkAddPoisson", "actionNetworkAddMonitor",
                             "actionNetworkLayout", "actionNetworkFit", "actionNetworkCancel"})
        menu->addAction(network_->action(QString::fromLatin1(name)));
}

void MainWindow::connectNetwork() {
    network_->setJobs(background_);
    connect(network_, &NetworkEditor::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(network_->undoStack(), &QUndoStack::cleanChanged, this, [this] { updateTitle(); });
    connect(network_->undoStack(), &QUndoStack::indexChanged, this, [this] { ++changeCounter_; });
    connect(network_, &NetworkEditor::runFinished, this, &MainWindow::keepNetworkRun);
    // Edit > Undo acts on what the user works in: the network while the focus is in its editor.
    undoGroup_->addStack(network_->undoStack());
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (!now || now->window() != this) return;
        const bool inNetwork = network_->isAncestorOf(now);
        undoGroup_->setActiveStack(inNetwork ? network_->undoStack() : doc_->undoStack());
    });
}

void MainWindow::showProjectNetwork() {
    const Document* d = session_.project.firstOfType(scs::project::doctype::network);
    network_->setGraph(d ? d->network : emptyNetwork());
    if (!d) return;
    // The network's last run, read only now (its spikes may be large).
    const auto runs = session_.project.runsOf(d->id, scs::project::networkRunKind);
    if (runs.empty()) return;
    try {
        network_->showResult(std::make_shared<const scs::NetworkResult>(
            scs::project::networkResultOf(*session_.project.runData(runs.front()->id), runs.front()->manifest.label)));
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("The network's stored run cannot be shown: %1").arg(QString::fromUtf8(e.what())),
                                 10000);
    }
}

void MainWindow::keepNetworkRun() {
    const std::shared_ptr<const scs::NetworkResult> result = network_->lastResult();
    if (!result) return;
    storeNetwork(session_.project);
    const Document* d = session_.project.firstOfType(scs::project::doctype::network);
    if (!d) return;
    // One stored run per network, the latest: a run can hold millions of spikes.
    session_.project.removeRunsOf(d->id, scs::project::networkRunKind);
    const std::string inputs = scs::sha256Hex(scs::networkToJson(network_->graph()).dump());
    session_.project.addRun(scs::project::makeNetworkRun(*result, d->id, d->network.name, inputs));
    session_.unsavedOutsideUndo = true;
    ++changeCounter_;
    updateTitle();
}

void MainWindow::storeNetwork(scs::project::Project& project) const {
    const Document* found = project.firstOfType(scs::project::doctype::network);
    Document* d = found ? project.document(found->id) : nullptr;
    const scs::NetworkGraph& graph = network_->graph();
    if (!d) {
        // An untouched empty network is not worth a document.
        if (graph == emptyNetwork()) return;
        Document added;
        added.type = scs::project::doctype::network;
        d = &project.addDocument(added);
    }
    d->network = graph;
}

} // namespace scs::ui
