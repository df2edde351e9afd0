// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analyses over the model's parameters: sensitivity and the 2-D rate heatmap.
#include "AnalysisKinds.h"

#include "AnalysisResultView.h"
#include "BarPlot.h"
#include "HeatmapPlot.h"

#include "analysis/ParameterHeatmap.h"
#include "analysis/Sensitivity.h"

#include <QCoreApplication>

#include <cmath>

namespace scs::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("scs::ui::Analyses", text); }

scs::RateMeasure rateMeasure(const std::string& id) {
    if (id == scs::toString(scs::RateMeasure::SpikeCount)) return scs::RateMeasure::SpikeCount;
    if (id == scs::toString(scs::RateMeasure::MeanIsi)) return scs::RateMeasure::MeanIsi;
    throw std::runtime_error("unknown rate measure '" + id + "'");
}

FormField rateMeasureField(scs::RateMeasure preset) {
    FormField f = field::choice("rate", QCoreApplication::translate("scs::ui::Analyses", "Rate measure"),
                                tr("Spike count: spikes per second in the window. Mean ISI: 1 / mean interval, "
                                   "exact for periodic firing (no ±1 spike quantisation)."),
                                {scs::toString(scs::RateMeasure::MeanIsi), scs::toString(scs::RateMeasure::SpikeCount)},
                                scs::toString(preset));
    f.choiceLabels = {tr("1 / mean ISI"), tr("spike count")};
    return f;
}

/// The parameter to put against the drive: the first other one the catalogue gives a range.
std::string secondParameter(const AnalysisContext& c, const std::string& first) {
    for (const ParameterRow& r : c.parameters)
        if (r.name.toStdString() != first && c.entry.range(r.name.toStdString())) return r.name.toStdString();
    for (const ParameterRow& r : c.parameters)
        if (r.name.toStdString() != first) return r.name.toStdString();
    return first;
}

} // namespace

