// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a population's raster drawn as dots or as a per-pixel density image.
#include "RasterLayer.h"

#include <QImage>
#include <QPaintDevice>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scs::ui {

/// The part of the population in view and the linear map from (step, row) to device pixels.
struct RasterLayer::View {
    const PopulationSpikes* spikes = nullptr;
    std::size_t begin = 0, end = 0;  // spikes whose step is in the visible time range
    int neuronLo = 0, neuronHi = -1; // visible neurons, inclusive
    double ax = 0, bx = 0;           // x pixel = ax * step + bx
    double ay = 0, by = 0;           // y pixel = ay * row + by (row = rowOffset + neuron)
    QRect clip;
};

RasterLayer::RasterLayer(QCPAxis* keyAxis, QCPAxis* valueAxis, std::shared_ptr<const NetworkResult> result,
                         int population, int rowOffset, const QColor& color)
    : QCPAbstractPlottable(keyAxis, valueAxis), result_(std::move(result)), population_(population),
      rowOffset_(rowOffset), color_(color) {
    setPen(QPen(color));
    setBrush(QBrush(color));
    setSelectable(QCP::stNone);
}

int RasterLayer::rows() const {
    if (!result_ || population_ < 0 || population_ >= static_cast<int>(result_->spikes.size())) return 0;
    return result_->spikes[static_cast<std::size_t>(population_)].size;
}

double RasterLayer::selectTest(const QPointF&, bool, QVariant*) const { return -1; }

QCPRange RasterLayer::getKeyRange(bool& foundRange, QCP::SignDomain) const {
    foundRange = result_ && result_->steps > 0;
    return foundRange ? QCPRange(0, result_->duration() * 1e3) : QCPRange();
}

QCPRange RasterLayer::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const {
    foundRange = rows() > 0;
    return QCPRange(rowOffset_ - 0.5, rowOffset_ + std::max(1, rows()) - 0.5);
}

bool RasterLayer::computeView(View& v) const {
    if (rows() <= 0 || !mKeyAxis || !mValueAxis) return false;
    const PopulationSpikes& p = result_->spikes[static_cast<std::size_t>(population_)];
    if (p.steps.empty() || p.steps.size() != p.neurons.size()) return false;
    v.spikes = &p;
    const double dtMs = result_->dt * 1e3;
    const QCPRange keys = mKeyAxis->range();
    const double lo = std::floor(keys.lower / dtMs), hi = std::ceil(keys.upper / dtMs);
    constexpr double kMax = std::numeric_limits<std::int32_t>::max();
    const auto loStep = static_cast<std::int32_t>(std::clamp(lo, -1.0, kMax));
    const auto hiStep = static_cast<std::int32_t>(std::clamp(hi, -1.0, kMax));
    v.begin = static_cast<std::size_t>(std::lower_bound(p.steps.begin(), p.steps.end(), loStep) - p.steps.begin());
    v.end = static_cast<std::size_t>(std::upper_bound(p.steps.begin(), p.steps.end(), hiStep) - p.steps.begin());
    const QCPRange values = mValueAxis->range();
    const double rowLo = std::ceil(values.lower - 0.5) - rowOffset_;
    const double rowHi = std::floor(values.upper + 0.5) - rowOffset_;
    v.neuronLo = static_cast<int>(std::clamp(rowLo, 0.0, static_cast<double>(p.size)));
    v.neuronHi = static_cast<int>(std::clamp(rowHi, -1.0, static_cast<double>(p.size - 1)));
    if (v.begin >= v.end || v.neuronLo > v.neuronHi) return false;
    v.bx = mKeyAxis->coordToPixel(0);
    v.ax = mKeyAxis->coordToPixel(dtMs) - v.bx;
    v.by = mValueAxis->coordToPixel(0);
    v.ay = mValueAxis->coordToPixel(1) - v.by;
    v.clip = clipRect();
    return v.clip.width() > 0 && v.clip.height() > 0;
}

void RasterLayer::draw(QCPPainter* painter) {
    lastMode_ = RasterDrawMode::None;
    lastVisible_ = 0;
    View v;
    if (!computeView(v)) return;
    std::size_t inView = v.end - v.begin;
    if (inView > dotThreshold_ && (v.neuronLo > 0 || v.neuronHi < v.spikes->size - 1)) {
        // Zoomed in on rows: count the spikes really in view (one cheap pass) before choosing.
        inView = 0;
        for (std::size_t k = v.begin; k < v.end; ++k) {
            const int n = v.spikes->neurons[k];
            inView += n >= v.neuronLo && n <= v.neuronHi;
        }
    }
    if (inView <= dotThreshold_)
        drawDots(painter, v);
    else
        drawDensity(painter, v);
}

void RasterLayer::drawDots(QCPPainter* painter, const View& v) {
    const double w = std::clamp(std::abs(v.ax), 2.0, 4.0);
    const double h = std::clamp(std::abs(v.ay) * 0.8, 2.0, 6.0);
    QVector<QRectF> rects;
    rects.reserve(static_cast<int>(std::min<std::size_t>(v.end - v.begin, dotThreshold_ + 1)));
    for (std::size_t k = v.begin; k < v.end; ++k) {
        const int n = v.spikes->neurons[k];
        if (n < v.neuronLo || n > v.neuronHi) continue;
        const double x = v.ax * v.spikes->steps[k] + v.bx;
        const double y = v.ay * (rowOffset_ + n) + v.by;
        rects.push_back(QRectF(x - w / 2, y - h / 2, w, h));
    }
    lastVisible_ = static_cast<std::size_t>(rects.size());
    lastMode_ = RasterDrawMode::Dots;
    painter->save();
    painter->setAntialiasing(false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color_);
    painter->drawRects(rects);
    painter->restore();
}

