// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — undoable edits of a playground document.
#pragma once

#include "PlaygroundDocument.h"

#include <QElapsedTimer>
#include <QUndoCommand>

namespace scs::ui {

/// Each command stores the old and new value and swaps them, so undo and redo are one operation.
/// The document owns the undo stack, so it outlives every command on it.

/// A parameter's value text. Consecutive changes with the same non-zero `gesture` (one slider
/// drag) merge into one step.
class SetParameterCommand : public QUndoCommand {
public:
    SetParameterCommand(PlaygroundDocument* doc, std::string name, std::string oldValue, std::string newValue,
                        int gesture);
    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    PlaygroundDocument* doc_;
    std::string name_, old_, new_;
    int gesture_;
};

/// One text field of the model (equations, threshold, reset, refractory). Typing in the same
/// field merges into one step until the user pauses for `mergeWindowMs`.
class EditModelTextCommand : public QUndoCommand {
public:
    static constexpr int mergeWindowMs = 1500;
    EditModelTextCommand(PlaygroundDocument* doc, std::string field, std::string oldText, std::string newText);
    void undo() override;
    void redo() override;
    int id() const override { return 2; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    PlaygroundDocument* doc_;
    std::string field_, old_, new_;
    QElapsedTimer lastEdit_;
};

/// dt, duration, method or protocol.
class SetSimulationCommand : public QUndoCommand {
public:
    SetSimulationCommand(PlaygroundDocument* doc, SimulationSection oldValue, SimulationSection newValue,
                         const QString& text);
    void undo() override;
    void redo() override;

private:
    PlaygroundDocument* doc_;
    SimulationSection old_, new_;
};

/// The analysis section (settings of the analyses, the selected one).
class SetAnalysisCommand : public QUndoCommand {
public:
    SetAnalysisCommand(PlaygroundDocument* doc, nlohmann::json oldValue, nlohmann::json newValue, const QString& text);
    void undo() override;
    void redo() override;

private:
    PlaygroundDocument* doc_;
    nlohmann::json old_, new_;
};

/// Replaces the whole playground (load a catalogue model, new blank model).
class SwitchModelCommand : public QUndoCommand {
public:
    SwitchModelCommand(PlaygroundDocument* doc, PlaygroundState oldState, PlaygroundState newState);
    void undo() override;
    void redo() override;

private:
    PlaygroundDocument* doc_;
    PlaygroundState old_, new_;
};

} // namespace scs::ui
