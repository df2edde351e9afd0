// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analysis results are kept in the project and read back only when shown.
#include "GuiTestSupport.h"
#include "support/TestSupport.h"

#include "gui/AnalysisController.h"
#include "gui/MainWindow.h"
#include "gui/PlaygroundCommands.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "AnalysisPanel.h"
#include "AnalysisResultView.h"
#include "SeriesPlot.h"

#include <QDockWidget>
#include <QSpinBox>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace scs::ui;

namespace {

QDockWidget* analysisDock(MainWindow& w) { return w.findChild<QDockWidget*>(QStringLiteral("analysisDock")); }

QVector<double> rateCurve(const AnalysisPanel* panel) {
    const AnalysisResultView* view = panel->existingResultView(QStringLiteral("f-I curve"));
    const auto* plot = view ? qobject_cast<const SeriesPlot*>(view->plot(0)) : nullptr;
    return plot && !plot->series().isEmpty() ? plot->series().front().y : QVector<double>();
}

const scs::project::Run* storedFiRun(const MainWindow& w) {
    const auto runs = w.project().runsOf(w.project().view.activeDocument, "analysis:fi_curve");
    return runs.empty() ? nullptr : runs.front();
}

} // namespace

TEST(StoredResultsTest, AnAnalysisResultIsSavedAndShownAgainOnlyWhenItsAnalysisIsOpened) {
    scs::test::TempDir dir;
    const QString path = QString::fromStdString((dir.path() / "fi.scstudio").string());
    QVector<double> rates;
    QString headline;
    {
        MainWindow w(MainWindow::Options{false});
        w.show();
        w.playground()->loadCatalogueModel(QStringLiteral("lif"));
        AnalysisPanel* panel = w.playground()->analysisPanel();
        panel->setCurrentAnalysis(QStringLiteral("fi_curve"));
        qobject_cast<QSpinBox*>(panel->form(QStringLiteral("fi_curve"))->editor(QStringLiteral("points")))->setValue(9);
        ASSERT_TRUE(w.saveProject(path));
        ASSERT_FALSE(w.isWindowModified());
        ASSERT_TRUE(w.runAnalysis(QStringLiteral("fi_curve")));
        ASSERT_TRUE(w.analyses()->waitForIdle(60000));
        ASSERT_EQ(w.analyses()->state(QStringLiteral("fi_curve")), scs::JobState::Finished);
        rates = rateCurve(panel);
        headline = panel->existingResultView(QStringLiteral("f-I curve"))->headline();
        ASSERT_EQ(rates.size(), 9);
        EXPECT_TRUE(w.isWindowModified()) << "a new result is unsaved work";
        ASSERT_TRUE(w.saveProject(path));
        ASSERT_TRUE(w.closeProject());
    }
    MainWindow w(MainWindow::Options{false});
    w.show();
    analysisDock(w)->hide();
    ASSERT_TRUE(w.openProject(path));
    AnalysisPanel* panel = w.playground()->analysisPanel();
    const scs::project::Run* run = storedFiRun(w);
    ASSERT_NE(run, nullptr);
    EXPECT_TRUE(w.analyses()->hasStored(QStringLiteral("fi_curve")));
    EXPECT_EQ(run->data, nullptr) << "opening must not read the result";
    EXPECT_TRUE(rateCurve(panel).isEmpty());

    analysisDock(w)->show();
    analysisDock(w)->raise();
    ASSERT_TRUE(scs::test::waitFor([&] { return !rateCurve(panel).isEmpty(); }));
    EXPECT_NE(storedFiRun(w)->data, nullptr) << "shown, so read";
    EXPECT_EQ(rateCurve(panel), rates) << "the stored curve, bit for bit";
    EXPECT_EQ(panel->existingResultView(QStringLiteral("f-I curve"))->headline(), headline);
    EXPECT_TRUE(panel->status(QStringLiteral("fi_curve")).startsWith(QStringLiteral("Stored result")));
    EXPECT_FALSE(w.isWindowModified()) << "showing a stored result is not a change";
}

TEST(StoredResultsTest, AResultOfAnEarlierModelIsMarkedAsOutOfDate) {
    scs::test::TempDir dir;
    const QString path = QString::fromStdString((dir.path() / "stale.scstudio").string());
    {
        MainWindow w(MainWindow::Options{false});
        w.playground()->loadCatalogueModel(QStringLiteral("lif"));
        w.playground()->analysisPanel()->setCurrentAnalysis(QStringLiteral("firing_pattern"));
        ASSERT_TRUE(w.runAnalysis(QStringLiteral("firing_pattern")));
        ASSERT_TRUE(w.analyses()->waitForIdle(60000));
        PlaygroundDocument* doc = w.document();
        doc->undoStack()->push(new SetParameterCommand(doc, "tau", *doc->spec().parameter("tau"), "25*ms", 0));
        ASSERT_TRUE(w.saveProject(path));
        ASSERT_TRUE(w.closeProject());
    }
    MainWindow w(MainWindow::Options{false});
    ASSERT_TRUE(w.openProject(path));
    ASSERT_TRUE(w.analyses()->showStored(QStringLiteral("firing_pattern")));
    const QString status = w.playground()->analysisPanel()->status(QStringLiteral("firing_pattern"));
    EXPECT_TRUE(status.contains(QStringLiteral("changed since"))) << status.toStdString();
}
