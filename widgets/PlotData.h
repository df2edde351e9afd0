// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — plain data the plot widgets draw (already in display units).
#pragma once

#include <QColor>
#include <QString>
#include <QVector>

namespace scs::ui {

/// One curve: y against x, labelled with its quantity name and display unit.
struct PlotSeries {
    QString name;    // "v", "f-I (rk4)"
    QString unit;    // "mV"; "" when dimensionless
    QVector<double> x;
    QVector<double> y;
    QColor color;    // invalid: the plot picks one from its palette

    QString label() const { return unit.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, unit); }
};

/// What a trace plot shows: one row per state, the drive, and spike times, on one time axis.
/// Every `states[i].y` and `drive.y` has `time.size()` samples (or the drive is empty).
struct TraceData {
    QString timeUnit = QStringLiteral("ms");
    QVector<double> time;          // in timeUnit
    QVector<PlotSeries> states;    // x left empty: the shared `time` is used
    PlotSeries drive;              // empty y: no drive row
    QVector<double> spikeTimes;    // in timeUnit
};

/// A regular grid of values for a heatmap: z[row][col], row along y, col along x.
struct HeatmapData {
    QString xLabel, yLabel, zLabel;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1; // centres of the first and last cells
    QVector<QVector<double>> z;                    // z.size() rows of equal length
};

/// What a phase-plane view shows: all in display units of the two chosen states.
struct PhasePlaneData {
    QString xLabel, yLabel;
    QVector<double> trajectoryX, trajectoryY;
    /// Vector field arrows: at (x[i], y[i]) the direction (dx[i], dy[i]) in the same units per time.
    QVector<double> fieldX, fieldY, fieldDx, fieldDy;
    /// Nullclines: each a list of polylines (NaN in x or y breaks a line).
    struct Nullcline { QString name; QVector<double> x, y; QColor color; };
    QVector<Nullcline> nullclines;
};

/// Colours that stay distinct on white and in greyscale print (Tableau 10 order).
QColor paletteColor(int index);

} // namespace scs::ui
