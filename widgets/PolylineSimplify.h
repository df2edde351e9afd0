// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — fewer points for the same picture: polyline simplification in pixels.
#pragma once

#include <QPointF>
#include <QVector>

namespace scs::ui {

/// Douglas-Peucker on points already in pixels: a point is dropped only when it lies within
/// `tolerancePx` of the segment drawn in its place, so the drawn line moves by at most
/// `tolerancePx`. NaN points break the line; each break is written as one NaN point and the first
/// and last point of every unbroken run are kept. `out` keeps its capacity across calls (plots call
/// this on every replot). Used by the trace and phase-plane plots: a wide antialiased pen costs
/// per segment, and a 20,000-sample run has far more segments than the plot has pixels.
void simplifyPolyline(const QVector<QPointF>& in, double tolerancePx, QVector<QPointF>& out);

/// The same for a line whose x never decreases (a time series after QCustomPlot's min/max per
/// pixel column), in one O(n) pass: a point is dropped only when the segment drawn in its place
/// passes within `tolerancePx` of it vertically. Where x goes back, every point is kept.
void simplifyTimeSeries(const QVector<QPointF>& in, double tolerancePx, QVector<QPointF>& out);

} // namespace scs::ui
