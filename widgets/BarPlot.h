// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — bar charts: one bar per named item (sensitivities) or a histogram (ISIs).
#pragma once

#include "PlotBase.h"

#include <QStringList>
#include <QVector>

namespace scs::ui {

/// Either named bars (categories on the x axis; positive and negative values in two colours, so
/// the sign of an elasticity reads at a glance) or a histogram (numeric bins). Non-finite values
/// are drawn as no bar and written as "nan" in the CSV.
class BarPlot : public PlotBase {
    Q_OBJECT
public:
    explicit BarPlot(QWidget* parent = nullptr);

    /// One bar per label, in the given order.
    void setBars(const QStringList& labels, const QVector<double>& values, const QString& valueLabel);
    /// Bins centred on `centres`, `binWidth` wide (x units).
    void setHistogram(const QVector<double>& centres, const QVector<double>& counts, double binWidth,
                      const QString& xLabel, const QString& yLabel);

    const QStringList& labels() const { return labels_; }
    const QVector<double>& values() const { return values_; }
    /// Histogram mode: the bin centres; named bars: 1, 2, ... per label.
    const QVector<double>& keys() const { return keys_; }
    bool isHistogram() const { return labels_.isEmpty() && !keys_.isEmpty(); }
    double binWidth() const;
    const QString& keyLabel() const { return keyLabel_; }
    const QString& valueLabel() const { return valueLabel_; }
    /// Bars drawn (finite, non-zero values).
    int barCount() const;

    QString csv() const override;
    void resetView() override;

private:
    void clearBars();

    QCPBars* positive_ = nullptr;
    QCPBars* negative_ = nullptr;
    QStringList labels_; // categorical mode: names; histogram mode: empty
    QVector<double> keys_;
    QVector<double> values_;
    QString keyLabel_, valueLabel_;
};

} // namespace scs::ui
