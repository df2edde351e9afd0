// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a trajectory in the plane of two states, with nullclines and a vector field.
#pragma once

#include "PlotBase.h"
#include "PlotData.h"

#include <QComboBox>

namespace scs::ui {

/// Draws plain data only (see PhasePlaneData): it computes nothing about the model. Arrows are
/// drawn with equal length (direction only) and shaded by speed, since the two axes usually have
/// different units. The trajectory (20,000 samples for a typical run) is handed to QCustomPlot
/// simplified to half a pixel for the axes and size shown (see simplifyPolyline), and again
/// whenever they change (zoom, pan, resize), so zooming in shows full detail; `phasePlane()` and
/// `csv()` keep every sample. Arrows and nullcline curves are reused from run to run (a slider
/// drag replaces the data many times a second).
class PhasePlaneView : public PlotBase {
    Q_OBJECT
public:
    explicit PhasePlaneView(QWidget* parent = nullptr);

    void setPhasePlane(const PhasePlaneData& data);
    /// Replaces only the trajectory (display units, NaN breaks a line), keeping the field and
    /// nullclines: during a slider drag the trajectory follows at once, the field later. When the
    /// axes and the start point stay as they are, only the trajectory's own layer is redrawn.
    void setTrajectory(const QVector<double>& x, const QVector<double>& y);
    const PhasePlaneData& phasePlane() const { return data_; }
    /// Shows a message instead of a plot (a model with one state has no phase plane).
    void setMessage(const QString& message);
    int arrowCount() const { return arrowCount_; }
    /// Points of the trajectory handed to QCustomPlot for the current axes (after simplification).
    int drawnTrajectoryPoints() const { return trajectory_->dataCount(); }

    QString csv() const override;
    void resetView() override;

private:
    void drawField();
    void setNullclines();
    /// Sets both axes to the data's extent (trajectory, nullclines, field) plus 5 %.
    void fitAxes();
    /// Redraws the trajectory's buffered layer alone (falls back to a full replot when needed).
    void replotTrajectory();
    /// After each layout pass: simplifies the trajectory again if the data, axes or size changed.
    void updateTrajectory();

    PhasePlaneData data_;
    QCPCurve* trajectory_ = nullptr;
    QCPGraph* start_ = nullptr;
    QVector<QCPCurve*> nullclines_;
    QVector<QCPItemLine*> arrows_; // the first `arrowCount_` are shown, the rest hidden for reuse
    QCPItemText* message_ = nullptr;
    int arrowCount_ = 0;
    // What the drawn trajectory was simplified for; `trajectoryDirty_` forces the next update.
    bool trajectoryDirty_ = false;
    bool trajectoryReplotQueued_ = false;
    QCPRange drawnX_, drawnY_;
    QSize drawnSize_;
    QVector<QPointF> pixels_, simplified_;   // reused buffers
    QVector<double> drawnXData_, drawnYData_;
};

/// The phase-plane view with two combo boxes choosing which states are on the axes.
class PhasePlanePanel : public QWidget {
    Q_OBJECT
public:
    explicit PhasePlanePanel(QWidget* parent = nullptr);

    PhasePlaneView* view() const { return view_; }
    /// Keeps the current choice when the names still exist; else x = first, y = second state.
    void setStateNames(const QStringList& names);
    int xIndex() const { return x_->currentIndex(); }
    int yIndex() const { return y_->currentIndex(); }

signals:
    void axesChanged(int xIndex, int yIndex);

private:
    QComboBox* x_;
    QComboBox* y_;
    PhasePlaneView* view_;
};

} // namespace scs::ui
