// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network result view: linked time axes, rate plot, traces and the summary table.
#include "NetworkResultView.h"
#include "NetworkSummaryTable.h"
#include "PopulationRatePlot.h"
#include "RasterPlot.h"
#include "TracePlot.h"

#include "core/network/SpikeStatisticsFixtures.h"
#include "gui/GuiTestSupport.h"

#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QHeaderView>

#include <algorithm>
#include <cmath>

using namespace scs::ui;
using scs::NetworkResult;

namespace {

constexpr double kDt = 1e-4;
constexpr std::int64_t kSteps = 10000; // 1 s

/// "reg": 100 neurons firing every 10 ms (100 Hz, CV 0); "poisson": 200 neurons at 20 Hz;
/// "sync": 50 neurons firing together at 10 Hz; "quiet": 10 silent neurons. One v trace.
NetworkResult sampleResult() {
    NetworkResult r = scs::test::makeResult(kDt, kSteps,
                                            {scs::test::regularPopulation("reg", 100, 100, kSteps),
                                             scs::test::poissonPopulation("poisson", 200, 20.0, kDt, kSteps, 5),
                                             scs::test::synchronousPopulation("sync", 50, 10.0, kDt, kSteps, 9),
                                             scs::test::mergeTrains("quiet", 10, kSteps, {})});
    r.spikes[3].size = 10;
    scs::StateTrace v;
    v.monitorId = "m";
    v.populationId = "reg";
    v.variable = "v";
    v.neuron = 3;
    v.unit = "mV";
    v.scale = 1e-3;
    for (std::int64_t k = 0; k < kSteps; ++k) v.values.push_back(-0.065 + 0.01 * std::sin(k * 1e-3));
    r.traces.push_back(v);
    return r;
}

int rowOf(const NetworkSummaryTable& table, const QString& name) {
    for (int r = 0; r < table.rowCount(); ++r)
        if (table.cellText(r, NetworkSummaryTable::Name) == name) return r;
    return -1;
}

} // namespace

TEST(NetworkViewTest, ZoomingTheRasterMovesTheRatePlotAndTheTracesAndBack) {
    NetworkResultView view;
    view.resize(1000, 900);
    view.setResult(sampleResult());
    view.show();
    scs::test::pumpEvents(20);
    EXPECT_DOUBLE_EQ(view.ratePlot()->timeRange().upper, 1000.0);
    EXPECT_DOUBLE_EQ(view.raster()->timeRange().upper, 1000.0);

    view.raster()->xAxis->setRange(200, 300); // what a wheel zoom or drag does
    EXPECT_DOUBLE_EQ(view.ratePlot()->timeRange().lower, 200.0);
    EXPECT_DOUBLE_EQ(view.ratePlot()->timeRange().upper, 300.0);
    ASSERT_FALSE(view.tracePlot()->isHidden());
    EXPECT_DOUBLE_EQ(view.tracePlot()->timeRange().lower, 200.0);
    EXPECT_DOUBLE_EQ(view.tracePlot()->timeRange().upper, 300.0);

    view.ratePlot()->xAxis->setRange(50, 60);
    EXPECT_DOUBLE_EQ(view.raster()->timeRange().lower, 50.0);
    EXPECT_DOUBLE_EQ(view.tracePlot()->timeRange().upper, 60.0);

    view.tracePlot()->stateGraph(0)->keyAxis()->setRange(10, 20);
    EXPECT_DOUBLE_EQ(view.raster()->timeRange().lower, 10.0);
    EXPECT_DOUBLE_EQ(view.ratePlot()->timeRange().upper, 20.0);

    // A new result resets every view to the whole run, and the links still hold.
    view.setResult(sampleResult());
    EXPECT_DOUBLE_EQ(view.raster()->timeRange().upper, 1000.0);
    view.raster()->xAxis->setRange(400, 410);
    EXPECT_DOUBLE_EQ(view.tracePlot()->timeRange().lower, 400.0);
}

