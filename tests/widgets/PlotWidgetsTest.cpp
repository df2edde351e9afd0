// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — plot widgets: linked time axes, spikes, export to PNG/SVG/CSV, heatmaps.
#include "HeatmapPlot.h"
#include "PhasePlaneView.h"
#include "SeriesPlot.h"
#include "TracePlot.h"

#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>

#include <cmath>

using namespace scs::ui;

namespace {

TraceData sampleTraces(int n = 200, double amplitude = 10) {
    TraceData d;
    PlotSeries v{QStringLiteral("v"), QStringLiteral("mV"), {}, {}, {}};
    PlotSeries w{QStringLiteral("w"), QStringLiteral("pA"), {}, {}, {}};
    for (int i = 0; i < n; ++i) {
        d.time << i * 0.5;
        v.y << -65 + amplitude * std::sin(i * 0.1);
        w.y << i * 0.01;
    }
    d.states = {v, w};
    d.drive = PlotSeries{QStringLiteral("I"), QStringLiteral("nA"), {}, QVector<double>(n, 0.5), {}};
    d.spikeTimes = {10.0, 20.25, 55.0};
    return d;
}

TEST(TracePlotTest, OneRowPerStateWithUnitsAndLinkedTimeAxes) {
    TracePlot plot;
    plot.resize(800, 600);
    plot.setTraceData(sampleTraces());
    ASSERT_EQ(plot.rowCount(), 2);
    EXPECT_EQ(plot.stateGraph(0)->valueAxis()->label(), QStringLiteral("v (mV)"));
    EXPECT_EQ(plot.stateGraph(1)->valueAxis()->label(), QStringLiteral("w (pA)"));
    ASSERT_NE(plot.driveGraph(), nullptr);
    EXPECT_EQ(plot.driveGraph()->valueAxis()->label(), QStringLiteral("I (nA)"));
    EXPECT_EQ(plot.spikeGraph()->data()->size(), 3);
    // Zooming time in one row moves every row (what iRangeZoom/iRangeDrag on one rect does).
    plot.stateGraph(1)->keyAxis()->setRange(20, 40);
    for (QCPAxisRect* rect : plot.axisRects()) {
        EXPECT_DOUBLE_EQ(rect->axis(QCPAxis::atBottom)->range().lower, 20);
        EXPECT_DOUBLE_EQ(rect->axis(QCPAxis::atBottom)->range().upper, 40);
    }
    EXPECT_TRUE(plot.interactions().testFlag(QCP::iRangeDrag));
    EXPECT_TRUE(plot.interactions().testFlag(QCP::iRangeZoom));
}

TEST(TracePlotTest, NewDataWithSameRowsKeepsTheUsersZoomAndSwapsData) {
    TracePlot plot;
    plot.setTraceData(sampleTraces(200, 10));
    QCPGraph* first = plot.stateGraph(0);
    plot.stateGraph(0)->keyAxis()->setRange(5, 15);
    plot.setTraceData(sampleTraces(200, 20)); // a slider moved: same rows, new values
    EXPECT_EQ(plot.stateGraph(0), first) << "rows must not be rebuilt for new values";
    EXPECT_DOUBLE_EQ(plot.timeRange().lower, 5);
    EXPECT_NEAR((plot.stateGraph(0)->data()->at(16)->value + 65) / std::sin(1.6), 20, 1e-9);
}

TEST(TracePlotTest, CsvHasOneColumnPerRowAndMarksSpikes) {
    TracePlot plot;
    plot.setTraceData(sampleTraces(200));
    const QStringList lines = plot.csv().split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 201);
    EXPECT_EQ(lines[0], QStringLiteral("time (ms),v (mV),w (pA),I (nA),spike"));
    int spikes = 0;
    for (int i = 1; i < lines.size(); ++i) spikes += lines[i].endsWith(QStringLiteral(",1"));
    EXPECT_EQ(spikes, 3);
    EXPECT_TRUE(lines[21].endsWith(QStringLiteral(",1"))) << "10 ms is sample 20"; // header + index 20
}

