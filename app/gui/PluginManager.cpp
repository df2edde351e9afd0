// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — plugin manager.
#include "PluginManager.h"

#include "plugin/PluginLoader.h"
#include "plugin/PluginRegistry.h"

#include <QMessageBox>
#include <QStandardPaths>

namespace scs::ui {

PluginManager::PluginManager(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)), registry_(std::make_unique<scs::PluginRegistry>()),
      loader_(std::make_unique<scs::PluginLoader>(*registry_)) {}

PluginManager::~PluginManager() {
    if (loader_) loader_->shutdown();
    loader_.reset();
}

void PluginManager::start(QWidget* dialogParent) {
    if (started_) return;
    started_ = true;
    try {
        loader_->setSearchPaths(options_.searchPaths.empty() ? scs::PluginLoader::defaultSearchPaths()
                                                             : options_.searchPaths);
        stateDirectory_ = options_.stateDirectory.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                              : options_.stateDirectory;
        if (!stateDirectory_.isEmpty()) loader_->setStateDirectory(stateDirectory_.toStdString());
        if (const auto& crashed = loader_->crashedDuringInitLastTime()) {
            crashed_ = QString::fromStdString(*crashed);
            bool disable = true;
            if (options_.interactive)
                disable =
                    QMessageBox::question(dialogParent, tr("Plugin problem"),
                                          tr("SC-NeuroCore Studio stopped while the plugin “%1” was starting last "
                                             "time.\n\nDisable it for this session? (Help ▸ Plugins shows every "
                                             "plugin's state.)")
                                              .arg(crashed_),
                                          QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
            if (disable) {
                loader_->setDisabledPlugins({*crashed});
                disabledAfterCrash_ = true;
            }
        }
        loader_->loadAll();
    } catch (const std::exception& e) {
        // The loader reports plugin failures on their specs; this is the loader itself failing
        // (an unreadable directory, say). The studio runs on without plugins.
        startError_ = QString::fromUtf8(e.what());
    }
}

int PluginManager::failedCount() const {
    int n = startError_.isEmpty() ? 0 : 1;
    for (const scs::PluginSpec* spec : loader_->plugins())
        if (spec->hasError()) ++n;
    return n;
}

QStringList PluginManager::problems() const {
    QStringList out;
    if (!startError_.isEmpty()) out << tr("plugin loader: %1").arg(startError_);
    for (const std::string& p : loader_->problems()) out << QString::fromStdString(p);
    return out;
}

} // namespace scs::ui
