// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — project lookups and ids.
#include "ProjectModel.h"

#include "ProjectError.h"
#include "ProjectStore.h"

#include <algorithm>

namespace scs::project {

PlaygroundState playgroundFromCatalogue(const scs::CatalogueEntry& entry) {
    PlaygroundState s;
    s.title = entry.name.empty() ? entry.id : entry.name;
    s.model = entry;
    s.simulation.dt = entry.dt;
    s.simulation.duration = entry.duration;
    s.simulation.method = entry.spec.method;
    s.simulation.protocol = entry.protocol;
    s.simulation.drive = entry.drive.empty() ? "I" : entry.drive;
    return s;
}

std::string Document::title() const {
    if (kept) return keptTitle;
    if (type == doctype::catalogueModel) return model.name.empty() ? model.id : model.name;
    if (type == doctype::network) return network.name;
    return playground.title;
}

Document* Project::document(std::int64_t id) {
    for (Document& d : documents)
        if (d.id == id) return &d;
    return nullptr;
}

const Document* Project::document(std::int64_t id) const { return const_cast<Project*>(this)->document(id); }

const Document* Project::firstOfType(const std::string& type) const {
    for (const Document& d : documents)
        if (d.type == type && !d.kept) return &d;
    return nullptr;
}

std::int64_t Project::nextId() const {
    std::int64_t next = 1;
    for (const Document& d : documents) next = std::max(next, d.id + 1);
    for (const Run& r : runs) next = std::max(next, r.id + 1);
    // A run removed since opening still has its row in the file it was read from; reusing its id
    // would make the next save keep that old run's data for the new one.
    while (source && source->holdsRun(next)) ++next;
    return next;
}

Document& Project::addDocument(Document document) {
    if (document.id == 0) document.id = nextId();
    documents.push_back(std::move(document));
    return documents.back();
}

Run& Project::addRun(Run run) {
    if (run.id == 0) run.id = nextId();
    runs.push_back(std::move(run));
    return runs.back();
}

const Run* Project::run(std::int64_t id) const {
    for (const Run& r : runs)
        if (r.id == id) return &r;
    return nullptr;
}

std::vector<const Run*> Project::runsOf(std::int64_t documentId, const std::string& kind) const {
    std::vector<const Run*> found;
    for (const Run& r : runs)
        if (r.documentId == documentId && (kind.empty() || r.manifest.kind == kind)) found.push_back(&r);
    std::reverse(found.begin(), found.end()); // runs are appended as they are made
    return found;
}

void Project::removeRunsOf(std::int64_t documentId, const std::string& kind) {
    std::erase_if(runs, [&](const Run& r) { return r.documentId == documentId && r.manifest.kind == kind; });
}

std::shared_ptr<const RunData> Project::runData(std::int64_t runId) const {
    const Run* r = run(runId);
    if (!r) throw ProjectError("the project has no run " + std::to_string(runId));
    if (!r->data) {
        if (!source || !source->holdsRun(runId))
            throw ProjectError("run " + std::to_string(runId) + " has no data in memory or in the file");
        r->data = std::make_shared<const RunData>(source->loadRunData(runId));
    }
    return r->data;
}

} // namespace scs::project
