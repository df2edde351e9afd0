// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — binned population rates of a network run, one curve per population.
#pragma once

#include "PlotBase.h"

#include "network/NetworkResult.h"

#include <memory>

namespace scs::ui {

/// Rate (Hz per neuron) against time (ms), binned from the spikes with computeBinnedRate, in the
/// populations' raster colours (paletteColor(i)). Unsmoothed rates are drawn as steps over their
/// bins; smoothed ones as a line through the bin centres. Zooming or panning changes only the
/// time axis (the rate axis keeps 0 at the bottom); timeRangeChanged reports it for linking.
/// Malformed spikes show the error message in the plot instead of curves.
class PopulationRatePlot : public PlotBase {
    Q_OBJECT
public:
    explicit PopulationRatePlot(QWidget* parent = nullptr);

    void setResult(std::shared_ptr<const NetworkResult> result);
    const std::shared_ptr<const NetworkResult>& result() const { return result_; }
    /// Bin width in seconds (> 0); recomputes the curves and keeps the time range.
    void setBinWidth(double seconds);
    double binWidth() const { return binWidth_; }
    /// Gaussian smoothing sigma in seconds (0 = none).
    void setSmoothing(double sigmaSeconds);
    double smoothing() const { return sigma_; }

    int populationCount() const { return graphCount(); }
    QCPGraph* populationGraph(int population) const { return graph(population); }
    /// The error of the last recompute, empty when the rates were computed.
    QString errorText() const { return error_; }

    QCPRange timeRange() const { return xAxis->range(); }
    void setTimeRange(const QCPRange& range);
    void resetView() override;

signals:
    void timeRangeChanged(const QCPRange& range);

private:
    void recompute();

    std::shared_ptr<const NetworkResult> result_;
    double binWidth_ = 5e-3;
    double sigma_ = 0;
    QString error_;
    QCPItemText* message_ = nullptr;
};

} // namespace scs::ui
