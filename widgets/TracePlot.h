// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — state traces stacked vertically on one linked time axis, with spikes and drive.
#pragma once

#include "PlotBase.h"
#include "PlotData.h"

#include <QVector>

namespace scs::ui {

/// One axis rect per state variable (in its display unit), then the drive, then a thin spike
/// raster, all sharing the time axis: panning or zooming time in one row moves every row.
/// Setting data with the same rows as before only swaps the data (cheap, for slider drags);
/// the time range the user zoomed to is kept while the run's duration stays the same.
class TracePlot : public PlotBase {
    Q_OBJECT
public:
    explicit TracePlot(QWidget* parent = nullptr);

    void setTraceData(const TraceData& data);
    const TraceData& traceData() const { return data_; }
    void clearTraces();

    int rowCount() const { return static_cast<int>(rows_.size()); }
    QCPGraph* stateGraph(int index) const; // nullptr if out of range
    QCPGraph* driveGraph() const { return driveGraph_; }
    QCPGraph* spikeGraph() const { return spikeGraph_; }
    /// The shared time range (display units) every row shows.
    QCPRange timeRange() const;
    /// Shows `range` (display units) in every row, as a zoom by the user would.
    void setTimeRange(const QCPRange& range);

    QString csv() const override;
    void resetView() override;

private:
    struct Row {
        QCPAxisRect* rect = nullptr;
        QCPGraph* graph = nullptr;
    };
    void rebuild();
    void fillData(bool rescaleTime);
    void onTimeRangeChanged(const QCPRange& range);
    QCPAxisRect* addRow(const QString& yLabel, int stretch);
    QString structureKey(const TraceData& d) const;

    TraceData data_;
    QString structure_;
    QVector<Row> rows_;
    QCPGraph* driveGraph_ = nullptr;
    QCPGraph* spikeGraph_ = nullptr;
    QCPAxisRect* spikeRect_ = nullptr;
    QCPMarginGroup* margins_ = nullptr;
    QCPTextElement* emptyText_ = nullptr;
    bool syncing_ = false;
};

} // namespace scs::ui
