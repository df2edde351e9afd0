// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — synthesis widgets: report panel, gauges, comparison, history, log, RTL viewer.
#include "GroupedBarPlot.h"
#include "LogDialog.h"
#include "RtlViewer.h"
#include "SynthesisReportPanel.h"
#include "SynthesisRunView.h"
#include "SystemVerilogHighlighter.h"
#include "UtilisationGauge.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QFontInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>

#include <cmath>

using namespace scs::ui;
using scs::hdl::SynthesisReport;
using scs::hdl::SynthesisTarget;

namespace {

SynthesisReport report(SynthesisTarget target, bool estimated, int luts, int flipFlops, const char* time) {
    SynthesisReport r;
    r.target = target;
    r.module = "izhikevich";
    r.estimated = estimated;
    r.ok = true;
    r.luts = luts;
    r.flipFlops = flipFlops;
    r.capacity = scs::hdl::deviceCapacity(target);
    r.utcTime = time;
    return r;
}

/// ice40 estimate and run, ecp5 run (nearly full), xilinx7 estimate and a failed run (newest).
std::vector<SynthesisReport> history() {
    SynthesisReport iceEstimate = report(SynthesisTarget::Ice40, true, 1100, 200, "2025-01-31T11:59:00Z");
    iceEstimate.carries = 80;
    iceEstimate.cells = 1400;
    SynthesisReport ice = report(SynthesisTarget::Ice40, false, 1000, 200, "2025-01-31T12:00:00Z");
    ice.carries = 90;
    ice.cells = 1290;
    ice.cellsByType = {{"SB_CARRY", 90}, {"SB_DFF", 150}, {"SB_DFFE", 50}, {"SB_LUT4", 1000}};
    ice.fmaxMHz = 48.3;
    ice.placedUtilisation = 0.21;
    ice.tools = {{"yosys", "Yosys 0.23", true}, {"nextpnr-ice40", "nextpnr-0.4", true}};
    ice.log = "yosys log\nnextpnr log";
    ice.seconds = 12.34;
    SynthesisReport ecp5 = report(SynthesisTarget::Ecp5, false, 20000, 23000, "2025-01-31T12:01:00Z");
    ecp5.dsp = 2;
    SynthesisReport xilinxEstimate = report(SynthesisTarget::Xilinx7, true, 900, 200, "2025-01-31T12:01:30Z");
    SynthesisReport xilinx = report(SynthesisTarget::Xilinx7, false, 0, 0, "2025-01-31T12:02:00Z");
    xilinx.ok = false;
    xilinx.error = "yosys: design.sv:2: ERROR: syntax error, unexpected ';'";
    xilinx.log = "-- Parsing `design.sv' --\ndesign.sv:2: ERROR: syntax error, unexpected ';'";
    xilinx.tools = {{"yosys", "Yosys 0.23", true}};
    return {iceEstimate, ice, ecp5, xilinxEstimate, xilinx};
}

QString at(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QStringLiteral("<none>");
}

// ---------------------------------------------------------------------------------------------
// Gauge

TEST(UtilisationGaugeTest, ColourTurnsOrangeAbove70AndRedAbove90Percent) {
    UtilisationGauge g(QStringLiteral("LUTs"));
    g.setUsage(3696, 5280); // exactly 70 %: still fine
    EXPECT_DOUBLE_EQ(g.value(), 0.7);
    EXPECT_EQ(g.level(), UtilisationGauge::Level::Normal);
    EXPECT_EQ(g.text(), QStringLiteral("70.0 %"));
    g.setUsage(3697, 5280);
    EXPECT_EQ(g.level(), UtilisationGauge::Level::Warning);
    EXPECT_EQ(g.barColor(), UtilisationGauge::colorFor(UtilisationGauge::Level::Warning));
    g.setUsage(4800, 5280); // 90.9 %
    EXPECT_EQ(g.level(), UtilisationGauge::Level::Critical);
    g.setUsage(7000, 5280); // does not fit: the text says by how much
    EXPECT_EQ(g.text(), QStringLiteral("132.6 %"));
    EXPECT_EQ(g.level(), UtilisationGauge::Level::Critical);
    g.setUsage(1, 5280); // 0.02 %: small, but not nothing
    EXPECT_EQ(g.text(), QStringLiteral("< 0.1 %"));
    g.setUsage(0, 5280);
    EXPECT_EQ(g.text(), QStringLiteral("0.0 %"));
    g.setUsage(10, 0); // the generic target has no device
    EXPECT_TRUE(std::isnan(g.value()));
    EXPECT_EQ(g.level(), UtilisationGauge::Level::Unknown);
    EXPECT_EQ(g.text(), QStringLiteral("n/a"));
    EXPECT_NE(UtilisationGauge::colorFor(UtilisationGauge::Level::Warning),
              UtilisationGauge::colorFor(UtilisationGauge::Level::Critical));
    EXPECT_FALSE(g.toolTip().isEmpty());
}

// ---------------------------------------------------------------------------------------------
// Report panel

TEST(SynthesisReportPanelTest, ShowsTheNewestRunFirstWithItsOneLineErrorInRed) {
    SynthesisReportPanel panel;
    panel.resize(1100, 800);
    panel.show();
    panel.setReports(history());
    EXPECT_EQ(panel.currentTarget(), QStringLiteral("xilinx7"));
    EXPECT_EQ(panel.errorText(), QStringLiteral("yosys: design.sv:2: ERROR: syntax error, unexpected ';'"));
    const QLabel* error = panel.runView()->errorLabel();
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->styleSheet().contains(QStringLiteral("color: #c81e1e")));
    // A failed run has no numbers; the estimate beside it still has.
    EXPECT_EQ(at(panel.resourceTable(), 0, SynthesisRunView::UsedColumn), QStringLiteral("—"));
    EXPECT_EQ(at(panel.resourceTable(), 0, SynthesisRunView::EstimateColumn), QStringLiteral("900"));
    EXPECT_TRUE(panel.runView()->showLogButton()->isEnabled());
    ASSERT_EQ(panel.targetTabs()->count(), 3);
    EXPECT_EQ(panel.targetTabs()->tabTextColor(2), QColor(200, 30, 30)) << "a failed target's tab is red";
}

