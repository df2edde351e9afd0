// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — main window: docks, status bar, settings, project open/save.
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AnalysisController.h"
#include "AppIcon.h"
#include "BackgroundJobs.h"
#include "PlaygroundDocument.h"
#include "PlaygroundView.h"
#include "PluginManager.h"
#include "PluginsDialog.h"

#include "AnalysisPanel.h"
#include "JobsIndicator.h"
#include "ModelBrowser.h"
#include "ModelEditorPanel.h"
#include "ParameterPanel.h"
#include "PhasePlaneView.h"
#include "ProjectPanel.h"
#include "SimulationSettingsPanel.h"
#include "TracePlot.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>

#include <memory>
#include <utility>

namespace scs::ui {

MainWindow::MainWindow(Options options, QWidget* parent) : QMainWindow(parent), options_(std::move(options)) {
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
    analyses_ = new AnalysisController(doc_, view_->analysisPanel(), background_, this);
    connectHardware();
    connectNetwork();
    connect(analyses_, &AnalysisController::resultShown, this, [this](PlotBase* p) { lastPlot_ = p; });
    connect(analyses_, &AnalysisController::resultComputed, this, &MainWindow::keepAnalysisResult);
    connect(analyses_, &AnalysisController::started, this,
            [this](const QString& id) { analysisDocuments_[id] = ensureShownDocument(); });
    connect(analyses_, &AnalysisController::finished, this,
            [this](const QString&, scs::JobState state, const QString& text) {
                statusBar()->showMessage(text, state == scs::JobState::Finished ? 8000 : 12000);
            });
    startPlugins();
    connect(view_, &PlaygroundView::plotActivated, this, [this](PlotBase* p) { lastPlot_ = p; });
    connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, [this] { updateTitle(); });
    connect(view_->runner(), &SimulationRunner::finished, this, [this](const RunOutcome& outcome) {
        if (outcome.ok) rememberRun(outcome.result);
    });
    startAutosave();
    connect(doc_, &PlaygroundDocument::changed, this, [this](int what) {
        updateTitle();
        if (what & PlaygroundDocument::Title) refreshDocumentList();
    });
    // Undo and redo of another playground's edit bring that playground on screen first.
    doc_->setFocusHandler([this](std::int64_t id) { showDocument(id); });
    resize(1600, 1000);
    applyDefaultLayout();
    if (options_.useSettings) readSettings();
    updateTitle();
}

MainWindow::~MainWindow() {
    delete analyses_; // cancels and waits for running analyses while the panel still exists
    analyses_ = nullptr;
}

QDockWidget* MainWindow::makeDock(QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name); // saveState() keys on it
    dock->setWidget(w);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    docks_ << dock;
    return dock;
}

void MainWindow::createDocks() {
    QDockWidget* model = makeDock(view_->editorPanel(), tr("Model"), "modelDock", Qt::LeftDockWidgetArea);
    QDockWidget* catalogue =
        makeDock(view_->modelBrowser(), tr("Model Catalogue"), "catalogueDock", Qt::LeftDockWidgetArea);
    QDockWidget* params =
        makeDock(view_->parameterPanel(), tr("Parameters"), "parametersDock", Qt::RightDockWidgetArea);
    QDockWidget* sim = makeDock(view_->settingsPanel(), tr("Simulation"), "simulationDock", Qt::RightDockWidgetArea);
    QDockWidget* phase =
        makeDock(view_->phasePlanePanel(), tr("Phase Plane"), "phasePlaneDock", Qt::BottomDockWidgetArea);
    QDockWidget* analysis = makeDock(view_->analysisPanel(), tr("Analysis"), "analysisDock", Qt::BottomDockWidgetArea);
    // Last, so the layout code's dock order (model ... analysis) stays as it was.
    projectPanel_ = new ProjectPanel;
    QDockWidget* project = makeDock(projectPanel_, tr("Project"), "projectDock", Qt::LeftDockWidgetArea);
    connect(projectPanel_, &ProjectPanel::showRequested, this, [this](qint64 id) { showDocument(id); });
    connect(projectPanel_, &ProjectPanel::renameRequested, this, &MainWindow::renamePlayground);
    connect(projectPanel_, &ProjectPanel::newRequested, this, [this] { addPlayground(PlaygroundDocument::blank()); });
    connect(projectPanel_, &ProjectPanel::duplicateRequested, this, [this](qint64 id) {
        showDocument(id);
        PlaygroundState copy = doc_->state();
        copy.title += tr(" (copy)").toStdString();
        addPlayground(copy);
    });
    connect(projectPanel_, &ProjectPanel::removeRequested, this, [this](qint64 id) { removePlayground(id); });
    splitDockWidget(model, catalogue, Qt::Vertical);
    tabifyDockWidget(catalogue, project);
    catalogue->raise();
    splitDockWidget(params, sim, Qt::Vertical);
    tabifyDockWidget(phase, analysis);
    // A stored analysis result is read from the project only once it can be seen.
    connect(analysis, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && analyses_) analyses_->showStored(view_->analysisPanel()->currentAnalysis());
    });
    createHardwareDocks();
    createNetworkDock();
    phase->raise();
    // The phase plane costs a field evaluation per run: only compute it while it can be seen.
    connect(phase, &QDockWidget::visibilityChanged, view_, &PlaygroundView::setPhasePlaneEnabled);
}

