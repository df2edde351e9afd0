// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's autosave and the recovery of work a crashed studio left.
#include "MainWindow.h"

#include "PlaygroundDocument.h"

#include "project/ProjectError.h"
#include "project/ProjectStore.h"

#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>

namespace scs::ui {

using scs::project::ProjectError;
using scs::project::ProjectLock;
using scs::project::ProjectStore;

void MainWindow::startAutosave() {
    const QString dir =
        options_.recoveryDirectory.isEmpty() ? Autosave::defaultDirectory() : options_.recoveryDirectory;
    autosave_ = new Autosave(
        dir,
        [this]() -> std::optional<Autosave::Content> {
            if (!isModified() || autosavedChange_ == changeCounter_) return std::nullopt;
            autosavedChange_ = changeCounter_;
            return Autosave::Content{currentProject(), session_.path};
        },
        this);
    connect(doc_, &PlaygroundDocument::changed, this, [this] { ++changeCounter_; });
    connect(autosave_, &Autosave::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    int ms = options_.autosaveMs;
    // Without settings (tests, screenshots) nothing is written unless a test asks for it.
    if (ms < 0)
        ms = options_.useSettings ? 1000 * QSettings().value(QStringLiteral("project/autosaveSeconds"), 60).toInt() : 0;
    autosave_->setInterval(ms);
}

void MainWindow::setAutosaveSeconds(int seconds) {
    autosave_->setInterval(1000 * std::max(0, seconds));
    if (options_.useSettings) QSettings().setValue(QStringLiteral("project/autosaveSeconds"), std::max(0, seconds));
    statusBar()->showMessage(seconds > 0 ? tr("Autosave every %1 s").arg(seconds) : tr("Autosave is off"), 4000);
}

bool MainWindow::offerRecovery() {
    for (const RecoverableProject& r : Autosave::findOrphans(autosave_->directory())) {
        const QString name = r.projectPath.isEmpty() ? tr("an untitled project (%1)").arg(r.title) : r.projectPath;
        QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Work"),
                        tr("SC-NeuroCore Studio did not close properly last time.\n\nUnsaved changes to %1, "
                           "autosaved at %2, can be restored.")
                            .arg(name, r.savedAt),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("recoveryPrompt"));
        QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("&Not Now"), QMessageBox::RejectRole);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() == discard) {
            QFile::remove(r.file);
        } else if (box.clickedButton() == restore) {
            QString error;
            if (restoreRecovery(r, &error)) return true;
            QMessageBox::warning(this, tr("Recover Unsaved Work"), error);
        }
    }
    return false;
}

bool MainWindow::restoreRecovery(const RecoverableProject& r, QString* error) {
    LoadedProject loaded;
    try {
        loaded.project = ProjectStore::open(r.file.toStdString());
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    Autosave::stripRecoveryMeta(loaded.project);
    std::unique_ptr<ProjectLock> lock;
    QString path = r.projectPath;
    if (!path.isEmpty()) {
        try {
            lock = ProjectLock::tryAcquire(path.toStdString());
        } catch (const ProjectError&) {}
        if (!lock) path.clear(); // someone else has the file open now: keep the work as untitled
    }
    adoptProject(std::move(loaded), path, std::move(lock), false);
    session_.unsavedOutsideUndo = true;
    autosave_->adopt(r.file); // kept until the restored work is saved
    statusBar()->showMessage(tr("Restored unsaved work autosaved at %1; save it to keep it").arg(r.savedAt), 10000);
    updateTitle();
    return true;
}

} // namespace scs::ui
