// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — every playground command: do, undo, redo, and the merge rules.
#include "gui/PlaygroundCommands.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QThread>

using namespace scs::ui;

namespace {

class CommandsTest : public ::testing::Test {
protected:
    void SetUp() override { doc.setState(PlaygroundDocument::blank()); }
    PlaygroundDocument doc;
    QUndoStack* stack() { return doc.undoStack(); }
};

TEST_F(CommandsTest, SetParameterDoUndoRedo) {
    QSignalSpy spy(&doc, &PlaygroundDocument::changed);
    stack()->push(new SetParameterCommand(&doc, "tau", "10*ms", "20*ms", 0));
    EXPECT_EQ(doc.spec().parameter("tau"), "20*ms");
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toInt(), int(PlaygroundDocument::Parameters));
    stack()->undo();
    EXPECT_EQ(doc.spec().parameter("tau"), "10*ms");
    stack()->redo();
    EXPECT_EQ(doc.spec().parameter("tau"), "20*ms");
}

TEST_F(CommandsTest, OneDragIsOneStepButTwoDragsAreTwo) {
    stack()->push(new SetParameterCommand(&doc, "tau", "10*ms", "11*ms", 7));
    stack()->push(new SetParameterCommand(&doc, "tau", "11*ms", "12*ms", 7));
    stack()->push(new SetParameterCommand(&doc, "tau", "12*ms", "13*ms", 7));
    EXPECT_EQ(stack()->count(), 1);
    stack()->push(new SetParameterCommand(&doc, "tau", "13*ms", "14*ms", 8));
    stack()->push(new SetParameterCommand(&doc, "El", "-65*mV", "-60*mV", 8)); // other parameter
    stack()->push(new SetParameterCommand(&doc, "tau", "14*ms", "15*ms", 0));  // key press: never merges
    stack()->push(new SetParameterCommand(&doc, "tau", "15*ms", "16*ms", 0));
    EXPECT_EQ(stack()->count(), 5);
    stack()->undo();
    stack()->undo();
    stack()->undo();
    stack()->undo();
    EXPECT_EQ(doc.spec().parameter("tau"), "13*ms");
    stack()->undo();
    EXPECT_EQ(doc.spec().parameter("tau"), "10*ms");
}

TEST_F(CommandsTest, TypingMergesUntilAPauseOrAnotherField) {
    const std::string eq0 = doc.spec().equations;
    stack()->push(new EditModelTextCommand(&doc, "equations", eq0, eq0 + "\n"));
    stack()->push(new EditModelTextCommand(&doc, "equations", eq0 + "\n", eq0 + "\nw"));
    EXPECT_EQ(stack()->count(), 1);
    stack()->push(new EditModelTextCommand(&doc, "threshold", doc.spec().threshold, "v > 0*mV"));
    EXPECT_EQ(stack()->count(), 2);
    stack()->undo();
    stack()->undo();
    EXPECT_EQ(doc.spec().equations, eq0);
    stack()->redo();
    EXPECT_EQ(doc.spec().equations, eq0 + "\nw");
}

TEST_F(CommandsTest, TypingAfterAPauseIsANewStep) {
    const std::string t0 = doc.spec().threshold;
    stack()->push(new EditModelTextCommand(&doc, "threshold", t0, t0 + "1"));
    QThread::msleep(EditModelTextCommand::mergeWindowMs + 100);
    stack()->push(new EditModelTextCommand(&doc, "threshold", t0 + "1", t0 + "12"));
    EXPECT_EQ(stack()->count(), 2);
}

TEST_F(CommandsTest, SimulationSettingsDoUndoRedo) {
    SimulationSection before = doc.state().simulation, after = before;
    after.dt = "0.01*ms";
    after.protocol = "";
    stack()->push(new SetSimulationCommand(&doc, before, after, "Change dt"));
    EXPECT_EQ(doc.state().simulation, after);
    stack()->undo();
    EXPECT_EQ(doc.state().simulation, before);
    stack()->redo();
    EXPECT_EQ(doc.state().simulation, after);
    EXPECT_EQ(stack()->undoText(), QStringLiteral("Change dt"));
}

TEST_F(CommandsTest, SwitchModelDoUndoRedo) {
    const PlaygroundState before = doc.state();
    PlaygroundState other = before;
    other.title = "other";
    other.model.id = "other";
    other.model.spec.equations = "dx/dt = -x/(5*ms) : 1";
    stack()->push(new SwitchModelCommand(&doc, before, other));
    EXPECT_EQ(doc.state().model.id, "other");
    stack()->undo();
    EXPECT_EQ(doc.state().model.id, before.model.id);
    EXPECT_EQ(doc.spec().equations, before.model.spec.equations);
    stack()->redo();
    EXPECT_EQ(doc.spec().equations, "dx/dt = -x/(5*ms) : 1");
}

} // namespace
