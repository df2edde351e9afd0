// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — playground undo commands.
#include "PlaygroundCommands.h"

#include <QCoreApplication>

namespace scs::ui {

SetParameterCommand::SetParameterCommand(PlaygroundDocument* doc, std::string name, std::string oldValue,
                                         std::string newValue, int gesture)
    : PlaygroundCommand(doc), name_(std::move(name)), old_(std::move(oldValue)), new_(std::move(newValue)),
      gesture_(gesture) {
    setText(QCoreApplication::translate("scs::ui", "Change %1").arg(QString::fromStdString(name_)));
}

void SetParameterCommand::undo() { target()->setParameterText(name_, old_); }
void SetParameterCommand::redo() { target()->setParameterText(name_, new_); }

bool SetParameterCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const SetParameterCommand*>(other);
    if (gesture_ == 0 || o->gesture_ != gesture_ || o->name_ != name_ || !samePlayground(o)) return false;
    new_ = o->new_;
    return true;
}

EditModelTextCommand::EditModelTextCommand(PlaygroundDocument* doc, std::string field, std::string oldText,
                                           std::string newText)
    : PlaygroundCommand(doc), field_(std::move(field)), old_(std::move(oldText)), new_(std::move(newText)) {
    setText(QCoreApplication::translate("scs::ui", "Edit %1").arg(QString::fromStdString(field_)));
    lastEdit_.start();
}

void EditModelTextCommand::undo() { target()->setSpecField(field_, old_); }
void EditModelTextCommand::redo() { target()->setSpecField(field_, new_); }

bool EditModelTextCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const EditModelTextCommand*>(other);
    if (o->field_ != field_ || lastEdit_.elapsed() > mergeWindowMs || !samePlayground(o)) return false;
    new_ = o->new_;
    lastEdit_.restart();
    // Typing back to the original text leaves nothing to undo.
    if (new_ == old_) setObsolete(true);
    return true;
}

SetSimulationCommand::SetSimulationCommand(PlaygroundDocument* doc, SimulationSection oldValue,
                                           SimulationSection newValue, const QString& text)
    : PlaygroundCommand(doc), old_(std::move(oldValue)), new_(std::move(newValue)) {
    setText(text);
}

void SetSimulationCommand::undo() { target()->setSimulation(old_); }
void SetSimulationCommand::redo() { target()->setSimulation(new_); }

SetAnalysisCommand::SetAnalysisCommand(PlaygroundDocument* doc, nlohmann::json oldValue, nlohmann::json newValue,
                                       const QString& text)
    : PlaygroundCommand(doc), old_(std::move(oldValue)), new_(std::move(newValue)) {
    setText(text);
}

void SetAnalysisCommand::undo() { target()->setAnalysis(old_); }
void SetAnalysisCommand::redo() { target()->setAnalysis(new_); }

RenamePlaygroundCommand::RenamePlaygroundCommand(PlaygroundDocument* doc, std::string oldTitle, std::string newTitle)
    : PlaygroundCommand(doc), old_(std::move(oldTitle)), new_(std::move(newTitle)) {
    setText(QCoreApplication::translate("scs::ui", "Rename to %1").arg(QString::fromStdString(new_)));
}

void RenamePlaygroundCommand::undo() { target()->setTitle(old_); }
void RenamePlaygroundCommand::redo() { target()->setTitle(new_); }

SwitchModelCommand::SwitchModelCommand(PlaygroundDocument* doc, PlaygroundState oldState, PlaygroundState newState)
    : PlaygroundCommand(doc), old_(std::move(oldState)), new_(std::move(newState)) {
    setText(QCoreApplication::translate("scs::ui", "Load %1").arg(QString::fromStdString(new_.title)));
}

void SwitchModelCommand::undo() { target()->setState(old_); }
void SwitchModelCommand::redo() { target()->setState(new_); }

} // namespace scs::ui