TEST(PlotExportTest, WritesPngSvgAndCsv) {
    scs::test::TempDir dir;
    TracePlot plot;
    plot.resize(640, 480);
    plot.setTraceData(sampleTraces());
    const QString base = QString::fromStdString(dir.path().string());
    QString error;
    ASSERT_TRUE(plot.exportTo(base + "/p.png", &error)) << error.toStdString();
    ASSERT_TRUE(plot.exportTo(base + "/p.svg", &error)) << error.toStdString();
    ASSERT_TRUE(plot.exportTo(base + "/p.csv", &error)) << error.toStdString();
    const QImage png(base + "/p.png");
    EXPECT_EQ(png.size(), QSize(640, 480));
    QFile svg(base + "/p.svg");
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    EXPECT_TRUE(svgText.contains("<svg"));
    EXPECT_TRUE(svgText.contains("path") || svgText.contains("polyline"));
    QFile csv(base + "/p.csv");
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    EXPECT_TRUE(csv.readLine().startsWith("time (ms),v (mV)"));
    EXPECT_FALSE(plot.exportTo(base + "/p.bmpx", &error));
    EXPECT_TRUE(error.contains(QStringLiteral("bmpx")));
    EXPECT_FALSE(plot.exportTo(base + "/missing/dir/p.csv", &error));
}

TEST(SeriesPlotTest, ShowsSeriesAndExportsThem) {
    SeriesPlot plot;
    plot.setAxisLabels(QStringLiteral("I (nA)"), QStringLiteral("rate (Hz)"));
    plot.setSeries({PlotSeries{QStringLiteral("f-I"), QStringLiteral("Hz"), {0, 1, 2}, {0, 10, 25}, {}},
                    PlotSeries{QStringLiteral("first ISI"), QStringLiteral("Hz"), {0, 1, 2}, {0, 15, 40}, {}}});
    ASSERT_EQ(plot.graphCount(), 2);
    EXPECT_TRUE(plot.legend->visible());
    EXPECT_DOUBLE_EQ(plot.graph(1)->data()->at(2)->value, 40);
    const QString csv = plot.csv();
    EXPECT_TRUE(csv.contains(QStringLiteral("# first ISI\nI (nA),rate (Hz)\n0,0\n1,15\n2,40")));
}

TEST(HeatmapPlotTest, CellsAndLongFormCsv) {
    HeatmapPlot plot;
    HeatmapData d;
    d.xLabel = "a";
    d.yLabel = "b";
    d.zLabel = "rate (Hz)";
    d.xMin = 0;
    d.xMax = 2;
    d.yMin = 10;
    d.yMax = 20;
    d.z = {{1, 2, 3}, {4, std::nan(""), 6}};
    plot.setHeatmap(d);
    EXPECT_EQ(plot.colorMap()->data()->keySize(), 3);
    EXPECT_EQ(plot.colorMap()->data()->valueSize(), 2);
    EXPECT_DOUBLE_EQ(plot.colorMap()->data()->cell(2, 1), 6);
    EXPECT_EQ(plot.colorMap()->data()->alpha(1, 1), 0) << "a diverged cell is a gap";
    const QStringList lines = plot.csv().split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 7);
    EXPECT_EQ(lines[0], QStringLiteral("a,b,rate (Hz)"));
    EXPECT_EQ(lines[6], QStringLiteral("2,20,6"));
}

TEST(PhasePlaneViewTest, DrawsTrajectoryNullclinesAndOneArrowPerFinitePoint) {
    PhasePlaneView view;
    view.resize(500, 400);
    PhasePlaneData d;
    d.xLabel = "v (mV)";
    d.yLabel = "u (mV)";
    d.trajectoryX = {0, 1, 2};
    d.trajectoryY = {0, 1, 0};
    d.fieldX = {0, 1, 0, 1};
    d.fieldY = {0, 0, 1, 1};
    d.fieldDx = {1, 0, std::nan(""), -1};
    d.fieldDy = {0, 1, 1, 0};
    d.nullclines = {{"dv/dt = 0", {0, 1}, {0, 1}, {}}};
    view.setPhasePlane(d);
    EXPECT_EQ(view.arrowCount(), 3);
    EXPECT_EQ(view.xAxis->label(), QStringLiteral("v (mV)"));
    EXPECT_TRUE(view.legend->visible());
    EXPECT_TRUE(view.csv().contains(QStringLiteral("# nullcline dv/dt = 0")));
    view.setMessage(QStringLiteral("needs two states"));
    EXPECT_EQ(view.arrowCount(), 0);
}

} // namespace
