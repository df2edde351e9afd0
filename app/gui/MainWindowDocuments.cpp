// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's playgrounds: one on screen, the others kept in the
// project; switching, adding, duplicating, renaming and removing them (all but switching undoable).
#include "MainWindow.h"

#include "PlaygroundCommands.h"
#include "PlaygroundDocument.h"
#include "PlaygroundView.h"
#include "ProjectCommands.h"

#include "ProjectPanel.h"

#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>

namespace scs::ui {

using scs::project::Document;

void MainWindow::storeShownState() {
    if (Document* d = session_.project.document(session_.shownDocument)) d->playground = doc_->state();
}

void MainWindow::showDocument(std::int64_t id) {
    if (id == session_.shownDocument) return;
    const Document* next = session_.project.document(id);
    if (!next || next->type != scs::project::doctype::playground || next->kept) return;
    storeShownState();
    storeLastRun(session_.project);
    presentPlayground(id, next->playground);
    refreshDocumentList();
    updateTitle();
}

std::string MainWindow::tracesRangeKey(std::int64_t documentId) { return std::to_string(documentId) + "/traces"; }

void MainWindow::presentPlayground(std::int64_t id, const PlaygroundState& state) {
    session_.shownDocument = id;
    doc_->setDocumentId(id);
    lastRun_.reset(); // it belonged to the playground shown before
    // The saved zoom comes back once the first run of this playground has drawn its traces.
    const auto& ranges = session_.project.view.plotRanges;
    const auto range = ranges.find(tracesRangeKey(id));
    pendingTimeRange_.reset();
    if (range != ranges.end()) pendingTimeRange_ = range->second;
    doc_->setState(state);
    offerStoredResults();
    offerSynthesisHistory();
}

void MainWindow::refreshDocumentList() {
    if (!projectPanel_) return;
    QVector<DocumentRow> rows;
    for (const Document& d : session_.project.documents) {
        if (d.type != scs::project::doctype::playground || d.kept) continue;
        const PlaygroundState& s = d.id == session_.shownDocument ? doc_->state() : d.playground;
        rows.push_back({d.id, QString::fromStdString(s.title), QString::fromStdString(s.model.name)});
    }
    projectPanel_->setDocuments(rows, session_.shownDocument);
}

std::int64_t MainWindow::addPlayground(const PlaygroundState& state) {
    ensureShownDocument();
    PlaygroundEntry entry;
    entry.document.playground = state;
    entry.document.id = session_.project.nextId();
    entry.position = session_.project.documents.size();
    doc_->undoStack()->push(
        new PlaygroundPresenceCommand([this](const PlaygroundEntry& e) { insertPlayground(e); },
                                      [this](std::int64_t id) { return erasePlayground(id); }, entry, true,
                                      tr("Add playground %1").arg(QString::fromStdString(state.title))));
    return entry.document.id;
}

bool MainWindow::removePlayground(std::int64_t id) {
    const Document* d = session_.project.document(id);
    int playgrounds = 0;
    for (const Document& other : session_.project.documents)
        playgrounds += other.type == scs::project::doctype::playground && !other.kept;
    if (!d || d->type != scs::project::doctype::playground || playgrounds < 2) return false;
    PlaygroundEntry entry;
    entry.document.id = id;
    doc_->undoStack()->push(
        new PlaygroundPresenceCommand([this](const PlaygroundEntry& e) { insertPlayground(e); },
                                      [this](std::int64_t i) { return erasePlayground(i); }, entry, false,
                                      tr("Remove playground %1").arg(QString::fromStdString(d->title()))));
    return true;
}

void MainWindow::renamePlayground(std::int64_t id, const QString& title) {
    doc_->focus(id);
    if (doc_->documentId() != id || title.toStdString() == doc_->state().title) return;
    doc_->undoStack()->push(new RenamePlaygroundCommand(doc_, doc_->state().title, title.toStdString()));
}

void MainWindow::insertPlayground(const PlaygroundEntry& entry) {
    storeShownState();
    auto& docs = session_.project.documents;
    docs.insert(docs.begin() + static_cast<std::ptrdiff_t>(std::min(entry.position, docs.size())), entry.document);
    for (const scs::project::Run& r : entry.runs) session_.project.runs.push_back(r);
    showDocument(entry.document.id);
    refreshDocumentList();
}

PlaygroundEntry MainWindow::erasePlayground(std::int64_t id) {
    PlaygroundEntry entry;
    auto& docs = session_.project.documents;
    const auto it = std::find_if(docs.begin(), docs.end(), [id](const Document& d) { return d.id == id; });
    if (it == docs.end()) return entry;
    if (id == session_.shownDocument) {
        // Show a neighbour first, so the removed playground's last state is stored with it.
        for (const Document& d : docs)
            if (d.id != id && d.type == scs::project::doctype::playground && !d.kept) {
                showDocument(d.id);
                break;
            }
    }
    const auto at = std::find_if(docs.begin(), docs.end(), [id](const Document& d) { return d.id == id; });
    entry.position = static_cast<std::size_t>(at - docs.begin());
    entry.document = *at;
    docs.erase(at);
    auto& runs = session_.project.runs;
    for (const scs::project::Run& r : runs)
        if (r.documentId == id) entry.runs.push_back(r);
    std::erase_if(runs, [id](const scs::project::Run& r) { return r.documentId == id; });
    refreshDocumentList();
    return entry;
}

} // namespace scs::ui
