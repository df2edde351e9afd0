// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — application icon.
#include "AppIcon.h"

#include "models/ModelCatalogue.h"

#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

namespace scs::ui {

namespace {
QPixmap fallback(int size) {
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(31, 84, 150));
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18);
    QPainterPath spike; // a membrane trace with one spike
    const double s = size;
    spike.moveTo(0.1 * s, 0.68 * s);
    spike.lineTo(0.42 * s, 0.68 * s);
    spike.lineTo(0.5 * s, 0.18 * s);
    spike.lineTo(0.58 * s, 0.8 * s);
    spike.lineTo(0.66 * s, 0.68 * s);
    spike.lineTo(0.9 * s, 0.68 * s);
    p.setPen(QPen(Qt::white, std::max(1.5, s * 0.07), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(spike);
    return pm;
}
} // namespace

QIcon appIcon() {
    static const QIcon icon = [] {
        QIcon result;
        QString path;
        try {
            path = QString::fromStdString((scs::resourcesDirectory() / "icons" / "scstudio.svg").string());
        } catch (const std::exception&) {
            path.clear();
        }
        QSvgRenderer svg;
        const bool ok = !path.isEmpty() && QFileInfo::exists(path) && svg.load(path) && svg.isValid();
        for (int size : {16, 24, 32, 48, 64, 128, 256}) {
            if (!ok) {
                result.addPixmap(fallback(size));
                continue;
            }
            QPixmap pm(size, size);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            svg.render(&p);
            result.addPixmap(pm);
        }
        return result;
    }();
    return icon;
}

} // namespace scs::ui
