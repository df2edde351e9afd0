// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analyses on the way to hardware: fixed-point precision.
#include "AnalysisKinds.h"

#include "AnalysisResultView.h"
#include "BarPlot.h"

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
    k.fields = [](const AnalysisContext&) {
        return QVector<FormField>{
            field::choice("format", tr("Format"),
                          tr("Q format: Qm.n has m integer bits (sign included) and n fraction bits"),
                          names({"Q8.8", "Q4.12", "Q12.4", "Q16.16", "Q24.8", "UQ8.8"}), QStringLiteral("Q8.8")),
            field::choice("overflow", tr("Overflow"), tr("What a result outside the range becomes"),
                          names({"saturate", "wrap", "trap"}), QStringLiteral("saturate")),
            field::choice("rounding", tr("Rounding"), tr("How bits below the LSB are dropped"),
                          names({"truncate", "nearest", "bankers", "stochastic"}), QStringLiteral("truncate")),
        };
    };
    k.prepare = [](const AnalysisContext& c, const nlohmann::json& values) -> AnalysisWork {
        const FormValues v(values);
        fixed::FixedContract contract;
        try {
            contract.format = fixed::QFormat::parse(v.text("format"));
            contract.overflow = fixed::parseOverflow(v.text("overflow"));
            contract.rounding = fixed::parseRounding(v.text("rounding"));
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(e.what());
        }
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

} // namespace scs::ui
