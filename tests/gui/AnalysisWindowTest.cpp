// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analyses run from the main window as a user runs them, and what they show.
#include "GuiTestSupport.h"
#include "support/TestSupport.h"

#include "gui/AnalysisController.h"
#include "gui/MainWindow.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "AnalysisPanel.h"
#include "BarPlot.h"
#include "HeatmapPlot.h"
#include "JobsIndicator.h"
#include "ModelBrowser.h"
#include "ParameterPanel.h"
#include "SeriesPlot.h"
#include "SimulationSettingsPanel.h"
#include "TracePlot.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>
#include <numeric>

using namespace scs::ui;
using scs::test::waitFor;

namespace {

class AnalysisWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = std::make_unique<MainWindow>(MainWindow::Options{false});
        window->show();
        view = window->playground();
        panel = view->analysisPanel();
        analyses = window->analyses();
    }
    void TearDown() override {
        for (const QString& id : panel->analyses()) analyses->cancel(id);
        EXPECT_TRUE(analyses->waitForIdle(10000));
        view->runner()->waitForIdle();
        window.reset();
    }
    void load(const QString& id) {
        view->loadCatalogueModel(id);
        ASSERT_EQ(view->document()->state().model.id, id.toStdString());
        view->runner()->waitForIdle();
    }
    void select(const QString& kind) {
        QComboBox* combo = panel->selector();
        const int i = combo->findData(kind);
        ASSERT_GE(i, 0) << kind.toStdString();
        combo->setCurrentIndex(i);
    }
    void setCount(const QString& kind, const QString& field, int n) {
        auto* spin = qobject_cast<QSpinBox*>(panel->form(kind)->editor(field));
        ASSERT_NE(spin, nullptr) << field.toStdString();
        spin->setValue(n);
    }
    void typeValue(const QString& kind, const QString& field, const QString& text) {
        auto* edit = qobject_cast<QLineEdit*>(panel->form(kind)->editor(field));
        ASSERT_NE(edit, nullptr) << field.toStdString();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    /// Clicks Run for the selected analysis and waits for it to end; true when it finished.
    bool runSelected(int timeoutMs = 60000) {
        const QString kind = panel->currentAnalysis();
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        waitFor([&] { return analyses->state(kind) != scs::JobState::Running; }, timeoutMs);
        return analyses->state(kind) == scs::JobState::Finished;
    }
    AnalysisResultView* result(const QString& title) const { return panel->existingResultView(title); }
    static QVector<QStringList> rows(const QTableWidget* t) {
        QVector<QStringList> out;
        for (int r = 0; r < t->rowCount(); ++r) {
            QStringList row;
            for (int c = 0; c < t->columnCount(); ++c) row << (t->item(r, c) ? t->item(r, c)->text() : QString());
            out << row;
        }
        return out;
    }

    std::unique_ptr<MainWindow> window;
    PlaygroundView* view = nullptr;
    AnalysisPanel* panel = nullptr;
    AnalysisController* analyses = nullptr;
};

TEST_F(AnalysisWindowTest, BifurcationShowsRestBelowAndOscillationAboveRheobase) {
    load("lif");
    select("bifurcation");
    EXPECT_EQ(panel->form("bifurcation")->value("parameter"), "I") << "the drive is swept by default";
    EXPECT_EQ(panel->form("bifurcation")->unitLabel("min")->text(), QStringLiteral("nA"));
    setCount("bifurcation", "points", 12);
    ASSERT_TRUE(runSelected()) << panel->status("bifurcation").toStdString();
    AnalysisResultView* page = result("Bifurcation");
    ASSERT_NE(page, nullptr);
    auto* plot = qobject_cast<SeriesPlot*>(page->plot(0));
    ASSERT_NE(plot, nullptr);
    double lastRest = -1e300, firstOscillation = 1e300;
    for (const PlotSeries& s : plot->series()) {
        ASSERT_FALSE(s.x.isEmpty()) << s.name.toStdString();
        for (double x : s.x) {
            if (s.name == QLatin1String("fixed point"))
                lastRest = std::max(lastRest, x);
            else
                firstOscillation = std::min(firstOscillation, x);
        }
    }
    ASSERT_GT(lastRest, -1e300) << "weak drives must rest";
    ASSERT_LT(firstOscillation, 1e300) << "strong drives must fire";
    EXPECT_LT(lastRest, firstOscillation);
    EXPECT_GT(plot->graph(0)->data()->size(), 0);
    EXPECT_EQ(plot->graph(0)->lineStyle(), QCPGraph::lsNone) << "an attractor is points, not a line";
    EXPECT_EQ(page->table()->rowCount(), 12);
    EXPECT_TRUE(page->headline().startsWith(QStringLiteral("oscillates from I ="))) << page->headline().toStdString();
    EXPECT_FALSE(window->jobsIndicator()->isBusy());
}

