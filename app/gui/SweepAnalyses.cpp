// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analyses that sweep one value: f-I curve, bifurcation, frequency response.
#include "AnalysisKinds.h"

#include "AnalysisResultView.h"
#include "SeriesPlot.h"

#include "analysis/Bifurcation.h"
#include "analysis/FiCurve.h"
#include "analysis/FrequencyResponse.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace scs::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("scs::ui::Analyses", text); }

void requireDrive(const AnalysisContext& c, const char* what) {
    if (c.drive.empty())
        throw std::runtime_error(std::string(what) + " needs a drive parameter: the model has no '" + c.base.drive +
                                 "'");
}

} // namespace

AnalysisKind fiCurveAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("fi_curve");
    k.title = tr("f-I curve");
    k.menuText = tr("&f-I Curve");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+F"));
    k.hint = tr("Firing rate against a constant drive, with the rheobase (the smallest drive that fires).");
    k.fields = [](const AnalysisContext& c) {
        return QVector<FormField>{
            field::sweepBound("min", tr("Drive from"), tr("Lowest constant drive"), c, {}, c.drive,
                              FormField::Bound::Lower),
            field::sweepBound("max", tr("Drive to"), tr("Highest constant drive"), c, {}, c.drive,
                              FormField::Bound::Upper),
            field::count("points", tr("Points"), tr("Drive values on the grid"), 25, 2, 2000),
            field::time("transient", tr("Transient"), tr("Time discarded before the rate is measured"), 0),
            field::count("refinements", tr("Rheobase refinements"),
                         tr("Rounds that narrow the rheobase between a silent and a firing drive"), 2, 0, 10),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        requireDrive(c, "an f-I curve");
        const FormValues v(values);
        scs::FiCurveSettings s;
        s.driveMin = v.real("min");
        s.driveMax = v.real("max");
        s.points = v.count("points");
        s.transient = v.real("transient");
        s.rheobaseRefinements = v.count("refinements");
        scs::SimulationSettings base = c.base;
        base.protocol.reset(); // the sweep holds the drive constant
        return [model = c.model, base, s](scs::JobContext* job) -> std::any {
            return scs::runFiCurve(model, base, s, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext& c, AnalysisResultView& view) {
        const auto& r = std::any_cast<const scs::FiCurveResult&>(any);
        const double scale = c.unitOf(r.drive).scale;
        PlotSeries rate{tr("steady rate"), QStringLiteral("Hz"), scaled(r.drives, scale), scaled(r.rate), {}};
        PlotSeries first{
            tr("first ISI rate"), QStringLiteral("Hz"), scaled(r.drives, scale), scaled(r.firstIsiRate), {}};
        SeriesPlot* plot = view.seriesPlot(0);
        view.keepPlots(1);
        plot->setAxisLabels(c.axisLabel(r.drive), tr("firing rate (Hz)"));
        plot->setSeries({rate, first});
        fitWithMargin(plot);
        QVector<QStringList> rows;
        for (std::size_t i = 0; i < r.drives.size(); ++i)
            rows.push_back(
                {cell(r.drives[i] / scale), cell(r.rate[i]), cell(r.firstIsiRate[i]),
                 QString::number(r.spikeCount[i]) + (r.errors[i].empty() ? QString() : QStringLiteral(" (!)"))});
        view.setTable({c.axisLabel(r.drive), tr("rate (Hz)"), tr("1st ISI (Hz)"), tr("spikes")}, rows);
        const bool fires = std::isfinite(r.rheobase);
        view.setHeadline(fires ? tr("rheobase %1").arg(c.show(r.rheobase, r.drive)) : tr("silent"));
        view.setSummary(
            fires ? tr("Maximum rate %1 Hz over %2 … %3.")
                        .arg(cell(r.maxRate), c.show(r.drives.front(), r.drive), c.show(r.drives.back(), r.drive))
                  : tr("No drive in the range fires a spike."));
        return fires ? tr("f-I curve: rheobase %1, max rate %2 Hz").arg(c.show(r.rheobase, r.drive), cell(r.maxRate))
                     : tr("f-I curve: no drive in the range fires");
    };
    return k;
}

AnalysisKind bifurcationAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("bifurcation");
    k.title = tr("Bifurcation");
    k.menuText = tr("&Bifurcation Sweep");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+B"));
    k.hint = tr("The attractor of one state (its maxima and minima, or its resting value) as one parameter varies.");
    k.fields = [](const AnalysisContext& c) {
        const std::string p = !c.drive.empty() ? c.drive : c.parameterNames().value(0).toStdString();
        const QStringList states = c.stateNames();
        return QVector<FormField>{
            field::parameterChoice("parameter", tr("Parameter"), tr("The parameter to sweep"), c, p),
            field::sweepBound("min", tr("From"), tr("Lowest value of the parameter"), c, "parameter", p,
                              FormField::Bound::Lower),
            field::sweepBound("max", tr("To"), tr("Highest value of the parameter"), c, "parameter", p,
                              FormField::Bound::Upper),
            field::count("points", tr("Points"), tr("Parameter values on the grid"), 40, 2, 2000),
            field::choice("state", tr("State"), tr("The state whose extrema are read in the second half of each run"),
                          states, states.value(0)),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const FormValues v(values);
        scs::BifurcationSettings s;
        s.parameter = v.text("parameter");
        s.min = v.real("min");
        s.max = v.real("max");
        s.points = v.count("points");
        s.state = v.text("state");
        return [model = c.model, base = c.base, s](scs::JobContext* job) -> std::any {
            return scs::runBifurcation(model, base, s, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext& c, AnalysisResultView& view) {
        const auto& r = std::any_cast<const scs::BifurcationResult&>(any);
        const double ps = c.unitOf(r.parameter).scale, ss = c.unitOf(r.state).scale;
        PlotSeries maxima{tr("maxima"), {}, {}, {}, paletteColor(1)};
        PlotSeries minima{tr("minima"), {}, {}, {}, paletteColor(0)};
        PlotSeries rest{tr("fixed point"), {}, {}, {}, paletteColor(2)};
        QVector<QStringList> rows;
        int oscillating = 0, diverged = 0;
        double onset = std::nan("");
        for (std::size_t i = 0; i < r.parameterValues.size(); ++i) {
            const double x = r.parameterValues[i] / ps;
            QString kind;
            if (!r.errors[i].empty()) {
                ++diverged;
                kind = tr("failed: %1").arg(QString::fromStdString(r.errors[i]));
            } else if (r.extremaCount[i] == 0) {
                for (double y : r.attractor[i]) {
                    rest.x << x;
                    rest.y << y / ss;
                }
                kind = tr("fixed point");
            } else {
                ++oscillating;
                if (!std::isfinite(onset)) onset = r.parameterValues[i];
                for (double y : r.maxima[i]) {
                    maxima.x << x;
                    maxima.y << y / ss;
                }
                for (double y : r.minima[i]) {
                    minima.x << x;
                    minima.y << y / ss;
                }
                kind = tr("%1 max / %2 min").arg(r.maxima[i].size()).arg(r.minima[i].size());
            }
            const auto [lo, hi] = std::minmax_element(r.attractor[i].begin(), r.attractor[i].end());
            rows.push_back({cell(x), kind, r.attractor[i].empty() ? QString() : cell(*lo / ss),
                            r.attractor[i].empty() ? QString() : cell(*hi / ss)});
        }
        SeriesPlot* plot = view.seriesPlot(0);
        view.keepPlots(1);
        plot->setAxisLabels(c.axisLabel(r.parameter), c.axisLabel(r.state));
        QVector<PlotSeries> series;
        for (const PlotSeries& s : {maxima, minima, rest})
            if (!s.x.isEmpty()) series << s;
        plot->setSeries(series);
        fitWithMargin(plot);
        drawAsPoints(plot);
        // Branches usually rise to the right: the top left is where the legend hides nothing.
        plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
        view.setTable({c.axisLabel(r.parameter), tr("attractor"), tr("low"), tr("high")}, rows);
        const QString p = QString::fromStdString(r.parameter);
        view.setHeadline(oscillating == 0 ? tr("no oscillation")
                                          : tr("oscillates from %1 = %2").arg(p, c.show(onset, r.parameter)));
        view.setSummary(tr("%1 of %2 values oscillate, %3 rest at a fixed point%4.")
                            .arg(oscillating)
                            .arg(r.parameterValues.size())
                            .arg(static_cast<int>(r.parameterValues.size()) - oscillating - diverged)
                            .arg(diverged ? tr(", %1 failed").arg(diverged) : QString()));
        return tr("Bifurcation of %1 over %2: %3 of %4 values oscillate")
            .arg(QString::fromStdString(r.state), p)
            .arg(oscillating)
            .arg(r.parameterValues.size());
    };
    return k;
}

AnalysisKind frequencyResponseAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("frequency_response");
    k.title = tr("Frequency response");
    k.menuText = tr("Fre&quency Response");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+R"));
    k.hint = tr("Firing rate and phase locking (vector strength) against the frequency of a sine drive.");
    k.fields = [](const AnalysisContext& c) {
        const double ref = c.referenceDrive();
        const ParameterRow* d = c.parameter(c.drive);
        const double amplitude = ref != 0 ? std::abs(ref) * 0.25 : (d ? (d->max - d->min) / 10 : 0.0);
        return QVector<FormField>{
            field::frequency("min_frequency", tr("Frequency from"), tr("Lowest sine frequency"), 2),
            field::frequency("max_frequency", tr("Frequency to"), tr("Highest sine frequency"), 200),
            field::count("points", tr("Points"), tr("Frequencies on the grid"), 15, 2, 500),
            field::flag("log_spacing", tr("Log spacing"), tr("Space the frequencies logarithmically"), true),
            field::parameterValue("offset", tr("Offset"), tr("Mean drive of the sine"), c, c.drive, ref),
            field::parameterValue("amplitude", tr("Amplitude"), tr("Sine amplitude of the drive"), c, c.drive,
                                  amplitude),
            field::time("duration", tr("Duration"), tr("Length of each run (low frequencies need several periods)"),
                        std::max(c.base.duration, 2.0), 1e-3),
            field::time("transient", tr("Transient"), tr("Time discarded before spikes are counted"), 0.1),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        requireDrive(c, "a frequency response");
        const FormValues v(values);
        scs::FrequencyResponseSettings s;
        s.minFrequency = v.real("min_frequency");
        s.maxFrequency = v.real("max_frequency");
        s.points = v.count("points");
        s.logSpacing = v.flag("log_spacing");
        s.offset = v.real("offset");
        s.amplitude = v.real("amplitude");
        s.transient = v.real("transient");
        scs::SimulationSettings base = c.base;
        base.duration = v.real("duration");
        return [model = c.model, base, s](scs::JobContext* job) -> std::any {
            return scs::runFrequencyResponse(model, base, s, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext&, AnalysisResultView& view) {
        const auto& r = std::any_cast<const scs::FrequencyResponseResult&>(any);
        const QVector<double> f = scaled(r.frequency);
        SeriesPlot* rates = view.seriesPlot(0);
        rates->setAxisLabels(tr("drive frequency (Hz)"), tr("rate (Hz)"));
        rates->setSeries({{tr("mean rate"), QStringLiteral("Hz"), f, scaled(r.rate), {}},
                          {tr("rate modulation"), QStringLiteral("Hz"), f, scaled(r.modulation), {}}});
        useLogX(rates);
        SeriesPlot* locking = view.seriesPlot(1);
        locking->setAxisLabels(tr("drive frequency (Hz)"), tr("vector strength"));
        locking->setSeries({{tr("vector strength"), {}, f, scaled(r.vectorStrength), paletteColor(2)}});
        useLogX(locking);
        QVector<QStringList> rows;
        std::size_t best = 0;
        for (std::size_t i = 0; i < r.frequency.size(); ++i) {
            rows.push_back({cell(r.frequency[i]), cell(r.rate[i]), cell(r.vectorStrength[i], 3),
                            cell(r.phase[i] * 180 / std::numbers::pi, 3), cell(r.cycles[i], 3)});
            if (std::isfinite(r.modulation[i]) &&
                (!std::isfinite(r.modulation[best]) || r.modulation[i] > r.modulation[best]))
                best = i;
        }
        view.setTable({tr("f (Hz)"), tr("rate (Hz)"), tr("vector strength"), tr("phase (°)"), tr("cycles")}, rows);
        const bool any_ = !r.frequency.empty() && std::isfinite(r.modulation[best]);
        view.setHeadline(any_ ? tr("peak at %1 Hz").arg(cell(r.frequency[best], 3)) : tr("no spikes"));
        view.setSummary(any_ ? tr("Largest rate modulation %1 Hz (vector strength %2).")
                                   .arg(cell(r.modulation[best], 3), cell(r.vectorStrength[best], 3))
                             : tr("The neuron did not fire at any frequency: raise the offset or amplitude."));
        return any_ ? tr("Frequency response: strongest modulation at %1 Hz").arg(cell(r.frequency[best], 3))
                    : tr("Frequency response: no spikes");
    };
    return k;
}

} // namespace scs::ui
