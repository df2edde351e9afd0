// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the spike raster: a million spikes in population colours and bands, dots when zoomed.
#include "RasterPlot.h"

#include "core/network/SpikeStatisticsFixtures.h"
#include "gui/GuiTestSupport.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <QFileInfo>
#include <QImage>

#include <array>
#include <cmath>

using namespace scs::ui;
using scs::NetworkResult;
using scs::PopulationSpikes;

namespace {

constexpr double kDt = 1e-4;
constexpr std::int64_t kSteps = 10000; // 1 s

/// 1,000,000 spikes: 4,000 "exc" neurons at 125 Hz and 1,000 "inh" neurons at 500 Hz.
const NetworkResult& millionSpikes() {
    static const NetworkResult r =
        scs::test::makeResult(kDt, kSteps,
                              {scs::test::poissonPopulation("exc", 4000, 125.0, kDt, kSteps, 1),
                               scs::test::poissonPopulation("inh", 1000, 500.0, kDt, kSteps, 2)});
    return r;
}

/// Which population colour a pixel shows: it must lie on the line from the white background to
/// that colour (any alpha from 20 %), within a few levels. -1 for background or anything else.
int classify(const QColor& pixel, const std::array<QColor, 2>& colors) {
    for (int i = 0; i < 2; ++i) {
        const double d[3] = {255.0 - colors[i].red(), 255.0 - colors[i].green(), 255.0 - colors[i].blue()};
        const double p[3] = {255.0 - pixel.red(), 255.0 - pixel.green(), 255.0 - pixel.blue()};
        const double a = (d[0] * p[0] + d[1] * p[1] + d[2] * p[2]) / (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        if (a < 0.2) continue;
        double residual = 0;
        for (int c = 0; c < 3; ++c) residual += (p[c] - a * d[c]) * (p[c] - a * d[c]);
        if (std::sqrt(residual) < 12) return i;
    }
    return -1;
}

struct BandCounts {
    int own = 0, other = 0;
};

/// Counts classified pixels inside the axis rect between the pixel rows of `rowFrom`..`rowTo`.
BandCounts countBand(const QImage& image, const RasterPlot& plot, int population, double rowFrom, double rowTo,
                     const std::array<QColor, 2>& colors) {
    const QRect rect = plot.axisRect()->rect();
    const int y0 =
        static_cast<int>(std::ceil(std::min(plot.yAxis->coordToPixel(rowFrom), plot.yAxis->coordToPixel(rowTo))));
    const int y1 =
        static_cast<int>(std::floor(std::max(plot.yAxis->coordToPixel(rowFrom), plot.yAxis->coordToPixel(rowTo))));
    BandCounts counts;
    for (int y = std::max(y0, rect.top()) + 1; y < std::min(y1, rect.bottom()) - 1; ++y)
        for (int x = rect.left() + 1; x < rect.right() - 1; ++x) {
            const int c = classify(image.pixelColor(x, y), colors);
            if (c == population)
                ++counts.own;
            else if (c >= 0)
                ++counts.other;
        }
    return counts;
}

QImage render(RasterPlot& plot) {
    plot.show();
    scs::test::pumpEvents(20);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    return plot.grab().toImage();
}

} // namespace

TEST(RasterPlotTest, AMillionSpikesShowBothPopulationColoursInTheirOwnBands) {
    const NetworkResult& r = millionSpikes();
    const std::size_t total = r.spikes[0].count() + r.spikes[1].count();
    ASSERT_GT(total, 980000u);
    ASSERT_LT(total, 1020000u);
    RasterPlot plot;
    plot.resize(900, 600);
    plot.setResult(r);
    ASSERT_EQ(plot.populationCount(), 2);
    EXPECT_EQ(plot.rowOffset(0), 0);
    EXPECT_EQ(plot.rowOffset(1), 4000);
    EXPECT_EQ(plot.totalRows(), 5000);
    const QImage image = render(plot);
    EXPECT_EQ(plot.lastDrawMode(), RasterDrawMode::Density);
    EXPECT_EQ(plot.lastVisibleSpikes(), total); // the whole run is in view, every spike binned
    const std::array<QColor, 2> colors = {plot.populationColor(0), plot.populationColor(1)};
    ASSERT_NE(colors[0], colors[1]);

    // exc is on top (rows 0..3999), inh below (4000..4999): 4/5 and 1/5 of the height.
    const BandCounts exc = countBand(image, plot, 0, -0.5, 3999.5, colors);
    const BandCounts inh = countBand(image, plot, 1, 3999.5, 4999.5, colors);
    const int width = plot.axisRect()->width();
    EXPECT_GT(exc.own, width * 100) << "the exc band should be densely coloured";
    EXPECT_GT(inh.own, width * 30) << "the inh band should be densely coloured";
    EXPECT_LT(exc.other, exc.own / 100) << "inh colour leaked into the exc band";
    EXPECT_LT(inh.other, inh.own / 100) << "exc colour leaked into the inh band";
    EXPECT_LT(plot.yAxis->coordToPixel(100), plot.yAxis->coordToPixel(4500)) << "first population on top";

    // The y axis names the populations at the middle of their bands; the legend lists both.
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot.yAxis->ticker());
    ASSERT_TRUE(ticker);
    EXPECT_EQ(ticker->ticks().value(1999.5), QStringLiteral("exc"));
    EXPECT_EQ(ticker->ticks().value(4499.5), QStringLiteral("inh"));
    ASSERT_EQ(plot.legend->itemCount(), 2);
    EXPECT_TRUE(plot.layer(0)->name().startsWith(QStringLiteral("exc (4000 neurons")));
}