TEST(SynthesisReportPanelTest, ResourceTableHasUsedCapacityPercentEstimateAndError) {
    SynthesisReportPanel panel;
    panel.setReports(history());
    ASSERT_TRUE(panel.setCurrentTarget(QStringLiteral("ice40")));
    EXPECT_EQ(panel.currentTarget(), QStringLiteral("ice40"));
    EXPECT_TRUE(panel.errorText().isEmpty());
    EXPECT_FALSE(panel.runView()->errorLabel()->isVisibleTo(&panel));
    const QTableWidget* t = panel.resourceTable();
    ASSERT_EQ(t->rowCount(), 6);
    EXPECT_EQ(at(t, 0, SynthesisRunView::ResourceColumn), QStringLiteral("LUTs"));
    EXPECT_EQ(at(t, 0, SynthesisRunView::UsedColumn), QStringLiteral("1000"));
    EXPECT_EQ(at(t, 0, SynthesisRunView::CapacityColumn), QStringLiteral("5280"));
    EXPECT_EQ(at(t, 0, SynthesisRunView::PercentColumn), QStringLiteral("18.9 %"));
    EXPECT_EQ(at(t, 0, SynthesisRunView::EstimateColumn), QStringLiteral("1100"));
    EXPECT_EQ(at(t, 0, SynthesisRunView::ErrorColumn), QStringLiteral("+10.0 %"));
    EXPECT_EQ(at(t, 1, SynthesisRunView::ResourceColumn), QStringLiteral("Flip-flops"));
    EXPECT_EQ(at(t, 1, SynthesisRunView::ErrorColumn), QStringLiteral("0.0 %"));
    EXPECT_EQ(at(t, 2, SynthesisRunView::ResourceColumn), QStringLiteral("Carries"));
    EXPECT_EQ(at(t, 2, SynthesisRunView::CapacityColumn), QStringLiteral("—"));
    EXPECT_EQ(at(t, 2, SynthesisRunView::ErrorColumn), QStringLiteral("-11.1 %"));
    EXPECT_EQ(at(t, 5, SynthesisRunView::ResourceColumn), QStringLiteral("Cells"));
    EXPECT_EQ(at(t, 5, SynthesisRunView::UsedColumn), QStringLiteral("1290"));
    // Cells by type, most frequent first.
    const QTableWidget* cells = panel.cellTable();
    ASSERT_EQ(cells->rowCount(), 4);
    EXPECT_EQ(at(cells, 0, 0), QStringLiteral("SB_LUT4"));
    EXPECT_EQ(at(cells, 1, 0), QStringLiteral("SB_DFF"));
    EXPECT_EQ(at(cells, 2, 0), QStringLiteral("SB_CARRY"));
    EXPECT_EQ(at(cells, 2, 1), QStringLiteral("90"));
    EXPECT_EQ(at(cells, 3, 0), QStringLiteral("SB_DFFE"));
    // fmax, tools, duration.
    EXPECT_EQ(panel.runView()->info(QStringLiteral("fmax")), QStringLiteral("48.3 MHz"));
    EXPECT_EQ(panel.runView()->info(QStringLiteral("placed")), QStringLiteral("21.0 %"));
    EXPECT_EQ(panel.runView()->info(QStringLiteral("device")), QStringLiteral("iCE40UP5K"));
    EXPECT_TRUE(panel.runView()->info(QStringLiteral("tools")).contains(QStringLiteral("nextpnr-ice40: nextpnr-0.4")));
    EXPECT_EQ(panel.runView()->info(QStringLiteral("duration")), QStringLiteral("12.3 s"));
    EXPECT_TRUE(panel.runView()->info(QStringLiteral("time")).startsWith(QStringLiteral("2025-01-31")));
    EXPECT_FALSE(panel.setCurrentTarget(QStringLiteral("generic"))) << "nothing for generic";
    EXPECT_FALSE(panel.setCurrentTarget(QStringLiteral("nonsense")));
    EXPECT_EQ(panel.currentTarget(), QStringLiteral("ice40"));
}

