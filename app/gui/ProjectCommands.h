// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — undoable edits of the project beyond the playground on screen.
#pragma once

#include "models/ModelCatalogue.h"

#include <QUndoCommand>

#include <functional>
#include <optional>
#include <string>

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

} // namespace scs::ui
