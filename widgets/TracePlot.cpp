// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — stacked, time-linked trace rows.
#include "TracePlot.h"

#include "PolylineSimplify.h"

#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace scs::ui {

namespace {

/// A trace row's graph. QCustomPlot already reduces a long trace to the min and max of each pixel
/// column (its adaptive sampling, recomputed for the visible range, so zooming shows every sample);
/// this also drops the points of that line that lie within half a pixel of the segment drawn
/// instead (slow stretches between spikes, a constant drive), so the wide pen strokes fewer
/// segments. Data, CSV and the zoomed view keep every sample: only the drawing is simplified.
class TraceGraph : public QCPGraph {
public:
    using QCPGraph::QCPGraph;

protected:
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override {
        simplifyTimeSeries(lines, 0.5, simplified_);
        QCPGraph::drawLinePlot(painter, simplified_);
    }

private:
    mutable QVector<QPointF> simplified_; // reused across replots
};

/// Range of finite values with a little headroom; a flat trace gets a visible band.
QCPRange valueRange(const QVector<double>& v) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double x : v) {
        if (!std::isfinite(x)) continue;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    if (!std::isfinite(lo)) return QCPRange(-1, 1);
    if (hi - lo < 1e-12 * std::max(1.0, std::abs(hi))) {
        const double pad = std::max(1e-9, std::abs(hi) * 0.1 + (hi == 0 ? 1 : 0));
        return QCPRange(lo - pad, hi + pad);
    }
    const double pad = (hi - lo) * 0.06;
    return QCPRange(lo - pad, hi + pad);
}

} // namespace

TracePlot::TracePlot(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Our pens are wider than 1 px: as one polyline, Qt strokes and fills the whole outline with
    // its joins (~7 ms per 20,000-sample trace row); as separate segments it draws ~10x faster and
    // looks the same at this width. Most of what keeps a slider drag near 16 ms per frame.
    setPlottingHint(QCP::phFastPolylines, true);
    margins_ = new QCPMarginGroup(this);
    clearTraces();
}

QString TracePlot::structureKey(const TraceData& d) const {
    QStringList parts;
    for (const PlotSeries& s : d.states) parts << s.name + '/' + s.unit;
    parts << (d.drive.y.isEmpty() ? QString() : d.drive.name + '/' + d.drive.unit) << d.timeUnit;
    return parts.join('|');
}

void TracePlot::clearTraces() {
    data_ = TraceData();
    structure_.clear();
    clearGraphs();
    clearItems();
    plotLayout()->clear();
    rows_.clear();
    driveGraph_ = spikeGraph_ = nullptr;
    spikeRect_ = nullptr;
    auto* rect = new QCPAxisRect(this);
    plotLayout()->addElement(0, 0, rect);
    styleAxisRect(rect);
    rect->axis(QCPAxis::atBottom)->setLabel(tr("time (ms)"));
    emptyText_ = new QCPTextElement(this, tr("No simulation yet: load a model or fix the errors"),
                                    QFont(font().family(), font().pointSize() + 1));
    emptyText_->setTextColor(QColor(120, 120, 120));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, emptyText_);
    replot();
}

QCPAxisRect* TracePlot::addRow(const QString& yLabel, int stretch) {
    auto* rect = new QCPAxisRect(this);
    const int row = plotLayout()->rowCount();
    plotLayout()->addElement(row, 0, rect);
    plotLayout()->setRowStretchFactor(row, stretch);
    styleAxisRect(rect);
    rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    rect->setRangeZoom(Qt::Horizontal);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins_);
    rect->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
    rect->setMargins(QMargins(0, 6, 0, 0));
    rect->axis(QCPAxis::atLeft)->setLabel(yLabel);
    rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(4);
    QCPAxis* time = rect->axis(QCPAxis::atBottom);
    time->setTickLabels(false);
    connect(time, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TracePlot::onTimeRangeChanged);
    return rect;
}

