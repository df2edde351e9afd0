// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — undoable edits of the project beyond the playground on screen.
#pragma once

#include "models/ModelCatalogue.h"
#include "project/ProjectModel.h"

#include <QUndoCommand>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace scs::ui {

/// Puts a model into the project's own catalogue (or replaces the one with its id); undo takes
/// it out again (or restores the replaced one). `apply(id, model)` stores the model, or removes
/// the project model `id` when given nothing.
class KeepModelCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const std::string& id, const std::optional<scs::CatalogueEntry>& model)>;
    KeepModelCommand(Apply apply, std::optional<scs::CatalogueEntry> previous, scs::CatalogueEntry model);
    void undo() override { apply_(model_.id, previous_); }
    void redo() override { apply_(model_.id, model_); }

private:
    Apply apply_;
    std::optional<scs::CatalogueEntry> previous_;
    scs::CatalogueEntry model_;
};

/// A playground with everything that belongs to it, as it sat in the project.
struct PlaygroundEntry {
    scs::project::Document document;
    std::vector<scs::project::Run> runs;
    std::size_t position = 0; // index among the project's documents
};

/// Adds a playground to the project or removes one; undo does the opposite and brings back the
/// same document id, runs and place, so older commands on it still find it.
class PlaygroundPresenceCommand : public QUndoCommand {
public:
    using Insert = std::function<void(const PlaygroundEntry& entry)>;
    using Erase = std::function<PlaygroundEntry(std::int64_t id)>;
    /// `adding`: redo inserts `entry`; otherwise redo erases `entry.document.id`.
    PlaygroundPresenceCommand(Insert insert, Erase erase, PlaygroundEntry entry, bool adding, const QString& text);
    void undo() override { adding_ ? remove() : add(); }
    void redo() override { adding_ ? add() : remove(); }

private:
    void add() { insert_(entry_); }
    void remove() { entry_ = erase_(entry_.document.id); }

    Insert insert_;
    Erase erase_;
    PlaygroundEntry entry_;
    bool adding_;
};

} // namespace scs::ui