TEST(NetworkViewTest, TheTimeAxesOfAllPlotsStartAtTheSameX) {
    NetworkResultView view;
    view.resize(1000, 900);
    NetworkResult r = sampleResult();
    r.spikes[0].name = "a much longer population name"; // a wide label on the raster's y axis
    view.setResult(r);
    view.show();
    scs::test::pumpEvents(50);
    const int raster = view.raster()->mapTo(&view, QPoint(view.raster()->axisRect()->left(), 0)).x();
    const int rates = view.ratePlot()->mapTo(&view, QPoint(view.ratePlot()->axisRect()->left(), 0)).x();
    const int traces = view.tracePlot()->mapTo(&view, QPoint(view.tracePlot()->axisRects().front()->left(), 0)).x();
    EXPECT_GT(view.raster()->axisRect()->left(), 100) << "the long name should widen the raster's margin";
    EXPECT_EQ(rates, raster);
    EXPECT_EQ(traces, raster);
    // The right ends keep their margin, so the last time tick label stays readable.
    EXPECT_LT(view.raster()->axisRect()->right(), view.raster()->width() - 8);
    EXPECT_LT(view.ratePlot()->axisRect()->right(), view.ratePlot()->width() - 8);
    // A second result with a short name gives the margin back.
    view.setResult(sampleResult());
    scs::test::pumpEvents(50);
    EXPECT_LT(view.raster()->axisRect()->left(), 100);
    EXPECT_EQ(view.ratePlot()->mapTo(&view, QPoint(view.ratePlot()->axisRect()->left(), 0)).x(),
              view.raster()->mapTo(&view, QPoint(view.raster()->axisRect()->left(), 0)).x());
}

TEST(NetworkViewTest, RatePlotShowsEachPopulationsRateAndFollowsTheBinWidth) {
    NetworkResultView view;
    view.setResult(sampleResult());
    PopulationRatePlot* rates = view.ratePlot();
    ASSERT_EQ(rates->populationCount(), 4);
    EXPECT_EQ(rates->populationGraph(0)->name(), QStringLiteral("reg"));
    EXPECT_EQ(rates->populationGraph(0)->pen().color(), view.raster()->populationColor(0));
    // 5 ms bins: 200 bins + the closing point; the regular population is 100 Hz in every bin.
    QCPGraph* reg = rates->populationGraph(0);
    ASSERT_EQ(reg->data()->size(), 201);
    for (auto it = reg->data()->constBegin(); it != reg->data()->constEnd(); ++it) ASSERT_NEAR(it->value, 100.0, 1e-9);
    // The silent population is flat at 0; the Poisson one averages 20 Hz.
    double sum = 0;
    for (auto it = rates->populationGraph(3)->data()->constBegin(); it != rates->populationGraph(3)->data()->constEnd();
         ++it)
        EXPECT_EQ(it->value, 0.0);
    const QVector<double> poisson = scs::test::graphValues(rates->populationGraph(1));
    for (int i = 0; i + 1 < poisson.size(); ++i) sum += poisson[i];
    EXPECT_NEAR(sum / (poisson.size() - 1), 20.0, 1.5);

    view.binWidthBox()->setValue(20); // ms
    EXPECT_DOUBLE_EQ(rates->binWidth(), 0.02);
    EXPECT_EQ(rates->populationGraph(0)->data()->size(), 51);
    view.smoothingBox()->setValue(10);
    EXPECT_DOUBLE_EQ(rates->smoothing(), 0.01);
    EXPECT_EQ(rates->populationGraph(0)->lineStyle(), QCPGraph::lsLine);
    EXPECT_EQ(rates->populationGraph(0)->data()->size(), 50);
    // A synchronous population's smoothed peaks are lower than its raw ones.
    const QVector<double> smooth = scs::test::graphValues(rates->populationGraph(2));
    view.smoothingBox()->setValue(0);
    const QVector<double> raw = scs::test::graphValues(rates->populationGraph(2));
    EXPECT_LT(*std::max_element(smooth.begin(), smooth.end()), *std::max_element(raw.begin(), raw.end()));
}

