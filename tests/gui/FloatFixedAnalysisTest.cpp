// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — float and fixed point side by side in the Analysis dock.
#include "GuiTestSupport.h"

#include "gui/AnalysisController.h"
#include "gui/MainWindow.h"
#include "gui/PlaygroundView.h"

#include "AnalysisPanel.h"
#include "AnalysisResultView.h"
#include "SeriesPlot.h"
#include "SettingsForm.h"

#include <QComboBox>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace scs::ui;

namespace {

const QString kId = QStringLiteral("float_vs_fixed");

void choose(AnalysisPanel* panel, const char* field, const char* value) {
    auto* combo = qobject_cast<QComboBox*>(panel->form(kId)->editor(QString::fromLatin1(field)));
    ASSERT_NE(combo, nullptr) << field;
    combo->setCurrentText(QString::fromLatin1(value));
    ASSERT_EQ(combo->currentText(), QString::fromLatin1(value));
}

AnalysisResultView* runComparison(MainWindow& w, const char* model, const char* format, const char* overflow) {
    w.playground()->loadCatalogueModel(QString::fromLatin1(model));
    w.playground()->runner()->waitForIdle();
    AnalysisPanel* panel = w.playground()->analysisPanel();
    panel->setCurrentAnalysis(kId);
    choose(panel, "format", format);
    choose(panel, "overflow", overflow);
    if (!w.runAnalysis(kId) || !w.analyses()->waitForIdle(30000)) return nullptr;
    return panel->existingResultView(QStringLiteral("Float vs fixed"));
}

} // namespace

TEST(FloatFixedAnalysisTest, ALifInQ16_16MatchesEverySpikeAndOverlaysBothTraces) {
    MainWindow w(MainWindow::Options{false});
    w.show();
    AnalysisResultView* page = runComparison(w, "lif", "Q16.16", "saturate");
    ASSERT_NE(page, nullptr);
    EXPECT_TRUE(page->headline().contains(QStringLiteral("spikes matched"))) << page->headline().toStdString();
    auto* overlay = qobject_cast<SeriesPlot*>(page->plot(0));
    ASSERT_NE(overlay, nullptr);
    ASSERT_EQ(overlay->graphCount(), 2); // float and fixed
    EXPECT_EQ(overlay->graph(1)->name(), QStringLiteral("Q16.16"));
    EXPECT_GT(overlay->graph(0)->dataCount(), 100);
    EXPECT_EQ(overlay->graph(0)->dataCount(), overlay->graph(1)->dataCount());
    ASSERT_NE(qobject_cast<SeriesPlot*>(page->plot(1)), nullptr); // the difference
    const QString missing = page->table()->item(2, 1)->text();
    EXPECT_EQ(missing, QStringLiteral("0 / 0"));
}

TEST(FloatFixedAnalysisTest, TrapModeSaysWhatOverflowedAndWhen) {
    // Hodgkin-Huxley's sodium term leaves Q8.8 on the first step.
    MainWindow w(MainWindow::Options{false});
    w.show();
    AnalysisResultView* page = runComparison(w, "hodgkin_huxley", "Q8.8", "trap");
    ASSERT_NE(page, nullptr);
    EXPECT_TRUE(page->headline().startsWith(QStringLiteral("TRAPPED"))) << page->headline().toStdString();
    EXPECT_TRUE(page->summary().contains(QStringLiteral("outside Q8.8"))) << page->summary().toStdString();
    EXPECT_TRUE(page->summary().contains(QStringLiteral("step 0"))) << page->summary().toStdString();
}

TEST(FloatFixedAnalysisTest, AModelThatDoesNotFitIsRefusedWithTheValueNamed) {
    // Izhikevich's initial v (-65 mV) is outside Q4.12's -8 .. 8.
    MainWindow w(MainWindow::Options{false});
    w.show();
    EXPECT_EQ(runComparison(w, "izhikevich_rs", "Q4.12", "saturate"), nullptr);
    EXPECT_EQ(w.analyses()->state(kId), scs::JobState::Failed);
    const QString status = w.playground()->analysisPanel()->status(kId);
    EXPECT_TRUE(status.contains(QStringLiteral("outside Q4.12"))) << status.toStdString();
}