void TracePlot::rebuild() {
    clearGraphs();
    clearItems();
    plotLayout()->clear();
    rows_.clear();
    driveGraph_ = spikeGraph_ = nullptr;
    emptyText_ = nullptr;
    plotLayout()->setRowSpacing(2);

    for (int i = 0; i < data_.states.size(); ++i) {
        const PlotSeries& s = data_.states[i];
        QCPAxisRect* rect = addRow(s.label(), i == 0 ? 4 : 3);
        QCPGraph* g = new TraceGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        g->setName(s.name);
        g->setPen(QPen(s.color.isValid() ? s.color : paletteColor(i), 1.4));
        rows_.push_back({rect, g});
    }
    if (!data_.drive.y.isEmpty()) {
        QCPAxisRect* rect = addRow(data_.drive.label(), 2);
        driveGraph_ = new TraceGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        driveGraph_->setName(data_.drive.name);
        driveGraph_->setPen(QPen(QColor(110, 110, 110), 1.2));
        driveGraph_->setBrush(QBrush(QColor(110, 110, 110, 30)));
    }
    spikeRect_ = addRow(tr("spikes"), 1);
    spikeRect_->setRangeDrag(Qt::Horizontal);
    QCPAxis* spikeY = spikeRect_->axis(QCPAxis::atLeft);
    spikeY->setTicks(false);
    spikeY->setTickLabels(false);
    spikeY->grid()->setVisible(false);
    spikeY->setRange(0, 1.1);
    spikeGraph_ = addGraph(spikeRect_->axis(QCPAxis::atBottom), spikeY);
    spikeGraph_->setName(tr("spikes"));
    spikeGraph_->setLineStyle(QCPGraph::lsImpulse);
    spikeGraph_->setPen(QPen(QColor(20, 20, 20), 1.5));

    QCPAxis* bottom = spikeRect_->axis(QCPAxis::atBottom);
    bottom->setTickLabels(true);
    bottom->setLabel(tr("time (%1)").arg(data_.timeUnit));
}

void TracePlot::setTraceData(const TraceData& data) {
    const QString key = structureKey(data);
    const bool sameSpan = !data_.time.isEmpty() && !data.time.isEmpty() && data_.time.front() == data.time.front() &&
                          data_.time.back() == data.time.back();
    data_ = data;
    const bool restructure = key != structure_ || rows_.isEmpty();
    if (restructure) {
        structure_ = key;
        rebuild();
    }
    fillData(restructure || !sameSpan);
}

void TracePlot::fillData(bool rescaleTime) {
    for (int i = 0; i < rows_.size(); ++i) {
        const QVector<double>& y = data_.states[i].y;
        rows_[i].graph->setData(data_.time, y, true);
        rows_[i].rect->axis(QCPAxis::atLeft)->setRange(valueRange(y));
    }
    if (driveGraph_) {
        driveGraph_->setData(data_.time, data_.drive.y, true);
        driveGraph_->valueAxis()->setRange(valueRange(data_.drive.y));
    }
    if (spikeGraph_) {
        QVector<double> ones(data_.spikeTimes.size(), 1.0);
        spikeGraph_->setData(data_.spikeTimes, ones, true);
        spikeRect_->axis(QCPAxis::atLeft)
            ->setLabel(data_.spikeTimes.isEmpty() ? tr("spikes") : tr("spikes\n(%1)").arg(data_.spikeTimes.size()));
    }
    if (rescaleTime && !data_.time.isEmpty()) onTimeRangeChanged(QCPRange(data_.time.front(), data_.time.back()));
    replot(QCustomPlot::rpQueuedReplot);
}

void TracePlot::onTimeRangeChanged(const QCPRange& range) {
    if (syncing_) return;
    syncing_ = true;
    for (QCPAxisRect* rect : axisRects()) rect->axis(QCPAxis::atBottom)->setRange(range);
    syncing_ = false;
}

void TracePlot::setTimeRange(const QCPRange& range) {
    onTimeRangeChanged(range);
    replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* TracePlot::stateGraph(int index) const {
    return index >= 0 && index < rows_.size() ? rows_[index].graph : nullptr;
}

QCPRange TracePlot::timeRange() const {
    const QList<QCPAxisRect*> rects = axisRects();
    return rects.isEmpty() ? QCPRange() : rects.front()->axis(QCPAxis::atBottom)->range();
}

void TracePlot::resetView() {
    if (data_.time.isEmpty()) return;
    fillData(true);
}

QString TracePlot::csv() const {
    QString out;
    QTextStream s(&out);
    s << "time (" << data_.timeUnit << ')';
    for (const PlotSeries& st : data_.states) s << ',' << st.label();
    if (!data_.drive.y.isEmpty()) s << ',' << data_.drive.label();
    s << ",spike\n";
    // A sample is marked 1 when a spike time falls in [t_i, t_i+1).
    int spike = 0;
    for (int i = 0; i < data_.time.size(); ++i) {
        s << QString::number(data_.time[i], 'g', 10);
        for (const PlotSeries& st : data_.states)
            s << ',' << (i < st.y.size() ? QString::number(st.y[i], 'g', 10) : QString());
        if (!data_.drive.y.isEmpty())
            s << ',' << (i < data_.drive.y.size() ? QString::number(data_.drive.y[i], 'g', 10) : QString());
        const double next = i + 1 < data_.time.size() ? data_.time[i + 1] : std::numeric_limits<double>::infinity();
        bool fired = false;
        while (spike < data_.spikeTimes.size() && data_.spikeTimes[spike] < next) {
            fired = fired || data_.spikeTimes[spike] >= data_.time[i];
            ++spike;
        }
        s << ',' << (fired ? 1 : 0) << '\n';
    }
    return out;
}

} // namespace scs::ui
