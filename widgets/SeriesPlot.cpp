// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — generic x/y series plot.
#include "SeriesPlot.h"

#include <QTextStream>

namespace scs::ui {

SeriesPlot::SeriesPlot(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    legend->setVisible(false);
    legend->setBrush(QBrush(QColor(255, 255, 255, 220)));
    legend->setBorderPen(QPen(QColor(200, 200, 200)));
}

void SeriesPlot::setTitle(const QString& title) {
    if (!title_) {
        plotLayout()->insertRow(0);
        title_ = new QCPTextElement(this, title, QFont(font().family(), font().pointSize() + 1, QFont::Bold));
        plotLayout()->addElement(0, 0, title_);
    }
    title_->setText(title);
    replot(rpQueuedReplot);
}

void SeriesPlot::setAxisLabels(const QString& x, const QString& y) {
    xAxis->setLabel(x);
    yAxis->setLabel(y);
    replot(rpQueuedReplot);
}

void SeriesPlot::setSeries(const QVector<PlotSeries>& series) {
    series_ = series;
    clearGraphs();
    for (int i = 0; i < series_.size(); ++i) {
        const PlotSeries& s = series_[i];
        QCPGraph* g = addGraph();
        g->setName(s.name);
        const QColor c = s.color.isValid() ? s.color : paletteColor(i);
        g->setPen(QPen(c, 1.6));
        if (showPoints_ && s.x.size() <= 200)
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, Qt::white, 5));
        // Keys need not be sorted (a bifurcation branch may fold back), so keep the given order.
        g->setData(s.x, s.y, false);
    }
    legend->setVisible(series_.size() > 1);
    rescaleAxes();
    replot(rpQueuedReplot);
}

QString SeriesPlot::csv() const {
    QString out;
    QTextStream s(&out);
    for (int i = 0; i < series_.size(); ++i) {
        const PlotSeries& ps = series_[i];
        if (i) s << '\n';
        s << "# " << ps.name << '\n' << xAxis->label() << ',' << yAxis->label() << '\n';
        for (int k = 0; k < std::min(ps.x.size(), ps.y.size()); ++k)
            s << QString::number(ps.x[k], 'g', 10) << ',' << QString::number(ps.y[k], 'g', 10) << '\n';
    }
    return out;
}

} // namespace scs::ui
