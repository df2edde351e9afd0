// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one population's spikes as a QCustomPlot plottable that draws only what the pixels show.
#pragma once

#include "network/NetworkResult.h"

#include <qcustomplot.h>

#include <memory>

namespace scs::ui {

/// How a raster layer drew its spikes in the last replot.
enum class RasterDrawMode {
    None,    // nothing of this population is in view
    Dots,    // each visible spike a small rectangle (few spikes: vector output, exact positions)
    Density, // spikes binned into the pixel grid of the visible range, shaded by count
};

/// Draws population `population` of a NetworkResult at key = time (ms), value = `rowOffset` +
/// neuron index. Every replot bins again for the visible range, so zoom and pan cost one pass over
/// the spikes whose time is in view (found by binary search: steps are in time order), never more.
/// With up to `dotThreshold` spikes in view each is drawn as a dot; above that they are counted into
/// a pixel grid (QImage of the axis rect, device pixels) whose alpha grows with the log of the count.
/// Axes must be linear. Not thread-safe: drawn on the GUI thread like every QCustomPlot item.
class RasterLayer : public QCPAbstractPlottable {
public:
    RasterLayer(QCPAxis* keyAxis, QCPAxis* valueAxis, std::shared_ptr<const NetworkResult> result, int population,
                int rowOffset, const QColor& color);

    int population() const { return population_; }
    int rowOffset() const { return rowOffset_; }
    int rows() const;
    QColor color() const { return color_; }
    void setDotThreshold(std::size_t spikes) { dotThreshold_ = spikes; }

    RasterDrawMode lastDrawMode() const { return lastMode_; }
    std::size_t lastVisibleSpikes() const { return lastVisible_; } // in the time range and rows drawn

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    struct View; // the visible slice and its pixel mapping
    bool computeView(View& v) const;
    void drawDots(QCPPainter* painter, const View& v);
    void drawDensity(QCPPainter* painter, const View& v);

    std::shared_ptr<const NetworkResult> result_;
    int population_ = 0;
    int rowOffset_ = 0;
    QColor color_;
    std::size_t dotThreshold_ = 20000;
    RasterDrawMode lastMode_ = RasterDrawMode::None;
    std::size_t lastVisible_ = 0;
    std::vector<std::uint16_t> counts_; // pixel grid of the band, reused across replots
    std::vector<int> rowTop_;           // first pixel row of each visible neuron, -1 if none
};

} // namespace scs::ui
