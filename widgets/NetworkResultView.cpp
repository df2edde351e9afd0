// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — raster, rates, traces and statistics of one network run, time-linked.
#include "NetworkResultView.h"

#include "NetworkSummaryTable.h"
#include "PlotData.h"
#include "PopulationRatePlot.h"
#include "RasterPlot.h"
#include "TracePlot.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace scs::ui {

NetworkResultView::NetworkResultView(QWidget* parent) : QWidget(parent) {
    raster_ = new RasterPlot(this);
    rates_ = new PopulationRatePlot(this);
    traces_ = new TracePlot(this);
    table_ = new NetworkSummaryTable(this);

    binBox_ = new QDoubleSpinBox(this);
    binBox_->setRange(0.1, 1000);
    binBox_->setDecimals(1);
    binBox_->setSuffix(tr(" ms"));
    binBox_->setValue(rates_->binWidth() * 1e3);
    binBox_->setToolTip(tr("Width of the bins the population rate is counted in"));
    smoothBox_ = new QDoubleSpinBox(this);
    smoothBox_->setRange(0, 1000);
    smoothBox_->setDecimals(1);
    smoothBox_->setSuffix(tr(" ms"));
    smoothBox_->setSpecialValueText(tr("none"));
    smoothBox_->setToolTip(tr("Standard deviation of the Gaussian the binned rate is smoothed with"));
    status_ = new QLabel(this);
    status_->setStyleSheet(QStringLiteral("color: #b00020"));
    status_->setWordWrap(true);

    auto* rateBox = new QWidget(this);
    auto* rateLayout = new QVBoxLayout(rateBox);
    rateLayout->setContentsMargins(0, 0, 0, 0);
    rateLayout->setSpacing(2);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Rate bin"), rateBox));
    bar->addWidget(binBox_);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Smoothing σ"), rateBox));
    bar->addWidget(smoothBox_);
    bar->addSpacing(12);
    bar->addWidget(status_, 1);
    rateLayout->addLayout(bar);
    rateLayout->addWidget(rates_, 1);

    splitter_ = new QSplitter(Qt::Vertical, this);
    splitter_->addWidget(raster_);
    splitter_->addWidget(rateBox);
    splitter_->addWidget(traces_);
    splitter_->addWidget(table_);
    splitter_->setStretchFactor(0, 5);
    splitter_->setStretchFactor(1, 2);
    splitter_->setStretchFactor(2, 2);
    splitter_->setStretchFactor(3, 1);
    splitter_->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);

    connect(binBox_, &QDoubleSpinBox::valueChanged, this, [this](double ms) { rates_->setBinWidth(ms * 1e-3); });
    connect(smoothBox_, &QDoubleSpinBox::valueChanged, this, [this](double ms) { rates_->setSmoothing(ms * 1e-3); });
    connect(raster_, &RasterPlot::timeRangeChanged, this,
            [this](const QCPRange& r) { linkTimeAxes(raster_, r.lower, r.upper); });
    connect(rates_, &PopulationRatePlot::timeRangeChanged, this,
            [this](const QCPRange& r) { linkTimeAxes(rates_, r.lower, r.upper); });
    for (QCustomPlot* plot : std::initializer_list<QCustomPlot*>{raster_, rates_, traces_})
        connect(plot, &QCustomPlot::afterLayout, this, &NetworkResultView::alignLeftMargins);
    clearResult();
}

void NetworkResultView::setResult(const NetworkResult& result) {
    setResult(std::make_shared<const NetworkResult>(result));
}

void NetworkResultView::clearResult() { setResult(std::shared_ptr<const NetworkResult>()); }

void NetworkResultView::setResult(std::shared_ptr<const NetworkResult> result) {
    result_ = std::move(result);
    // New labels may be narrower: let every plot find its own left margin again.
    for (QCPAxisRect* rect : plotRects()) {
        const QMargins m = rect->minimumMargins(); // only the left one is ours; keep QCustomPlot's others
        rect->setMinimumMargins(QMargins(0, m.top(), m.right(), m.bottom()));
    }
    linking_ = true; // each view resets itself to the whole run: no need to relay that
    raster_->setResult(result_);
    rates_->setResult(result_);
    fillTraces();
    linking_ = false;
    error_.clear();
    if (result_) {
        try {
            table_->setStatistics(computeNetworkStatistics(*result_));
        } catch (const std::exception& e) {
            error_ = QString::fromStdString(e.what());
            table_->clearStatistics();
        }
    } else {
        table_->clearStatistics();
    }
    status_->setText(error_);
    // Lay the plots out now (margins only, no drawing) so the alignment starts from each plot's own
    // new margin, not from the widened one of the previous result.
    for (QCustomPlot* plot : std::initializer_list<QCustomPlot*>{raster_, rates_, traces_})
        for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
            plot->plotLayout()->update(phase);
    alignLeftMargins();
}