TEST_F(AnalysisWindowTest, SensitivityRanksParametersAndTauSlowsFiring) {
    load("lif");
    select("sensitivity");
    ASSERT_TRUE(runSelected()) << panel->status("sensitivity").toStdString();
    AnalysisResultView* page = result("Sensitivity");
    ASSERT_NE(page, nullptr);
    auto* bars = qobject_cast<BarPlot*>(page->plot(0));
    ASSERT_NE(bars, nullptr);
    ASSERT_GE(bars->labels().size(), 3);
    EXPECT_FALSE(bars->labels().contains(QStringLiteral("I"))) << "the protocol drives I: its value is unused";
    EXPECT_GT(bars->barCount(), 0);
    const auto table = rows(page->table());
    ASSERT_EQ(table.size(), bars->labels().size());
    EXPECT_TRUE(page->headline().endsWith(table.front().front())) << "the headline names the top row";
    bool tauSeen = false;
    for (const QStringList& row : table)
        if (row[0] == QLatin1String("tau")) {
            tauSeen = true;
            EXPECT_LT(row[2].toDouble(), 0) << "a slower membrane fires less";
        }
    EXPECT_TRUE(tauSeen);
    // Ranked by |elasticity|, largest first.
    for (int i = 1; i < bars->values().size(); ++i) {
        if (std::isfinite(bars->values()[i])) {
            EXPECT_GE(std::abs(bars->values()[i - 1]), std::abs(bars->values()[i]));
        }
    }
    // File > Export Plot targets the new result.
    EXPECT_EQ(window->currentPlot(), bars);
    scs::test::TempDir dir;
    const QString csv = QString::fromStdString((dir.path() / "sens.csv").string());
    const QString png = QString::fromStdString((dir.path() / "sens.png").string());
    QString error;
    ASSERT_TRUE(window->currentPlot()->exportTo(csv, &error)) << error.toStdString();
    ASSERT_TRUE(window->currentPlot()->exportTo(png, &error)) << error.toStdString();
    EXPECT_NE(scs::test::readFile(dir.path() / "sens.csv").find("tau,"), std::string::npos);
    EXPECT_GT(std::filesystem::file_size(dir.path() / "sens.png"), 1000u);
}

TEST_F(AnalysisWindowTest, HeatmapOnASmallGridFillsEveryCell) {
    load("lif");
    select("heatmap");
    setCount("heatmap", "x_points", 4);
    setCount("heatmap", "y_points", 3);
    ASSERT_TRUE(runSelected()) << panel->status("heatmap").toStdString();
    AnalysisResultView* page = result("Rate heatmap");
    ASSERT_NE(page, nullptr);
    auto* map = qobject_cast<HeatmapPlot*>(page->plot(0));
    ASSERT_NE(map, nullptr);
    const HeatmapData& d = map->heatmap();
    ASSERT_EQ(d.z.size(), 3);
    ASSERT_EQ(d.z[0].size(), 4);
    EXPECT_EQ(map->colorMap()->data()->keySize(), 4);
    EXPECT_EQ(map->colorMap()->data()->valueSize(), 3);
    double lo = 1e300, hi = -1e300;
    for (const auto& row : d.z)
        for (double z : row) {
            ASSERT_TRUE(std::isfinite(z));
            lo = std::min(lo, z);
            hi = std::max(hi, z);
        }
    EXPECT_EQ(lo, 0.0) << "the most negative drive is silent";
    EXPECT_GT(hi, 10.0) << "the strongest drive fires";
    EXPECT_TRUE(d.xLabel.startsWith(QStringLiteral("I ("))) << d.xLabel.toStdString();
    EXPECT_TRUE(page->headline().contains(QStringLiteral("Hz")));
}

