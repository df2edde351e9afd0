// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analyses of spike trains: spike-triggered average, firing pattern, characterise.
#include "AnalysisKinds.h"

#include "AnalysisResultView.h"
#include "BarPlot.h"
#include "SeriesPlot.h"

#include "analysis/AnalysisSupport.h"
#include "analysis/Characterisation.h"
#include "analysis/FiringPattern.h"
#include "analysis/SpikeTriggeredAverage.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace scs::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("scs::ui::Analyses", text); }

QColor patternColor(scs::FiringPattern p) {
    switch (p) {
    case scs::FiringPattern::Silent:
        return QColor(110, 110, 110);
    case scs::FiringPattern::Tonic:
        return QColor(31, 119, 180);
    case scs::FiringPattern::Adapting:
        return QColor(44, 140, 44);
    case scs::FiringPattern::Bursting:
        return QColor(214, 39, 40);
    case scs::FiringPattern::Irregular:
        return QColor(148, 103, 189);
    case scs::FiringPattern::FastSpiking:
        return QColor(230, 110, 0);
    }
    return {};
}

/// The class as the user reads it: "fast spiking" for the persisted "fast_spiking".
QString patternName(scs::FiringPattern p) { return QString::fromLatin1(scs::toString(p)).replace('_', ' '); }

QVector<QStringList> statsRows(const scs::IsiStatistics& s) {
    const auto ms = [](double seconds) { return cell(seconds * 1e3) + QStringLiteral(" ms"); };
    return {{tr("spikes"), QString::number(s.spikeCount)},
            {tr("rate"), cell(s.rate) + QStringLiteral(" Hz")},
            {tr("rate while firing"), cell(s.meanIsiRate) + QStringLiteral(" Hz")},
            {tr("mean ISI"), ms(s.meanIsi)},
            {tr("ISI std. dev."), ms(s.stdIsi)},
            {tr("first / last ISI"), cell(s.firstIsi * 1e3) + QStringLiteral(" / ") + ms(s.lastIsi)},
            {tr("CV"), cell(s.cv, 3)},
            {tr("local variation (LV)"), cell(s.localVariation, 3)},
            {tr("adaptation index"), cell(s.adaptationIndex, 3)},
            {tr("bursts"), QString::number(s.burstCount)},
            {tr("spikes per burst"), cell(s.meanSpikesPerBurst, 3)},
            {tr("fraction in bursts"), cell(s.fractionInBursts, 3)}};
}

/// ISI against index (left) and the ISI histogram (right), in ms.
void showIsis(const std::vector<double>& isis, AnalysisResultView& view) {
    QVector<double> index, ms;
    for (std::size_t i = 0; i < isis.size(); ++i) {
        index << static_cast<double>(i + 1);
        ms << isis[i] * 1e3;
    }
    SeriesPlot* sequence = view.seriesPlot(0);
    sequence->setAxisLabels(tr("interval number"), tr("ISI (ms)"));
    sequence->setSeries({{tr("ISI"), QStringLiteral("ms"), index, ms, {}}});
    fitWithMargin(sequence);
    BarPlot* histogram = view.barPlot(1);
    QVector<double> centres, counts;
    if (!ms.isEmpty()) {
        const auto [lo, hi] = std::minmax_element(ms.begin(), ms.end());
        const int bins = std::clamp(static_cast<int>(std::sqrt(static_cast<double>(ms.size()))) + 1, 5, 40);
        const double width = *hi > *lo ? (*hi - *lo) / bins : std::max(1e-3, *lo * 0.1);
        for (int b = 0; b < bins; ++b) {
            centres << *lo + (b + 0.5) * width;
            counts << 0;
        }
        for (double v : ms) counts[std::clamp(static_cast<int>((v - *lo) / width), 0, bins - 1)] += 1;
        histogram->setHistogram(centres, counts, width, tr("ISI (ms)"), tr("count"));
    } else {
        histogram->setHistogram({}, {}, 1, tr("ISI (ms)"), tr("count"));
    }
}

struct PatternOutcome {
    scs::FiringPatternResult pattern;
    double duration = 0;
};

} // namespace

