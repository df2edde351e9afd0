// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the node item's shape and painting.
#include "GraphNodeItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace scs::ui {

namespace {

QColor fillOf(GraphNodeItem::Kind kind) {
    switch (kind) {
    case GraphNodeItem::Kind::Population:
        return QColor(0xdc, 0xe9, 0xf7);
    case GraphNodeItem::Kind::Stimulus:
        return QColor(0xfd, 0xe6, 0xcf);
    case GraphNodeItem::Kind::Monitor:
        return QColor(0xe6, 0xe6, 0xe6);
    }
    return Qt::white;
}

const char* kindName(GraphNodeItem::Kind kind) {
    switch (kind) {
    case GraphNodeItem::Kind::Population:
        return "Population";
    case GraphNodeItem::Kind::Stimulus:
        return "Stimulus";
    case GraphNodeItem::Kind::Monitor:
        return "Monitor";
    }
    return "";
}

} // namespace

GraphNodeItem::GraphNodeItem(QString id, Kind kind, QString title, QString subtitle)
    : id_(std::move(id)), kind_(kind), title_(std::move(title)), subtitle_(std::move(subtitle)) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1); // above edges
    updateToolTip();
}

QRectF GraphNodeItem::boundingRect() const {
    const double m = kPortRadius + 2; // the ports stick out of the body
    return QRectF(-m, -2, kWidth + 2 * m, kHeight + 4);
}

QPointF GraphNodeItem::inputPort() const { return mapToScene(QPointF(0, kHeight / 2)); }
QPointF GraphNodeItem::outputPort() const { return mapToScene(QPointF(kWidth, kHeight / 2)); }

GraphNodeItem::Port GraphNodeItem::portAt(const QPointF& scenePos) const {
    const double reach = 2.5 * kPortRadius;
    auto near = [&](const QPointF& port) { return QLineF(port, scenePos).length() <= reach; };
    if (hasOutput() && near(outputPort())) return Port::Output;
    if (hasInput() && near(inputPort())) return Port::Input;
    return Port::None;
}

void GraphNodeItem::setProblem(const QString& problem) {
    if (problem_ == problem) return;
    problem_ = problem;
    updateToolTip();
    update();
}

void GraphNodeItem::updateToolTip() {
    QString tip = QStringLiteral("<b>%1</b> (%2)<br>%3")
                      .arg(title_.toHtmlEscaped(), tr(kindName(kind_)), subtitle_.toHtmlEscaped());
    if (!problem_.isEmpty())
        tip += QStringLiteral("<br><span style='color:#d62728'>%1</span>").arg(problem_.toHtmlEscaped());
    if (hasOutput()) tip += tr("<br>Drag from the right-hand port to another item's left-hand port to connect.");
    setToolTip(tip);
}

void GraphNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    QPen border(problem_.isEmpty() ? QColor(0x55, 0x55, 0x55) : QColor(0xd6, 0x27, 0x28),
                problem_.isEmpty() ? 1.2 : 2.5);
    if (selected) border = QPen(QColor(0x1f, 0x77, 0xb4), 2.5);
    painter->setPen(border);
    painter->setBrush(fillOf(kind_));
    const double radius = kind_ == Kind::Stimulus ? 18 : 8; // stimuli rounder, told apart at a glance
    painter->drawRoundedRect(QRectF(0, 0, kWidth, kHeight), radius, radius);

    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::black);
    const QRectF text(10, 6, kWidth - 20, kHeight - 12);
    painter->drawText(text, Qt::AlignTop | Qt::AlignHCenter,
                      painter->fontMetrics().elidedText(title_, Qt::ElideRight, static_cast<int>(text.width())));
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(QColor(0x44, 0x44, 0x44));
    painter->drawText(text, Qt::AlignBottom | Qt::AlignHCenter,
                      painter->fontMetrics().elidedText(subtitle_, Qt::ElideRight, static_cast<int>(text.width())));

    painter->setPen(QPen(QColor(0x33, 0x33, 0x33), 1));
    painter->setBrush(Qt::white);
    if (hasInput()) painter->drawEllipse(QPointF(0, kHeight / 2), kPortRadius, kPortRadius);
    painter->setBrush(QColor(0x33, 0x33, 0x33));
    if (hasOutput()) painter->drawEllipse(QPointF(kWidth, kHeight / 2), kPortRadius, kPortRadius);
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged) emit geometryChanged();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace scs::ui
