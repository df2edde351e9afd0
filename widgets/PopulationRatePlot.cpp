// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — population rate curves computed from the spikes.
#include "PopulationRatePlot.h"

#include "PlotData.h"

#include "network/SpikeStatistics.h"

#include <algorithm>
#include <stdexcept>

namespace scs::ui {

PopulationRatePlot::PopulationRatePlot(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    xAxis->setLabel(tr("time (ms)"));
    yAxis->setLabel(tr("rate (Hz)"));
    message_ = new QCPItemText(this);
    message_->position->setType(QCPItemPosition::ptAxisRectRatio);
    message_->position->setCoords(0.5, 0.5);
    message_->setColor(QColor(120, 120, 120));
    message_->setClipToAxisRect(false);
    message_->setText(tr("No rates yet: run a network"));
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) { emit timeRangeChanged(range); });
}

void PopulationRatePlot::setResult(std::shared_ptr<const NetworkResult> result) {
    result_ = std::move(result);
    recompute();
    resetView();
}

void PopulationRatePlot::setBinWidth(double seconds) {
    if (!(seconds > 0) || seconds == binWidth_) return;
    binWidth_ = seconds;
    recompute();
    replot(QCustomPlot::rpQueuedReplot);
}

void PopulationRatePlot::setSmoothing(double sigmaSeconds) {
    sigmaSeconds = std::max(0.0, sigmaSeconds);
    if (sigmaSeconds == sigma_) return;
    sigma_ = sigmaSeconds;
    recompute();
    replot(QCustomPlot::rpQueuedReplot);
}

void PopulationRatePlot::recompute() {
    clearGraphs();
    error_.clear();
    if (!result_) {
        message_->setText(tr("No rates yet: run a network"));
        message_->setVisible(true);
        return;
    }
    const double binMs = binWidth_ * 1e3;
    const double endMs = result_->duration() * 1e3;
    double top = 0;
    try {
        for (std::size_t i = 0; i < result_->spikes.size(); ++i) {
            const PopulationSpikes& p = result_->spikes[i];
            const std::vector<double> rate = computeBinnedRate(p, result_->dt, result_->steps, binWidth_, sigma_);
            QVector<double> x, y;
            x.reserve(static_cast<int>(rate.size()) + 1);
            y.reserve(static_cast<int>(rate.size()) + 1);
            for (std::size_t b = 0; b < rate.size(); ++b) {
                const double start = static_cast<double>(b) * binMs;
                x << (sigma_ > 0 ? std::min(start + binMs / 2, (start + endMs) / 2) : start);
                y << rate[b];
                top = std::max(top, rate[b]);
            }
            if (sigma_ == 0 && !rate.empty()) { // close the last step at the end of the run
                x << endMs;
                y << rate.back();
            }
            QCPGraph* g = addGraph();
            g->setName(QString::fromStdString(p.name.empty() ? p.populationId : p.name));
            g->setPen(QPen(paletteColor(static_cast<int>(i)), 1.3));
            g->setLineStyle(sigma_ > 0 ? QCPGraph::lsLine : QCPGraph::lsStepLeft);
            g->setData(x, y, true);
        }
    } catch (const std::exception& e) {
        clearGraphs();
        error_ = QString::fromStdString(e.what());
    }
    yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    message_->setText(error_.isEmpty() ? tr("No populations") : error_);
    message_->setVisible(!error_.isEmpty() || graphCount() == 0);
}

void PopulationRatePlot::setTimeRange(const QCPRange& range) {
    xAxis->setRange(range);
    replot(QCustomPlot::rpQueuedReplot);
}

void PopulationRatePlot::resetView() {
    const double duration = result_ ? result_->duration() * 1e3 : 0;
    xAxis->setRange(0, duration > 0 ? duration : 1);
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace scs::ui
