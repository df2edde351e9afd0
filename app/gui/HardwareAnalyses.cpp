// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analyses on the way to hardware: fixed-point precision, float vs fixed.
#include "AnalysisKinds.h"

#include "AnalysisResultView.h"
#include "BarPlot.h"

#include "SeriesPlot.h"
#include "fixed/FixedSimulation.h"
#include "fixed/PrecisionReport.h"

#include <QCoreApplication>

namespace scs::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("scs::ui::Analyses", text); }

QStringList names(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* s : list) out << QString::fromLatin1(s);
    return out;
}

/// The contract's three choices, shared by every fixed-point analysis.
QVector<FormField> contractFields() {
    return {
        field::choice("format", tr("Format"),
                      tr("Q format: Qm.n has m integer bits (sign included) and n fraction bits"),
                      names({"Q8.8", "Q4.12", "Q12.4", "Q16.16", "Q24.8", "Q20.12", "UQ8.8"}), QStringLiteral("Q8.8")),
        field::choice("overflow", tr("Overflow"), tr("What a result outside the range becomes"),
                      names({"saturate", "wrap", "trap"}), QStringLiteral("saturate")),
        field::choice("rounding", tr("Rounding"), tr("How bits below the LSB are dropped"),
                      names({"truncate", "nearest", "bankers", "stochastic"}), QStringLiteral("truncate")),
    };
}

/// The comparison and the state the user chose to see.
struct FloatFixedResult {
    fixed::FloatFixedComparison comparison;
    std::string state;
};

fixed::FixedContract contractFrom(const FormValues& v) {
    try {
        return fixed::FixedContract{fixed::QFormat::parse(v.text("format")), fixed::parseOverflow(v.text("overflow")),
                                    fixed::parseRounding(v.text("rounding"))};
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(e.what());
    }
}

} // namespace

AnalysisKind precisionAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("fixed_precision");
    k.title = tr("Fixed-point precision");
    k.menuText = tr("Fixed-Point &Precision");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+P"));
    k.hint = tr("Checks dt, every parameter and the range every state visits (from a float run) against a "
                "fixed-point format, in mV, ms and nA: what leaves the range, what is lost below one LSB, what may "
                "stall.");
    k.fields = [](const AnalysisContext&) { return contractFields(); };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const fixed::FixedContract contract = contractFrom(FormValues(values));
        return [model = c.model, base = c.base, contract](scs::JobContext* job) -> std::any {
            return fixed::precisionReport(model, base, contract, job);
        };
    };
    k.present = [](const std::any& any, const AnalysisContext&, AnalysisResultView& view) {
        const auto& r = std::any_cast<const fixed::PrecisionReport&>(any);
        const QString format = QString::fromStdString(r.contract.format.label());
        view.setHeadline(r.fits() ? tr("FITS %1").arg(format) : tr("DOES NOT FIT %1").arg(format),
                         r.fits() ? QColor(0x2c, 0xa0, 0x2c) : QColor(0xd6, 0x27, 0x28));
        QStringList lines;
        for (const std::string& risk : r.risks) lines << QString::fromStdString(risk);
        view.setSummary(lines.isEmpty() ? tr("No risks found with %1.").arg(QString::fromStdString(r.contract.label()))
                                        : lines.join(QLatin1Char('\n')));
        QStringList labels;
        QVector<double> errors;
        QVector<QStringList> rows;
        for (const fixed::QuantityPrecision& q : r.rows) {
            labels << QString::fromStdString(q.name);
            errors << 100 * q.relError;
            rows.push_back({QString::fromStdString(q.name), QString::fromStdString(q.kind),
                            QString::fromStdString(q.unit), cell(q.value), cell(q.quantized), cell(100 * q.relError, 3),
                            cell(q.low) + QStringLiteral(" .. ") + cell(q.high),
                            q.inRange ? QString::number(q.headroomBits) : tr("%1 (out of range)").arg(q.headroomBits)});
        }
        view.barPlot(0)->setBars(labels, errors, tr("quantisation error (%)"));
        view.keepPlots(1);
        view.setTable({tr("name"), tr("kind"), tr("unit"), tr("value"), tr("quantised"), tr("error %"), tr("range"),
                       tr("headroom bits")},
                      rows);
        return r.fits() ? tr("The model fits %1").arg(format)
                        : tr("The model does not fit %1: %2").arg(format, lines.value(0));
    };
    return k;
}

