// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the node-graph editor's canvas: shows a NetworkGraph as items and edges,
// and turns the user's gestures into requests (move, connect, delete) for the owner to apply.
//
// The canvas never changes the graph itself: its owner (the app's network document) applies a
// request as an undoable edit and calls setGraph with the result, so every edit goes through the
// owner's undo stack.
#pragma once

#include "network/NetworkGraph.h"

#include <QGraphicsView>
#include <QMap>
#include <QPointer>

namespace scs::ui {

class GraphEdgeItem;
class GraphNodeItem;
class NetworkMinimap;

class NetworkCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit NetworkCanvas(QWidget* parent = nullptr);
    ~NetworkCanvas() override;

    /// Shows `graph`, keeping the selection (by id) and the view.
    void setGraph(const NetworkGraph& graph);
    const NetworkGraph& graph() const { return graph_; }

    /// Validation problems by item id (population, stimulus, monitor or projection); shown as a
    /// red outline and in the item's tooltip. Replaces the previous ones.
    void setProblems(const QMap<QString, QString>& problems);

    /// Ids of the selected items and projections, in graph order.
    QStringList selectedIds() const;
    void selectIds(const QStringList& ids);

    GraphNodeItem* node(const QString& id) const { return nodes_.value(id); }
    QList<GraphEdgeItem*> edges() const { return edges_; }
    NetworkMinimap* minimap() const { return minimap_; }

    /// Zoom by a factor around the view's centre, within [0.1, 4].
    void zoomBy(double factor);
    double zoom() const;
    /// Fits every item into the view (with a margin).
    void fitAll();

signals:
    /// A node was dragged to a new place (scene coordinates of its top-left corner).
    void moveRequested(const QString& id, const QPointF& position);
    /// The user dragged from `source`'s output port to `target`'s input port.
    void connectRequested(const QString& source, const QString& target);
    /// Delete pressed with these selected.
    void deleteRequested(const QStringList& ids);
    void selectionChanged(const QStringList& ids);
    /// Double click on empty canvas: the owner may offer to add an item there.
    void addRequested(const QPointF& position);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    GraphNodeItem* nodeAt(const QPointF& scenePos) const;
    void removeItems();
    void placeMinimap();

    NetworkGraph graph_;
    QMap<QString, GraphNodeItem*> nodes_;
    QList<GraphEdgeItem*> edges_;
    NetworkMinimap* minimap_;
    // A connection being dragged: from this node's output port to the cursor.
    QPointer<GraphNodeItem> dragFrom_;
    QGraphicsLineItem* dragLine_ = nullptr;
    // A node being moved: where it started, to request the move on release.
    QPointer<GraphNodeItem> moving_;
    QPointF moveStart_;
    bool panning_ = false;
    QPoint panLast_;
};

} // namespace scs::ui
