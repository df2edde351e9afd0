// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window: docks around the playground, menus, status, settings.
#pragma once

#include "Autosave.h"
#include "ProjectSession.h"

#include "ode/Simulation.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QStyle>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QToolButton;
class QUndoGroup;

namespace scs::hdl {
struct SynthesisReport;
}

namespace scs::ui {

class AnalysisController;
class BackgroundJobs;
class HardwareController;
class JobsIndicator;
class NetworkEditor;
class PluginManager;
class PlaygroundDocument;
class PlaygroundView;
class PlotBase;
class ProjectPanel;
struct PlaygroundEntry;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        /// Off for screenshots and tests: nothing read or written, and nothing asks the user at
        /// start-up (a plugin that crashed the last start is disabled without a question).
        bool useSettings = true;
        /// The plugin crash-guard directory; "" = the application's local data directory.
        QString pluginStateDirectory = {};
        /// Where autosaves go and crashed sessions are found; "" = Autosave::defaultDirectory().
        QString recoveryDirectory = {};
        /// Milliseconds between autosaves: -1 = the setting "project/autosaveSeconds" (60 s by
        /// default), 0 = off.
        int autosaveMs = -1;
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
    QString projectPath() const { return session_.path; }
    const scs::project::Project& project() const { return session_.project; }
    bool isReadOnly() const { return session_.readOnly; }
    /// Unsaved changes: on the undo stack since the last save, or restored from a recovery file.
    bool isModified() const;
    Autosave* autosave() const { return autosave_; }
    /// Sets (and remembers, with settings on) the autosave interval; 0 turns autosave off.
    void setAutosaveSeconds(int seconds);
    QAction* action(const QString& objectName) const;

    /// Opens a project file; on failure shows nothing and returns false with `error` set
    /// (the current project stays). When another studio holds the file the user is asked
    /// whether to open it read-only (`error` then says who holds it if they decline).
    bool openProject(const QString& path, QString* error = nullptr);
    /// Saves the whole project to `path` (atomic); a read-only project can only be saved elsewhere.
    bool saveProject(const QString& path, QString* error = nullptr);
    /// Rereads the project's file, dropping unsaved changes (asks first when `confirm`).
    bool revertProject(bool confirm, QString* error = nullptr);
    /// Closes the project (asking to save changes) and starts an untitled one; false if cancelled.
    bool closeProject();
    /// The project as it would be saved now: the playground on screen, its last simulation run.
    scs::project::Project currentProject();
    /// At start-up: offers the work of studios that did not close cleanly. True when the user
    /// restored one (it is then open, with unsaved changes).
    bool offerRecovery();
    bool restoreRecovery(const RecoverableProject& recoverable, QString* error = nullptr);
    /// Keeps the playground's model in the project's own catalogue (Model menu; undoable). A model
    /// whose id is a bundled one is kept under a new id, so both stay loadable. Returns its id.
    std::string keepModelInProject();

