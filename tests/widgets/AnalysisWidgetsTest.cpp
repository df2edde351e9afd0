// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the analysis widgets alone: generated forms, bar charts, the panel's buttons.
#include "AnalysisPanel.h"
#include "AnalysisResultView.h"
#include "BarPlot.h"
#include "SettingsForm.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace scs::ui;

namespace {

/// A sweep over a parameter chosen in a combo, as analyses declare it.
QVector<FormField> sweepFields() {
    FormField parameter;
    parameter.kind = FormField::Kind::Choice;
    parameter.id = "parameter";
    parameter.label = "Parameter";
    parameter.choices = {"I", "tau"};
    parameter.choice = "I";
    parameter.choiceUnits = {{"I", {"nA", 1e-9, -1e-9, 5e-9}}, {"tau", {"ms", 1e-3, 5e-3, 50e-3}}};
    FormField from;
    from.kind = FormField::Kind::Quantity;
    from.id = "min";
    from.label = "From";
    from.value = 0;
    from.unit = "nA";
    from.scale = 1e-9;
    from.follows = "parameter";
    from.bound = FormField::Bound::Lower;
    FormField points;
    points.kind = FormField::Kind::Count;
    points.id = "points";
    points.label = "Points";
    points.value = 20;
    points.minimum = 2;
    points.maximum = 100;
    FormField transient;
    transient.kind = FormField::Kind::Quantity;
    transient.id = "transient";
    transient.label = "Transient";
    transient.value = 0.01;
    transient.unit = "ms";
    transient.scale = 1e-3;
    transient.minimum = 0;
    FormField log;
    log.kind = FormField::Kind::Flag;
    log.id = "log";
    log.label = "Log";
    log.flag = true;
    return {parameter, from, points, transient, log};
}

void type(QWidget* editor, const QString& text) {
    auto* edit = qobject_cast<QLineEdit*>(editor);
    ASSERT_NE(edit, nullptr);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

TEST(SettingsFormTest, GeneratesOneEditorPerFieldWithDefaultsInDisplayUnits) {
    SettingsForm form;
    form.setFields(sweepFields());
    EXPECT_NE(qobject_cast<QComboBox*>(form.editor("parameter")), nullptr);
    EXPECT_NE(qobject_cast<QSpinBox*>(form.editor("points")), nullptr);
    EXPECT_NE(qobject_cast<QCheckBox*>(form.editor("log")), nullptr);
    EXPECT_EQ(qobject_cast<QLineEdit*>(form.editor("transient"))->text(), QStringLiteral("10")); // 0.01 s in ms
    EXPECT_EQ(form.unitLabel("transient")->text(), QStringLiteral("ms"));
    const nlohmann::json v = form.values();
    EXPECT_EQ(v["parameter"], "I");
    EXPECT_DOUBLE_EQ(v["transient"].get<double>(), 0.01);
    EXPECT_EQ(v["points"], 20);
    EXPECT_EQ(v["log"], true);
    EXPECT_EQ(form.editor("nope"), nullptr);
}

TEST(SettingsFormTest, TypedValuesAreStoredInSiAndReportedOnce) {
    SettingsForm form;
    form.setFields(sweepFields());
    QSignalSpy edited(&form, &SettingsForm::edited);
    type(form.editor("min"), "-0.5");
    EXPECT_EQ(edited.count(), 1);
    EXPECT_DOUBLE_EQ(form.value("min").get<double>(), -0.5e-9);
    type(form.editor("min"), "-0.5"); // unchanged: no edit
    EXPECT_EQ(edited.count(), 1);
    EXPECT_TRUE(form.isValid());
}

TEST(SettingsFormTest, BadEntriesAreFlaggedAndKeepTheLastGoodValue) {
    SettingsForm form;
    form.setFields(sweepFields());
    type(form.editor("transient"), "abc");
    QString error;
    EXPECT_FALSE(form.isValid(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("Transient"))) << error.toStdString();
    EXPECT_DOUBLE_EQ(form.value("transient").get<double>(), 0.01);
    type(form.editor("transient"), "-3");
    EXPECT_FALSE(form.isValid(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("at least 0"))) << error.toStdString();
    type(form.editor("transient"), "25");
    EXPECT_TRUE(form.isValid());
    EXPECT_DOUBLE_EQ(form.value("transient").get<double>(), 0.025);
}

TEST(SettingsFormTest, ChoosingAnotherParameterMovesUnitAndRange) {
    SettingsForm form;
    form.setFields(sweepFields());
    EXPECT_EQ(form.unitLabel("min")->text(), QStringLiteral("nA"));
    auto* combo = qobject_cast<QComboBox*>(form.editor("parameter"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("tau")));
    EXPECT_EQ(form.unitLabel("min")->text(), QStringLiteral("ms"));
    EXPECT_DOUBLE_EQ(form.value("min").get<double>(), 5e-3); // tau's lower bound
    EXPECT_EQ(qobject_cast<QLineEdit*>(form.editor("min"))->text(), QStringLiteral("5"));
}

TEST(SettingsFormTest, StoredValuesRoundTripAndUnusableOnesAreIgnored) {
    SettingsForm a;
    a.setFields(sweepFields());
    auto* combo = qobject_cast<QComboBox*>(a.editor("parameter"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("tau")));
    type(a.editor("min"), "7.5");
    qobject_cast<QSpinBox*>(a.editor("points"))->setValue(33);
    qobject_cast<QCheckBox*>(a.editor("log"))->setChecked(false);
    const nlohmann::json stored = a.values();

    SettingsForm b;
    b.setFields(sweepFields());
    QSignalSpy edited(&b, &SettingsForm::edited);
    b.setValues(stored);
    EXPECT_EQ(b.values(), stored);
    EXPECT_EQ(b.unitLabel("min")->text(), QStringLiteral("ms")) << "the stored choice sets the unit";
    EXPECT_EQ(qobject_cast<QLineEdit*>(b.editor("min"))->text(), QStringLiteral("7.5"));
    EXPECT_EQ(edited.count(), 0) << "loading is not an edit";

    SettingsForm c;
    c.setFields(sweepFields());
    const nlohmann::json before = c.values();
    c.setValues({{"parameter", "gone"}, {"points", 5000}, {"transient", "text"}, {"unknown", 1}, {"log", 3}});
    EXPECT_EQ(c.values(), before);
}

TEST(BarPlotTest, NamedBarsSplitBySignAndExportAsCsv) {
    BarPlot plot;
    plot.setBars({"tau", "R", "El", "C"}, {-1.5, 0.8, std::nan(""), 0.0}, "elasticity");
    EXPECT_EQ(plot.barCount(), 2) << "NaN and zero draw no bar";
    const QString csv = plot.csv();
    EXPECT_TRUE(csv.startsWith(QStringLiteral("name,elasticity\n"))) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("tau,-1.5\n")));
    EXPECT_TRUE(csv.contains(QStringLiteral("El,nan\n")));
    EXPECT_LT(plot.yAxis->range().lower, -1.5);
    EXPECT_GT(plot.yAxis->range().upper, 0.8);
}

