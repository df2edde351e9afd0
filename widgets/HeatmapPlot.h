// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a 2-D parameter map (firing rate over two parameters, precision error, ...).
#pragma once

#include "PlotBase.h"
#include "PlotData.h"

namespace scs::ui {

/// A QCPColorMap with a colour scale. Non-finite cells (a run that diverged) are drawn as gaps.
class HeatmapPlot : public PlotBase {
    Q_OBJECT
public:
    explicit HeatmapPlot(QWidget* parent = nullptr);

    void setHeatmap(const HeatmapData& data);
    const HeatmapData& heatmap() const { return data_; }
    QCPColorMap* colorMap() const { return map_; }

    QString csv() const override;
    void resetView() override;

private:
    HeatmapData data_;
    QCPColorMap* map_ = nullptr;
    QCPColorScale* scale_ = nullptr;
};

} // namespace scs::ui
