// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a generic x/y plot of one or more series (f-I curves, sweeps, spectra).
#pragma once

#include "PlotBase.h"
#include "PlotData.h"

namespace scs::ui {

/// Lines with point markers; a legend when there is more than one series. All series share the
/// axes, labelled from the first series' unit and the given axis titles.
class SeriesPlot : public PlotBase {
    Q_OBJECT
public:
    explicit SeriesPlot(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setAxisLabels(const QString& x, const QString& y);
    void setSeries(const QVector<PlotSeries>& series);
    const QVector<PlotSeries>& series() const { return series_; }
    void setShowPoints(bool show) { showPoints_ = show; }

    QString csv() const override;

private:
    QVector<PlotSeries> series_;
    QCPTextElement* title_ = nullptr;
    bool showPoints_ = true;
};

} // namespace scs::ui
