// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — editor widgets: underlines, highlighting, completion, sliders, protocol fields.
#include "EquationEditor.h"
#include "EquationHighlighter.h"
#include "ModelEditorPanel.h"
#include "ParameterPanel.h"
#include "ProtocolEditor.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QTextBlock>

using namespace scs::ui;

namespace {

TEST(EquationEditorTest, DiagnosticUnderlinesTheGivenLineAndColumn) {
    EquationEditor e;
    e.setPlainText("dv/dt = -v/tau : volt\nw = v*2 : volt");
    e.setDiagnostics({{2, 5, 3, "unknown", false}});
    ASSERT_EQ(e.diagnosticSelections().size(), 1);
    const QTextCursor c = e.diagnosticSelections().front().cursor;
    EXPECT_EQ(c.selectedText(), QStringLiteral("v*2"));
    EXPECT_EQ(c.block().blockNumber(), 1);
    EXPECT_EQ(e.diagnosticSelections().front().format.underlineStyle(), QTextCharFormat::SpellCheckUnderline);
    EXPECT_EQ(e.diagnosticSelections().front().format.toolTip(), QStringLiteral("unknown"));
    // Out-of-range positions (end of line, past the last line) still mark something visible.
    e.setDiagnostics({{2, 99, 4, "at end", false}, {7, 1, 1, "no such line", true}});
    ASSERT_EQ(e.diagnosticSelections().size(), 2);
    EXPECT_EQ(e.diagnosticSelections()[0].cursor.selectedText(), QStringLiteral("t"));
    EXPECT_TRUE(e.diagnosticSelections()[1].cursor.hasSelection());
    e.setDiagnostics({});
    EXPECT_TRUE(e.extraSelections().isEmpty());
}

TEST(EquationEditorTest, ProgrammaticTextIsNotAUserEdit) {
    EquationEditor e;
    QSignalSpy spy(&e, &EquationEditor::textEdited);
    e.setTextPreservingCursor("v > 1");
    EXPECT_EQ(spy.count(), 0);
    e.show();
    e.setFocus();
    QTest::keyClicks(&e, "0");
    EXPECT_EQ(spy.count(), 1);
}

TEST(EquationEditorTest, ExternalUndoLeavesCtrlZToTheWindow) {
    EquationEditor e;
    e.setExternalUndo(true);
    EXPECT_FALSE(e.isUndoRedoEnabled());
    QKeyEvent override(QEvent::ShortcutOverride, Qt::Key_Z, Qt::ControlModifier);
    override.setAccepted(false);
    QCoreApplication::sendEvent(&e, &override);
    EXPECT_FALSE(override.isAccepted()) << "the editor must not swallow Ctrl+Z";
}

TEST(EquationEditorTest, CompletionOffersModelAndLanguageNames) {
    EquationEditor e;
    e.setLanguageNames({"mV", "msecond", "ms"}, {"exp", "sin"}, {"t", "dt"});
    e.setCompletionNames({"tau_m", "v"});
    e.show();
    e.setFocus();
    QTest::keyClicks(&e, "ta");
    EXPECT_EQ(e.completer()->completionPrefix(), QStringLiteral("ta"));
    EXPECT_EQ(e.completer()->currentCompletion(), QStringLiteral("tau_m"));
    QTest::keyClicks(&e, " ms");
    EXPECT_EQ(e.completer()->completionPrefix(), QStringLiteral("ms"));
    EXPECT_EQ(e.completer()->completionCount(), 2); // ms, msecond
}

TEST(EquationHighlighterTest, ClassifiesNames) {
    EquationEditor e;
    e.setLanguageNames({"mV", "b"}, {"exp"}, {"t"});
    EquationHighlighter* h = e.highlighter();
    h->setStateNames({"v"});
    h->setParameterNames({"b"});
    EquationHighlighter::Role role;
    ASSERT_TRUE(h->roleOf("v", &role));
    EXPECT_EQ(role, EquationHighlighter::Role::State);
    ASSERT_TRUE(h->roleOf("b", &role));
    EXPECT_EQ(role, EquationHighlighter::Role::Parameter) << "model names shadow units";
    ASSERT_TRUE(h->roleOf("mV", &role));
    EXPECT_EQ(role, EquationHighlighter::Role::Unit);
    ASSERT_TRUE(h->roleOf("exp", &role));
    EXPECT_EQ(role, EquationHighlighter::Role::Function);
    EXPECT_FALSE(h->roleOf("unknown_name", &role));
    // The formats land in the document's layout.
    e.setPlainText("dv/dt = exp(-v/mV) : volt # note");
    h->rehighlight();
    const auto formats = e.document()->firstBlock().layout()->formats();
    bool comment = false, number = false;
    for (const auto& f : formats) {
        if (f.format.foreground() == h->format(EquationHighlighter::Role::Comment).foreground() && f.length == 6)
            comment = true;
        if (f.format.foreground() == h->format(EquationHighlighter::Role::Function).foreground()) number = true;
    }
    EXPECT_TRUE(comment);
    EXPECT_TRUE(number);
}

TEST(ModelEditorPanelTest, DiagnosticsGoToTheirFieldAndTheList) {
    ModelEditorPanel panel;
    panel.setText("equations", "dv/dt = -v/tau : volt");
    panel.setText("threshold", "v > 10*mV");
    scs::Diagnostic a{scs::Diagnostic::Severity::Error, "threshold", {1, 5, 2}, "unknown name 'x'"};
    scs::Diagnostic b{scs::Diagnostic::Severity::Error, "tau", {1, 1, 1}, "bad value"};
    panel.setDiagnostics({a, b});
    EXPECT_EQ(panel.editor("threshold")->diagnosticSelections().size(), 1);
    EXPECT_TRUE(panel.editor("equations")->diagnosticSelections().isEmpty());
    ASSERT_EQ(panel.problemsList()->count(), 2);
    EXPECT_TRUE(panel.problemsList()->item(0)->text().contains("threshold 1:5"));
    EXPECT_TRUE(panel.problemsList()->item(1)->text().contains("bad value"));
    QSignalSpy spy(&panel, &ModelEditorPanel::fieldEdited);
    panel.editor("reset")->insertPlainText("v = 0*mV");
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("reset"));
}

