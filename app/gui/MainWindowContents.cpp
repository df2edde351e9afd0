// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what the main window keeps in the project besides playground edits: the
// last simulation, analysis results (shown only when opened) and models kept in the project.
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
#include "util/BuildInfo.h"
#include "util/Sha256.h"

#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>

namespace scs::ui {

using scs::project::Document;

namespace {

/// The canonical text of a playground: what a run's inputs SHA-256 is taken of.
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

void MainWindow::rememberRun(const scs::SimulationResult& result) {
    lastRun_ = std::make_shared<const scs::SimulationResult>(result);
    lastRunInputs_ = playgroundBody(doc_->state());
    if (pendingTimeRange_) {
        const scs::project::PlotRange r = *pendingTimeRange_;
        pendingTimeRange_.reset();
        if (r.xMax > r.xMin) view_->tracePlot()->setTimeRange(QCPRange(r.xMin, r.xMax));
    }
}

} // namespace scs::ui
