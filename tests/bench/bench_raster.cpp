// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — raster replot time with 1,000,000 spikes, and the spike statistics over them.
//
// One RasterPlot (1200x700, offscreen unless QT_QPA_PLATFORM says otherwise) holds 1,000,000
// Poisson spikes in two populations (4,000 neurons at 125 Hz, 1,000 at 500 Hz, 1 s, dt 0.1 ms).
// Each iteration is one full QCustomPlot::replot(rpImmediateRefresh): layout, axes, every layer and
// the widget repaint, for the whole run, a 100 ms window, a 1 ms window zoomed on 100 neurons
// (dots), a 19 ms window (the most spikes drawn as dots, just under the threshold), and a drag (the window moves 1 %
// per iteration). An empty plot of the same size gives the fixed cost of QCustomPlot around our layer. The statistics
// benchmarks time computeNetworkStatistics and computeBinnedRate over the same million spikes. Reproduce: cmake --build
// build --target bench_raster && build/tests/bench/bench_raster
#include "RasterPlot.h"

#include "core/network/SpikeStatisticsFixtures.h"
#include "network/SpikeStatistics.h"

#include <benchmark/benchmark.h>

#include <QApplication>

#include <memory>

using namespace scs::ui;

namespace {

constexpr double kDt = 1e-4;
constexpr std::int64_t kSteps = 10000;

const std::shared_ptr<const scs::NetworkResult>& millionSpikes() {
    static const auto result = std::make_shared<const scs::NetworkResult>(
        scs::test::makeResult(kDt, kSteps,
                              {scs::test::poissonPopulation("exc", 4000, 125.0, kDt, kSteps, 1),
                               scs::test::poissonPopulation("inh", 1000, 500.0, kDt, kSteps, 2)}));
    return result;
}

std::unique_ptr<RasterPlot> makePlot(bool withSpikes) {
    auto plot = std::make_unique<RasterPlot>();
    plot->resize(1200, 700);
    if (withSpikes) plot->setResult(millionSpikes());
    plot->show();
    QApplication::processEvents();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return plot;
}

void report(benchmark::State& state, const RasterPlot& plot) {
    state.counters["spikes_in_view"] = static_cast<double>(plot.lastVisibleSpikes());
    state.SetLabel(plot.lastDrawMode() == RasterDrawMode::Dots      ? "dots"
                   : plot.lastDrawMode() == RasterDrawMode::Density ? "density"
                                                                    : "none");
}

void BM_RasterReplot_Empty(benchmark::State& state) {
    auto plot = makePlot(false);
    for (auto _ : state) plot->replot(QCustomPlot::rpImmediateRefresh);
}

void BM_RasterReplot_Full(benchmark::State& state) {
    auto plot = makePlot(true);
    for (auto _ : state) plot->replot(QCustomPlot::rpImmediateRefresh);
    report(state, *plot);
}

void BM_RasterReplot_Zoom100ms(benchmark::State& state) {
    auto plot = makePlot(true);
    plot->setTimeRange(QCPRange(450, 550));
    for (auto _ : state) plot->replot(QCustomPlot::rpImmediateRefresh);
    report(state, *plot);
}

void BM_RasterReplot_Zoom1msDots(benchmark::State& state) {
    auto plot = makePlot(true);
    plot->setTimeRange(QCPRange(500, 501));
    plot->yAxis->setRange(3999.5, 4099.5);
    for (auto _ : state) plot->replot(QCustomPlot::rpImmediateRefresh);
    report(state, *plot);
}

/// The most a dot replot draws: just under the 20,000-spike threshold (19 ms of the run).
void BM_RasterReplot_Zoom19msDots(benchmark::State& state) {
    auto plot = makePlot(true);
    plot->setTimeRange(QCPRange(500, 519));
    for (auto _ : state) plot->replot(QCustomPlot::rpImmediateRefresh);
    report(state, *plot);
}

void BM_RasterReplot_PanFull(benchmark::State& state) {
    auto plot = makePlot(true);
    double shift = 0;
    for (auto _ : state) {
        shift = shift >= 100 ? 0 : shift + 10;
        plot->xAxis->setRange(shift, 1000 + shift);
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    report(state, *plot);
}

void BM_NetworkStatistics(benchmark::State& state) {
    const scs::NetworkResult& r = *millionSpikes();
    for (auto _ : state) benchmark::DoNotOptimize(scs::computeNetworkStatistics(r));
    state.counters["spikes"] = static_cast<double>(r.spikes[0].count() + r.spikes[1].count());
}

void BM_BinnedRate(benchmark::State& state) {
    const scs::NetworkResult& r = *millionSpikes();
    for (auto _ : state) {
        for (const scs::PopulationSpikes& p : r.spikes)
            benchmark::DoNotOptimize(scs::computeBinnedRate(p, r.dt, r.steps, 1e-3, 2e-3));
    }
}

} // namespace

BENCHMARK(BM_RasterReplot_Empty)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RasterReplot_Full)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RasterReplot_Zoom100ms)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RasterReplot_Zoom1msDots)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RasterReplot_Zoom19msDots)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RasterReplot_PanFull)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NetworkStatistics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BinnedRate)->Unit(benchmark::kMillisecond);

/// The offscreen platform reports every unsupported window-manager call; keep the output readable.
static void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg && message.startsWith(QLatin1String("This plugin does not support"))) return;
    qt_message_output(type, context, message);
}

int main(int argc, char** argv) {
    qInstallMessageHandler(quietHandler);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
