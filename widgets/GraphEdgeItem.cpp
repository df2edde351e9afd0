// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the edge's curve, arrow and label.
#include "GraphEdgeItem.h"

#include "GraphNodeItem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace scs::ui {

GraphEdgeItem::GraphEdgeItem(QString id, Kind kind, GraphNodeItem* source, GraphNodeItem* target, QString label)
    : id_(std::move(id)), kind_(kind), source_(source), target_(target), label_(std::move(label)) {
    setFlag(ItemIsSelectable, kind_ == Kind::Projection);
    setZValue(0);
    setToolTip(label_);
    QObject::connect(source_, &GraphNodeItem::geometryChanged, source_, [this] { updatePath(); });
    if (target_ != source_)
        QObject::connect(target_, &GraphNodeItem::geometryChanged, target_, [this] { updatePath(); });
    updatePath();
}

void GraphEdgeItem::setProblem(const QString& problem) {
    problem_ = problem;
    setToolTip(problem_.isEmpty() ? label_ : label_ + QStringLiteral("\n") + problem_);
    update();
}

void GraphEdgeItem::updatePath() {
    prepareGeometryChange();
    const QPointF from = source_->outputPort(), to = target_->inputPort();
    QPainterPath path(from);
    if (source_ == target_) {
        // A recurrent projection: a loop over the top of the item.
        const QPointF top = source_->mapToScene(QPointF(GraphNodeItem::kWidth / 2, 0));
        path.cubicTo(from + QPointF(60, -10), top + QPointF(60, -70), top + QPointF(0, -50));
        path.cubicTo(top + QPointF(-60, -70), to + QPointF(-60, -10), to);
    } else {
        // Horizontal tangents at both ports; backwards edges bow further out so they stay visible.
        const double bend = std::max(60.0, std::abs(to.x() - from.x()) / 2);
        path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    }
    setPath(path);
}

QRectF GraphEdgeItem::boundingRect() const { return shape().boundingRect().adjusted(-60, -20, 60, 20); }

QPainterPath GraphEdgeItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(10); // easy to click
    return stroker.createStroke(path());
}

void GraphEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    QColor colour = kind_ == Kind::Projection ? QColor(0x33, 0x33, 0x33) : QColor(0x88, 0x88, 0x88);
    if (!problem_.isEmpty()) colour = QColor(0xd6, 0x27, 0x28);
    if (option->state & QStyle::State_Selected) colour = QColor(0x1f, 0x77, 0xb4);
    QPen pen(colour, option->state & QStyle::State_Selected ? 2.5 : 1.5);
    if (kind_ == Kind::Current) pen.setStyle(Qt::DashLine);
    if (kind_ == Kind::Monitor) pen.setStyle(Qt::DotLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    // Arrow head at the target port, along the curve's last direction.
    const QPointF tip = path().pointAtPercent(1.0);
    const QPointF before = path().pointAtPercent(0.97);
    const double angle = std::atan2(tip.y() - before.y(), tip.x() - before.x());
    const double size = 9;
    QPolygonF head;
    head << tip << tip - QPointF(size * std::cos(angle - 0.4), size * std::sin(angle - 0.4))
         << tip - QPointF(size * std::cos(angle + 0.4), size * std::sin(angle + 0.4));
    painter->setPen(QPen(colour, 1));
    painter->setBrush(colour);
    painter->drawPolygon(head);

    if (!label_.isEmpty() && kind_ == Kind::Projection) {
        const QPointF middle = path().pointAtPercent(0.5);
        painter->setPen(colour);
        const QFontMetrics metrics = painter->fontMetrics();
        const QString text = metrics.elidedText(label_, Qt::ElideRight, 200);
        const QRectF box = QRectF(metrics.boundingRect(text)).adjusted(-3, -1, 3, 1);
        const QRectF at = box.translated(middle - box.center() - QPointF(0, 10));
        painter->fillRect(at, QColor(255, 255, 255, 220));
        painter->drawText(at, Qt::AlignCenter, text);
    }
}

} // namespace scs::ui
