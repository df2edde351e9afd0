// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — bar chart.
#include "BarPlot.h"

#include "PlotData.h"

#include <QTextStream>

#include <cmath>

namespace scs::ui {

BarPlot::BarPlot(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    xAxis->grid()->setVisible(false);
}

void BarPlot::clearBars() {
    clearPlottables();
    positive_ = negative_ = nullptr;
}

int BarPlot::barCount() const {
    int n = 0;
    for (const QCPBars* b : {positive_, negative_})
        if (b) n += b->data()->size();
    return n;
}

void BarPlot::setBars(const QStringList& labels, const QVector<double>& values, const QString& valueLabel) {
    clearBars();
    labels_ = labels;
    values_ = values;
    keys_.clear();
    keyLabel_ = tr("parameter");
    valueLabel_ = valueLabel;
    positive_ = new QCPBars(xAxis, yAxis);
    negative_ = new QCPBars(xAxis, yAxis);
    positive_->setName(tr("positive"));
    negative_->setName(tr("negative"));
    const QColor up = paletteColor(0), down = paletteColor(1);
    positive_->setPen(QPen(up.darker(120)));
    positive_->setBrush(up);
    negative_->setPen(QPen(down.darker(120)));
    negative_->setBrush(down);
    positive_->setWidth(0.65);
    negative_->setWidth(0.65);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < labels.size() && i < values.size(); ++i) {
        const double key = i + 1;
        keys_ << key;
        ticker->addTick(key, labels[i]);
        const double v = values[i];
        if (!std::isfinite(v) || v == 0) continue;
        (v > 0 ? positive_ : negative_)->addData(key, v);
    }
    xAxis->setTicker(ticker);
    xAxis->setTickLabelRotation(labels.size() > 8 ? 60 : 0);
    xAxis->setSubTicks(false);
    xAxis->setLabel(QString());
    yAxis->setLabel(valueLabel);
    resetView();
}

void BarPlot::setHistogram(const QVector<double>& centres, const QVector<double>& counts, double binWidth,
                           const QString& xLabel, const QString& yLabel) {
    clearBars();
    labels_.clear();
    keys_ = centres;
    values_ = counts;
    keyLabel_ = xLabel;
    valueLabel_ = yLabel;
    positive_ = new QCPBars(xAxis, yAxis);
    positive_->setName(yLabel);
    const QColor c = paletteColor(0);
    positive_->setPen(QPen(c.darker(130)));
    positive_->setBrush(QColor(c.red(), c.green(), c.blue(), 190));
    positive_->setWidth(binWidth > 0 ? binWidth : 1.0);
    for (int i = 0; i < centres.size() && i < counts.size(); ++i)
        if (std::isfinite(counts[i])) positive_->addData(centres[i], counts[i]);
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    xAxis->setTickLabelRotation(0);
    xAxis->setSubTicks(true);
    xAxis->setLabel(xLabel);
    yAxis->setLabel(yLabel);
    resetView();
}

double BarPlot::binWidth() const { return positive_ ? positive_->width() : 1.0; }

void BarPlot::resetView() {
    if (keys_.isEmpty()) {
        replot(rpQueuedReplot);
        return;
    }
    const double halfWidth = positive_ ? positive_->width() / 2 : 0.5;
    xAxis->setRange(keys_.front() - halfWidth * 1.6, keys_.back() + halfWidth * 1.6);
    double lo = 0, hi = 0;
    for (double v : values_)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (hi == lo) hi = lo + 1;
    const double pad = (hi - lo) * 0.08;
    yAxis->setRange(lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0);
    replot(rpQueuedReplot);
}

QString BarPlot::csv() const {
    QString out;
    QTextStream s(&out);
    s << (labels_.isEmpty() ? keyLabel_ : QStringLiteral("name")) << ',' << valueLabel_ << '\n';
    for (int i = 0; i < values_.size(); ++i) {
        const QString key = labels_.isEmpty() ? QString::number(keys_.value(i), 'g', 10) : labels_.value(i);
        s << key << ',' << (std::isfinite(values_[i]) ? QString::number(values_[i], 'g', 10) : QStringLiteral("nan"))
          << '\n';
    }
    return out;
}

} // namespace scs::ui