TEST(ParameterPanelTest, DefaultRangesAroundTheValue) {
    double lo, hi;
    defaultParameterRange(-0.065, &lo, &hi);
    EXPECT_DOUBLE_EQ(lo, -0.195);
    EXPECT_DOUBLE_EQ(hi, 0.065);
    defaultParameterRange(0, &lo, &hi);
    EXPECT_EQ(lo, 0);
    EXPECT_EQ(hi, 1);
}

TEST(ParameterPanelTest, SliderAndSpinShowDisplayUnitsAndEmitSi) {
    ParameterPanel panel;
    panel.setParameters({ParameterRow{"tau", 0.01, "ms", 1e-3, 0.0, 0.05, "membrane time constant"}});
    QSlider* s = panel.slider("tau");
    QDoubleSpinBox* spin = panel.spinBox("tau");
    ASSERT_TRUE(s && spin);
    EXPECT_EQ(s->value(), 200);
    EXPECT_DOUBLE_EQ(spin->value(), 10.0);
    EXPECT_TRUE(s->toolTip().contains("membrane time constant"));
    QSignalSpy spy(&panel, &ParameterPanel::valueEdited);
    s->setValue(500);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_NEAR(spy.at(0).at(1).toDouble(), 0.025, 1e-12);
    EXPECT_EQ(spy.at(0).at(2).toInt(), 0) << "not a drag";
    EXPECT_NEAR(spin->value(), 25.0, 1e-9);
    // A drag: one gesture id for every step.
    s->setSliderDown(true);
    s->setValue(510);
    s->setValue(520);
    s->setSliderDown(false);
    ASSERT_EQ(spy.count(), 3);
    EXPECT_NE(spy.at(1).at(2).toInt(), 0);
    EXPECT_EQ(spy.at(1).at(2).toInt(), spy.at(2).at(2).toInt());
    // Values from the document do not echo back, and do not rebuild the row.
    panel.setParameters({ParameterRow{"tau", 0.03, "ms", 1e-3, 0.0, 0.05, ""}});
    EXPECT_EQ(panel.slider("tau"), s);
    EXPECT_EQ(s->value(), 600);
    EXPECT_EQ(spy.count(), 3);
    // Typing beyond the range widens the slider's range instead of clamping the value.
    spin->setValue(80.0);
    EXPECT_NEAR(panel.value("tau"), 0.08, 1e-12);
    EXPECT_EQ(s->value(), ParameterPanel::sliderSteps);
}

TEST(ProtocolEditorTest, FieldsRoundTripTheTextForm) {
    ProtocolEditor editor;
    editor.setProtocolText("step amplitude=0.5*nA start=20*ms stop=180*ms");
    EXPECT_EQ(editor.kindCombo()->currentText(), QStringLiteral("step"));
    EXPECT_EQ(editor.field("amplitude")->text(), QStringLiteral("0.5*nA"));
    EXPECT_EQ(editor.field("stop")->text(), QStringLiteral("180*ms"));
    EXPECT_EQ(editor.protocolText(), QStringLiteral("step amplitude=0.5*nA start=20*ms stop=180*ms"));
    QSignalSpy spy(&editor, &ProtocolEditor::protocolEdited);
    editor.field("amplitude")->setText("1*nA");
    emit editor.field("amplitude")->editingFinished();
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("step amplitude=1*nA start=20*ms stop=180*ms"));
    // An invalid value is reported, not emitted.
    editor.field("start")->setText("20*parsecs");
    emit editor.field("start")->editingFinished();
    EXPECT_EQ(spy.count(), 1);
    EXPECT_FALSE(editor.errorText().isEmpty());
    // "none" means no protocol.
    editor.kindCombo()->setCurrentIndex(0);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(1).at(0).toString(), QString());
}

} // namespace

TEST(EquationEditorTest, RehighlightingIsNotAnEdit) {
    // New state names re-format the text; reporting that as an edit pushed undo commands while
    // another command was being undone (a crash when undo switched playgrounds).
    scs::ui::EquationEditor editor;
    editor.setTextPreservingCursor(QStringLiteral("dv/dt = -v/tau : volt"));
    int edits = 0;
    QObject::connect(&editor, &scs::ui::EquationEditor::textEdited, [&edits] { ++edits; });
    editor.highlighter()->setStateNames({QStringLiteral("v")});
    editor.highlighter()->setStateNames({QStringLiteral("v"), QStringLiteral("w")});
    EXPECT_EQ(edits, 0);
    editor.setPlainText(QStringLiteral("dv/dt = -v/(2*tau) : volt")); // as typing would
    EXPECT_EQ(edits, 1);
}