AnalysisKind staAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("sta");
    k.title = tr("Spike-triggered average");
    k.menuText = tr("Spike-&Triggered Average");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+T"));
    k.hint = tr("One long run driven by noise: the average of the drive (or a state) around every spike.");
    k.fields = [](const AnalysisContext& c) {
        QStringList options{QStringLiteral("drive")};
        QStringList labels{tr("drive (%1)").arg(QString::fromStdString(c.drive))};
        for (const QString& s : c.stateNames()) {
            options << s;
            labels << s;
        }
        FormField signal =
            field::choice("signal", tr("Signal"), tr("What is averaged around the spikes"), options, options[0]);
        signal.choiceLabels = labels;
        const bool noisy = c.base.protocol && c.base.protocol->kind == scs::Protocol::Kind::Noise;
        const double mean = c.referenceDrive();
        const double sigma = noisy ? c.base.protocol->sigma : std::abs(mean) * 0.4;
        return QVector<FormField>{
            signal,
            field::time("before", tr("Before spike"), tr("Window length before each spike"), 20e-3, 1e-4),
            field::time("after", tr("After spike"), tr("Window length after each spike"), 5e-3),
            field::parameterValue("noise_mean", tr("Noise mean"), tr("Mean of the noisy drive"), c, c.drive, mean),
            field::parameterValue("noise_sigma", tr("Noise std. dev."), tr("Standard deviation of the noisy drive"), c,
                                  c.drive, sigma),
            field::time("noise_tau", tr("Noise time constant"), tr("Correlation time of the noise"),
                        noisy ? c.base.protocol->tau : 5e-3, 1e-5),
            field::time("duration", tr("Duration"), tr("Length of the run: more spikes, smoother average"),
                        std::max(5.0, c.base.duration), 1e-3),
            field::time("transient", tr("Transient"), tr("Spikes before this time are ignored"), 0.1),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        if (c.drive.empty())
            throw std::runtime_error("a spike-triggered average needs a drive parameter to make noisy");
        const FormValues v(values);
        scs::StaSettings s;
        s.signal = v.text("signal");
        s.before = v.real("before");
        s.after = v.real("after");
        s.transient = v.real("transient");
        scs::Protocol noise;
        noise.kind = scs::Protocol::Kind::Noise;
        noise.offset = v.real("noise_mean");
        noise.sigma = v.real("noise_sigma");
        noise.tau = v.real("noise_tau");
        noise.seed = c.base.seed;
        noise.dimension = c.model.parameters()[*c.model.parameterIndex(c.drive)].dimension;
        s.protocol = noise;
        scs::SimulationSettings base = c.base;
        base.duration = v.real("duration");
        return [model = c.model, base, s](scs::JobContext* job) -> std::any {
            return scs::runSpikeTriggeredAverage(model, base, s, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext& c, AnalysisResultView& view) {
        const auto& r = std::any_cast<const scs::StaResult&>(any);
        const std::string name = r.signal == "drive" ? c.drive : r.signal;
        const double scale = c.unitOf(name).scale;
        const QVector<double> lag = scaled(r.lag, 1e-3);
        QVector<double> upper, lower;
        for (std::size_t i = 0; i < r.mean.size(); ++i) {
            upper << (r.mean[i] + r.stdDev[i]) / scale;
            lower << (r.mean[i] - r.stdDev[i]) / scale;
        }
        const QColor band = paletteColor(0).lighter(160);
        SeriesPlot* plot = view.seriesPlot(0);
        view.keepPlots(1);
        plot->setShowPoints(false);
        plot->setAxisLabels(tr("time from spike (ms)"), c.axisLabel(name));
        plot->setSeries({{tr("average"), {}, lag, scaled(r.mean, scale), paletteColor(0)},
                         {tr("+1 std. dev."), {}, lag, upper, band},
                         {tr("−1 std. dev."), {}, lag, lower, band},
                         {tr("run mean"),
                          {},
                          {lag.front(), lag.back()},
                          {r.signalMean / scale, r.signalMean / scale},
                          QColor(150, 150, 150)}});
        fitWithMargin(plot);
        view.setTable({tr("quantity"), tr("value")},
                      {{tr("spikes used"), QStringLiteral("%1 of %2").arg(r.spikesUsed).arg(r.spikesTotal)},
                       {tr("run mean"), c.show(r.signalMean, name)},
                       {tr("peak lag"), cell(r.peakLag * 1e3, 3) + QStringLiteral(" ms")}});
        const bool ok = r.spikesUsed > 0;
        view.setHeadline(ok ? tr("peak %1 ms before the spike").arg(cell(-r.peakLag * 1e3, 3)) : tr("no spikes"));
        plot->legend->setVisible(false); // the summary names the lines; a legend would hide the peak
        view.setSummary(
            ok ? tr("Average of %1 around %2 spikes (dark), ± 1 std. dev. (light), run mean (grey).")
                     .arg(QString::fromStdString(name))
                     .arg(r.spikesUsed)
               : tr("No spike fell inside the run with a whole window: raise the noise mean or the duration."));
        return ok ? tr("Spike-triggered average of %1 spikes: peak at %2 ms")
                        .arg(r.spikesUsed)
                        .arg(cell(r.peakLag * 1e3, 3))
                  : tr("Spike-triggered average: no spikes");
    };
    return k;
}

AnalysisKind firingPatternAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("firing_pattern");
    k.title = tr("Firing pattern");
    k.menuText = tr("&ISI Statistics && Firing Pattern");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+I"));
    k.hint = tr("Runs the playground as set up (protocol included) and names its firing pattern from the "
                "inter-spike intervals.");
    k.fields = [](const AnalysisContext&) {
        const scs::FiringPatternThresholds t;
        return QVector<FormField>{
            field::time("transient", tr("Transient"), tr("Spikes before this time are not classified"), 0),
            field::number("adapting_index", tr("Adapting above"), tr("Adaptation index above which firing is adapting"),
                          t.adaptingIndex, 0, 1),
            field::number("irregular_lv", tr("Irregular above LV"),
                          tr("Local variation above which firing is irregular"), t.irregularLv, 0, 3),
            field::frequency("fast_spiking_rate", tr("Fast spiking from"),
                             tr("Rate while firing from which a train is fast spiking"), t.fastSpikingRate),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const FormValues v(values);
        const double transient = v.real("transient");
        scs::FiringPatternThresholds t;
        t.adaptingIndex = v.real("adapting_index");
        t.irregularLv = v.real("irregular_lv");
        t.fastSpikingRate = v.real("fast_spiking_rate");
        return [model = c.model, base = c.base, transient, t](scs::JobContext* job) -> std::any {
            scs::checkTiming(base, transient);
            const scs::SimulationResult run = scs::runSingle(model, base, job, 0, 1, "firing pattern");
            std::vector<double> spikes;
            for (double time : run.spikeTimes)
                if (time >= transient) spikes.push_back(time);
            PatternOutcome out;
            out.duration = run.duration() - transient;
            out.pattern = scs::classifyFiringPattern(spikes, out.duration, t);
            return out;
        };
    };
    k.present = [](const std::any& any, const AnalysisContext&, AnalysisResultView& view) {
        const auto& r = std::any_cast<const PatternOutcome&>(any);
        const QString name = patternName(r.pattern.pattern);
        view.setHeadline(name.toUpper(), patternColor(r.pattern.pattern));
        view.setSummary(tr("%1 — %2 spikes in %3 ms.")
                            .arg(QString::fromStdString(r.pattern.reason))
                            .arg(r.pattern.stats.spikeCount)
                            .arg(cell(r.duration * 1e3)));
        showIsis(r.pattern.stats.isis, view);
        view.setTable({tr("statistic"), tr("value")}, statsRows(r.pattern.stats));
        return tr("Firing pattern: %1 (%2)").arg(name, QString::fromStdString(r.pattern.reason));
    };
    return k;
}

AnalysisKind characterisationAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("characterise");
    k.title = tr("Characterisation");
    k.menuText = tr("&Characterise Neuron");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+C"));
    k.hint = tr("The suite in one job: the playground run's firing pattern, an f-I curve with the rheobase, and the "
                "most sensitive parameters.");
    k.fields = [](const AnalysisContext& c) {
        FormField perturbation =
            field::number("perturbation", tr("Perturbation"), tr("Sensitivity step, ± this fraction"), 0.05, 1e-4, 0.9);
        perturbation.kind = FormField::Kind::Quantity;
        perturbation.unit = QStringLiteral("%");
        perturbation.scale = 0.01;
        return QVector<FormField>{
            field::sweepBound("fi_min", tr("f-I from"), tr("Lowest drive of the f-I curve"), c, {}, c.drive,
                              FormField::Bound::Lower),
            field::sweepBound("fi_max", tr("f-I to"), tr("Highest drive of the f-I curve"), c, {}, c.drive,
                              FormField::Bound::Upper),
            field::count("fi_points", tr("f-I points"), tr("Drive values of the f-I curve"), 15, 2, 500),
            field::time("transient", tr("Transient"), tr("Time discarded before rates and patterns are measured"), 0),
            field::count("top", tr("Top parameters"), tr("How many of the most sensitive parameters to name"), 5, 1,
                         50),
            perturbation,
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const FormValues v(values);
        scs::CharacterisationSettings s;
        s.fiMin = v.real("fi_min");
        s.fiMax = v.real("fi_max");
        s.fiPoints = v.count("fi_points");
        s.transient = v.real("transient");
        s.topSensitivities = v.count("top");
        s.perturbation = v.real("perturbation");
        return [model = c.model, base = c.base, s](scs::JobContext* job) -> std::any {
            return scs::runCharacterisation(model, base, s, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext& c, AnalysisResultView& view) {
        const auto& r = std::any_cast<const scs::CharacterisationResult&>(any);
        const QString name = patternName(r.pattern.pattern);
        const std::string drive = r.fiCurve.drive.empty() ? c.drive : r.fiCurve.drive;
        view.setHeadline(name.toUpper(), patternColor(r.pattern.pattern));
        QStringList top;
        for (const std::string& p : r.topParameters) top << QString::fromStdString(p);
        view.setSummary(tr("%1. Rheobase %2, max rate %3 Hz; most sensitive: %4.")
                            .arg(QString::fromStdString(r.pattern.reason), c.show(r.rheobase, drive), cell(r.maxRate),
                                 top.isEmpty() ? tr("n/a") : top.join(QStringLiteral(", "))));
        const double ds = c.unitOf(drive).scale;
        SeriesPlot* fi = view.seriesPlot(0);
        fi->setAxisLabels(c.axisLabel(drive), tr("firing rate (Hz)"));
        fi->setSeries(
            {{tr("f-I curve"), QStringLiteral("Hz"), scaled(r.fiCurve.drives, ds), scaled(r.fiCurve.rate), {}}});
        fitWithMargin(fi);
        QStringList names;
        QVector<double> elasticity;
        for (std::size_t i : r.sensitivity.ranking) {
            names << QString::fromStdString(r.sensitivity.parameters[i]);
            elasticity << r.sensitivity.elasticity[i];
        }
        view.barPlot(1)->setBars(names, elasticity, tr("elasticity of the rate"));
        QVector<QStringList> rows{{tr("pattern"), name},
                                  {tr("rheobase"), c.show(r.rheobase, drive)},
                                  {tr("max rate"), cell(r.maxRate) + QStringLiteral(" Hz")}};
        for (const QStringList& s : statsRows(r.pattern.stats)) rows << s;
        for (const scs::StateRange& s : r.stateRanges)
            rows.push_back({tr("%1 range").arg(QString::fromStdString(s.name)),
                            c.show(s.min, s.name) + QStringLiteral(" … ") + c.show(s.max, s.name)});
        for (const std::string& w : r.warnings) rows.push_back({tr("warning"), QString::fromStdString(w)});
        view.setTable({tr("property"), tr("value")}, rows);
        return tr("Characterisation: %1, rheobase %2").arg(name, c.show(r.rheobase, drive));
    };
    return k;
}

} // namespace scs::ui