TEST(SynthesisReportPanelTest, GaugesShowUtilisationWithThresholdColours) {
    SynthesisReportPanel panel;
    panel.setReports(history());
    ASSERT_TRUE(panel.setCurrentTarget(QStringLiteral("ice40")));
    ASSERT_NE(panel.gauge(QStringLiteral("LUTs")), nullptr);
    EXPECT_DOUBLE_EQ(panel.gauge(QStringLiteral("LUTs"))->value(), 1000.0 / 5280);
    EXPECT_EQ(panel.gauge(QStringLiteral("luts"))->level(), UtilisationGauge::Level::Normal);
    EXPECT_FALSE(panel.gauge(QStringLiteral("LUTs"))->isEstimated());
    EXPECT_DOUBLE_EQ(panel.gauge(QStringLiteral("BRAM"))->value(), 0.0);
    EXPECT_EQ(panel.gauge(QStringLiteral("carries")), nullptr);
    ASSERT_TRUE(panel.setCurrentTarget(QStringLiteral("ecp5")));
    EXPECT_EQ(panel.gauge(QStringLiteral("LUTs"))->level(), UtilisationGauge::Level::Warning); // 82 %
    EXPECT_EQ(panel.gauge(QStringLiteral("FFs"))->level(), UtilisationGauge::Level::Critical); // 95 %
    EXPECT_EQ(panel.gauge(QStringLiteral("FFs"))->barColor(),
              UtilisationGauge::colorFor(UtilisationGauge::Level::Critical));
    EXPECT_DOUBLE_EQ(panel.gauge(QStringLiteral("DSP"))->value(), 2.0 / 28);
    // The failed xilinx7 run: the gauges fall back to the estimate and say so.
    ASSERT_TRUE(panel.setCurrentTarget(QStringLiteral("xilinx7")));
    EXPECT_TRUE(panel.gauge(QStringLiteral("LUTs"))->isEstimated());
    EXPECT_DOUBLE_EQ(panel.gauge(QStringLiteral("LUTs"))->value(), 900.0 / 20800);
}