TEST(RasterPlotTest, ZoomingRebinsToTheVisibleRangeAndFewSpikesBecomeDots) {
    const NetworkResult& r = millionSpikes();
    RasterPlot plot;
    plot.resize(900, 600);
    plot.setResult(r);
    render(plot);
    const std::size_t all = plot.lastVisibleSpikes();

    plot.setTimeRange(QCPRange(0, 500)); // half the run
    render(plot);
    EXPECT_EQ(plot.lastDrawMode(), RasterDrawMode::Density);
    EXPECT_NEAR(static_cast<double>(plot.lastVisibleSpikes()) / static_cast<double>(all), 0.5, 0.02);

    // 1 ms of the inh band only: about 500 spikes, drawn as dots where the spikes are.
    plot.setTimeRange(QCPRange(300, 301));
    plot.yAxis->setRange(3999.5, 4999.5);
    const QImage image = render(plot);
    EXPECT_EQ(plot.lastDrawMode(), RasterDrawMode::Dots);
    std::size_t expectedLo = 0, expectedHi = 0;
    const PopulationSpikes& inh = r.spikes[1];
    for (std::int32_t s : inh.steps) {
        expectedLo += s >= 3000 && s < 3010;
        expectedHi += s >= 2999 && s <= 3011;
    }
    EXPECT_GE(plot.lastVisibleSpikes(), expectedLo);
    EXPECT_LE(plot.lastVisibleSpikes(), expectedHi);
    EXPECT_GT(expectedLo, 300u);
    // Every spike in the middle of the window has a dot of the inh colour at its place.
    const QColor inhColor = plot.populationColor(1);
    int checked = 0;
    for (std::size_t k = 0; k < inh.count(); ++k) {
        if (inh.steps[k] < 3002 || inh.steps[k] > 3008) continue;
        const int x = static_cast<int>(std::lround(plot.xAxis->coordToPixel(inh.steps[k] * 0.1)));
        const int y = static_cast<int>(std::lround(plot.yAxis->coordToPixel(4000 + inh.neurons[k])));
        // Away from the edges, where tick marks and the band separator are drawn over the spikes.
        if (!plot.axisRect()->rect().adjusted(8, 8, -8, -8).contains(x, y)) continue;
        ASSERT_EQ(image.pixelColor(x, y), inhColor) << "spike " << k << " at " << x << "," << y;
        ++checked;
    }
    EXPECT_GT(checked, 100);
}

TEST(RasterPlotTest, EmptyAndMalformedResultsDrawWithoutCrashing) {
    RasterPlot plot;
    plot.resize(400, 300);
    render(plot);
    EXPECT_EQ(plot.populationCount(), 0);
    EXPECT_EQ(plot.lastDrawMode(), RasterDrawMode::None);

    NetworkResult bad = scs::test::makeResult(kDt, 100, {scs::test::mergeTrains("p", 3, 100, {{1, 50}, {20}, {}})});
    bad.spikes[0].neurons[1] = 1000; // outside the population
    bad.spikes[0].neurons[2] = -5;
    plot.setResult(bad);
    render(plot);
    EXPECT_EQ(plot.lastVisibleSpikes(), 1u) << "only the valid spike is drawn";
    bad.spikes[0].neurons.pop_back(); // arrays of different lengths: nothing drawn
    plot.setResult(bad);
    render(plot);
    EXPECT_EQ(plot.lastVisibleSpikes(), 0u);
}

TEST(RasterPlotTest, CsvListsEverySpikeWithPopulationAndTime) {
    RasterPlot plot;
    plot.setResult(scs::test::makeResult(
        kDt, 100, {scs::test::mergeTrains("a", 2, 100, {{10}, {20}}), scs::test::mergeTrains("b", 1, 100, {{5}})}));
    EXPECT_EQ(plot.csv(), QStringLiteral("population,neuron,time (ms)\na,0,1\na,1,2\nb,0,0.5\n"));
}

TEST(RasterPlotTest, ExportsTheMillionSpikeRasterAsPngAndSvg) {
    RasterPlot plot;
    plot.resize(900, 600);
    plot.setResult(millionSpikes());
    scs::test::TempDir dir;
    const QString png = QString::fromStdString((dir.path() / "raster.png").string());
    const QString svg = QString::fromStdString((dir.path() / "raster.svg").string());
    QString error;
    ASSERT_TRUE(plot.exportTo(png, &error)) << error.toStdString();
    ASSERT_TRUE(plot.exportTo(svg, &error)) << error.toStdString();
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(900, 600));
    // The exported picture has the density image in it: many pixels of the exc colour.
    int exc = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            exc += classify(image.pixelColor(x, y), {plot.populationColor(0), plot.populationColor(1)}) == 0;
    EXPECT_GT(exc, 10000);
    EXPECT_GT(QFileInfo(svg).size(), 10000);
}
