// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — synthesis number formatting.
#include "SynthesisText.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

namespace scs::ui {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("scs::ui::SynthesisText", text); }
} // namespace

QString synthesisTimeText(const std::string& utcTime) {
    if (utcTime.empty()) return QStringLiteral("—");
    const QString text = QString::fromStdString(utcTime);
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : text;
}

QString durationText(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("—");
    if (seconds < 60) return tr("%1 s").arg(seconds, 0, 'f', 1);
    const int whole = static_cast<int>(std::lround(seconds));
    return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString fmaxText(const std::optional<double>& mhz) {
    return mhz ? tr("%1 MHz").arg(*mhz, 0, 'f', 1) : QStringLiteral("—");
}

QString estimateErrorText(int estimate, int actual) {
    if (actual == 0) return estimate == 0 ? QStringLiteral("0.0 %") : tr("n/a");
    if (estimate == actual) return QStringLiteral("0.0 %"); // not "+0.0 %"
    const double percent = 100.0 * (estimate - actual) / actual;
    return QStringLiteral("%1%2 %").arg(percent >= 0 ? QStringLiteral("+") : QString()).arg(percent, 0, 'f', 1);
}

} // namespace scs::ui