TEST(SynthesisReportPanelTest, ComparisonPlotHasLutAndFlipFlopBarsPerTarget) {
    SynthesisReportPanel panel;
    panel.setReports(history());
    const GroupedBarPlot* plot = panel.comparisonPlot();
    // xilinx7 has only a failed run: its estimate stands in, marked.
    ASSERT_EQ(plot->categories(), QStringList({"ice40", "ecp5", "xilinx7 (est.)"}));
    ASSERT_EQ(plot->seriesNames(), QStringList({"LUTs", "FFs"}));
    ASSERT_NE(plot->bars(0), nullptr);
    ASSERT_EQ(plot->bars(0)->data()->size(), 3);
    EXPECT_DOUBLE_EQ(plot->bars(0)->data()->at(0)->value, 1000);
    EXPECT_DOUBLE_EQ(plot->bars(1)->data()->at(1)->key, 2);
    EXPECT_DOUBLE_EQ(plot->bars(1)->data()->at(1)->value, 23000);
    EXPECT_EQ(plot->bars(0)->barsGroup(), plot->bars(1)->barsGroup()) << "side by side, not stacked";
    EXPECT_TRUE(plot->csv().startsWith(QStringLiteral("category,LUTs,FFs\nice40,1000,200\necp5,20000,23000\n")));
}

TEST(SynthesisReportPanelTest, HistoryListsRunsNewestFirstAndSelectingOneShowsIt) {
    SynthesisReportPanel panel;
    panel.setReports(history());
    const QTableWidget* h = panel.historyTable();
    ASSERT_EQ(h->rowCount(), 3) << "estimates are not runs";
    EXPECT_EQ(at(h, 0, SynthesisReportPanel::TargetColumn), QStringLiteral("xilinx7"));
    EXPECT_EQ(at(h, 0, SynthesisReportPanel::ResultColumn), QStringLiteral("failed"));
    EXPECT_EQ(at(h, 0, SynthesisReportPanel::LutColumn), QStringLiteral("—"));
    EXPECT_EQ(at(h, 2, SynthesisReportPanel::TargetColumn), QStringLiteral("ice40"));
    EXPECT_EQ(at(h, 2, SynthesisReportPanel::LutColumn), QStringLiteral("1000"));
    EXPECT_EQ(at(h, 2, SynthesisReportPanel::FlipFlopColumn), QStringLiteral("200"));
    EXPECT_EQ(at(h, 2, SynthesisReportPanel::FmaxColumn), QStringLiteral("48.3 MHz"));
    EXPECT_EQ(at(h, 2, SynthesisReportPanel::ResultColumn), QStringLiteral("ok"));
    EXPECT_EQ(h->selectionModel()->selectedRows().size(), 1);
    EXPECT_EQ(h->currentRow(), 0) << "the shown run is selected";

    panel.historyTable()->selectRow(2); // as a click does
    EXPECT_EQ(panel.currentTarget(), QStringLiteral("ice40"));
    ASSERT_TRUE(panel.runView()->run().has_value());
    EXPECT_EQ(panel.runView()->run()->luts, 1000);

    // An older run of the same target can be shown instead of the latest.
    auto more = history();
    SynthesisReport newer = more[1];
    newer.luts = 950;
    newer.utcTime = "2025-01-31T12:03:00Z";
    more.push_back(newer);
    panel.setReports(more);
    EXPECT_EQ(panel.historyTable()->rowCount(), 4);
    EXPECT_EQ(panel.runView()->run()->luts, 950) << "a new run is shown";
    panel.historyTable()->selectRow(3);
    EXPECT_EQ(panel.runView()->run()->luts, 1000);
    EXPECT_EQ(panel.currentTarget(), QStringLiteral("ice40"));
    EXPECT_EQ(at(panel.resourceTable(), 0, SynthesisRunView::UsedColumn), QStringLiteral("1000"));
}

