// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — main window: docks, status bar, settings, project open/save.
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppIcon.h"
#include "PlaygroundDocument.h"
#include "PlaygroundView.h"

#include "AnalysisPanel.h"
#include "JobsIndicator.h"
#include "ModelBrowser.h"
#include "ModelEditorPanel.h"
#include "ParameterPanel.h"
#include "PhasePlaneView.h"
#include "SimulationSettingsPanel.h"
#include "TracePlot.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace scs::ui {

MainWindow::MainWindow(Options options, QWidget* parent) : QMainWindow(parent), options_(options) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(appIcon());
    doc_ = new PlaygroundDocument(this);
    view_ = new PlaygroundView(doc_, this);
    setCentralWidget(view_->tracePlot());
    setDockNestingEnabled(true);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    createDocks();
    createActions();
    createMenus();
    createStatusBar();
    connect(view_, &PlaygroundView::plotActivated, this, [this](PlotBase* p) { lastPlot_ = p; });
    connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, [this] { updateTitle(); });
    connect(doc_, &PlaygroundDocument::changed, this, [this] { updateTitle(); });
    resize(1600, 1000);
    applyDefaultLayout();
    if (options_.useSettings) readSettings();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
    auto makeDock = [this](QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name); // saveState() keys on it
        dock->setWidget(w);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                          QDockWidget::DockWidgetClosable);
        addDockWidget(area, dock);
        docks_ << dock;
        return dock;
    };
    QDockWidget* model = makeDock(view_->editorPanel(), tr("Model"), "modelDock", Qt::LeftDockWidgetArea);
    QDockWidget* catalogue = makeDock(view_->modelBrowser(), tr("Model Catalogue"), "catalogueDock", Qt::LeftDockWidgetArea);
    QDockWidget* params = makeDock(view_->parameterPanel(), tr("Parameters"), "parametersDock", Qt::RightDockWidgetArea);
    QDockWidget* sim = makeDock(view_->settingsPanel(), tr("Simulation"), "simulationDock", Qt::RightDockWidgetArea);
    QDockWidget* phase = makeDock(view_->phasePlanePanel(), tr("Phase Plane"), "phasePlaneDock", Qt::BottomDockWidgetArea);
    QDockWidget* analysis = makeDock(view_->analysisPanel(), tr("Analysis"), "analysisDock", Qt::BottomDockWidgetArea);
    splitDockWidget(model, catalogue, Qt::Vertical);
    splitDockWidget(params, sim, Qt::Vertical);
    tabifyDockWidget(phase, analysis);
    phase->raise();
    // The phase plane costs a field evaluation per run: only compute it while it can be seen.
    connect(phase, &QDockWidget::visibilityChanged, view_, &PlaygroundView::setPhasePlaneEnabled);
}

void MainWindow::applyDefaultLayout() {
    if (docks_.size() < 6) return;
    for (QDockWidget* d : docks_) d->show();
    QDockWidget* const* byName = docks_.constData(); // model, catalogue, parameters, simulation, phase, analysis
    const int w = width(), h = height();
    resizeDocks({byName[0], byName[2]}, {std::max(400, w * 29 / 100), std::max(330, w * 22 / 100)}, Qt::Horizontal);
    resizeDocks({byName[0], byName[1]}, {h * 60 / 100, h * 40 / 100}, Qt::Vertical);
    resizeDocks({byName[2], byName[3]}, {h * 38 / 100, h * 62 / 100}, Qt::Vertical);
    resizeDocks({byName[4]}, {h * 36 / 100}, Qt::Vertical);
    byName[4]->raise();
}

void MainWindow::createStatusBar() {
    statusText_ = new QLabel;
    statusBar()->addWidget(statusText_, 1);
    jobs_ = new JobsIndicator;
    statusBar()->addPermanentWidget(jobs_);
    SimulationRunner* runner = view_->runner();
    connect(runner, &SimulationRunner::started, jobs_, [this](const QString& title) { jobs_->setRunning(title); });
    connect(runner, &SimulationRunner::progress, jobs_, &JobsIndicator::setProgress);
    connect(runner, &SimulationRunner::idle, jobs_, &JobsIndicator::setIdle);
    connect(jobs_, &JobsIndicator::cancelRequested, this, [this, runner] {
        runner->cancel();
        statusBar()->showMessage(tr("Cancelled"), 3000);
    });
    connect(view_, &PlaygroundView::statusMessage, this, [this](const QString& text, bool error) {
        statusText_->setText(text);
        statusText_->setStyleSheet(error ? QStringLiteral("color: #c02020") : QString());
    });
}

