// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what one analysis shows: a headline, a summary, up to two plots and a table.
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QLabel;
class QSplitter;
class QTableWidget;

namespace scs::ui {

class BarPlot;
class HeatmapPlot;
class PlotBase;
class SeriesPlot;

/// A result page of the analysis panel. The headline is the answer in a word or two (a firing
/// pattern, a rheobase) and is hidden when empty; the summary is a line of detail; plots sit side
/// by side with the table (hidden when it has no rows) on the right. Asking for a plot of another
/// type at a slot replaces the plot there. Fed with plain display-unit data; main thread only.
class AnalysisResultView : public QWidget {
    Q_OBJECT
public:
    static constexpr int maxPlots = 2;

    explicit AnalysisResultView(QWidget* parent = nullptr);

    void setHeadline(const QString& text, const QColor& color = QColor());
    void setSummary(const QString& text);
    QString headline() const;
    QColor headlineColor() const { return headlineColor_; }
    QString summary() const;
    QLabel* headlineLabel() const { return headline_; }

    SeriesPlot* seriesPlot(int slot = 0);
    HeatmapPlot* heatmapPlot(int slot = 0);
    BarPlot* barPlot(int slot = 0);
    /// The plot at `slot`, or null.
    PlotBase* plot(int slot = 0) const;
    int plotCount() const;
    /// Removes the plots at `count` and beyond (a result that needs fewer than the last one).
    void keepPlots(int count);

    /// Rows of text under `header`; an empty header and no rows hide the table.
    void setTable(const QStringList& header, const QVector<QStringList>& rows);
    QTableWidget* table() const { return table_; }

signals:
    void plotActivated(scs::ui::PlotBase* plot);

private:
    template <class T>
    T* plotAt(int slot);

    QLabel* headline_;
    QColor headlineColor_;
    QLabel* summary_;
    QSplitter* splitter_;
    QVector<PlotBase*> plots_;
    QTableWidget* table_;
};

} // namespace scs::ui