void RasterLayer::drawDensity(QCPPainter* painter, const View& v) {
    const QPaintDevice* device = painter->device();
    const double dpr = device ? std::max(1.0, device->devicePixelRatioF()) : 1.0;
    const int W = static_cast<int>(std::ceil(v.clip.width() * dpr));
    const int H = static_cast<int>(std::ceil(v.clip.height() * dpr));
    // In device pixels, relative to the clip rect's corner.
    const double ax = v.ax * dpr, bx = (v.bx - v.clip.left()) * dpr;
    const double ay = v.ay * dpr, by = (v.by - v.clip.top()) * dpr;
    const int spikeW = std::clamp(static_cast<int>(std::abs(ax)), 1, 3);
    const double halfH = std::clamp(std::abs(ay) * 0.4, 0.0, 2.0 * dpr);

    // Pixel rows of every visible neuron, once per replot (O(neurons)): the spike loop then does
    // no floating point. The image covers only this population's band, so the pixel work of all
    // populations together is one axis rect, however many there are.
    rowTop_.assign(static_cast<std::size_t>(v.neuronHi - v.neuronLo + 1), -1);
    int bandLo = H, bandHi = -1, rowSpan = 1;
    for (int n = v.neuronLo; n <= v.neuronHi; ++n) {
        // Clamped, not skipped: QCustomPlot maps the range ends up to a pixel outside the rect
        // (QRect::bottom() is top + height - 1), and the first or last row must still show.
        const double yc = ay * (rowOffset_ + n) + by;
        const int y0 = std::clamp(static_cast<int>(std::floor(yc - halfH)), 0, H - 1);
        const int y1 = std::clamp(static_cast<int>(std::floor(yc + halfH)), 0, H - 1);
        rowTop_[static_cast<std::size_t>(n - v.neuronLo)] = y0;
        rowSpan = std::max(rowSpan, y1 - y0 + 1);
        bandLo = std::min(bandLo, y0);
        bandHi = std::max(bandHi, y1);
    }
    lastMode_ = RasterDrawMode::Density;
    if (bandHi < bandLo) return;
    const int bandH = bandHi - bandLo + 1;
    counts_.assign(static_cast<std::size_t>(W) * static_cast<std::size_t>(bandH), 0);

    std::size_t drawn = 0;
    const std::int32_t* steps = v.spikes->steps.data();
    const std::int32_t* neurons = v.spikes->neurons.data();
    std::int32_t lastStep = -1;
    int x0 = -1;
    for (std::size_t k = v.begin; k < v.end; ++k) {
        if (steps[k] != lastStep) { // steps are sorted: one column computation per time step
            lastStep = steps[k];
            x0 = static_cast<int>(std::floor(ax * lastStep + bx));
        }
        if (x0 < 0 || x0 >= W) continue;
        const unsigned n = static_cast<unsigned>(neurons[k] - v.neuronLo);
        if (n >= rowTop_.size()) continue;
        const int top = rowTop_[n];
        if (top < 0) continue;
        ++drawn;
        const int y1 = std::min(bandHi, top + rowSpan - 1) - bandLo;
        const int x1 = std::min(W - 1, x0 + spikeW - 1);
        for (int y = top - bandLo; y <= y1; ++y) {
            std::uint16_t* row = counts_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(W);
            for (int x = x0; x <= x1; ++x) row[x] += row[x] < 0xFFFF;
        }
    }
    lastVisible_ = drawn;
    if (drawn == 0) return;
    const std::uint16_t maxCount = *std::max_element(counts_.begin(), counts_.end());
    // Alpha from 35 % (one spike) to 100 % (the densest pixel) on a log scale: single spikes stay
    // visible next to dense bursts. Premultiplied ARGB, one entry per possible count.
    std::vector<QRgb> lut(static_cast<std::size_t>(maxCount) + 1, 0);
    const double logMax = std::log1p(static_cast<double>(maxCount));
    for (std::size_t c = 1; c < lut.size(); ++c) {
        const double level = logMax > 0 ? 0.35 + 0.65 * std::log1p(static_cast<double>(c)) / logMax : 1.0;
        const int a = static_cast<int>(std::lround(255 * std::min(1.0, level)));
        lut[c] = qRgba(color_.red() * a / 255, color_.green() * a / 255, color_.blue() * a / 255, a);
    }
    QImage image(W, bandH, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < bandH; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const std::uint16_t* row = counts_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(W);
        for (int x = 0; x < W; ++x) line[x] = lut[row[x]];
    }
    painter->drawImage(QRectF(v.clip.left(), v.clip.top() + bandLo / dpr, W / dpr, bandH / dpr), image);
}

void RasterLayer::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
    const double side = std::min(rect.width(), rect.height()) * 0.7;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color_);
    painter->drawRect(QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side));
}

} // namespace scs::ui
