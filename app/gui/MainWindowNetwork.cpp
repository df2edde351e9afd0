// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's network editor: its dock and menu, the project's network
// document, and Edit > Undo following the focus between the playground and the network.
#include "MainWindow.h"

#include "NetworkEditor.h"
#include "PlaygroundDocument.h"

#include "NetworkCanvas.h"

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
        for (QDockWidget* d : docks_)
            if (d->objectName() == QLatin1String("networkDock")) {
                d->show();
                d->raise();
            }
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
    network_->setGraph(d && !d->kept ? d->network : emptyNetwork());
}

void MainWindow::storeNetwork(scs::project::Project& project) const {
    Document* d = nullptr;
    for (Document& candidate : project.documents)
        if (candidate.type == scs::project::doctype::network && !candidate.kept) {
            d = &candidate;
            break;
        }
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