TEST_F(AnalysisWindowTest, FiringPatternMatchesTheCatalogueForEveryKindOfNeuron) {
    const scs::ModelCatalogue& catalogue = view->modelBrowser()->catalogue();
    for (const char* id : {"lif", "izhikevich_rs", "izhikevich_fs", "izhikevich_ch", "lif_noisy"}) {
        SCOPED_TRACE(id);
        const scs::CatalogueEntry* entry = catalogue.find(id);
        ASSERT_NE(entry, nullptr);
        ASSERT_FALSE(entry->expectedPattern.empty());
        load(QString::fromLatin1(id));
        window->action(QStringLiteral("actionFiringPattern"))->trigger(); // Analysis menu
        EXPECT_EQ(panel->currentAnalysis(), QStringLiteral("firing_pattern"));
        ASSERT_TRUE(waitFor([&] { return analyses->state("firing_pattern") != scs::JobState::Running; }, 30000));
        ASSERT_EQ(analyses->state("firing_pattern"), scs::JobState::Finished)
            << panel->status("firing_pattern").toStdString();
        AnalysisResultView* page = result("Firing pattern");
        ASSERT_NE(page, nullptr);
        const QString expected = QString::fromStdString(entry->expectedPattern).replace('_', ' ').toUpper();
        EXPECT_EQ(page->headline(), expected);
        EXPECT_TRUE(page->headlineLabel()->isVisibleTo(window.get()));
        const auto table = rows(page->table());
        ASSERT_EQ(table.size(), 12);
        ASSERT_EQ(table[0][0], QStringLiteral("spikes"));
        const int spikes = table[0][1].toInt();
        ASSERT_GE(spikes, 2);
        auto* isis = qobject_cast<SeriesPlot*>(page->plot(0));
        auto* histogram = qobject_cast<BarPlot*>(page->plot(1));
        ASSERT_NE(isis, nullptr);
        ASSERT_NE(histogram, nullptr);
        EXPECT_EQ(isis->series().front().y.size(), spikes - 1);
        EXPECT_EQ(std::accumulate(histogram->values().begin(), histogram->values().end(), 0.0), spikes - 1.0);
    }
}

TEST_F(AnalysisWindowTest, CancellingALongAnalysisKeepsTheWindowResponsive) {
    load("lif");
    select("heatmap");
    setCount("heatmap", "x_points", 400);
    setCount("heatmap", "y_points", 400); // 160 000 runs: ~15 s on two cores, far longer than this test
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    ASSERT_TRUE(analyses->isRunning("heatmap"));
    EXPECT_EQ(analyses->state("heatmap"), scs::JobState::Running);
    JobsIndicator* jobs = window->jobsIndicator();
    EXPECT_TRUE(jobs->isBusy());
    EXPECT_TRUE(jobs->cancelButton()->isVisibleTo(window.get()));
    EXPECT_FALSE(panel->runButton()->isEnabled());
    EXPECT_TRUE(panel->cancelButton()->isEnabled());
    ASSERT_TRUE(waitFor([&] { return jobs->progressBar()->value() > 0; }, 10000))
        << "progress must reach the status bar";

    // The event loop keeps turning, and the playground still answers a slider.
    QElapsedTimer timer;
    timer.start();
    qint64 last = 0, worstGap = 0;
    while (timer.elapsed() < 400) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        worstGap = std::max(worstGap, timer.elapsed() - last);
        last = timer.elapsed();
    }
    EXPECT_LT(worstGap, 250) << "the GUI thread was blocked";
    RecordProperty("worst_event_loop_gap_ms", static_cast<int>(worstGap));
    const QVector<double> before = scs::test::graphValues(view->tracePlot()->stateGraph(0));
    QSlider* tau = view->parameterPanel()->slider(QStringLiteral("tau"));
    ASSERT_NE(tau, nullptr);
    tau->setValue(tau->value() + tau->maximum() / 5);
    ASSERT_TRUE(waitFor([&] { return scs::test::graphValues(view->tracePlot()->stateGraph(0)) != before; }, 5000))
        << "the trace must follow the slider while the analysis runs";

    // A quick analysis runs alongside and finishes first.
    select("firing_pattern");
    ASSERT_TRUE(runSelected(30000));
    EXPECT_TRUE(analyses->isRunning("heatmap"));

    select("heatmap");
    EXPECT_TRUE(panel->cancelButton()->isEnabled());
    timer.restart();
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !analyses->isRunning("heatmap"); }, 5000)) << "cancel did not stop the job";
    EXPECT_LT(timer.elapsed(), 3000);
    RecordProperty("cancel_latency_ms", static_cast<int>(timer.elapsed()));
    EXPECT_EQ(analyses->state("heatmap"), scs::JobState::Cancelled);
    EXPECT_TRUE(panel->status("heatmap").startsWith(QStringLiteral("Cancelled")))
        << panel->status("heatmap").toStdString();
    EXPECT_EQ(result("Rate heatmap"), nullptr) << "a cancelled job shows no result";
    EXPECT_TRUE(panel->runButton()->isEnabled());
    EXPECT_TRUE(waitFor([&] { return !jobs->isBusy(); }, 3000));
}

TEST_F(AnalysisWindowTest, TheStatusBarCancelStopsTheAnalysisItShows) {
    load("lif");
    QLineEdit* duration = view->settingsPanel()->durationEdit(); // 2000 runs of 20 s: minutes of work
    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("20*s"));
    QTest::keyClick(duration, Qt::Key_Return);
    view->runner()->waitForIdle();
    select("bifurcation");
    setCount("bifurcation", "points", 2000);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    JobsIndicator* jobs = window->jobsIndicator();
    ASSERT_TRUE(jobs->isBusy());
    QTest::mouseClick(jobs->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !analyses->isRunning("bifurcation"); }, 5000));
    EXPECT_EQ(analyses->state("bifurcation"), scs::JobState::Cancelled);
    EXPECT_TRUE(waitFor([&] { return !jobs->isBusy(); }, 3000));
}

