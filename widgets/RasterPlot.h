// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the spike raster of a network run: populations stacked, one colour each, millions of spikes.
#pragma once

#include "PlotBase.h"
#include "RasterLayer.h"

#include "network/NetworkResult.h"

#include <memory>

namespace scs::ui {

/// Time (ms) on x, neurons on y with the populations stacked top to bottom in the result's order
/// (population i occupies rows [rowOffset(i), rowOffset(i) + size)), each labelled with its name
/// on the y axis and drawn in its own colour (paletteColor(i)) with a legend above the plot.
/// Drawing costs one pass over the spikes in view per replot (see RasterLayer), so a million
/// spikes pan and zoom smoothly. Drag pans, the wheel zooms both axes.
class RasterPlot : public PlotBase {
    Q_OBJECT
public:
    explicit RasterPlot(QWidget* parent = nullptr);

    /// Shares the result (no copy); the plot keeps it alive. Resets the view to the whole run.
    void setResult(std::shared_ptr<const NetworkResult> result);
    void setResult(const NetworkResult& result); // copies
    void clearResult();
    const std::shared_ptr<const NetworkResult>& result() const { return result_; }

    int populationCount() const { return static_cast<int>(layers_.size()); }
    RasterLayer* layer(int population) const; // nullptr if out of range
    QColor populationColor(int population) const;
    int rowOffset(int population) const;
    int totalRows() const { return totalRows_; }

    /// Visible time range in ms.
    QCPRange timeRange() const;
    void setTimeRange(const QCPRange& range);
    /// At most this many spikes in view of a population are drawn as dots, more as a density image.
    void setDotThreshold(std::size_t spikes);

    /// The densest mode any population used in the last replot, and the spikes it drew in total.
    RasterDrawMode lastDrawMode() const;
    std::size_t lastVisibleSpikes() const;

    /// population,neuron,time (ms): one line per spike.
    QString csv() const override;
    void resetView() override;

signals:
    /// The visible time range (ms) changed, by the user or by setTimeRange.
    void timeRangeChanged(const QCPRange& range);

private:
    void rebuild();

    std::shared_ptr<const NetworkResult> result_;
    QVector<RasterLayer*> layers_;
    QVector<QCPItemStraightLine*> separators_;
    QCPItemText* emptyText_ = nullptr;
    int totalRows_ = 0;
    std::size_t dotThreshold_ = 20000;
};

} // namespace scs::ui
