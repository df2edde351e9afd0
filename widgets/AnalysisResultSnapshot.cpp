// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analysis result pages to and from JSON.
#include "AnalysisResultSnapshot.h"

#include "AnalysisResultView.h"
#include "BarPlot.h"
#include "HeatmapPlot.h"
#include "SeriesPlot.h"

#include <QTableWidget>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace scs::ui {

using json = nlohmann::json;

namespace {

json numbers(const QVector<double>& values) {
    json a = json::array();
    for (double v : values) a.push_back(std::isfinite(v) ? json(v) : json(nullptr));
    return a;
}

QVector<double> readNumbers(const json& a) {
    QVector<double> values;
    for (const json& v : a) values << (v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
    return values;
}

QString text(const json& j, const char* key) { return QString::fromStdString(j.value(key, std::string())); }
std::string str(const QString& s) { return s.toStdString(); }

json strings(const QStringList& list) {
    json a = json::array();
    for (const QString& s : list) a.push_back(str(s));
    return a;
}

QStringList readStrings(const json& a) {
    QStringList list;
    for (const json& s : a) list << QString::fromStdString(s.get<std::string>());
    return list;
}

json range(const QCPAxis* axis) { return {axis->range().lower, axis->range().upper}; }

void applyRange(QCPAxis* axis, const json& r) {
    if (r.is_array() && r.size() == 2) axis->setRange(r[0].get<double>(), r[1].get<double>());
}

json seriesJson(const SeriesPlot& p) {
    json series = json::array();
    for (const PlotSeries& s : p.series())
        series.push_back({{"name", str(s.name)},
                          {"unit", str(s.unit)},
                          {"x", numbers(s.x)},
                          {"y", numbers(s.y)},
                          {"color", s.color.isValid() ? str(s.color.name()) : std::string()}});
    const bool points = p.graphCount() > 0 && p.graph(0)->lineStyle() == QCPGraph::lsNone;
    return {{"type", "series"},
            {"x_label", str(p.xAxis->label())},
            {"y_label", str(p.yAxis->label())},
            {"log_x", p.xAxis->scaleType() == QCPAxis::stLogarithmic},
            {"points_only", points},
            {"x_range", range(p.xAxis)},
            {"y_range", range(p.yAxis)},
            {"series", series}};
}

void restoreSeries(SeriesPlot& p, const json& j) {
    QVector<PlotSeries> series;
    for (const json& s : j.at("series")) {
        PlotSeries ps{text(s, "name"), text(s, "unit"), readNumbers(s.at("x")), readNumbers(s.at("y")), QColor()};
        if (!text(s, "color").isEmpty()) ps.color = QColor(text(s, "color"));
        series << ps;
    }
    p.setAxisLabels(text(j, "x_label"), text(j, "y_label"));
    p.setSeries(series);
    if (j.value("log_x", false)) {
        p.xAxis->setScaleType(QCPAxis::stLogarithmic);
        p.xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    }
    if (j.value("points_only", false))
        for (int i = 0; i < p.graphCount(); ++i) {
            QCPGraph* g = p.graph(i);
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, g->pen().color(), 4));
        }
    applyRange(p.xAxis, j.value("x_range", json()));
    applyRange(p.yAxis, j.value("y_range", json()));
    p.replot(QCustomPlot::rpQueuedReplot);
}

json heatmapJson(const HeatmapPlot& p) {
    const HeatmapData& d = p.heatmap();
    json rows = json::array();
    for (const QVector<double>& row : d.z) rows.push_back(numbers(row));
    return {{"type", "heatmap"},
            {"x_label", str(d.xLabel)},
            {"y_label", str(d.yLabel)},
            {"z_label", str(d.zLabel)},
            {"x", {d.xMin, d.xMax}},
            {"y", {d.yMin, d.yMax}},
            {"z", rows}};
}

void restoreHeatmap(HeatmapPlot& p, const json& j) {
    HeatmapData d;
    d.xLabel = text(j, "x_label");
    d.yLabel = text(j, "y_label");
    d.zLabel = text(j, "z_label");
    d.xMin = j.at("x").at(0).get<double>();
    d.xMax = j.at("x").at(1).get<double>();
    d.yMin = j.at("y").at(0).get<double>();
    d.yMax = j.at("y").at(1).get<double>();
    for (const json& row : j.at("z")) d.z << readNumbers(row);
    p.setHeatmap(d);
}

json barsJson(const BarPlot& p) {
    if (p.isHistogram())
        return {{"type", "histogram"},       {"centres", numbers(p.keys())}, {"counts", numbers(p.values())},
                {"bin_width", p.binWidth()}, {"x_label", str(p.keyLabel())}, {"y_label", str(p.valueLabel())}};
    return {{"type", "bars"},
            {"labels", strings(p.labels())},
            {"values", numbers(p.values())},
            {"y_label", str(p.valueLabel())}};
}

} // namespace

json snapshotOf(const AnalysisResultView& view) {
    json plots = json::array();
    for (int i = 0; i < view.plotCount(); ++i) {
        const PlotBase* plot = view.plot(i);
        if (const auto* s = qobject_cast<const SeriesPlot*>(plot))
            plots.push_back(seriesJson(*s));
        else if (const auto* h = qobject_cast<const HeatmapPlot*>(plot))
            plots.push_back(heatmapJson(*h));
        else if (const auto* b = qobject_cast<const BarPlot*>(plot))
            plots.push_back(barsJson(*b));
    }
    QStringList header;
    json rows = json::array();
    const QTableWidget* table = view.table();
    for (int c = 0; c < table->columnCount(); ++c)
        header << (table->horizontalHeaderItem(c) ? table->horizontalHeaderItem(c)->text() : QString());
    for (int r = 0; r < table->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < table->columnCount(); ++c)
            row << (table->item(r, c) ? table->item(r, c)->text() : QString());
        rows.push_back(strings(row));
    }
    return {{"headline", str(view.headline())},
            {"headline_color", view.headlineColor().isValid() ? str(view.headlineColor().name()) : std::string()},
            {"summary", str(view.summary())},
            {"plots", plots},
            {"table", {{"header", strings(header)}, {"rows", rows}}}};
}

void restoreSnapshot(AnalysisResultView& view, const json& snapshot) {
    const json& j = snapshot;
    try {
        const QString color = text(j, "headline_color");
        view.setHeadline(text(j, "headline"), color.isEmpty() ? QColor() : QColor(color));
        view.setSummary(text(j, "summary"));
        const json& plots = j.at("plots");
        int slot = 0;
        for (const json& p : plots) {
            const std::string type = p.at("type").get<std::string>();
            if (type == "series")
                restoreSeries(*view.seriesPlot(slot), p);
            else if (type == "heatmap")
                restoreHeatmap(*view.heatmapPlot(slot), p);
            else if (type == "histogram")
                view.barPlot(slot)->setHistogram(readNumbers(p.at("centres")), readNumbers(p.at("counts")),
                                                 p.at("bin_width").get<double>(), text(p, "x_label"),
                                                 text(p, "y_label"));
            else if (type == "bars")
                view.barPlot(slot)->setBars(readStrings(p.at("labels")), readNumbers(p.at("values")),
                                            text(p, "y_label"));
            else
                throw std::runtime_error("unknown plot type '" + type + "'");
            ++slot;
        }
        view.keepPlots(slot);
        QVector<QStringList> rows;
        for (const json& r : j.at("table").at("rows")) rows << readStrings(r);
        view.setTable(readStrings(j.at("table").at("header")), rows);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("the stored result is malformed (") + e.what() + ")");
    }
}

} // namespace scs::ui
