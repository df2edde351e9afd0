// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the playground document: one model, its run settings, its analyses.
#pragma once

#include "models/ModelCatalogue.h"
#include "project/ProjectModel.h"

#include <QObject>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace scs::ui {

// The playground's state is a core value (core/project): the project store saves it as is.
using SimulationSection = scs::project::SimulationSection;
using PlaygroundState = scs::project::PlaygroundState;

/// The state plus its undo stack. Setters change the state and emit `changed`; they do not push
/// undo commands (commands call them): the view pushes commands, so undo/redo and the first
/// change share one code path. Main-thread only.
class PlaygroundDocument : public QObject {
    Q_OBJECT
public:
    enum Change { ModelText = 1, Parameters = 2, Simulation = 4, WholeModel = 8, Title = 16, Analysis = 32 };

    explicit PlaygroundDocument(QObject* parent = nullptr);

    const PlaygroundState& state() const { return state_; }
    const scs::ModelSpec& spec() const { return state_.model.spec; }
    /// One history for the whole project: commands remember which playground they edit.
    QUndoStack* undoStack() { return &undo_; }

    /// The project document whose state this object holds now (the playground on screen).
    std::int64_t documentId() const { return documentId_; }
    void setDocumentId(std::int64_t id) { documentId_ = id; }
    /// Called by a command about to change playground `id`: when another one is on screen, the
    /// handler (the main window) shows `id` first, so undo never edits the wrong playground.
    void setFocusHandler(std::function<void(std::int64_t)> handler) { focusHandler_ = std::move(handler); }
    void focus(std::int64_t id) {
        if (id != documentId_ && focusHandler_) focusHandler_(id);
    }

    void setState(const PlaygroundState& state);
    /// field: "equations", "threshold", "reset", "refractory".
    void setSpecField(const std::string& field, const std::string& text);
    std::string specField(const std::string& field) const;
    void setParameterText(const std::string& name, const std::string& value);
    void setSimulation(const SimulationSection& simulation);
    void setTitle(const std::string& title);
    /// The analysis section: {"selected": id, "settings": {id: {field: value}}} plus anything
    /// else a file put there (kept). Values are SI (see SettingsForm::values()).
    void setAnalysis(const nlohmann::json& analysis);

    /// A playground on a catalogue entry: its spec, ranges, and its run settings.
    static PlaygroundState fromCatalogue(const scs::CatalogueEntry& entry);
    /// A minimal valid model to start from.
    static PlaygroundState blank();

signals:
    void changed(int what);

private:
    PlaygroundState state_;
    QUndoStack undo_;
    std::int64_t documentId_ = 0;
    std::function<void(std::int64_t)> focusHandler_;
};

} // namespace scs::ui
