// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — plugins dialog.
#include "PluginsDialog.h"

#include "PluginManager.h"

#include "plugin/PluginLoader.h"
#include "plugin/PluginRegistry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scs::ui {

PluginsDialog::PluginsDialog(const PluginManager& manager, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Plugins"));
    setObjectName(QStringLiteral("PluginsDialog"));
    resize(900, 520);
    auto* layout = new QVBoxLayout(this);
    const scs::PluginLoader& loader = manager.loader();
    const auto specs = loader.plugins();

    QStringList dirs;
    for (const auto& p : loader.searchPaths()) dirs << QString::fromStdString(p.string());
    QString text = specs.size() == 1 ? tr("1 plugin found") : tr("%1 plugins found").arg(specs.size());
    const int failed = manager.failedCount();
    if (failed > 0) text += tr(", <b style='color:#c02020'>%1 could not be loaded</b>").arg(failed);
    text += QStringLiteral("<br><span style='color:gray'>%1</span>")
                .arg(dirs.isEmpty() ? tr("No plugin directory exists (set SCS_PLUGIN_PATH to add one).")
                                    : tr("Searched: %1").arg(dirs.join(QStringLiteral(", ")).toHtmlEscaped()));
    if (!manager.crashedLastTime().isEmpty())
        text +=
            QStringLiteral("<br>") + (manager.disabledAfterCrash()
                                          ? tr("“%1” was disabled: the studio stopped while it was starting last time.")
                                          : tr("“%1” was starting when the studio stopped last time; it was loaded "
                                               "again at your request."))
                                         .arg(manager.crashedLastTime().toHtmlEscaped());
    summary_ = new QLabel(text);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);

    plugins_ = new QTreeWidget;
    plugins_->setObjectName(QStringLiteral("pluginList"));
    plugins_->setRootIsDecorated(false);
    plugins_->setAlternatingRowColors(true);
    plugins_->setWordWrap(true);
    plugins_->setHeaderLabels({tr("Id"), tr("Name"), tr("Version"), tr("State"), tr("Problems")});
    for (const scs::PluginSpec* spec : specs) {
        auto* item = new QTreeWidgetItem(plugins_);
        item->setText(IdColumn, QString::fromStdString(spec->id()));
        item->setText(NameColumn, QString::fromStdString(spec->name()));
        item->setText(VersionColumn, QString::fromStdString(spec->version()));
        item->setText(StateColumn,
                      spec->isDisabled() ? tr("disabled") : QString::fromLatin1(scs::toString(spec->state())));
        QStringList problems;
        for (const std::string& e : spec->errors()) problems << QString::fromStdString(e);
        item->setText(ProblemsColumn, problems.join(QLatin1Char('\n')));
        item->setToolTip(IdColumn, QString::fromStdString(spec->metadataPath().string()));
        item->setToolTip(NameColumn, QString::fromStdString(spec->description()));
        item->setToolTip(ProblemsColumn, problems.join(QLatin1Char('\n')));
        if (spec->hasError())
            for (int c = 0; c < plugins_->columnCount(); ++c) item->setForeground(c, QColor(0xc0, 0x20, 0x20));
    }
    for (int c = 0; c < ProblemsColumn; ++c) plugins_->resizeColumnToContents(c);
    layout->addWidget(new QLabel(tr("<b>Plugins</b>")));
    layout->addWidget(plugins_, 3);

    jobs_ = new QTreeWidget;
    jobs_->setObjectName(QStringLiteral("jobList"));
    jobs_->setRootIsDecorated(false);
    jobs_->setAlternatingRowColors(true);
    jobs_->setHeaderLabels({tr("Job"), tr("Plugin"), tr("Title"), tr("Description")});
    for (const auto& job : manager.registry().jobs()) {
        auto* item = new QTreeWidgetItem(jobs_);
        item->setText(JobIdColumn, QString::fromStdString(job->descriptor.id));
        item->setText(JobPluginColumn, QString::fromStdString(job->pluginId));
        item->setText(JobTitleColumn, QString::fromStdString(job->descriptor.title));
        item->setText(JobDescriptionColumn, QString::fromStdString(job->descriptor.description));
        item->setToolTip(JobDescriptionColumn, QString::fromStdString(job->descriptor.description));
    }
    for (int c = 0; c < JobDescriptionColumn; ++c) jobs_->resizeColumnToContents(c);
    layout->addWidget(
        new QLabel(tr("<b>Jobs offered by plugins</b> (run them with <tt>scstudio-cli plugins run JOB</tt>)")));
    layout->addWidget(jobs_, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace scs::ui
