// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a result page survives snapshot -> JSON text -> restore unchanged.
#include "AnalysisResultSnapshot.h"
#include "AnalysisResultView.h"
#include "BarPlot.h"
#include "HeatmapPlot.h"
#include "SeriesPlot.h"

#include <QTableWidget>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace scs::ui;

TEST(AnalysisResultSnapshotTest, SeriesHeatmapBarsAndTableComeBackAsTheyWere) {
    AnalysisResultView page;
    page.setHeadline(QStringLiteral("rheobase 1.2 nA"), QColor(QStringLiteral("#1f77b4")));
    page.setSummary(QStringLiteral("Maximum rate 80 Hz."));
    SeriesPlot* series = page.seriesPlot(0);
    series->setAxisLabels(QStringLiteral("I (nA)"), QStringLiteral("rate (Hz)"));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    series->setSeries(
        {PlotSeries{QStringLiteral("rate"), QStringLiteral("Hz"), {0.1, 1.0, 10.0}, {0.0, nan, 0.1 + 0.2}, QColor()}});
    series->xAxis->setScaleType(QCPAxis::stLogarithmic);
    series->graph(0)->setLineStyle(QCPGraph::lsNone);
    series->xAxis->setRange(0.05, 20);
    page.heatmapPlot(1)->setHeatmap(
        HeatmapData{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("Hz"), 0, 1, 2, 3, {{1, 2}, {3, nan}}});
    page.setTable({QStringLiteral("I"), QStringLiteral("rate")}, {{QStringLiteral("0.1"), QStringLiteral("0")}});

    const nlohmann::json first = snapshotOf(page);
    AnalysisResultView again;
    restoreSnapshot(again, nlohmann::json::parse(first.dump()));
    EXPECT_EQ(snapshotOf(again), first);
    EXPECT_EQ(again.headline(), page.headline());
    EXPECT_EQ(again.headlineColor(), page.headlineColor());
    const auto* restored = qobject_cast<SeriesPlot*>(again.plot(0));
    ASSERT_NE(restored, nullptr);
    EXPECT_EQ(restored->xAxis->scaleType(), QCPAxis::stLogarithmic);
    EXPECT_EQ(restored->graph(0)->lineStyle(), QCPGraph::lsNone);
    EXPECT_EQ(restored->series().front().y[2], 0.1 + 0.2) << "numbers exactly";
    EXPECT_TRUE(std::isnan(restored->series().front().y[1]));
    EXPECT_NE(qobject_cast<HeatmapPlot*>(again.plot(1)), nullptr);
    EXPECT_EQ(again.table()->rowCount(), 1);

    // Bars and histograms replace the plots of a page restored over.
    AnalysisResultView bars;
    bars.barPlot(0)->setBars({QStringLiteral("tau"), QStringLiteral("R")}, {0.5, -1.5}, QStringLiteral("elasticity"));
    bars.barPlot(1)->setHistogram({1, 2, 3}, {4, 0, 2}, 0.5, QStringLiteral("ISI (ms)"), QStringLiteral("count"));
    restoreSnapshot(again, snapshotOf(bars));
    EXPECT_EQ(again.plotCount(), 2);
    EXPECT_EQ(snapshotOf(again)["plots"], snapshotOf(bars)["plots"]);
    EXPECT_TRUE(qobject_cast<BarPlot*>(again.plot(1))->isHistogram());
}

TEST(AnalysisResultSnapshotTest, AMalformedSnapshotIsRefusedWithAMessage) {
    AnalysisResultView page;
    try {
        restoreSnapshot(page, nlohmann::json{{"plots", {{{"type", "series"}}}}, {"table", {}}});
        FAIL() << "accepted a series without data";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("malformed"), std::string::npos) << e.what();
    }
    EXPECT_THROW(restoreSnapshot(
                     page, nlohmann::json{{"plots", {{{"type", "pie"}}}}, {"table", {{"header", {}}, {"rows", {}}}}}),
                 std::runtime_error);
}