TEST_F(AnalysisWindowTest, BadSettingsAndBrokenModelsFailWithAReason) {
    load("lif");
    select("bifurcation");
    typeValue("bifurcation", "min", QStringLiteral("abc"));
    EXPECT_FALSE(runSelected());
    EXPECT_EQ(analyses->state("bifurcation"), scs::JobState::Failed);
    EXPECT_TRUE(panel->status("bifurcation").contains(QStringLiteral("From")))
        << panel->status("bifurcation").toStdString();
    typeValue("bifurcation", "min", QStringLiteral("9"));
    typeValue("bifurcation", "max", QStringLiteral("1"));
    EXPECT_FALSE(runSelected());
    EXPECT_TRUE(panel->status("bifurcation").contains(QStringLiteral("min <= max")))
        << panel->status("bifurcation").toStdString();
    view->document()->setSpecField("equations", "dv/dt = (El - v +) / tau : volt");
    select("sensitivity");
    EXPECT_FALSE(runSelected());
    EXPECT_TRUE(panel->status("sensitivity").contains(QStringLiteral("errors")))
        << panel->status("sensitivity").toStdString();
    EXPECT_FALSE(window->jobsIndicator()->isBusy());
}

TEST_F(AnalysisWindowTest, SettingsAreUndoableAndSavedWithTheProject) {
    load("lif");
    select("heatmap");
    setCount("heatmap", "x_points", 7);
    const auto stored = [&] { return view->document()->state().analysis["settings"]["heatmap"]["x_points"]; };
    EXPECT_EQ(stored(), 7);
    EXPECT_EQ(view->document()->undoStack()->undoText(), QStringLiteral("Change Rate heatmap settings"));
    auto* spin = qobject_cast<QSpinBox*>(panel->form("heatmap")->editor("x_points"));
    window->action(QStringLiteral("actionUndo"))->trigger();
    EXPECT_EQ(spin->value(), 15);
    window->action(QStringLiteral("actionRedo"))->trigger();
    EXPECT_EQ(spin->value(), 7);
    EXPECT_EQ(stored(), 7);

    scs::test::TempDir dir;
    const QString path = QString::fromStdString((dir.path() / "p.scstudio").string());
    QString error;
    ASSERT_TRUE(window->saveProject(path, &error)) << error.toStdString();
    ASSERT_TRUE(window->closeProject()) << "saved: closing must not ask";
    MainWindow other(MainWindow::Options{false});
    ASSERT_TRUE(other.openProject(path, &error)) << error.toStdString();
    EXPECT_EQ(other.document()->undoStack()->count(), 0) << "showing stored settings is not an edit";
    AnalysisPanel* otherPanel = other.playground()->analysisPanel();
    EXPECT_EQ(otherPanel->currentAnalysis(), QStringLiteral("heatmap"));
    EXPECT_EQ(qobject_cast<QSpinBox*>(otherPanel->form("heatmap")->editor("x_points"))->value(), 7);
    EXPECT_EQ(otherPanel->form("heatmap")->value("x_parameter"), "I");
}

TEST_F(AnalysisWindowTest, EveryAnalysisHasAMenuEntryWithItsOwnShortcut) {
    QMenu* menu = nullptr;
    for (QAction* a : window->menuBar()->actions())
        if (a->text().remove('&') == QLatin1String("Analysis")) menu = a->menu();
    ASSERT_NE(menu, nullptr);
    QStringList kinds;
    QList<QKeySequence> keys;
    for (QAction* a : menu->actions())
        if (!a->data().toString().isEmpty()) {
            kinds << a->data().toString();
            EXPECT_FALSE(a->shortcut().isEmpty()) << a->text().toStdString();
            EXPECT_FALSE(keys.contains(a->shortcut())) << a->shortcut().toString().toStdString();
            keys << a->shortcut();
        }
    EXPECT_EQ(kinds, panel->analyses());
    EXPECT_EQ(kinds.size(), 10) << "eight playground analyses, the fixed-point precision check and float vs fixed";
    // No other action of the window uses the same keys.
    for (QAction* a : window->findChildren<QAction*>()) {
        if (a->data().toString().isEmpty() && !a->shortcut().isEmpty()) {
            EXPECT_FALSE(keys.contains(a->shortcut())) << a->objectName().toStdString();
        }
    }
}

} // namespace