void MainWindow::updateTitle() {
    const QString name = projectPath_.isEmpty() ? tr("Untitled") : QFileInfo(projectPath_).fileName();
    setWindowModified(!doc_->undoStack()->isClean());
    setWindowTitle(tr("%1[*] — %2 — SC-NeuroCore Studio").arg(name, QString::fromStdString(doc_->state().title)));
}

bool MainWindow::openProject(const QString& path, QString* error) {
    Project project;
    try {
        project = ProjectFile::load(path);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    const PlaygroundState* playground = project.firstPlayground();
    if (!playground) {
        if (error) *error = tr("%1: the project has no playground document").arg(path);
        return false;
    }
    project_ = project;
    projectPath_ = QFileInfo(path).absoluteFilePath();
    doc_->undoStack()->clear();
    doc_->setState(*playground);
    doc_->undoStack()->setClean();
    addRecent(projectPath_);
    for (const std::string& w : project.warnings) statusBar()->showMessage(QString::fromStdString(w), 8000);
    updateTitle();
    return true;
}

bool MainWindow::saveProject(const QString& path, QString* error) {
    Project project = project_;
    bool placed = false;
    for (ProjectDocument& d : project.documents)
        if (d.type == "playground" && !placed) {
            d.playground = doc_->state();
            placed = true;
        }
    if (!placed) project.documents.insert(project.documents.begin(), ProjectDocument{"playground", doc_->state(), {}});
    try {
        ProjectFile::save(path, project);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    project_ = project;
    projectPath_ = QFileInfo(path).absoluteFilePath();
    doc_->undoStack()->setClean();
    addRecent(projectPath_);
    updateTitle();
    return true;
}

void MainWindow::openDefaultProject() {
    std::vector<std::filesystem::path> candidates;
    try {
        const std::filesystem::path res = scs::resourcesDirectory();
        candidates = {res / "projects" / "default.scstudio.json", res.parent_path() / "projects" / "default.scstudio.json"};
    } catch (const std::exception&) {
    }
    for (const auto& c : candidates)
        if (std::filesystem::exists(c) && openProject(QString::fromStdString(c.string()))) {
            // The bundled project is a template: saving must ask for a new file, not overwrite it.
            recent_.removeAll(projectPath_);
            rebuildRecentMenu();
            projectPath_.clear();
            updateTitle();
            return;
        }
    project_ = Project();
    projectPath_.clear();
    const scs::CatalogueEntry* lif = view_->modelBrowser()->catalogue().find("lif");
    doc_->undoStack()->clear();
    doc_->setState(lif ? PlaygroundDocument::fromCatalogue(*lif) : PlaygroundDocument::blank());
    doc_->undoStack()->setClean();
    updateTitle();
}

void MainWindow::openInitialProject() {
    if (options_.useSettings) {
        const QString last = QSettings().value(QStringLiteral("project/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last) && openProject(last)) return;
    }
    openDefaultProject();
    // Without a project to reopen, come back to the model the user had last.
    if (!options_.useSettings) return;
    const QString lastModel = QSettings().value(QStringLiteral("model/last")).toString();
    const scs::CatalogueEntry* entry = view_->modelBrowser()->catalogue().find(lastModel.toStdString());
    if (entry && entry->id != doc_->state().model.id) {
        doc_->setState(PlaygroundDocument::fromCatalogue(*entry));
        doc_->undoStack()->setClean();
    }
}

void MainWindow::addRecent(const QString& path) {
    recent_.removeAll(path);
    recent_.prepend(path);
    while (recent_.size() > 10) recent_.removeLast();
    rebuildRecentMenu();
}

void MainWindow::readSettings() {
    QSettings s;
    const QByteArray geometry = s.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty()) restoreGeometry(geometry);
    const QByteArray state = s.value(QStringLiteral("window/state")).toByteArray();
    if (!state.isEmpty()) restoreState(state);
    recent_ = s.value(QStringLiteral("project/recent")).toStringList();
    rebuildRecentMenu();
}

void MainWindow::writeSettings() {
    if (!options_.useSettings) return;
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("project/recent"), recent_);
    s.setValue(QStringLiteral("project/last"), projectPath_);
    s.setValue(QStringLiteral("model/last"), QString::fromStdString(doc_->state().model.id));
}

bool MainWindow::maybeSave() {
    if (doc_->undoStack()->isClean()) return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("The project has unsaved changes. Save them?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

PlotBase* MainWindow::currentPlot() const {
    if (lastPlot_ && lastPlot_->isVisible()) return lastPlot_;
    return view_->tracePlot();
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace scs::ui
