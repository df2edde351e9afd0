// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — undoable edits of a playground document.
#pragma once

#include "PlaygroundDocument.h"

#include <QElapsedTimer>
#include <QUndoCommand>

namespace scs::ui {

/// Each command stores the old and new value and swaps them, so undo and redo are one operation.
/// The document owns the undo stack, so it outlives every command on it. A command remembers the
/// playground it was made on and brings it on screen before it changes anything.
class PlaygroundCommand : public QUndoCommand {
protected:
    explicit PlaygroundCommand(PlaygroundDocument* doc) : doc_(doc), documentId_(doc->documentId()) {}
    /// The document, showing this command's playground.
    PlaygroundDocument* target() {
        doc_->focus(documentId_);
        return doc_;
    }
    bool samePlayground(const PlaygroundCommand* other) const { return other->documentId_ == documentId_; }

private:
    PlaygroundDocument* doc_;
    std::int64_t documentId_;
};

/// A parameter's value text. Consecutive changes with the same non-zero `gesture` (one slider
/// drag) merge into one step.
class SetParameterCommand : public PlaygroundCommand {
public:
    SetParameterCommand(PlaygroundDocument* doc, std::string name, std::string oldValue, std::string newValue,
                        int gesture);
    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    std::string name_, old_, new_;
    int gesture_;
};

/// One text field of the model (equations, threshold, reset, refractory). Typing in the same
/// field merges into one step until the user pauses for `mergeWindowMs`.
class EditModelTextCommand : public PlaygroundCommand {
public:
    static constexpr int mergeWindowMs = 1500;
    EditModelTextCommand(PlaygroundDocument* doc, std::string field, std::string oldText, std::string newText);
    void undo() override;
    void redo() override;
    int id() const override { return 2; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    std::string field_, old_, new_;
    QElapsedTimer lastEdit_;
};

/// dt, duration, method or protocol.
class SetSimulationCommand : public PlaygroundCommand {
public:
    SetSimulationCommand(PlaygroundDocument* doc, SimulationSection oldValue, SimulationSection newValue,
                         const QString& text);
    void undo() override;
    void redo() override;

private:
    SimulationSection old_, new_;
};

/// The analysis section (settings of the analyses, the selected one).
class SetAnalysisCommand : public PlaygroundCommand {
public:
    SetAnalysisCommand(PlaygroundDocument* doc, nlohmann::json oldValue, nlohmann::json newValue, const QString& text);
    void undo() override;
    void redo() override;

private:
    nlohmann::json old_, new_;
};

/// The playground's title (renaming it in the project's document list).
class RenamePlaygroundCommand : public PlaygroundCommand {
public:
    RenamePlaygroundCommand(PlaygroundDocument* doc, std::string oldTitle, std::string newTitle);
    void undo() override;
    void redo() override;

private:
    std::string old_, new_;
};

/// Replaces the whole playground (load a catalogue model, new blank model).
class SwitchModelCommand : public PlaygroundCommand {
public:
    SwitchModelCommand(PlaygroundDocument* doc, PlaygroundState oldState, PlaygroundState newState);
    void undo() override;
    void redo() override;

private:
    PlaygroundState old_, new_;
};

} // namespace scs::ui
