// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one item of the network graph on the canvas: a population, a stimulus or
// a monitor, with an input port on its left and an output port on its right.
#pragma once

#include <QGraphicsObject>
#include <QString>

namespace scs::ui {

class GraphNodeItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum class Kind { Population, Stimulus, Monitor };
    enum class Port { None, Input, Output };

    GraphNodeItem(QString id, Kind kind, QString title, QString subtitle);

    const QString& id() const { return id_; }
    Kind kind() const { return kind_; }
    QString title() const { return title_; }
    bool hasInput() const { return kind_ != Kind::Stimulus; }
    bool hasOutput() const { return kind_ != Kind::Monitor; }
    /// Scene positions of the port centres.
    QPointF inputPort() const;
    QPointF outputPort() const;
    /// The port under `scenePos` (a generous circle, easy to hit), or None.
    Port portAt(const QPointF& scenePos) const;

    /// A validation problem shown as a red outline and in the tooltip; "" clears it.
    void setProblem(const QString& problem);
    const QString& problem() const { return problem_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    static constexpr double kWidth = 180, kHeight = 64, kPortRadius = 7;

signals:
    /// The item moved (edges follow).
    void geometryChanged();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void updateToolTip();

    QString id_;
    Kind kind_;
    QString title_, subtitle_, problem_;
};

} // namespace scs::ui
