// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's actions, menus and toolbar.
#include "MainWindow.h"

#include "AnalysisKinds.h"
#include "BackgroundJobs.h"
#include "PlaygroundDocument.h"
#include "PlaygroundView.h"

#include "JobsIndicator.h"
#include "ModelBrowser.h"
#include "PlotBase.h"
#include "TracePlot.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>

namespace scs::ui {

namespace {
const char* kProjectFilter =
    QT_TRANSLATE_NOOP("scs::ui::MainWindow", "Studio projects (*.scstudio);;Project JSON (*.json);;All files (*)");
const char* kSaveFilter = QT_TRANSLATE_NOOP("scs::ui::MainWindow", "Studio projects (*.scstudio)");
} // namespace

QAction* MainWindow::action(const QString& objectName) const { return findChild<QAction*>(objectName); }

QAction* MainWindow::makeAction(const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                                QStyle::StandardPixmap icon) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    if (!key.isEmpty()) a->setShortcut(key);
    a->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    if (icon != QStyle::StandardPixmap(-1)) a->setIcon(style()->standardIcon(icon));
    return a;
}

void MainWindow::createActions() {
    auto make = [this](const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                       QStyle::StandardPixmap icon = QStyle::StandardPixmap(-1)) {
        return makeAction(name, text, key, tip, icon);
    };
    QAction* a = make("actionNew", tr("&New Project"), QKeySequence::New,
                      tr("Start a new untitled project with a blank model"), QStyle::SP_FileIcon);
    connect(a, &QAction::triggered, this, [this] {
        if (!maybeSave()) return;
        startNewProject(PlaygroundDocument::blank());
    });
    a = make("actionClose", tr("&Close Project"), QKeySequence::Close,
             tr("Close the project (asks to save changes) and start an untitled one"));
    connect(a, &QAction::triggered, this, &MainWindow::closeProject);
    a = make("actionRevert", tr("Re&vert to Saved"), QKeySequence(),
             tr("Drop every unsaved change and reload the project from its file"), QStyle::SP_BrowserReload);
    connect(a, &QAction::triggered, this, [this] {
        QString error;
        if (!revertProject(true, &error) && !error.isEmpty()) QMessageBox::warning(this, tr("Revert"), error);
    });
    a = make("actionOpen", tr("&Open…"), QKeySequence::Open, tr("Open a project"), QStyle::SP_DialogOpenButton);
    connect(a, &QAction::triggered, this, &MainWindow::openWithDialog);
    a = make("actionSave", tr("&Save"), QKeySequence::Save, tr("Save the project"), QStyle::SP_DialogSaveButton);
    connect(a, &QAction::triggered, this, &MainWindow::save);
    a = make("actionSaveAs", tr("Save &As…"), QKeySequence::SaveAs, tr("Save the project under a new name"));
    connect(a, &QAction::triggered, this, &MainWindow::saveAs);
    a = make("actionExportPlot", tr("&Export Plot…"), QKeySequence(tr("Ctrl+E")),
             tr("Export the last clicked plot as PNG, SVG or CSV"));
    connect(a, &QAction::triggered, this, &MainWindow::exportPlot);
    a = make("actionAutosave", tr("A&utosave Interval…"), QKeySequence(),
             tr("How often unsaved work is written to a recovery file (0 turns autosave off)"));
    connect(a, &QAction::triggered, this, [this] {
        bool ok = false;
        const int seconds = QInputDialog::getInt(this, tr("Autosave"),
                                                 tr("Write unsaved work to a recovery file every (seconds, 0 = off):"),
                                                 autosave_->interval() / 1000, 0, 3600, 10, &ok);
        if (ok) setAutosaveSeconds(seconds);
    });
    a = make("actionQuit", tr("&Quit"), QKeySequence::Quit, tr("Quit the studio"));
    connect(a, &QAction::triggered, this, &QWidget::close);

    undoGroup_ = new QUndoGroup(this);
    undoGroup_->addStack(doc_->undoStack());
    undoGroup_->setActiveStack(doc_->undoStack());
    QAction* undo = undoGroup_->createUndoAction(this, tr("&Undo"));
    undo->setObjectName("actionUndo");
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    undo->setToolTip(
        tr("Undo the last edit (%1)").arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    QAction* redo = undoGroup_->createRedoAction(this, tr("&Redo"));
    redo->setObjectName("actionRedo");
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Y"))});
    redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    redo->setToolTip(
        tr("Redo the last undone edit (%1)").arg(QKeySequence(QKeySequence::Redo).toString(QKeySequence::NativeText)));

    a = make("actionRun", tr("&Run Simulation"), QKeySequence(Qt::Key_F5), tr("Check the model and simulate it now"),
             QStyle::SP_MediaPlay);
    connect(a, &QAction::triggered, this, [this] { view_->runNow(); });
    a = make("actionCancel", tr("&Cancel Running Job"), QKeySequence(Qt::Key_Escape | Qt::ShiftModifier),
             tr("Stop the background job shown in the status bar (the latest started)"), QStyle::SP_MediaStop);
    connect(a, &QAction::triggered, this, [this] { background_->cancelShown(); });
    // One action per declared analysis: "fi_curve" -> actionFiCurve.
    for (const AnalysisKind& kind : analysisKinds()) {
        QString name = QStringLiteral("action");
        for (const QString& part : kind.id.split(QLatin1Char('_'))) name += part.left(1).toUpper() + part.mid(1);
        a = make(name, kind.menuText + QStringLiteral("…"), kind.shortcut,
                 tr("%1 Runs in the background with the settings in the Analysis panel.").arg(kind.hint));
        a->setData(kind.id);
        connect(a, &QAction::triggered, this, [this, id = kind.id] { runAnalysis(id); });
    }
    a = make("actionPlugins", tr("&Plugins…"), QKeySequence(),
             tr("Every plugin, its state and problems, and the jobs plugins offer"));
    connect(a, &QAction::triggered, this, &MainWindow::showPlugins);
    a = make("actionLoadModel", tr("&Load Model from Catalogue…"), QKeySequence(tr("Ctrl+L")),
             tr("Search the model catalogue"), QStyle::SP_FileDialogContentsView);
    connect(a, &QAction::triggered, this, [this] {
        for (QDockWidget* d : docks_)
            if (d->widget() == view_->modelBrowser()) {
                d->show();
                d->raise();
            }
        view_->modelBrowser()->searchEdit()->setFocus();
        view_->modelBrowser()->searchEdit()->selectAll();
    });
    a = make("actionKeepModel", tr("&Keep Model in Project"), QKeySequence(tr("Ctrl+K")),
             tr("Keep a copy of this model, with its parameter values, in the project's own catalogue (undoable)"));
    connect(a, &QAction::triggered, this, [this] { keepModelInProject(); });
    a = make("actionBlankModel", tr("New &Blank Model"), QKeySequence(tr("Ctrl+Shift+N")),
             tr("Replace the model by a minimal one (undoable)"));
    connect(a, &QAction::triggered, view_, &PlaygroundView::newBlankModel);
    a = make("actionResetView", tr("Reset Plot &View"), QKeySequence(tr("Ctrl+0")), tr("Fit the plots to their data"));
    connect(a, &QAction::triggered, this, [this] { currentPlot()->resetView(); });
    a = make("actionResetLayout", tr("Reset &Layout"), QKeySequence(), tr("Put every panel back in its place"));
    connect(a, &QAction::triggered, this, [this] {
        for (QDockWidget* d : docks_) {
            d->setFloating(false);
            d->show();
        }
        applyDefaultLayout();
    });
    a = make("actionAbout", tr("&About SC-NeuroCore Studio"), QKeySequence(),
             tr("Versions of the studio and its libraries"));
    connect(a, &QAction::triggered, this, &MainWindow::showAbout);
    a = make("actionAboutQt", tr("About &Qt"), QKeySequence(), tr("About the Qt toolkit"));
    connect(a, &QAction::triggered, qApp, &QApplication::aboutQt);
    createHardwareActions();
    createNetworkActions();
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action("actionNew"));
    file->addAction(action("actionOpen"));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(action("actionSave"));
    file->addAction(action("actionSaveAs"));
    file->addAction(action("actionRevert"));
    file->addAction(action("actionClose"));
    file->addSeparator();
    file->addAction(action("actionExportPlot"));
    file->addSeparator();
    file->addAction(action("actionAutosave"));
    file->addSeparator();
    file->addAction(action("actionQuit"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action("actionUndo"));
    edit->addAction(action("actionRedo"));
    edit->addSeparator();
    QAction* history = edit->addAction(tr("Undo &History"));
    history->setToolTip(tr("Show every edit and jump back to any of them"));
    connect(history, &QAction::triggered, this, [this] {
        auto* view = new QUndoView(doc_->undoStack());
        view->setAttribute(Qt::WA_DeleteOnClose);
        view->setWindowTitle(tr("Undo History"));
        view->setWindowFlag(Qt::Tool);
        view->setParent(this, Qt::Tool);
        view->resize(320, 400);
        view->show();
    });

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : docks_) {
        QAction* toggle = d->toggleViewAction();
        toggle->setToolTip(tr("Show or hide the %1 panel").arg(d->windowTitle()));
        viewMenu_->addAction(toggle);
    }
    viewMenu_->addSeparator();
    viewMenu_->addAction(action("actionResetView"));
    viewMenu_->addAction(action("actionResetLayout"));

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    model->addAction(action("actionLoadModel"));
    model->addAction(action("actionBlankModel"));
    model->addSeparator();
    model->addAction(action("actionKeepModel"));

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(action("actionRun"));
    analysis->addAction(action("actionCancel"));
    analysis->addSeparator();
    for (const AnalysisKind& kind : analysisKinds())
        for (QAction* a : findChildren<QAction*>())
            if (a->data().toString() == kind.id) analysis->addAction(a);
    for (QDockWidget* d : docks_)
        if (d->objectName() == QLatin1String("phasePlaneDock")) {
            QAction* show = analysis->addAction(tr("&Phase Plane"));
            show->setToolTip(tr("Show the phase plane of two states"));
            connect(show, &QAction::triggered, d, [d] {
                d->show();
                d->raise();
            });
        }

    QMenu* hardware = menuBar()->addMenu(tr("&Hardware"));
    hardware->addAction(action("actionCompileRtl"));
    hardware->addAction(action("actionSynthesise"));
    hardware->addAction(action("actionExportBundle"));

    addNetworkMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action("actionPlugins"));
    help->addSeparator();
    help->addAction(action("actionAbout"));
    help->addAction(action("actionAboutQt"));

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(action("actionOpen"));
    bar->addAction(action("actionSave"));
    bar->addSeparator();
    bar->addAction(action("actionUndo"));
    bar->addAction(action("actionRedo"));
    bar->addSeparator();
    bar->addAction(action("actionRun"));
    bar->addAction(action("actionLoadModel"));
    bar->addSeparator();
    bar->addAction(action("actionExportBundle"));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    if (!recentMenu_) return;
    recentMenu_->clear();
    for (const QString& path : recent_) {
        QAction* a = recentMenu_->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (!maybeSave()) return;
            QString error;
            if (!openProject(path, &error)) QMessageBox::warning(this, tr("Open Project"), error);
        });
    }
    recentMenu_->setEnabled(!recent_.isEmpty());
}

void MainWindow::openWithDialog() {
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Project"), session_.path.isEmpty() ? QString() : QFileInfo(session_.path).path(),
        tr(kProjectFilter));
    if (path.isEmpty()) return;
    QString error;
    if (!openProject(path, &error)) QMessageBox::warning(this, tr("Open Project"), error);
}

bool MainWindow::save() {
    if (session_.path.isEmpty() || session_.readOnly) return saveAs();
    QString error;
    if (!saveProject(session_.path, &error)) {
        QMessageBox::warning(this, tr("Save Project"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(session_.path), 4000);
    return true;
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), session_.path, tr(kSaveFilter));
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".scstudio"))) path += QStringLiteral(".scstudio");
    QString error;
    if (!saveProject(path, &error)) {
        QMessageBox::warning(this, tr("Save Project"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

void MainWindow::exportPlot() { currentPlot()->exportWithDialog(); }

} // namespace scs::ui