void MainWindow::applyDefaultLayout() {
    if (docks_.size() < 6) return;
    // The playground's docks; the network editor stays hidden until asked for (Network menu).
    for (QDockWidget* d : docks_) d->setVisible(d->objectName() != QLatin1String("networkDock"));
    QDockWidget* const* byName = docks_.constData(); // model, catalogue, parameters, simulation, phase, analysis
    const int w = width(), h = height();
    resizeDocks({byName[0], byName[2]}, {std::max(400, w * 29 / 100), std::max(330, w * 22 / 100)}, Qt::Horizontal);
    resizeDocks({byName[0], byName[1]}, {h * 60 / 100, h * 40 / 100}, Qt::Vertical);
    resizeDocks({byName[2], byName[3]}, {h * 38 / 100, h * 62 / 100}, Qt::Vertical);
    resizeDocks({byName[4]}, {h * 36 / 100}, Qt::Vertical);
    byName[4]->raise();
    byName[1]->raise(); // the catalogue in front of the project's document list
}

void MainWindow::createStatusBar() {
    statusText_ = new QLabel;
    statusBar()->addWidget(statusText_, 1);
    pluginWarning_ = new QToolButton;
    pluginWarning_->setObjectName(QStringLiteral("pluginWarning"));
    pluginWarning_->setAutoRaise(true);
    pluginWarning_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    pluginWarning_->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    pluginWarning_->setStyleSheet(QStringLiteral("QToolButton { color: #a05000; }"));
    pluginWarning_->hide();
    connect(pluginWarning_, &QToolButton::clicked, this, &MainWindow::showPlugins);
    statusBar()->addPermanentWidget(pluginWarning_);
    jobs_ = new JobsIndicator;
    statusBar()->addPermanentWidget(jobs_);
    // Simulations and analyses share the indicator through BackgroundJobs, so one ending does not
    // hide another that still runs. A background run is one job from `started` to `idle` (a
    // queued run starting next replaces it).
    background_ = new BackgroundJobs(jobs_, this);
    SimulationRunner* runner = view_->runner();
    auto simulation = std::make_shared<BackgroundJobs::Token>(0);
    connect(runner, &SimulationRunner::started, this, [this, runner, simulation](const QString& title) {
        if (*simulation) background_->end(*simulation);
        *simulation = background_->begin(title, [this, runner] {
            runner->cancel();
            statusBar()->showMessage(tr("Simulation cancelled"), 3000);
        });
    });
    connect(runner, &SimulationRunner::progress, this,
            [this, simulation](double f) { background_->progress(*simulation, f); });
    connect(runner, &SimulationRunner::idle, this, [this, simulation] {
        background_->end(*simulation);
        *simulation = 0;
    });
    connect(view_, &PlaygroundView::statusMessage, this, [this](const QString& text, bool error) {
        statusText_->setText(text);
        statusText_->setStyleSheet(error ? QStringLiteral("color: #c02020") : QString());
    });
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
    s.setValue(QStringLiteral("project/last"), session_.path);
    s.setValue(QStringLiteral("model/last"), QString::fromStdString(doc_->state().model.id));
}

bool MainWindow::maybeSave() {
    if (!isModified()) return true;
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"), tr("The project has unsaved changes. Save them?"),
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
    autosave_->discard(); // a clean close: nothing to recover
    event->accept();
}

PlotBase* MainWindow::currentPlot() const {
    if (lastPlot_ && lastPlot_->isVisible()) return lastPlot_;
    return view_->tracePlot();
}

void MainWindow::startPlugins() {
    PluginManager::Options o;
    o.interactive = options_.useSettings && QGuiApplication::platformName() != QLatin1String("offscreen");
    o.stateDirectory = options_.pluginStateDirectory;
    plugins_ = new PluginManager(o, this);
    plugins_->start(this);
    const int failed = plugins_->failedCount();
    if (failed == 0) return;
    // Non-modal: the studio works without the broken plugins; the dialog says why they failed.
    pluginWarning_->setText(failed == 1 ? tr("1 plugin could not be loaded — Help ▸ Plugins")
                                        : tr("%1 plugins could not be loaded — Help ▸ Plugins").arg(failed));
    pluginWarning_->setToolTip(plugins_->problems().join(QLatin1Char('\n')));
    pluginWarning_->show();
}

void MainWindow::showPlugins() {
    PluginsDialog dialog(*plugins_, this);
    dialog.exec();
}

void MainWindow::showDock(const QString& name) {
    for (QDockWidget* d : docks_)
        if (d->objectName() == name) {
            d->show();
            d->raise();
        }
}

bool MainWindow::runAnalysis(const QString& id) {
    showDock(QStringLiteral("analysisDock"));
    return analyses_->run(id);
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace scs::ui
