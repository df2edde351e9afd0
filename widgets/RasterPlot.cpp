// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — spike raster: layout, labels and legend around one RasterLayer per population.
#include "RasterPlot.h"

#include "PlotData.h"

#include <QTextStream>

namespace scs::ui {

RasterPlot::RasterPlot(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setToolTip(tr("Drag to pan, scroll to zoom (time and neurons), right-click to export or reset the view"));
    xAxis->setLabel(tr("time (ms)"));
    yAxis->setLabel(tr("population"));
    yAxis->setRangeReversed(true); // the first population on top, in legend order
    yAxis->grid()->setVisible(false);
    yAxis->setSubTicks(false);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());

    // The legend goes in a row above the axis rect: inside it would hide spikes.
    legend->setVisible(true);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);
    plotLayout()->setRowSpacing(0);

    emptyText_ = new QCPItemText(this);
    emptyText_->position->setType(QCPItemPosition::ptAxisRectRatio);
    emptyText_->position->setCoords(0.5, 0.5);
    emptyText_->setText(tr("No spikes yet: run a network"));
    emptyText_->setColor(QColor(120, 120, 120));
    emptyText_->setClipToAxisRect(false);

    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) { emit timeRangeChanged(range); });
    rebuild();
}

void RasterPlot::setResult(std::shared_ptr<const NetworkResult> result) {
    result_ = std::move(result);
    rebuild();
    resetView();
}

void RasterPlot::setResult(const NetworkResult& result) { setResult(std::make_shared<const NetworkResult>(result)); }

void RasterPlot::clearResult() { setResult(std::shared_ptr<const NetworkResult>()); }

void RasterPlot::rebuild() {
    for (RasterLayer* l : layers_) removePlottable(l);
    layers_.clear();
    for (QCPItemStraightLine* line : separators_) removeItem(line);
    separators_.clear();
    totalRows_ = 0;

    auto ticker = qSharedPointerCast<QCPAxisTickerText>(yAxis->ticker());
    ticker->clear();
    std::size_t spikes = 0;
    const int populations = result_ ? static_cast<int>(result_->spikes.size()) : 0;
    for (int i = 0; i < populations; ++i) {
        const PopulationSpikes& p = result_->spikes[static_cast<std::size_t>(i)];
        if (i > 0) {
            auto* line = new QCPItemStraightLine(this);
            line->point1->setCoords(0, totalRows_ - 0.5);
            line->point2->setCoords(1, totalRows_ - 0.5);
            line->setPen(QPen(QColor(190, 190, 190), 0, Qt::DashLine));
            separators_.push_back(line);
        }
        auto* layer = new RasterLayer(xAxis, yAxis, result_, i, totalRows_, paletteColor(i));
        const QString name = QString::fromStdString(p.name.empty() ? p.populationId : p.name);
        layer->setName(tr("%1 (%2 neurons, %3 spikes)").arg(name).arg(p.size).arg(p.count()));
        layer->setDotThreshold(dotThreshold_);
        layers_.push_back(layer);
        ticker->addTick(totalRows_ + (std::max(1, p.size) - 1) / 2.0, name);
        totalRows_ += std::max(0, p.size);
        spikes += p.count();
    }
    emptyText_->setVisible(spikes == 0);
    emptyText_->setText(result_ ? tr("No spikes in this run") : tr("No spikes yet: run a network"));
    legend->setVisible(!layers_.isEmpty());
}

RasterLayer* RasterPlot::layer(int population) const {
    return population >= 0 && population < layers_.size() ? layers_[population] : nullptr;
}

QColor RasterPlot::populationColor(int population) const {
    const RasterLayer* l = layer(population);
    return l ? l->color() : QColor();
}

int RasterPlot::rowOffset(int population) const {
    const RasterLayer* l = layer(population);
    return l ? l->rowOffset() : -1;
}

QCPRange RasterPlot::timeRange() const { return xAxis->range(); }

void RasterPlot::setTimeRange(const QCPRange& range) {
    xAxis->setRange(range);
    replot(QCustomPlot::rpQueuedReplot);
}

void RasterPlot::setDotThreshold(std::size_t spikes) {
    dotThreshold_ = spikes;
    for (RasterLayer* l : layers_) l->setDotThreshold(spikes);
}

RasterDrawMode RasterPlot::lastDrawMode() const {
    RasterDrawMode mode = RasterDrawMode::None;
    for (const RasterLayer* l : layers_)
        if (static_cast<int>(l->lastDrawMode()) > static_cast<int>(mode)) mode = l->lastDrawMode();
    return mode;
}

std::size_t RasterPlot::lastVisibleSpikes() const {
    std::size_t n = 0;
    for (const RasterLayer* l : layers_) n += l->lastVisibleSpikes();
    return n;
}

void RasterPlot::resetView() {
    const double duration = result_ ? result_->duration() * 1e3 : 0;
    xAxis->setRange(0, duration > 0 ? duration : 1);
    yAxis->setRange(-0.5, std::max(1, totalRows_) - 0.5);
    replot(QCustomPlot::rpQueuedReplot);
}

QString RasterPlot::csv() const {
    QString out;
    QTextStream s(&out);
    s << "population,neuron,time (ms)\n";
    if (!result_) return out;
    const double dtMs = result_->dt * 1e3;
    for (const PopulationSpikes& p : result_->spikes) {
        const QString name = QString::fromStdString(p.name.empty() ? p.populationId : p.name);
        for (std::size_t k = 0; k < p.count(); ++k)
            s << name << ',' << p.neurons[k] << ',' << QString::number(p.steps[k] * dtMs, 'g', 10) << '\n';
    }
    return out;
}

} // namespace scs::ui