TEST(NetworkViewTest, SummaryTableShowsOneSortableRowPerPopulation) {
    NetworkResultView view;
    view.setResult(sampleResult());
    const NetworkSummaryTable& table = *view.summaryTable();
    ASSERT_EQ(table.rowCount(), 4);
    EXPECT_EQ(table.cellText(0, NetworkSummaryTable::Name), QStringLiteral("reg")); // result order
    EXPECT_EQ(table.cellText(3, NetworkSummaryTable::Name), QStringLiteral("quiet"));

    const int reg = rowOf(table, QStringLiteral("reg"));
    EXPECT_EQ(table.cellText(reg, NetworkSummaryTable::Size), QStringLiteral("100"));
    EXPECT_EQ(table.cellText(reg, NetworkSummaryTable::Spikes), QStringLiteral("10000"));
    EXPECT_EQ(table.cellText(reg, NetworkSummaryTable::Rate), QStringLiteral("100.00"));
    EXPECT_EQ(table.cellText(reg, NetworkSummaryTable::CvIsi), QStringLiteral("0.000"));
    EXPECT_EQ(table.cellText(reg, NetworkSummaryTable::Silent), QStringLiteral("0.0"));
    const int poisson = rowOf(table, QStringLiteral("poisson"));
    EXPECT_NEAR(table.cellValue(poisson, NetworkSummaryTable::Rate), 20.0, 1.5);
    EXPECT_NEAR(table.cellValue(poisson, NetworkSummaryTable::CvIsi), 1.0, 0.1);
    EXPECT_LT(table.cellValue(poisson, NetworkSummaryTable::Synchrony), 0.3);
    const int sync = rowOf(table, QStringLiteral("sync"));
    EXPECT_EQ(table.cellText(sync, NetworkSummaryTable::Synchrony), QStringLiteral("1.000"));
    const int quiet = rowOf(table, QStringLiteral("quiet"));
    EXPECT_EQ(table.cellText(quiet, NetworkSummaryTable::Silent), QStringLiteral("100.0"));
    EXPECT_EQ(table.cellText(quiet, NetworkSummaryTable::CvIsi), QStringLiteral("–"));
    EXPECT_FALSE(table.model()->index(quiet, NetworkSummaryTable::CvIsi).data(Qt::ToolTipRole).toString().isEmpty());

    // Sorting by rate, highest first: reg (100), poisson (~20), sync (~10), quiet (0).
    view.summaryTable()->sortByColumn(NetworkSummaryTable::Rate, Qt::DescendingOrder);
    EXPECT_EQ(table.cellText(0, NetworkSummaryTable::Name), QStringLiteral("reg"));
    EXPECT_EQ(table.cellText(1, NetworkSummaryTable::Name), QStringLiteral("poisson"));
    EXPECT_EQ(table.cellText(2, NetworkSummaryTable::Name), QStringLiteral("sync"));
    EXPECT_EQ(table.cellText(3, NetworkSummaryTable::Name), QStringLiteral("quiet"));
    view.summaryTable()->sortByColumn(NetworkSummaryTable::Synchrony, Qt::AscendingOrder);
    EXPECT_EQ(table.cellText(0, NetworkSummaryTable::Name), QStringLiteral("quiet")); // undefined first
    EXPECT_EQ(table.cellText(3, NetworkSummaryTable::Name), QStringLiteral("sync"));

    for (int c = 0; c < NetworkSummaryTable::ColumnCount; ++c)
        EXPECT_FALSE(table.model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty()) << c;
}

TEST(NetworkViewTest, TracesRowNamesTheMonitoredNeuronAndHidesWithoutTraces) {
    NetworkResultView view;
    NetworkResult r = sampleResult();
    view.setResult(r);
    ASSERT_FALSE(view.tracePlot()->isHidden());
    ASSERT_EQ(view.tracePlot()->rowCount(), 1);
    EXPECT_EQ(view.tracePlot()->traceData().states[0].name, QStringLiteral("reg[3] v"));
    EXPECT_NEAR(view.tracePlot()->traceData().states[0].y[0], -65.0, 1e-9); // in mV
    // The spike row shows neuron 3's spikes: every 10 ms from 0.3 ms.
    const QVector<double>& spikes = view.tracePlot()->traceData().spikeTimes;
    ASSERT_EQ(spikes.size(), 100);
    EXPECT_NEAR(spikes[0], 0.3, 1e-9);
    r.traces.clear();
    view.setResult(r);
    EXPECT_TRUE(view.tracePlot()->isHidden());
}

TEST(NetworkViewTest, MalformedSpikesShowAMessageInsteadOfStatistics) {
    NetworkResultView view;
    NetworkResult r = sampleResult();
    r.spikes[1].neurons[0] = 999;
    view.setResult(r);
    EXPECT_TRUE(view.errorText().contains(QStringLiteral("population 'poisson'"))) << view.errorText().toStdString();
    EXPECT_EQ(view.summaryTable()->rowCount(), 0);
    EXPECT_FALSE(view.ratePlot()->errorText().isEmpty());
    view.clearResult();
    EXPECT_TRUE(view.errorText().isEmpty());
    EXPECT_EQ(view.raster()->populationCount(), 0);
}