AnalysisKind floatFixedAnalysis() {
    AnalysisKind k;
    k.id = QStringLiteral("float_vs_fixed");
    k.title = tr("Float vs fixed");
    k.menuText = tr("Float vs &Fixed Point");
    k.shortcut = QKeySequence(QStringLiteral("Ctrl+Shift+X"));
    k.hint = tr("Runs the model in floating point and in the chosen fixed-point format side by side (both forward "
                "Euler, the method the hardware uses), overlays a state's traces and compares the spike times. The "
                "fixed-point run is the one the compiled RTL reproduces bit for bit.");
    k.fields = [](const AnalysisContext& c) {
        QVector<FormField> fields = contractFields();
        const QStringList states = c.stateNames();
        fields.push_back(
            field::choice("state", tr("State"), tr("The state whose traces are overlaid"), states, states.value(0)));
        return fields;
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const fixed::FixedContract contract = contractFrom(FormValues(values));
        const std::string state = FormValues(values).text("state");
        return [model = c.model, base = c.base, contract, state](scs::JobContext* job) -> std::any {
            return FloatFixedResult{fixed::compareFloatFixed(model, base, contract, job), state};
        };
    };
    k.present = [](const std::any& any, const AnalysisContext& c, AnalysisResultView& view) {
        const auto& result = std::any_cast<const FloatFixedResult&>(any);
        const fixed::FloatFixedComparison& r = result.comparison;
        const QString format = QString::fromStdString(r.fixedRun.program.contract.format.label());
        const int floatSpikes = static_cast<int>(r.floatRun.spikeTimes.size());
        const int fixedSpikes = static_cast<int>(r.fixedRun.run.spikeTimes.size());
        const bool agree = !r.fixedRun.trap && r.missingSpikes == 0 && r.extraSpikes == 0;
        if (r.fixedRun.trap)
            view.setHeadline(tr("TRAPPED in %1").arg(format), QColor(0xd6, 0x27, 0x28));
        else
            view.setHeadline(tr("%1 of %2 spikes matched").arg(r.matchedSpikes).arg(floatSpikes),
                             agree ? QColor(0x2c, 0xa0, 0x2c) : QColor(0xff, 0x7f, 0x0e));

        std::size_t shown = 0;
        for (std::size_t i = 0; i < r.floatRun.names.size(); ++i)
            if (r.floatRun.names[i] == result.state) shown = i;
        if (!r.floatRun.names.empty()) {
            const std::string name = r.floatRun.names[shown];
            const double scale = c.unitOf(name).scale;
            const QVector<double> time = scaled(r.floatRun.time, 1e-3);
            const QVector<double> fixedTime = scaled(r.fixedRun.run.time, 1e-3);
            SeriesPlot* overlay = view.seriesPlot(0);
            overlay->setShowPoints(false);
            overlay->setAxisLabels(tr("time (ms)"), c.axisLabel(name));
            overlay->setSeries({{tr("float"), {}, time, scaled(r.floatRun.traces[shown], scale), paletteColor(0)},
                                {format, {}, fixedTime, scaled(r.fixedRun.run.traces[shown], scale), paletteColor(1)}});
            fitWithMargin(overlay);
            QVector<double> difference;
            const std::size_t n = std::min(r.floatRun.time.size(), r.fixedRun.run.time.size());
            for (std::size_t i = 0; i < n; ++i)
                difference << (r.fixedRun.run.traces[shown][i] - r.floatRun.traces[shown][i]) / scale;
            SeriesPlot* error = view.seriesPlot(1);
            error->setShowPoints(false);
            error->setAxisLabels(tr("time (ms)"), tr("fixed − float (%1)").arg(c.axisLabel(name)));
            error->setSeries({{tr("error"), {}, time.mid(0, static_cast<int>(n)), difference, paletteColor(3)}});
            fitWithMargin(error);
        }
        QVector<QStringList> rows;
        rows.push_back({tr("spikes (float / fixed)"), QStringLiteral("%1 / %2").arg(floatSpikes).arg(fixedSpikes)});
        rows.push_back({tr("matched within %1 ms").arg(r.window * 1e3), QString::number(r.matchedSpikes)});
        rows.push_back({tr("missing / extra"), QStringLiteral("%1 / %2").arg(r.missingSpikes).arg(r.extraSpikes)});
        rows.push_back({tr("spike shift mean / max (ms)"),
                        cell(r.meanSpikeShift * 1e3, 3) + QStringLiteral(" / ") + cell(r.maxSpikeShift * 1e3, 3)});
        for (const fixed::TraceError& e : r.errors) {
            const QString unit = QString::fromStdString(c.unitOf(e.name).name);
            const double scale = c.unitOf(e.name).scale;
            rows.push_back({tr("%1: max |error| / RMS / bias (%2)").arg(QString::fromStdString(e.name), unit),
                            cell(e.maxAbs / scale, 3) + QStringLiteral(" / ") + cell(e.rms / scale, 3) +
                                QStringLiteral(" / ") + cell(e.meanSigned / scale, 3)});
        }
        for (const fixed::FixedLut& lut : r.fixedRun.program.luts)
            rows.push_back({tr("table %1: segments / max error").arg(QString::fromStdString(lut.function)),
                            QStringLiteral("%1 / %2").arg(lut.segments).arg(cell(lut.maxError, 3))});
        view.setTable({tr("quantity"), tr("value")}, rows);
        const QString summary = QString::fromStdString(r.summary()).trimmed();
        view.setSummary(summary);
        if (r.fixedRun.trap)
            return tr("Float vs %1: trapped: %2").arg(format, QString::fromStdString(*r.fixedRun.trap));
        return tr("Float vs %1: %2 of %3 spikes matched").arg(format).arg(r.matchedSpikes).arg(floatSpikes);
    };
    return k;
}

} // namespace scs::ui
