// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Help > Plugins: every plugin, its state and problems, and the jobs plugins offer.
#pragma once

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace scs::ui {

class PluginManager;

/// The "Plugin problems" view: one row per plugin found (id, name, version, state, and every
/// error message, failed rows in red), the search directories, a crash-guard note when a plugin
/// was disabled at start, and the jobs that running plugins registered.
class PluginsDialog : public QDialog {
    Q_OBJECT
public:
    enum PluginColumn { IdColumn, NameColumn, VersionColumn, StateColumn, ProblemsColumn };
    enum JobColumn { JobIdColumn, JobPluginColumn, JobTitleColumn, JobDescriptionColumn };

    explicit PluginsDialog(const PluginManager& plugins, QWidget* parent = nullptr);

    QTreeWidget* pluginList() const { return plugins_; }
    QTreeWidget* jobList() const { return jobs_; }
    QLabel* summaryLabel() const { return summary_; }

private:
    QLabel* summary_;
    QTreeWidget* plugins_;
    QTreeWidget* jobs_;
};

} // namespace scs::ui
