// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window: docks around the playground, menus, status, settings.
#pragma once

#include "ProjectFile.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QToolButton;

namespace scs::ui {

class AnalysisController;
class BackgroundJobs;
class JobsIndicator;
class PluginManager;
class PlaygroundDocument;
class PlaygroundView;
class PlotBase;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        /// Off for screenshots and tests: nothing read or written, and nothing asks the user at
        /// start-up (a plugin that crashed the last start is disabled without a question).
        bool useSettings = true;
        /// The plugin crash-guard directory; "" = the application's local data directory.
        QString pluginStateDirectory = {};
    };
    explicit MainWindow(Options options, QWidget* parent = nullptr);
    MainWindow() : MainWindow(Options{}) {}
    ~MainWindow() override;

    PlaygroundDocument* document() const { return doc_; }
    PlaygroundView* playground() const { return view_; }
    JobsIndicator* jobsIndicator() const { return jobs_; }
    BackgroundJobs* backgroundJobs() const { return background_; }
    AnalysisController* analyses() const { return analyses_; }
    PluginManager* plugins() const { return plugins_; }
    /// The status-bar notice shown when plugins failed to load (hidden otherwise).
    QToolButton* pluginWarning() const { return pluginWarning_; }
    QString projectPath() const { return projectPath_; }
    QAction* action(const QString& objectName) const;

    /// Opens a project file; on failure shows nothing and returns false with `error` set
    /// (the current project stays).
    bool openProject(const QString& path, QString* error = nullptr);
    bool saveProject(const QString& path, QString* error = nullptr);
    /// The bundled projects/default.scstudio.json, else the catalogue's LIF, else a blank model.
    void openDefaultProject();
    /// At start-up: the last project if settings are on and it still opens, else the default.
    void openInitialProject();
    /// Lays the docks out for the current size (sensible proportions for screenshots too).
    void applyDefaultLayout();
    /// The plot that File > Export Plot writes: the one last clicked, else the traces.
    PlotBase* currentPlot() const;
    void showAbout();
    void showPlugins();
    /// Shows the Analysis dock with analysis `id` selected and runs it (false: it did not start).
    bool runAnalysis(const QString& id);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // MainWindow.cpp
    void createDocks();
    void createStatusBar();
    void startPlugins();
    void readSettings();
    void writeSettings();
    void updateTitle();
    void addRecent(const QString& path);
    bool maybeSave();
    // MainWindowActions.cpp
    void createActions();
    void createMenus();
    void rebuildRecentMenu();
    void openWithDialog();
    bool save();
    bool saveAs();
    void exportPlot();

    Options options_;
    PlaygroundDocument* doc_;
    PlaygroundView* view_;
    Project project_;          // keeps other documents and unknown content for saving
    QString projectPath_;
    QStringList recent_;
    JobsIndicator* jobs_ = nullptr;
    BackgroundJobs* background_ = nullptr;
    AnalysisController* analyses_ = nullptr;
    PluginManager* plugins_ = nullptr;
    QToolButton* pluginWarning_ = nullptr;
    QLabel* statusText_ = nullptr;
    QPointer<PlotBase> lastPlot_;
    QList<QDockWidget*> docks_;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
};

} // namespace scs::ui
