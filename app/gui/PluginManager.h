// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the studio's plugins: found and started at launch, problems kept for display.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <vector>

class QWidget;

namespace scs {
class PluginLoader;
class PluginRegistry;
} // namespace scs

namespace scs::ui {

/// Owns the plugin registry and loader for the application's lifetime. start() scans the plugin
/// directories, honours the crash guard (a plugin that was initialising when the previous run
/// died is disabled, after asking when interactive), and loads everything else; a broken plugin
/// is recorded on its spec and skipped, never fatal. Main thread only.
class PluginManager : public QObject {
    Q_OBJECT
public:
    struct Options {
        /// May ask the user (a blocking QMessageBox); off for screenshots and tests, where a
        /// plugin that crashed the last start is disabled without asking.
        bool interactive = true;
        /// Crash-guard lock file directory; "" = QStandardPaths::AppLocalDataLocation.
        QString stateDirectory;
        /// Empty = PluginLoader::defaultSearchPaths() ($SCS_PLUGIN_PATH first).
        std::vector<std::filesystem::path> searchPaths;
    };

    explicit PluginManager(Options options, QObject* parent = nullptr);
    ~PluginManager() override; // shuts every plugin down

    /// Call once; later calls do nothing. Never throws.
    void start(QWidget* dialogParent = nullptr);
    bool isStarted() const { return started_; }

    const scs::PluginLoader& loader() const { return *loader_; }
    const scs::PluginRegistry& registry() const { return *registry_; }
    /// Plugins that failed to load (disabled ones are not failures).
    int failedCount() const;
    /// "id: reason" for every failed plugin.
    QStringList problems() const;
    /// The plugin named by the crash guard at start ("" if the last run ended cleanly).
    QString crashedLastTime() const { return crashed_; }
    bool disabledAfterCrash() const { return disabledAfterCrash_; }
    QString stateDirectory() const { return stateDirectory_; }

private:
    Options options_;
    // Declared in this order so the loader (which unregisters jobs) goes before the registry.
    std::unique_ptr<scs::PluginRegistry> registry_;
    std::unique_ptr<scs::PluginLoader> loader_;
    QString stateDirectory_;
    QString crashed_;
    bool disabledAfterCrash_ = false;
    bool started_ = false;
    QString startError_; // the loader itself failed (should not happen; shown as a problem)
};

} // namespace scs::ui
