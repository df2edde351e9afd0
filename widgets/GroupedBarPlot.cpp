// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — grouped bar chart.
#include "GroupedBarPlot.h"

#include "PlotData.h"

#include <QTextStream>

#include <cmath>
#include <limits>

namespace scs::ui {

GroupedBarPlot::GroupedBarPlot(QWidget* parent) : PlotBase(parent), group_(new QCPBarsGroup(this)) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    xAxis->grid()->setVisible(false);
    // Bars of one group touch only with a small gap, so the groups read as units.
    group_->setSpacingType(QCPBarsGroup::stAbsolute);
    group_->setSpacing(2);
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 220));
    legend->setBorderPen(QPen(QColor(200, 200, 200)));
    // One row across the top, so the legend covers as little of the bars as possible.
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

double GroupedBarPlot::value(int series, int category) const {
    if (series < 0 || series >= values_.size() || category < 0 || category >= values_[series].size())
        return std::numeric_limits<double>::quiet_NaN();
    return values_[series][category];
}

QCPBars* GroupedBarPlot::bars(int series) const {
    return series >= 0 && series < bars_.size() ? bars_[series] : nullptr;
}

void GroupedBarPlot::setGroups(const QStringList& categories, const QStringList& seriesNames,
                               const QVector<QVector<double>>& values, const QString& valueLabel) {
    group_->clear();
    clearPlottables();
    bars_.clear();
    categories_ = categories;
    seriesNames_ = seriesNames;
    valueLabel_ = valueLabel;
    values_.clear();
    const int n = static_cast<int>(seriesNames.size());
    // Bars share 70 % of a category's width, whatever the number of series.
    const double width = n > 0 ? 0.7 / n : 0.7;
    for (int s = 0; s < n; ++s) {
        QVector<double> row = values.value(s);
        row.resize(categories.size(), std::numeric_limits<double>::quiet_NaN());
        values_ << row;
        auto* b = new QCPBars(xAxis, yAxis);
        b->setName(seriesNames[s]);
        const QColor c = paletteColor(s == 1 ? 4 : s); // blue and orange: distinct in greyscale too
        b->setPen(QPen(c.darker(120)));
        b->setBrush(c);
        b->setWidth(width);
        b->setBarsGroup(group_);
        for (int c2 = 0; c2 < row.size(); ++c2)
            if (std::isfinite(row[c2])) b->addData(c2 + 1, row[c2]);
        bars_ << b;
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int c = 0; c < categories.size(); ++c) ticker->addTick(c + 1, categories[c]);
    xAxis->setTicker(ticker);
    xAxis->setSubTicks(false);
    xAxis->setTickLength(0, 0);
    yAxis->setLabel(valueLabel);
    legend->setVisible(n > 1);
    resetView();
}

void GroupedBarPlot::resetView() {
    xAxis->setRange(0.4, std::max<double>(1, static_cast<double>(categories_.size())) + 0.6);
    double hi = 0;
    for (const QVector<double>& row : values_)
        for (double v : row)
            if (std::isfinite(v)) hi = std::max(hi, v);
    // Headroom for the legend row in the top right corner.
    yAxis->setRange(0, hi > 0 ? hi * 1.3 : 1);
    replot(rpQueuedReplot);
}

QString GroupedBarPlot::csv() const {
    QString out;
    QTextStream s(&out);
    s << "category";
    for (const QString& name : seriesNames_) s << ',' << name;
    s << '\n';
    for (int c = 0; c < categories_.size(); ++c) {
        s << categories_[c];
        for (int series = 0; series < seriesCount(); ++series) {
            const double v = value(series, c);
            s << ',' << (std::isfinite(v) ? QString::number(v, 'g', 10) : QStringLiteral("nan"));
        }
        s << '\n';
    }
    return out;
}

} // namespace scs::ui