TEST(SynthesisReportPanelTest, NewRunSwitchesTabButANewEstimateDoesNot) {
    SynthesisReportPanel panel;
    auto h = history();
    panel.setReports(h);
    ASSERT_TRUE(panel.setCurrentTarget(QStringLiteral("ecp5")));
    h.push_back(report(SynthesisTarget::Generic, true, 300, 100, "2025-01-31T12:05:00Z"));
    panel.setReports(h);
    EXPECT_EQ(panel.currentTarget(), QStringLiteral("ecp5"));
    EXPECT_EQ(panel.targetTabs()->count(), 4) << "an estimate alone gives its target a tab";
    h.push_back(report(SynthesisTarget::Ice40, false, 990, 200, "2025-01-31T12:06:00Z"));
    panel.setReports(h);
    EXPECT_EQ(panel.currentTarget(), QStringLiteral("ice40"));
    EXPECT_EQ(at(panel.resourceTable(), 0, SynthesisRunView::UsedColumn), QStringLiteral("990"));

    // Only an estimate: no run numbers, no log, n/a gauges on a device-less target.
    ASSERT_TRUE(panel.setCurrentTarget(QStringLiteral("generic")));
    EXPECT_EQ(at(panel.resourceTable(), 0, SynthesisRunView::UsedColumn), QStringLiteral("—"));
    EXPECT_EQ(at(panel.resourceTable(), 0, SynthesisRunView::EstimateColumn), QStringLiteral("300"));
    EXPECT_FALSE(panel.runView()->showLogButton()->isEnabled());
    EXPECT_EQ(panel.gauge(QStringLiteral("LUTs"))->text(), QStringLiteral("n/a"));

    panel.setReports({});
    EXPECT_EQ(panel.currentTarget(), QString());
    EXPECT_EQ(panel.resourceTable()->rowCount(), 0);
    EXPECT_EQ(panel.historyTable()->rowCount(), 0);
    EXPECT_TRUE(panel.comparisonPlot()->categories().isEmpty());
}

TEST(SynthesisReportPanelTest, ShowLogOpensTheShownRunsLogReadOnlyInMonospace) {
    SynthesisReportPanel panel;
    panel.setReports(history());
    EXPECT_EQ(panel.logDialog(), nullptr);
    panel.runView()->showLogButton()->click();
    LogDialog* dialog = panel.logDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->isModal());
    EXPECT_EQ(dialog->text(),
              QStringLiteral("-- Parsing `design.sv' --\ndesign.sv:2: ERROR: syntax error, unexpected ';'"));
    EXPECT_TRUE(dialog->heading().startsWith(QStringLiteral("xilinx7")));
    EXPECT_TRUE(dialog->editor()->isReadOnly());
    EXPECT_TRUE(QFontInfo(dialog->editor()->font()).fixedPitch());
    // An open log follows the page.
    ASSERT_TRUE(panel.setCurrentTarget(QStringLiteral("ice40")));
    EXPECT_EQ(dialog->text(), QStringLiteral("yosys log\nnextpnr log"));
    dialog->close();
}

TEST(SynthesisReportPanelTest, RunAndCancelEmitSignalsAndRunningStateShowsProgress) {
    SynthesisReportPanel panel;
    panel.show();
    QSignalSpy run(&panel, &SynthesisReportPanel::synthesiseRequested);
    QSignalSpy cancel(&panel, &SynthesisReportPanel::cancelRequested);
    panel.runTargetCombo()->setCurrentIndex(panel.runTargetCombo()->findData(QStringLiteral("ecp5")));
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    ASSERT_EQ(run.count(), 1);
    EXPECT_EQ(run.at(0).at(0).toString(), QStringLiteral("ecp5"));
    panel.runTargetCombo()->setCurrentIndex(panel.runTargetCombo()->findData(QStringLiteral("all")));
    panel.runButton()->click();
    EXPECT_EQ(run.at(1).at(0).toString(), QStringLiteral("all"));

    EXPECT_FALSE(panel.cancelButton()->isVisible());
    panel.setRunning(true, QStringLiteral("Synthesising for ecp5…"));
    EXPECT_TRUE(panel.isRunning());
    EXPECT_FALSE(panel.runButton()->isEnabled());
    EXPECT_TRUE(panel.cancelButton()->isVisible());
    EXPECT_TRUE(panel.progressBar()->isVisible());
    EXPECT_EQ(panel.progressBar()->maximum(), 0) << "busy until the first progress";
    EXPECT_EQ(panel.statusText(), QStringLiteral("Synthesising for ecp5…"));
    panel.setProgress(0.5, QStringLiteral("nextpnr"));
    EXPECT_EQ(panel.progressBar()->value(), panel.progressBar()->maximum() / 2);
    EXPECT_EQ(panel.statusText(), QStringLiteral("nextpnr"));
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    EXPECT_EQ(cancel.count(), 1);
    panel.setRunning(false, QStringLiteral("Cancelled"));
    EXPECT_TRUE(panel.runButton()->isEnabled());
    EXPECT_FALSE(panel.cancelButton()->isVisible());
    EXPECT_FALSE(panel.progressBar()->isVisible());
    EXPECT_EQ(panel.statusText(), QStringLiteral("Cancelled"));
}

