// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — heatmap with colour scale.
#include "HeatmapPlot.h"

#include <QTextStream>

#include <cmath>

namespace scs::ui {

HeatmapPlot::HeatmapPlot(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setupFullAxesBox(true);
    map_ = new QCPColorMap(xAxis, yAxis);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    map_->setColorScale(scale_);
    // Viridis: perceptually uniform and readable in greyscale (QCustomPlot 2.1 lacks a preset).
    QCPColorGradient viridis;
    viridis.clearColorStops();
    viridis.setColorStopAt(0.0, QColor(68, 1, 84));
    viridis.setColorStopAt(0.25, QColor(59, 82, 139));
    viridis.setColorStopAt(0.5, QColor(33, 145, 140));
    viridis.setColorStopAt(0.75, QColor(94, 201, 98));
    viridis.setColorStopAt(1.0, QColor(253, 231, 37));
    map_->setGradient(viridis);
    map_->setInterpolate(false);
    auto* group = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);
}

void HeatmapPlot::setHeatmap(const HeatmapData& data) {
    data_ = data;
    const int rows = data.z.size();
    const int cols = rows ? data.z.front().size() : 0;
    map_->data()->setSize(cols, rows);
    map_->data()->setRange(QCPRange(data.xMin, data.xMax), QCPRange(data.yMin, data.yMax));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols && c < data.z[r].size(); ++c) {
            const double z = data.z[r][c];
            map_->data()->setCell(c, r, std::isfinite(z) ? z : 0.0);
            map_->data()->setAlpha(c, r, std::isfinite(z) ? 255 : 0);
        }
    xAxis->setLabel(data.xLabel);
    yAxis->setLabel(data.yLabel);
    scale_->axis()->setLabel(data.zLabel);
    resetView();
}

void HeatmapPlot::resetView() {
    map_->rescaleDataRange(true);
    rescaleAxes();
    replot(rpQueuedReplot);
}

QString HeatmapPlot::csv() const {
    // Long form (x, y, z) so any tool can pivot it back to a matrix.
    QString out;
    QTextStream s(&out);
    s << data_.xLabel << ',' << data_.yLabel << ',' << data_.zLabel << '\n';
    const int rows = data_.z.size();
    for (int r = 0; r < rows; ++r) {
        const int cols = data_.z[r].size();
        for (int c = 0; c < cols; ++c) {
            const double x = cols > 1 ? data_.xMin + (data_.xMax - data_.xMin) * c / (cols - 1) : data_.xMin;
            const double y = rows > 1 ? data_.yMin + (data_.yMax - data_.yMin) * r / (rows - 1) : data_.yMin;
            s << QString::number(x, 'g', 10) << ',' << QString::number(y, 'g', 10) << ','
              << QString::number(data_.z[r][c], 'g', 10) << '\n';
        }
    }
    return out;
}

} // namespace scs::ui
