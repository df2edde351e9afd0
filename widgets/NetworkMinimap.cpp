// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the minimap.
#include "NetworkMinimap.h"

#include <QMouseEvent>

namespace scs::ui {

NetworkMinimap::NetworkMinimap(QGraphicsView* main) : QGraphicsView(main->scene(), main), main_(main) {
    setObjectName(QStringLiteral("networkMinimap"));
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::Box);
    setStyleSheet(QStringLiteral("QGraphicsView { background: rgba(250, 250, 250, 230); }"));
    setToolTip(tr("Overview: click to show that part of the network"));
    setFixedSize(180, 120);
}

void NetworkMinimap::refit() {
    const QRectF items = scene()->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    fitInView(items.united(shownArea()), Qt::KeepAspectRatio);
    viewport()->update();
}

QRectF NetworkMinimap::shownArea() const { return main_->mapToScene(main_->viewport()->rect()).boundingRect(); }

void NetworkMinimap::drawForeground(QPainter* painter, const QRectF&) {
    painter->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 0)); // cosmetic: one pixel at any scale
    painter->setBrush(QColor(0x1f, 0x77, 0xb4, 30));
    painter->drawRect(shownArea());
}

void NetworkMinimap::mousePressEvent(QMouseEvent* event) {
    main_->centerOn(mapToScene(event->position().toPoint()));
    viewport()->update();
}

void NetworkMinimap::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) mousePressEvent(event);
}

} // namespace scs::ui
