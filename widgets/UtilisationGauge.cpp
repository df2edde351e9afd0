// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — utilisation gauge.
#include "UtilisationGauge.h"

#include <QPainter>

#include <cmath>
#include <limits>

namespace scs::ui {

UtilisationGauge::UtilisationGauge(const QString& resource, QWidget* parent)
    : QWidget(parent), resource_(resource), value_(std::numeric_limits<double>::quiet_NaN()) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("%1 utilisation").arg(resource));
    updateToolTip();
}

void UtilisationGauge::setUsage(int used, int capacity, bool estimated) {
    used_ = used;
    capacity_ = capacity;
    estimated_ = estimated;
    value_ = capacity > 0 ? static_cast<double>(used) / capacity : std::numeric_limits<double>::quiet_NaN();
    setAccessibleDescription(text());
    updateToolTip();
    update();
}

void UtilisationGauge::clear() {
    setUsage(0, 0, false);
    used_ = -1; // "nothing shown", not "0 used of an unknown device"
    updateToolTip();
}

QString UtilisationGauge::text() const {
    if (!std::isfinite(value_)) return tr("n/a");
    // One decimal, as the resource table; a small non-zero use must not read as "0.0 %".
    if (value_ > 0 && value_ < 0.0005) return QStringLiteral("< 0.1 %");
    return QStringLiteral("%1 %").arg(value_ * 100, 0, 'f', 1);
}

UtilisationGauge::Level UtilisationGauge::levelFor(double fraction) {
    if (!std::isfinite(fraction)) return Level::Unknown;
    if (fraction > criticalAbove) return Level::Critical;
    if (fraction > warningAbove) return Level::Warning;
    return Level::Normal;
}

QColor UtilisationGauge::colorFor(Level level) {
    switch (level) {
    case Level::Unknown:
        return QColor(200, 200, 204);
    case Level::Normal:
        return QColor(60, 150, 90);
    case Level::Warning:
        return QColor(240, 140, 20);
    case Level::Critical:
        return QColor(210, 40, 40);
    }
    return QColor(200, 200, 204);
}

void UtilisationGauge::updateToolTip() {
    QString tip;
    if (used_ < 0)
        tip = tr("%1: no report for this target yet").arg(resource_);
    else if (capacity_ <= 0)
        tip = tr("%1: %2 used; the target names no device, so there is no capacity to compare with")
                  .arg(resource_)
                  .arg(used_);
    else
        tip = tr("%1: %2 of %3 used (%4)%5. Orange above %6 %, red above %7 %: a fuller device is harder to "
                 "place and route.")
                  .arg(resource_)
                  .arg(used_)
                  .arg(capacity_)
                  .arg(text(), estimated_ ? tr(", pre-synthesis estimate") : QString())
                  .arg(warningAbove * 100)
                  .arg(criticalAbove * 100);
    setToolTip(tip);
}

QSize UtilisationGauge::sizeHint() const { return {220, fontMetrics().height() + 8}; }
QSize UtilisationGauge::minimumSizeHint() const { return {90, fontMetrics().height() + 8}; }

void UtilisationGauge::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QColor(170, 170, 175));
    p.setBrush(QColor(245, 245, 247));
    p.drawRoundedRect(frame, 3, 3);
    if (std::isfinite(value_) && value_ > 0) {
        QRectF fill = frame.adjusted(1, 1, -1, -1);
        fill.setWidth(fill.width() * std::min(1.0, value_));
        QColor c = barColor();
        if (estimated_) c.setAlpha(150); // an estimate is drawn paler than a synthesis result
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(fill, 2, 2);
    }
    p.setPen(QColor(30, 30, 30));
    p.drawText(rect().adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignHCenter,
               estimated_ ? tr("%1 (estimate)").arg(text()) : text());
}

} // namespace scs::ui
