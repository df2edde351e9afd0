// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a network run at a glance: raster, population rates, voltage traces, summary table.
#pragma once

#include "network/NetworkResult.h"
#include "network/SpikeStatistics.h"

#include <QList>
#include <QVector>
#include <QWidget>

#include <memory>

class QCPAxisRect;
class QDoubleSpinBox;
class QLabel;
class QSplitter;

namespace scs::ui {

class NetworkSummaryTable;
class PopulationRatePlot;
class RasterPlot;
class TracePlot;

/// The four views of a NetworkResult in a vertical splitter, their time axes linked: zooming or
/// panning time in the raster, the rate plot or the traces moves the other two. The rate plot's
/// bin width and smoothing are set in the bar above it. The traces row is hidden when the result
/// has no recorded states. Malformed spikes (see SpikeStatistics.h) show their message in the bar
/// and empty the table; the raster still shows what it can.
class NetworkResultView : public QWidget {
    Q_OBJECT
public:
    explicit NetworkResultView(QWidget* parent = nullptr);

    void setResult(const NetworkResult& result); // copies once, shared by the views
    void setResult(std::shared_ptr<const NetworkResult> result);
    void clearResult();
    const std::shared_ptr<const NetworkResult>& result() const { return result_; }

    RasterPlot* raster() const { return raster_; }
    PopulationRatePlot* ratePlot() const { return rates_; }
    TracePlot* tracePlot() const { return traces_; }
    NetworkSummaryTable* summaryTable() const { return table_; }
    QDoubleSpinBox* binWidthBox() const { return binBox_; }     // ms
    QDoubleSpinBox* smoothingBox() const { return smoothBox_; } // ms
    QSplitter* splitter() const { return splitter_; }
    /// The last statistics error, empty when the statistics were computed.
    QString errorText() const;

    /// Shows `range` (ms) in every time axis, as a zoom by the user would.
    void setTimeRange(double fromMs, double toMs);

    /// At most this many monitored traces are plotted (one row each).
    static constexpr int kMaxTraceRows = 8;

private:
    void linkTimeAxes(const QObject* source, double lower, double upper);
    void connectTraceAxes();
    QList<QCPAxisRect*> plotRects() const;
    void alignLeftMargins();
    void fillTraces();

    std::shared_ptr<const NetworkResult> result_;
    QSplitter* splitter_ = nullptr;
    RasterPlot* raster_ = nullptr;
    PopulationRatePlot* rates_ = nullptr;
    TracePlot* traces_ = nullptr;
    NetworkSummaryTable* table_ = nullptr;
    QDoubleSpinBox* binBox_ = nullptr;
    QDoubleSpinBox* smoothBox_ = nullptr;
    QLabel* status_ = nullptr;
    QString error_;
    QVector<QMetaObject::Connection> traceLinks_;
    bool linking_ = false;
};

} // namespace scs::ui
