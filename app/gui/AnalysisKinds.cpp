// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the list of analyses.
#include "AnalysisKinds.h"

#include "SeriesPlot.h"

#include <cmath>

namespace scs::ui {

const std::vector<AnalysisKind>& analysisKinds() {
    static const std::vector<AnalysisKind> kinds = {
        fiCurveAnalysis(),   bifurcationAnalysis(),       sensitivityAnalysis(),   heatmapAnalysis(),
        staAnalysis(),       frequencyResponseAnalysis(), firingPatternAnalysis(), characterisationAnalysis(),
        precisionAnalysis(),
        floatFixedAnalysis(),
    };
    return kinds;
}

const AnalysisKind* findAnalysisKind(const QString& id) {
    for (const AnalysisKind& k : analysisKinds())
        if (k.id == id) return &k;
    return nullptr;
}

QVector<double> scaled(const std::vector<double>& v, double scale) {
    QVector<double> out;
    out.reserve(static_cast<qsizetype>(v.size()));
    const double inv = scale != 0 ? 1.0 / scale : 1.0;
    for (double x : v) out << x * inv;
    return out;
}

QString cell(double value, int digits) {
    return std::isfinite(value) ? QString::number(value, 'g', digits) : QStringLiteral("n/a");
}

void fitWithMargin(SeriesPlot* plot) {
    plot->rescaleAxes();
    const QCPRange y = plot->yAxis->range();
    const double pad = y.size() > 0 ? y.size() * 0.06 : std::max(std::abs(y.center()) * 0.1, 1e-9);
    plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void drawAsPoints(SeriesPlot* plot, double size) {
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* g = plot->graph(i);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, g->pen().color(), size));
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void useLogX(SeriesPlot* plot) {
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    fitWithMargin(plot);
}

} // namespace scs::ui