    // MainWindowDocuments.cpp
    /// Shows playground `id` of the project (navigation: not an edit). Unknown ids are ignored.
    void showDocument(std::int64_t id);
    /// Adds a playground (undoable) and shows it; returns its id.
    std::int64_t addPlayground(const scs::project::PlaygroundState& state);
    /// Removes a playground with its results (undoable); false for the last one or an unknown id.
    bool removePlayground(std::int64_t id);
    void renamePlayground(std::int64_t id, const QString& title);
    ProjectPanel* projectPanel() const { return projectPanel_; }
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
    /// Compile, synthesis and bundle export of the shown playground.
    HardwareController* hardware() const { return hardware_; }
    /// Asks where to export the bundle (a .zip, or a new folder) and starts the export.
    void exportBundleWithDialog();
    /// The project's network: its editor (in the Network dock).
    NetworkEditor* network() const { return network_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // MainWindow.cpp
    QDockWidget* makeDock(QWidget* widget, const QString& title, const QString& name, Qt::DockWidgetArea area);
    /// Shows and raises the dock named `name` (makeDock's object name).
    void showDock(const QString& name);
    void createDocks();
    void createStatusBar();
    void startPlugins();
    void readSettings();
    void writeSettings();
    void updateTitle();
    void addRecent(const QString& path);
    bool maybeSave();
    // MainWindowProject.cpp
    void adoptProject(LoadedProject loaded, const QString& path, std::unique_ptr<scs::project::ProjectLock> lock,
                      bool readOnly);
    void startNewProject(const scs::project::PlaygroundState& state);
    /// The playground a new project starts with: the catalogue's LIF, else a blank model.
    scs::project::PlaygroundState starterPlayground() const;
    bool askOpenReadOnly(const QString& path, const QString& holder);
    void startAutosave();
    void onSaved();
    void rememberRun(const scs::SimulationResult& result);
    void keepAnalysisResult(const QString& id, const nlohmann::json& snapshot);
    void offerStoredResults();
    void setProjectModel(const std::string& id, const std::optional<scs::CatalogueEntry>& model);
    void refreshProjectModels();
    void storeShownState();
    /// Shows playground `id` with `state`: its stored results, its saved trace zoom. Not an edit.
    void presentPlayground(std::int64_t id, const scs::project::PlaygroundState& state);
    /// The view-state key of a playground's trace plot range.
    static std::string tracesRangeKey(std::int64_t documentId);
    /// Keeps the playground's latest simulation as its stored run when it matches its state.
    void storeLastRun(scs::project::Project& project);
    void refreshDocumentList();
    void insertPlayground(const PlaygroundEntry& entry);
    PlaygroundEntry erasePlayground(std::int64_t id);
    /// The id of the playground document on screen, adding it to the project if it is not there.
    std::int64_t ensureShownDocument();
    // MainWindowHardware.cpp
    void createHardwareDocks();
    void createHardwareActions();
    void connectHardware();
    void keepSynthesisRun(const scs::hdl::SynthesisReport& report);
    /// Gives the hardware panels the synthesis runs kept with the shown playground.
    void offerSynthesisHistory();
    // MainWindowNetwork.cpp
    void createNetworkDock();
    void createNetworkActions();
    void addNetworkMenu();
    void connectNetwork();
    /// Shows the project's network document (or an empty network) in the editor: not an edit.
    void showProjectNetwork();
    /// Writes the editor's graph into `project`'s network document (made when needed).
    void storeNetwork(scs::project::Project& project) const;
    /// Keeps the editor's last run as the network document's stored run (replacing the previous).
    void keepNetworkRun();
    // MainWindowActions.cpp
    QAction* makeAction(const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                        QStyle::StandardPixmap icon = QStyle::StandardPixmap(-1));
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
    ProjectSession session_;
    Autosave* autosave_ = nullptr;
    std::shared_ptr<const scs::SimulationResult> lastRun_;    // the playground's latest simulation
    std::string lastRunInputs_;                               // SHA-256 of what it ran
    quint64 changeCounter_ = 0;                               // document edits so far (undo and redo count too)
    quint64 autosavedChange_ = 0;                             // changeCounter_ at the last autosave
    std::optional<scs::project::PlotRange> pendingTimeRange_; // restored when the first run shows
    QHash<QString, std::int64_t> analysisDocuments_;          // analysis id -> playground it runs on
    QStringList recent_;
    JobsIndicator* jobs_ = nullptr;
    BackgroundJobs* background_ = nullptr;
    AnalysisController* analyses_ = nullptr;
    HardwareController* hardware_ = nullptr;
    NetworkEditor* network_ = nullptr;
    QUndoGroup* undoGroup_ = nullptr; // the playground's and the network's undo stacks
    PluginManager* plugins_ = nullptr;
    QToolButton* pluginWarning_ = nullptr;
    ProjectPanel* projectPanel_ = nullptr;
    QLabel* statusText_ = nullptr;
    QPointer<PlotBase> lastPlot_;
    QList<QDockWidget*> docks_;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
};

} // namespace scs::ui
