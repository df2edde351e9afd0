// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — tabs of analysis plots (f-I curve, heatmaps, ...) fed with plain data.
#pragma once

#include "HeatmapPlot.h"
#include "SeriesPlot.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace scs::ui {

/// A tab per analysis. Tabs are created on first use by title and reused afterwards, so feeding a
/// new result replaces the old plot's data. Shows a hint while no analysis has run.
class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisPanel(QWidget* parent = nullptr);

    SeriesPlot* seriesTab(const QString& title);
    HeatmapPlot* heatmapTab(const QString& title);
    /// A tab's plot (nullptr when there is none).
    PlotBase* plot(const QString& title) const;
    QTabWidget* tabs() const { return tabs_; }
    void clear();
    /// Extra controls above the tabs (run buttons the application wires).
    void setToolbar(QWidget* toolbar);

signals:
    void plotActivated(scs::ui::PlotBase* plot);

private:
    void add(PlotBase* plot, const QString& title);

    QTabWidget* tabs_;
    QStackedWidget* stack_;
    QLabel* hint_;
};

} // namespace scs::ui