QString NetworkResultView::errorText() const { return error_; }

void NetworkResultView::fillTraces() {
    const bool any = result_ && !result_->traces.empty();
    traces_->setVisible(any);
    if (!any) {
        traces_->clearTraces();
        return;
    }
    TraceData data;
    data.timeUnit = QStringLiteral("ms");
    const int rows = std::min<int>(kMaxTraceRows, static_cast<int>(result_->traces.size()));
    std::size_t samples = 0;
    for (int i = 0; i < rows; ++i)
        samples = std::max(samples, result_->traces[static_cast<std::size_t>(i)].values.size());
    data.time.resize(static_cast<int>(samples));
    for (std::size_t k = 0; k < samples; ++k)
        data.time[static_cast<int>(k)] = static_cast<double>(k) * result_->dt * 1e3;
    std::set<std::pair<std::string, int>> traced;
    for (int i = 0; i < rows; ++i) {
        const StateTrace& t = result_->traces[static_cast<std::size_t>(i)];
        int population = 0;
        QString popName = QString::fromStdString(t.populationId);
        for (std::size_t p = 0; p < result_->spikes.size(); ++p)
            if (result_->spikes[p].populationId == t.populationId) {
                population = static_cast<int>(p);
                if (!result_->spikes[p].name.empty()) popName = QString::fromStdString(result_->spikes[p].name);
            }
        PlotSeries s;
        s.name = QStringLiteral("%1[%2] %3").arg(popName).arg(t.neuron).arg(QString::fromStdString(t.variable));
        s.unit = QString::fromStdString(t.unit);
        s.color = paletteColor(population);
        const double scale = t.scale != 0 ? t.scale : 1.0;
        s.y.resize(static_cast<int>(samples));
        for (std::size_t k = 0; k < samples; ++k)
            s.y[static_cast<int>(k)] =
                k < t.values.size() ? t.values[k] / scale : std::numeric_limits<double>::quiet_NaN();
        data.states.push_back(s);
        traced.insert({t.populationId, t.neuron});
    }
    // The spike row marks the spikes of every traced neuron.
    for (const PopulationSpikes& p : result_->spikes)
        for (std::size_t k = 0; k < p.count(); ++k)
            if (traced.count({p.populationId, p.neurons[k]})) data.spikeTimes << p.steps[k] * result_->dt * 1e3;
    traces_->setTraceData(data);
    connectTraceAxes();
}

void NetworkResultView::connectTraceAxes() {
    // TracePlot rebuilds its axis rects when its rows change, so connect to the current ones only.
    for (const QMetaObject::Connection& c : traceLinks_) disconnect(c);
    traceLinks_.clear();
    for (QCPAxisRect* rect : traces_->axisRects()) {
        QCPAxis* time = rect->axis(QCPAxis::atBottom);
        traceLinks_ << connect(time, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                               [this](const QCPRange& r) { linkTimeAxes(traces_, r.lower, r.upper); });
    }
}

void NetworkResultView::linkTimeAxes(const QObject* source, double lower, double upper) {
    if (linking_) return;
    linking_ = true;
    const QCPRange range(lower, upper);
    if (source != raster_) raster_->setTimeRange(range);
    if (source != rates_) rates_->setTimeRange(range);
    if (source != traces_ && !traces_->isHidden() && traces_->rowCount() > 0) traces_->setTimeRange(range);
    linking_ = false;
}

QList<QCPAxisRect*> NetworkResultView::plotRects() const {
    QList<QCPAxisRect*> rects = raster_->axisRects() + rates_->axisRects();
    if (!traces_->isHidden()) rects += traces_->axisRects();
    return rects;
}

void NetworkResultView::alignLeftMargins() {
    // The plots are separate QCustomPlots, so a QCPMarginGroup cannot line up their time axes;
    // raising every left margin to the widest one does. Stable: a second pass changes nothing.
    const QList<QCPAxisRect*> rects = plotRects();
    int widest = 0;
    for (const QCPAxisRect* rect : rects) widest = std::max(widest, rect->margins().left());
    bool changed = false;
    for (QCPAxisRect* rect : rects) {
        const QMargins m = rect->minimumMargins();
        if (m.left() == widest) continue;
        rect->setMinimumMargins(QMargins(widest, m.top(), m.right(), m.bottom()));
        changed = true;
    }
    if (!changed) return;
    raster_->replot(QCustomPlot::rpQueuedReplot);
    rates_->replot(QCustomPlot::rpQueuedReplot);
    if (!traces_->isHidden()) traces_->replot(QCustomPlot::rpQueuedReplot);
}

void NetworkResultView::setTimeRange(double fromMs, double toMs) { linkTimeAxes(nullptr, fromMs, toMs); }

} // namespace scs::ui