TEST(SynthesisReportPanelTest, EverythingTheUserSeesHasATooltip) {
    SynthesisReportPanel panel;
    panel.setReports(history());
    for (QWidget* w : std::initializer_list<QWidget*>{
             panel.runTargetCombo(), panel.runButton(), panel.cancelButton(), panel.progressBar(), panel.targetTabs(),
             panel.resourceTable(), panel.cellTable(), panel.historyTable(), panel.comparisonPlot(),
             panel.runView()->showLogButton(), panel.runView()->errorLabel(), panel.gauge(QStringLiteral("LUTs")),
             panel.gauge(QStringLiteral("DSP"))})
        EXPECT_FALSE(w->toolTip().isEmpty()) << w->objectName().toStdString();
    EXPECT_NE(panel.findChild<QTableWidget*>(QStringLiteral("historyTable")), nullptr);
    EXPECT_NE(panel.findChild<QPushButton*>(QStringLiteral("runSynthesisButton")), nullptr);
    EXPECT_NE(panel.findChild<UtilisationGauge*>(QStringLiteral("gauge_ffs")), nullptr);
}

// ---------------------------------------------------------------------------------------------
// SystemVerilog

using Role = SystemVerilogHighlighter::Role;

TEST(SystemVerilogHighlighterTest, ScansNumbersStringsDirectivesAndTasks) {
    bool inComment = false;
    const QString line = QStringLiteral("assign y = 16'sd5 + 32'hACE1 + x1; $display(\"end // not\"); `WIDTH // done");
    const auto spans = SystemVerilogHighlighter::scan(line, &inComment);
    auto roleOf = [&](const QString& token) -> std::optional<Role> {
        const int at = static_cast<int>(line.indexOf(token));
        for (const auto& s : spans)
            if (s.start == at && s.length == token.size()) return s.role;
        return std::nullopt;
    };
    EXPECT_EQ(roleOf(QStringLiteral("assign")), Role::Keyword);
    EXPECT_EQ(roleOf(QStringLiteral("16'sd5")), Role::Number);
    EXPECT_EQ(roleOf(QStringLiteral("32'hACE1")), Role::Number);
    EXPECT_EQ(roleOf(QStringLiteral("x1")), std::nullopt) << "an identifier with a digit is no number";
    EXPECT_EQ(roleOf(QStringLiteral("$display")), Role::SystemTask);
    EXPECT_EQ(roleOf(QStringLiteral("\"end // not\"")), Role::String) << "no comment inside a string";
    EXPECT_EQ(roleOf(QStringLiteral("`WIDTH")), Role::Directive);
    EXPECT_EQ(roleOf(QStringLiteral("// done")), Role::Comment);
    EXPECT_FALSE(inComment);
    // Time literals keep their unit.
    const auto timescale = SystemVerilogHighlighter::scan(QStringLiteral("`timescale 1ns / 1ps"), &inComment);
    ASSERT_EQ(timescale.size(), 3);
    EXPECT_EQ(timescale[1], (SystemVerilogHighlighter::Span{11, 3, Role::Number}));
    EXPECT_EQ(timescale[2], (SystemVerilogHighlighter::Span{17, 3, Role::Number}));
    // A block comment spans lines; a cast's apostrophe is no number.
    const auto open = SystemVerilogHighlighter::scan(QStringLiteral("logic a; /* module"), &inComment);
    EXPECT_TRUE(inComment);
    EXPECT_EQ(open.front(), (SystemVerilogHighlighter::Span{0, 5, Role::Type}));
    const auto close = SystemVerilogHighlighter::scan(QStringLiteral("end */ int'(q) '1"), &inComment);
    EXPECT_FALSE(inComment);
    ASSERT_EQ(close.size(), 3);
    EXPECT_EQ(close[0], (SystemVerilogHighlighter::Span{0, 6, Role::Comment}));
    EXPECT_EQ(close[1], (SystemVerilogHighlighter::Span{7, 3, Role::Type}));
    EXPECT_EQ(close[2], (SystemVerilogHighlighter::Span{15, 2, Role::Number}));
}

