// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the canvas's overview in a corner: the whole graph, small, with the part
// the canvas shows outlined; a click moves the canvas there.
#pragma once

#include <QGraphicsView>

namespace scs::ui {

class NetworkMinimap : public QGraphicsView {
    Q_OBJECT
public:
    /// Shows `main`'s scene; follows `main`'s view.
    explicit NetworkMinimap(QGraphicsView* main);

    /// Refits the overview to the scene's items.
    void refit();
    /// The main view's visible area, in scene coordinates.
    QRectF shownArea() const;

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QGraphicsView* main_;
};

} // namespace scs::ui
