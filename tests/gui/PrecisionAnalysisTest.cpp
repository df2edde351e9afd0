// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the fixed-point precision analysis in the Analysis dock.
#include "GuiTestSupport.h"

#include "gui/AnalysisController.h"
#include "gui/MainWindow.h"
#include "gui/PlaygroundView.h"

#include "AnalysisPanel.h"
#include "AnalysisResultView.h"
#include "BarPlot.h"
#include "SettingsForm.h"

#include <QComboBox>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace scs::ui;

namespace {

/// Runs the analysis with `format` on catalogue model `model`; returns its page.
AnalysisResultView* runPrecision(MainWindow& w, const char* model, const char* format) {
    w.playground()->loadCatalogueModel(QString::fromLatin1(model));
    w.playground()->runner()->waitForIdle();
    AnalysisPanel* panel = w.playground()->analysisPanel();
    panel->setCurrentAnalysis(QStringLiteral("fixed_precision"));
    auto* combo =
        qobject_cast<QComboBox*>(panel->form(QStringLiteral("fixed_precision"))->editor(QStringLiteral("format")));
    if (!combo) return nullptr;
    combo->setCurrentText(QString::fromLatin1(format));
    if (!w.runAnalysis(QStringLiteral("fixed_precision")) || !w.analyses()->waitForIdle(30000)) return nullptr;
    return panel->existingResultView(QStringLiteral("Fixed-point precision"));
}

} // namespace

TEST(PrecisionAnalysisTest, ALifFitsQ88AndTheTableListsDtParametersAndStates) {
    MainWindow w(MainWindow::Options{false});
    w.show();
    AnalysisResultView* page = runPrecision(w, "lif", "Q8.8");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->headline(), QStringLiteral("FITS Q8.8"));
    const int expectedRows = 1 + static_cast<int>(w.playground()->model()->parameters().size()) +
                             static_cast<int>(w.playground()->model()->states().size());
    EXPECT_EQ(page->table()->rowCount(), expectedRows);
    EXPECT_EQ(page->table()->item(0, 0)->text(), QStringLiteral("dt"));
    auto* bars = qobject_cast<BarPlot*>(page->plot(0));
    ASSERT_NE(bars, nullptr);
    EXPECT_EQ(bars->labels().size(), expectedRows);
}

TEST(PrecisionAnalysisTest, ANarrowFormatIsReportedWithTheStateThatLeavesIt) {
    MainWindow w(MainWindow::Options{false});
    w.show();
    AnalysisResultView* page = runPrecision(w, "izhikevich_rs", "Q4.12");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->headline(), QStringLiteral("DOES NOT FIT Q4.12"));
    EXPECT_TRUE(page->summary().contains(QStringLiteral("v: visits"))) << page->summary().toStdString();
    EXPECT_EQ(w.analyses()->state(QStringLiteral("fixed_precision")), scs::JobState::Finished);
}