TEST(RtlViewerTest, ReadOnlyHighlightedSourceWithTitleAndFind) {
    RtlViewer viewer;
    viewer.resize(600, 400);
    viewer.show();
    const QString sv = QStringLiteral("`timescale 1ns / 1ps\n"
                                      "// comment: module in words\n"
                                      "module izhikevich (input logic clk);\n"
                                      "  /* a block\n"
                                      "     comment */ localparam int W = 16'sd5;\n"
                                      "endmodule\n");
    viewer.setSource(sv, QStringLiteral("izhikevich.sv"));
    EXPECT_EQ(viewer.text(), sv);
    EXPECT_EQ(viewer.title(), QStringLiteral("izhikevich.sv"));
    EXPECT_TRUE(viewer.editor()->isReadOnly());
    EXPECT_TRUE(QFontInfo(viewer.editor()->font()).fixedPitch());
    QTest::keyClicks(viewer.editor(), "x");
    EXPECT_EQ(viewer.text(), sv) << "typing changes nothing";

    const QTextDocument* doc = viewer.editor()->document();
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(0), 0), Role::Directive);
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(1), 0), Role::Comment);
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(1), 12), Role::Comment)
        << "'module' in a comment";
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(2), 0), Role::Keyword);
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(2), 7), std::nullopt) << "a module's name";
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(2), 20), Role::Keyword); // input
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(4), 2), Role::Comment) << "second comment line";
    const QString line4 = doc->findBlockByNumber(4).text();
    EXPECT_EQ(
        SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(4), static_cast<int>(line4.indexOf("localparam"))),
        Role::Keyword);
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(4), static_cast<int>(line4.indexOf("16'sd5"))),
              Role::Number);
    // The formats differ in what the user sees, not only in the role.
    EXPECT_NE(viewer.highlighter()->format(Role::Keyword).foreground(),
              viewer.highlighter()->format(Role::Comment).foreground());

    viewer.showFindBar();
    EXPECT_TRUE(viewer.findBar()->isVisible());
    EXPECT_TRUE(viewer.find(QStringLiteral("MODULE")));
    EXPECT_EQ(viewer.editor()->textCursor().blockNumber(), 1) << "case-insensitive, from the top";
    EXPECT_TRUE(viewer.find(QStringLiteral("module")));
    EXPECT_EQ(viewer.editor()->textCursor().blockNumber(), 2);
    EXPECT_TRUE(viewer.find(QStringLiteral("module")));
    EXPECT_TRUE(viewer.find(QStringLiteral("module")));
    EXPECT_EQ(viewer.editor()->textCursor().blockNumber(), 1) << "wraps around";
    EXPECT_FALSE(viewer.find(QStringLiteral("nowhere")));
    EXPECT_FALSE(viewer.editor()->textCursor().hasSelection());

    viewer.setSource(QStringLiteral("module other;\nendmodule\n"), QString());
    EXPECT_EQ(viewer.title(), QString());
    EXPECT_EQ(SystemVerilogHighlighter::roleAt(doc->findBlockByNumber(1), 0), Role::Keyword);
}

} // namespace
