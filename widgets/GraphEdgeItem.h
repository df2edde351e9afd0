// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — an edge of the network graph: a projection (solid), a current injection
// (dashed) or what a monitor watches (dotted), drawn from an output port to an input port.
#pragma once

#include <QGraphicsPathItem>
#include <QString>

namespace scs::ui {

class GraphNodeItem;

class GraphEdgeItem : public QGraphicsPathItem {
public:
    enum class Kind { Projection, Current, Monitor };

    /// `id` names the projection (empty for the other kinds: they belong to their stimulus or
    /// monitor). Follows both nodes when they move.
    GraphEdgeItem(QString id, Kind kind, GraphNodeItem* source, GraphNodeItem* target, QString label);

    const QString& id() const { return id_; }
    Kind kind() const { return kind_; }
    GraphNodeItem* source() const { return source_; }
    GraphNodeItem* target() const { return target_; }
    const QString& label() const { return label_; }

    void setProblem(const QString& problem);
    const QString& problem() const { return problem_; }

    /// Recomputes the curve from the ports' current positions.
    void updatePath();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString id_;
    Kind kind_;
    GraphNodeItem* source_;
    GraphNodeItem* target_;
    QString label_, problem_;
};

} // namespace scs::ui
