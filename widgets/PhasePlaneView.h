// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a trajectory in the plane of two states, with nullclines and a vector field.
#pragma once

#include "PlotBase.h"
#include "PlotData.h"

#include <QComboBox>

namespace scs::ui {

/// Draws plain data only (see PhasePlaneData): it computes nothing about the model. Arrows are
/// drawn with equal length (direction only) and shaded by speed, since the two axes usually have
/// different units.
class PhasePlaneView : public PlotBase {
    Q_OBJECT
public:
    explicit PhasePlaneView(QWidget* parent = nullptr);

    void setPhasePlane(const PhasePlaneData& data);
    const PhasePlaneData& phasePlane() const { return data_; }
    /// Shows a message instead of a plot (a model with one state has no phase plane).
    void setMessage(const QString& message);
    int arrowCount() const { return arrowCount_; }

    QString csv() const override;
    void resetView() override;

private:
    void drawField();

    PhasePlaneData data_;
    QCPCurve* trajectory_ = nullptr;
    QCPGraph* start_ = nullptr;
    QVector<QCPCurve*> nullclines_;
    QCPItemText* message_ = nullptr;
    int arrowCount_ = 0;
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
