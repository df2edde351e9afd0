// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's project life cycle: open, save, revert, close, the lock,
// autosave and recovery.
#include "MainWindow.h"

#include "AnalysisController.h"
#include "PlaygroundCommands.h"
#include "PlaygroundDocument.h"
#include "PlaygroundView.h"
#include "ProjectCommands.h"

#include "AnalysisPanel.h"
#include "ModelBrowser.h"
#include "TracePlot.h"

#include "project/DocumentCodec.h"
#include "project/ProjectError.h"
#include "project/ProjectSchema.h"
#include "project/ProjectStore.h"
#include "util/BuildInfo.h"
#include "util/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>
#include <filesystem>

namespace scs::ui {

using scs::project::Document;
using scs::project::ProjectError;
using scs::project::ProjectLock;
using scs::project::ProjectStore;

namespace {

constexpr const char* kTracesPlot = "traces";

std::string playgroundBody(const PlaygroundState& state) {
    Document d;
    d.playground = state;
    return scs::project::documentBody(d).dump();
}

/// The latest simulation as a stored run: time, every recorded state, the drive, the spikes.
scs::project::Run simulationRun(const scs::SimulationResult& r, std::int64_t documentId, const std::string& inputs) {
    auto data = std::make_shared<scs::project::RunData>();
    data->traces.push_back({"t", "second", r.time});
    for (std::size_t i = 0; i < r.names.size() && i < r.traces.size(); ++i)
        data->traces.push_back({r.names[i], r.dimensions[i].toString(), r.traces[i]});
    if (!r.drive.empty()) data->traces.push_back({"drive", "", r.drive});
    data->spikeTimes = r.spikeTimes;
    data->spikeIndex.assign(r.spikeTimes.size(), 0);
    scs::project::Run run;
    run.documentId = documentId;
    run.manifest.kind = "simulation";
    run.manifest.label = "Last simulation";
    run.manifest.createdAt = scs::isoTimeUtcNow();
    run.manifest.engineVersion = scs::studioVersion();
    run.manifest.inputsSha256 = scs::sha256Hex(inputs);
    run.manifest.summary = {{"method", r.method},
                            {"dt", r.dt},
                            {"steps", r.steps},
                            {"samples", r.time.size()},
                            {"spikes", r.spikeTimes.size()},
                            {"firing_rate_hz", r.firingRate()}};
    run.data = std::move(data);
    return run;
}

} // namespace

bool MainWindow::isModified() const { return !doc_->undoStack()->isClean() || session_.unsavedOutsideUndo; }

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
    if (!loaded.project.firstOfType(scs::project::doctype::playground)) {
        if (error) *error = tr("%1: the project has no playground document").arg(path);
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
    const Document* shown = p.document(p.view.activeDocument);
    if (!shown || shown->type != scs::project::doctype::playground || shown->kept)
        shown = p.firstOfType(scs::project::doctype::playground);
    const PlaygroundState state = shown->playground;
    session_.shownDocument = shown->id;
    doc_->setDocumentId(shown->id);
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
    lastRun_.reset();
    autosave_->discard();
    const auto range =
        session_.project.view.plotRanges.find(std::to_string(session_.shownDocument) + "/" + kTracesPlot);
    pendingTimeRange_.reset();
    if (range != session_.project.view.plotRanges.end()) pendingTimeRange_ = range->second;
    doc_->undoStack()->clear();
    doc_->setState(state);
    doc_->undoStack()->setClean();
    offerStoredResults();
    refreshProjectModels();
    refreshDocumentList();
    updateTitle();
}

void MainWindow::refreshProjectModels() {
    std::vector<scs::CatalogueEntry> models;
    for (const Document& d : session_.project.documents)
        if (d.type == scs::project::doctype::catalogueModel && !d.kept) models.push_back(d.model);
    view_->modelBrowser()->setProjectModels(std::move(models));
}

void MainWindow::setProjectModel(const std::string& id, const std::optional<scs::CatalogueEntry>& model) {
    auto& docs = session_.project.documents;
    const auto it = std::find_if(docs.begin(), docs.end(), [&](const Document& d) {
        return d.type == scs::project::doctype::catalogueModel && !d.kept && d.model.id == id;
    });
    if (!model) {
        if (it != docs.end()) docs.erase(it);
    } else if (it != docs.end()) {
        it->model = *model;
    } else {
        Document d;
        d.type = scs::project::doctype::catalogueModel;
        d.model = *model;
        session_.project.addDocument(std::move(d));
    }
    refreshProjectModels();
}

std::string MainWindow::keepModelInProject() {
    scs::CatalogueEntry model = doc_->state().model;
    ModelBrowser* browser = view_->modelBrowser();
    if (model.id.empty()) model.id = "model";
    // A copy of a bundled model gets an id of its own; a project model is updated in place.
    const auto isProjectModel = [&](const std::string& id) {
        for (const scs::CatalogueEntry& e : browser->projectModels())
            if (e.id == id) return true;
        return false;
    };
    if (browser->catalogue().find(model.id) && !isProjectModel(model.id)) {
        const std::string base = model.id + "_edited";
        model.id = base;
        for (int n = 2; browser->catalogue().find(model.id) || isProjectModel(model.id); ++n)
            model.id = base + std::to_string(n);
        model.name = (model.name.empty() ? base : model.name) + " (edited)";
        model.category = "project";
    }
    model.sourcePath.clear();
    std::optional<scs::CatalogueEntry> previous;
    if (const scs::CatalogueEntry* existing = browser->find(model.id); existing && isProjectModel(model.id))
        previous = *existing;
    // One step: the playground now shows the kept model (so keeping again updates it) and the
    // project holds it.
    QUndoStack* undo = doc_->undoStack();
    undo->beginMacro(tr("Keep %1 in the project").arg(QString::fromStdString(model.name)));
    PlaygroundState renamed = doc_->state();
    renamed.model.id = model.id;
    renamed.model.name = model.name;
    renamed.model.category = model.category;
    if (renamed.model.id != doc_->state().model.id) undo->push(new SwitchModelCommand(doc_, doc_->state(), renamed));
    undo->push(new KeepModelCommand(
        [this](const std::string& id, const std::optional<scs::CatalogueEntry>& m) { setProjectModel(id, m); },
        previous, model));
    undo->endMacro();
    statusBar()->showMessage(tr("%1 is kept in the project's catalogue").arg(QString::fromStdString(model.name)), 5000);
    return model.id;
}

void MainWindow::offerStoredResults() {
    const std::string prefix = "analysis:";
    const std::string inputs = scs::sha256Hex(playgroundBody(doc_->state()));
    QHash<QString, AnalysisController::StoredResult> stored;
    for (const scs::project::Run* run : session_.project.runsOf(session_.shownDocument)) {
        const std::string& kind = run->manifest.kind;
        const QString id = QString::fromStdString(kind.substr(prefix.size()));
        if (kind.rfind(prefix, 0) != 0 || stored.contains(id)) continue; // newest first
        const std::int64_t runId = run->id;
        stored.insert(id, {QString::fromStdString(run->manifest.createdAt), run->manifest.inputsSha256 == inputs,
                           [this, runId] { return session_.project.runData(runId)->payload; }});
    }
    analyses_->setStoredResults(stored);
    AnalysisPanel* panel = view_->analysisPanel();
    if (panel->isVisible()) analyses_->showStored(panel->currentAnalysis());
}

void MainWindow::keepAnalysisResult(const QString& id, const nlohmann::json& snapshot) {
    // The result belongs to the playground the analysis started on, even if another is shown now.
    std::int64_t documentId = analysisDocuments_.value(id, ensureShownDocument());
    storeShownState();
    const Document* target = session_.project.document(documentId);
    if (!target) return; // its playground was removed while it ran
    const std::string body = playgroundBody(target->playground);
    const std::string kind = "analysis:" + id.toStdString();
    scs::project::Project& p = session_.project;
    p.removeRunsOf(documentId, kind);
    scs::project::Run run;
    run.documentId = documentId;
    run.manifest.kind = kind;
    run.manifest.label = snapshot.value("headline", std::string());
    run.manifest.createdAt = scs::isoTimeUtcNow();
    run.manifest.engineVersion = scs::studioVersion();
    run.manifest.inputsSha256 = scs::sha256Hex(body);
    run.manifest.summary = {{"summary", snapshot.value("summary", std::string())}};
    auto data = std::make_shared<scs::project::RunData>();
    data->payload = snapshot;
    run.data = std::move(data);
    p.addRun(std::move(run));
    session_.unsavedOutsideUndo = true; // a new result is worth a save prompt
    ++changeCounter_;
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

void MainWindow::storeLastRun(scs::project::Project& p) {
    const std::string body = playgroundBody(doc_->state());
    // Stored when it was made from exactly what is saved; an older one is replaced.
    if (!lastRun_ || lastRunInputs_ != body || !p.document(session_.shownDocument)) return;
    const std::string sha = scs::sha256Hex(body);
    const auto previous = p.runsOf(session_.shownDocument, "simulation");
    if (!previous.empty() && previous.front()->manifest.inputsSha256 == sha) return;
    p.removeRunsOf(session_.shownDocument, "simulation");
    p.addRun(simulationRun(*lastRun_, session_.shownDocument, body));
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
    p.view.plotRanges[std::to_string(shown->id) + "/" + kTracesPlot] = {time.lower, time.upper, y.lower, y.upper};
    return p;
}

void MainWindow::rememberRun(const scs::SimulationResult& result) {
    lastRun_ = std::make_shared<const scs::SimulationResult>(result);
    lastRunInputs_ = playgroundBody(doc_->state());
    if (pendingTimeRange_) {
        const scs::project::PlotRange r = *pendingTimeRange_;
        pendingTimeRange_.reset();
        if (r.xMax > r.xMin) view_->tracePlot()->setTimeRange(QCPRange(r.xMin, r.xMax));
    }
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
    const scs::CatalogueEntry* lif = view_->modelBrowser()->catalogue().find("lif");
    startNewProject(lif ? PlaygroundDocument::fromCatalogue(*lif) : PlaygroundDocument::blank());
    return true;
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
    const scs::CatalogueEntry* lif = view_->modelBrowser()->catalogue().find("lif");
    startNewProject(lif ? PlaygroundDocument::fromCatalogue(*lif) : PlaygroundDocument::blank());
}

void MainWindow::openInitialProject() {
    if (options_.useSettings) {
        const QString last = QSettings().value(QStringLiteral("project/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last) && openProject(last)) return;
    }
    openDefaultProject();
}

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
    if (!loaded.project.firstOfType(scs::project::doctype::playground)) {
        if (error) *error = tr("%1: the recovered project has no playground").arg(r.file);
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