TEST(BarPlotTest, HistogramKeepsBinsAndLabels) {
    BarPlot plot;
    plot.setHistogram({1, 3, 5}, {2, 0, 7}, 2, "ISI (ms)", "count");
    EXPECT_EQ(plot.barCount(), 3);
    EXPECT_EQ(plot.xAxis->label(), QStringLiteral("ISI (ms)"));
    EXPECT_TRUE(plot.csv().contains(QStringLiteral("5,7\n")));
}

TEST(AnalysisPanelTest, RunAndCancelFollowTheSelectedAnalysis) {
    AnalysisPanel panel;
    panel.addAnalysis("a", "Alpha", "first");
    panel.addAnalysis("b", "Beta", "second");
    panel.form("a")->setFields(sweepFields());
    QSignalSpy runs(&panel, &AnalysisPanel::runRequested);
    QSignalSpy cancels(&panel, &AnalysisPanel::cancelRequested);
    QSignalSpy edits(&panel, &AnalysisPanel::settingsEdited);
    EXPECT_EQ(panel.currentAnalysis(), QStringLiteral("a"));
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    ASSERT_EQ(runs.count(), 1);
    EXPECT_EQ(runs.at(0).at(0).toString(), QStringLiteral("a"));
    panel.setRunning("a", true);
    EXPECT_FALSE(panel.runButton()->isEnabled());
    EXPECT_TRUE(panel.cancelButton()->isEnabled());
    EXPECT_FALSE(panel.form("a")->isEnabled()) << "settings are frozen while they run";
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    ASSERT_EQ(cancels.count(), 1);
    panel.setCurrentAnalysis("b"); // b is idle: Run again, Cancel off
    EXPECT_TRUE(panel.runButton()->isEnabled());
    EXPECT_FALSE(panel.cancelButton()->isEnabled());
    panel.setCurrentAnalysis("a");
    EXPECT_FALSE(panel.runButton()->isEnabled());
    panel.setRunning("a", false);
    panel.setStatus("a", "went wrong", true);
    EXPECT_EQ(panel.status("a"), QStringLiteral("went wrong"));
    qobject_cast<QSpinBox*>(panel.form("a")->editor("points"))->setValue(7);
    ASSERT_EQ(edits.count(), 1);
    EXPECT_EQ(edits.at(0).at(0).toString(), QStringLiteral("a"));
}

TEST(AnalysisPanelTest, ResultPagesAreReusedByTitle) {
    AnalysisPanel panel;
    AnalysisResultView* view = panel.resultView("Sensitivity");
    BarPlot* bars = view->barPlot(0);
    EXPECT_EQ(panel.resultView("Sensitivity"), view);
    EXPECT_EQ(panel.tabs()->count(), 1);
    EXPECT_EQ(panel.plot("Sensitivity"), bars);
    view->seriesPlot(0); // another kind at slot 0 replaces the bar chart
    EXPECT_EQ(view->plotCount(), 1);
    EXPECT_NE(panel.plot("Sensitivity"), static_cast<PlotBase*>(nullptr));
    view->setTable({"name", "value"}, {{"a", "1"}, {"b", "2"}});
    EXPECT_EQ(view->table()->rowCount(), 2);
    EXPECT_FALSE(view->table()->isHidden());
    view->setTable({}, {});
    EXPECT_TRUE(view->table()->isHidden());
    view->setHeadline("TONIC");
    EXPECT_FALSE(view->headlineLabel()->isHidden());
    panel.clear();
    EXPECT_EQ(panel.plot("Sensitivity"), nullptr);
}

} // namespace