AnalysisKind sensitivityAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("sensitivity");
    k.title = tr("Sensitivity");
    k.menuText = tr("Parameter &Sensitivity");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+E"));
    k.hint = tr("How the firing rate responds to a small change of each parameter: elasticity = % rate change per "
                "% parameter change.");
    k.fields = [](const AnalysisContext&) {
        FormField perturbation =
            field::number("perturbation", tr("Perturbation"),
                          tr("Each parameter is run at ± this fraction of its value"), 0.05, 1e-4, 0.9);
        perturbation.kind = FormField::Kind::Quantity;
        perturbation.unit = QStringLiteral("%");
        perturbation.scale = 0.01;
        return QVector<FormField>{
            perturbation,
            field::time("transient", tr("Transient"), tr("Time discarded before the rate is measured"), 0),
            rateMeasureField(scs::RateMeasure::MeanIsi),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const FormValues v(values);
        scs::SensitivitySettings s;
        s.perturbation = v.real("perturbation");
        s.transient = v.real("transient");
        s.rate = rateMeasure(v.text("rate"));
        return [model = c.model, base = c.base, s](scs::JobContext* job) -> std::any {
            return scs::runSensitivity(model, base, s, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext& c, AnalysisResultView& view) {
        const auto& r = std::any_cast<const scs::SensitivityResult&>(any);
        QStringList names;
        QVector<double> elasticity;
        QVector<QStringList> rows;
        for (std::size_t i : r.ranking) {
            const std::string& p = r.parameters[i];
            names << QString::fromStdString(p);
            elasticity << r.elasticity[i];
            rows.push_back({QString::fromStdString(p), c.show(r.values[i], p), cell(r.elasticity[i], 3),
                            cell(r.rateMinus[i]), cell(r.ratePlus[i]), QString::fromStdString(r.notes[i])});
        }
        BarPlot* bars = view.barPlot(0);
        view.keepPlots(1);
        bars->setBars(names, elasticity, tr("elasticity (d ln rate / d ln p)"));
        view.setTable(
            {tr("parameter"), tr("value"), tr("elasticity"), tr("rate − (Hz)"), tr("rate + (Hz)"), tr("note")}, rows);
        const bool ranked = !r.ranking.empty() && std::isfinite(r.elasticity[r.ranking.front()]);
        const QString top = ranked ? QString::fromStdString(r.parameters[r.ranking.front()]) : QString();
        view.setHeadline(ranked ? tr("most sensitive: %1").arg(top) : tr("no sensitivity"));
        view.setSummary(
            ranked ? tr("Base rate %1 Hz. Elasticity of %2: %3 (a 1 % increase changes the rate by about %3 %).")
                         .arg(cell(r.baseRate), top, cell(r.elasticity[r.ranking.front()], 3))
                   : tr("Base rate %1 Hz: a silent neuron has no rate to be sensitive.").arg(cell(r.baseRate)));
        return ranked ? tr("Sensitivity: %1 matters most (elasticity %2)")
                            .arg(top, cell(r.elasticity[r.ranking.front()], 3))
                      : tr("Sensitivity: base rate %1 Hz").arg(cell(r.baseRate));
    };
    return k;
}

AnalysisKind heatmapAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("heatmap");
    k.title = tr("Rate heatmap");
    k.menuText = tr("Parameter &Heatmap");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+H"));
    k.hint = tr("Firing rate over a grid of two parameters: one run per cell (x points × y points runs).");
    k.fields = [](const AnalysisContext& c) {
        const std::string x = !c.drive.empty() ? c.drive : c.parameterNames().value(0).toStdString();
        const std::string y = secondParameter(c, x);
        return QVector<FormField>{
            field::parameterChoice("x_parameter", tr("x parameter"), tr("Parameter along the x axis"), c, x),
            field::sweepBound("x_min", tr("x from"), tr("Lowest x value"), c, "x_parameter", x,
                              FormField::Bound::Lower),
            field::sweepBound("x_max", tr("x to"), tr("Highest x value"), c, "x_parameter", x, FormField::Bound::Upper),
            field::count("x_points", tr("x points"), tr("Grid columns"), 15, 1, 400),
            field::parameterChoice("y_parameter", tr("y parameter"), tr("Parameter along the y axis"), c, y),
            field::sweepBound("y_min", tr("y from"), tr("Lowest y value"), c, "y_parameter", y,
                              FormField::Bound::Lower),
            field::sweepBound("y_max", tr("y to"), tr("Highest y value"), c, "y_parameter", y, FormField::Bound::Upper),
            field::count("y_points", tr("y points"), tr("Grid rows"), 15, 1, 400),
            field::time("transient", tr("Transient"), tr("Time discarded before the rate is measured"), 0),
            rateMeasureField(scs::RateMeasure::SpikeCount),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const FormValues v(values);
        scs::HeatmapSettings s;
        s.xParameter = v.text("x_parameter");
        s.xMin = v.real("x_min");
        s.xMax = v.real("x_max");
        s.xPoints = v.count("x_points");
        s.yParameter = v.text("y_parameter");
        s.yMin = v.real("y_min");
        s.yMax = v.real("y_max");
        s.yPoints = v.count("y_points");
        s.transient = v.real("transient");
        s.rate = rateMeasure(v.text("rate"));
        return [model = c.model, base = c.base, s](scs::JobContext* job) -> std::any {
            return scs::runHeatmap(model, base, s, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext& c, AnalysisResultView& view) {
        const auto& r = std::any_cast<const scs::HeatmapResult&>(any);
        const double xs = c.unitOf(r.xParameter).scale, ys = c.unitOf(r.yParameter).scale;
        HeatmapData d;
        d.xLabel = c.axisLabel(r.xParameter);
        d.yLabel = c.axisLabel(r.yParameter);
        d.zLabel = tr("rate (Hz)");
        d.xMin = r.xValues.front() / xs;
        d.xMax = r.xValues.back() / xs;
        d.yMin = r.yValues.front() / ys;
        d.yMax = r.yValues.back() / ys;
        int failed = 0;
        for (std::size_t j = 0; j < r.yValues.size(); ++j) {
            QVector<double> row;
            for (std::size_t i = 0; i < r.xValues.size(); ++i) {
                row << r.at(i, j);
                if (!std::isfinite(r.at(i, j))) ++failed;
            }
            d.z << row;
        }
        view.heatmapPlot(0)->setHeatmap(d);
        view.keepPlots(1);
        view.setTable({}, {});
        view.setHeadline(tr("rate %1 … %2 Hz").arg(cell(r.minRate, 3), cell(r.maxRate, 3)));
        view.setSummary(tr("%1 × %2 runs over %3 and %4%5.")
                            .arg(r.xValues.size())
                            .arg(r.yValues.size())
                            .arg(QString::fromStdString(r.xParameter), QString::fromStdString(r.yParameter))
                            .arg(failed ? tr("; %1 runs failed (blank cells)").arg(failed) : QString()));
        return tr("Heatmap: rate %1 … %2 Hz over %3 × %4")
            .arg(cell(r.minRate, 3), cell(r.maxRate, 3), QString::fromStdString(r.xParameter),
                 QString::fromStdString(r.yParameter));
    };
    return k;
}

} // namespace scs::ui
