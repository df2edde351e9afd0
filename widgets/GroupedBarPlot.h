// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — bars grouped by category: several series side by side per category.
#pragma once

#include "PlotBase.h"

#include <QStringList>
#include <QVector>

namespace scs::ui {

/// One group of bars per category (a synthesis target), one bar per series (LUTs, flip-flops) in
/// each group, a legend naming the series. Non-finite values are drawn as no bar and written as
/// "nan" in the CSV. Main thread only.
class GroupedBarPlot : public PlotBase {
    Q_OBJECT
public:
    explicit GroupedBarPlot(QWidget* parent = nullptr);

    /// `values[s][c]` is series `s` in category `c`; every row has categories.size() entries
    /// (missing ones count as NaN).
    void setGroups(const QStringList& categories, const QStringList& seriesNames,
                   const QVector<QVector<double>>& values, const QString& valueLabel);

    const QStringList& categories() const { return categories_; }
    const QStringList& seriesNames() const { return seriesNames_; }
    int seriesCount() const { return static_cast<int>(seriesNames_.size()); }
    /// The value given for (series, category); NaN when out of range or not given.
    double value(int series, int category) const;
    /// The bars of one series (null when out of range): one data point per finite value, keyed
    /// 1, 2, ... by category.
    QCPBars* bars(int series) const;
    const QString& valueLabel() const { return valueLabel_; }

    QString csv() const override;
    void resetView() override;

private:
    QCPBarsGroup* group_;
    QVector<QCPBars*> bars_;
    QStringList categories_, seriesNames_;
    QVector<QVector<double>> values_;
    QString valueLabel_;
};

} // namespace scs::ui
