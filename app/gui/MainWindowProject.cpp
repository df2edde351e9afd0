// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's project life cycle: open, save, revert, close and the lock.
#include "MainWindow.h"

#include "NetworkEditor.h"

#include "PlaygroundDocument.h"
#include "PlaygroundView.h"

#include "ModelBrowser.h"
#include "TracePlot.h"

#include "project/ProjectError.h"
#include "project/ProjectSchema.h"
#include "project/ProjectStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include <filesystem>

namespace scs::ui {

using scs::project::Document;
using scs::project::ProjectError;
using scs::project::ProjectLock;
using scs::project::ProjectStore;

namespace {} // namespace

bool MainWindow::isModified() const {
    return !doc_->undoStack()->isClean() || (network_ && !network_->undoStack()->isClean()) ||
           session_.unsavedOutsideUndo;
}

void MainWindow::updateTitle() {
    const QString name = session_.path.isEmpty() ? tr("Untitled") : QFileInfo(session_.path).fileName();
    setWindowModified(isModified());
    const QString access = session_.readOnly ? tr(" (read-only)") : QString();
    setWindowTitle(
        tr("%1[*]%2 — %3 — SC-NeuroCore Studio").arg(name, access, QString::fromStdString(doc_->state().title)));
    if (QAction* revert = action(QStringLiteral("actionRevert"))) revert->setEnabled(!session_.path.isEmpty());
}

bool MainWindow::askOpenReadOnly(const QString& path, const QString& holder) {
    QMessageBox box(QMessageBox::Warning, tr("Project in use"),
                    tr("%1 is open in another studio: %2.\n\nOnly one studio may change a project at a time. "
                       "You can open it read-only and save your changes under another name.")
                        .arg(QFileInfo(path).fileName(), holder),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("projectInUse"));
    QPushButton* readOnly = box.addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
    box.setDefaultButton(readOnly);
    box.exec();
    return box.clickedButton() == readOnly;
}

bool MainWindow::openProject(const QString& pathIn, QString* error) {
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    LoadedProject loaded;
    try {
        loaded = loadProjectFile(path);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    std::unique_ptr<ProjectLock> lock;
    bool readOnly = false;
    if (!loaded.imported) {
        if (path == session_.path && session_.lock) {
            lock = std::move(session_.lock); // reverting: keep our own lock
        } else {
            scs::project::LockHolder holder;
            try {
                lock = ProjectLock::tryAcquire(path.toStdString(), &holder);
            } catch (const ProjectError&) {
                // No lock file can be made (a read-only folder): nobody can write there either.
            }
            if (!lock) {
                const QString who = QString::fromStdString(holder.describe());
                if (holder.pid != 0 && !askOpenReadOnly(path, who)) {
                    if (error) *error = tr("%1 is open in another studio (%2)").arg(path, who);
                    return false;
                }
                readOnly = true;
            }
        }
    }
    adoptProject(std::move(loaded), path, std::move(lock), readOnly);
    if (!session_.path.isEmpty()) addRecent(session_.path);
    return true;
}

void MainWindow::adoptProject(LoadedProject loaded, const QString& path, std::unique_ptr<ProjectLock> lock,
                              bool readOnly) {
    scs::project::Project& p = loaded.project;
    if (!p.firstOfType(scs::project::doctype::playground)) {
        // A project of networks only (the examples): the window always shows a playground.
        Document starter;
        starter.playground = starterPlayground();
        p.addDocument(starter);
    }
    const Document* shown = p.document(p.view.activeDocument);
    if (!shown || shown->type != scs::project::doctype::playground || shown->kept)
        shown = p.firstOfType(scs::project::doctype::playground);
    const PlaygroundState state = shown->playground;
    const std::int64_t shownId = shown->id;
    for (const std::string& w : p.warnings) statusBar()->showMessage(QString::fromStdString(w), 8000);
    if (loaded.imported)
        statusBar()->showMessage(tr("Imported %1: save it as a .scstudio project to keep it").arg(path), 8000);
    else if (p.openedSchemaVersion && p.openedSchemaVersion < scs::project::schema::current)
        statusBar()->showMessage(tr("%1 was made by an older studio; saving converts it to this version").arg(path),
                                 8000);
    session_.project = std::move(p);
    session_.path = loaded.imported ? QString() : path;
    session_.lock = std::move(lock);
    session_.readOnly = readOnly;
    session_.unsavedOutsideUndo = false;
    autosave_->discard();
    doc_->undoStack()->clear();
    presentPlayground(shownId, state);
    doc_->undoStack()->setClean();
    showProjectNetwork();
    refreshProjectModels();
    refreshDocumentList();
    updateTitle();
}

void MainWindow::startNewProject(const PlaygroundState& state) {
    scs::project::Project p;
    Document d;
    d.playground = state;
    p.addDocument(d);
    p.view.activeDocument = p.documents.front().id;
    adoptProject(LoadedProject{std::move(p), false}, QString(), nullptr, false);
}

std::int64_t MainWindow::ensureShownDocument() {
    if (!session_.project.document(session_.shownDocument)) {
        session_.shownDocument = session_.project.addDocument(Document{}).id;
        doc_->setDocumentId(session_.shownDocument);
    }
    return session_.shownDocument;
}

scs::project::Project MainWindow::currentProject() {
    ensureShownDocument();
    scs::project::Project p = session_.project;
    Document* shown = p.document(session_.shownDocument);
    shown->playground = doc_->state();
    storeLastRun(p);
    p.view.openDocuments.clear();
    for (const Document& d : p.documents)
        if (d.type == scs::project::doctype::playground && !d.kept) p.view.openDocuments.push_back(d.id);
    p.view.activeDocument = shown->id;
    const QCPRange time = view_->tracePlot()->timeRange();
    const QCPRange y =
        view_->tracePlot()->stateGraph(0) ? view_->tracePlot()->stateGraph(0)->valueAxis()->range() : QCPRange();
    p.view.plotRanges[tracesRangeKey(shown->id)] = {time.lower, time.upper, y.lower, y.upper};
    storeNetwork(p); // last: it may add a document, which moves the others (`shown`)
    return p;
}

bool MainWindow::saveProject(const QString& pathIn, QString* error) {
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    const bool samePath = path == session_.path;
    if (samePath && session_.readOnly) {
        if (error) *error = tr("%1 is open read-only because another studio holds it; use Save As").arg(path);
        return false;
    }
    std::unique_ptr<ProjectLock> newLock;
    if (!samePath || !session_.lock) {
        scs::project::LockHolder holder;
        try {
            newLock = ProjectLock::tryAcquire(path.toStdString(), &holder);
        } catch (const std::exception& e) {
            if (error) *error = QString::fromUtf8(e.what());
            return false;
        }
        if (!newLock) {
            if (error)
                *error = tr("%1 is open in another studio (%2); save under another name")
                             .arg(path, QString::fromStdString(holder.describe()));
            return false;
        }
    }
    scs::project::Project project = currentProject();
    try {
        ProjectStore::save(project, path.toStdString());
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    session_.project = std::move(project);
    session_.path = path;
    if (newLock) session_.lock = std::move(newLock);
    session_.readOnly = false;
    session_.unsavedOutsideUndo = false;
    doc_->undoStack()->setClean();
    network_->undoStack()->setClean();
    autosave_->discard(); // the file now holds everything
    addRecent(path);
    updateTitle();
    return true;
}

bool MainWindow::revertProject(bool confirm, QString* error) {
    if (session_.path.isEmpty()) {
        if (error) *error = tr("The project has never been saved: there is nothing to revert to");
        return false;
    }
    if (confirm && isModified() &&
        QMessageBox::question(
            this, tr("Revert"),
            tr("Discard every unsaved change and reload %1?").arg(QFileInfo(session_.path).fileName()),
            QMessageBox::Discard | QMessageBox::Cancel) != QMessageBox::Discard)
        return false;
    return openProject(session_.path, error);
}

bool MainWindow::closeProject() {
    if (!maybeSave()) return false;
    autosave_->discard();
    startNewProject(starterPlayground());
    return true;
}

PlaygroundState MainWindow::starterPlayground() const {
    const scs::CatalogueEntry* lif = view_->modelBrowser()->catalogue().find("lif");
    return lif ? PlaygroundDocument::fromCatalogue(*lif) : PlaygroundDocument::blank();
}

void MainWindow::openDefaultProject() {
    // Built from projects/*.scstudio.json at build time next to the binaries, or installed.
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList candidates{appDir + QStringLiteral("/../projects/default.scstudio"),
                           appDir + QStringLiteral("/../share/scstudio/projects/default.scstudio")};
    try {
        const std::filesystem::path res = scs::resourcesDirectory();
        candidates << QString::fromStdString((res.parent_path() / "projects" / "default.scstudio.json").string());
    } catch (const std::exception&) {}
    for (const QString& c : candidates) {
        if (!QFileInfo::exists(c)) continue;
        try {
            // The bundled project is a template: it opens untitled, so saving asks for a new file.
            adoptProject(loadProjectFile(c), QString(), nullptr, false);
            return;
        } catch (const std::exception&) {}
    }
    startNewProject(starterPlayground());
}

void MainWindow::openInitialProject() {
    if (options_.useSettings) {
        const QString last = QSettings().value(QStringLiteral("project/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last) && openProject(last)) return;
    }
    openDefaultProject();
}

} // namespace scs::ui
