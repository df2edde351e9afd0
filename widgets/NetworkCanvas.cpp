// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the canvas: building items from the graph and reading gestures.
//
// [SECTION] items from the graph
// [SECTION] gestures
// [SECTION] view
#include "NetworkCanvas.h"

#include "GraphEdgeItem.h"
#include "GraphNodeItem.h"
#include "NetworkMinimap.h"

#include <QGraphicsLineItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>

namespace scs::ui {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QString populationLine(const Population& p) {
    const std::string model = p.model.name.empty() ? std::string("unnamed model") : p.model.name;
    return QStringLiteral("%1 × %2").arg(p.size).arg(q(model));
}

QString stimulusLine(const Stimulus& s) {
    switch (s.kind) {
    case Stimulus::Kind::Poisson:
        return QObject::tr("%1 Poisson at %2").arg(s.size).arg(q(s.rate));
    case Stimulus::Kind::SpikeGenerator:
        return QObject::tr("%1 spike times").arg(s.spikes.size());
    case Stimulus::Kind::Current:
        return QObject::tr("current into %1: %2").arg(q(s.parameter), q(s.protocol.toString()));
    }
    return {};
}

QString monitorLine(const Monitor& m, const NetworkGraph& g) {
    const Population* p = g.population(m.target);
    const QString of = p ? q(p->name) : QObject::tr("nothing");
    switch (m.kind) {
    case Monitor::Kind::Spikes:
        return QObject::tr("spikes of %1").arg(of);
    case Monitor::Kind::State: {
        QStringList variables;
        for (const auto& v : m.variables) variables << q(v);
        return QObject::tr("%1 of %2").arg(variables.join(QStringLiteral(", ")), of);
    }
    case Monitor::Kind::Rate:
        return QObject::tr("rate of %1").arg(of);
    }
    return {};
}

QString projectionLabel(const Projection& p) {
    const ConnectivityRule& c = p.connectivity;
    QString rule;
    switch (c.kind) {
    case ConnectivityRule::Kind::AllToAll:
        rule = QObject::tr("all to all");
        break;
    case ConnectivityRule::Kind::OneToOne:
        rule = QObject::tr("one to one");
        break;
    case ConnectivityRule::Kind::FixedProbability:
        rule = QStringLiteral("p = %1").arg(c.probability);
        break;
    case ConnectivityRule::Kind::FixedInDegree:
        rule = QObject::tr("in-degree %1").arg(c.degree);
        break;
    case ConnectivityRule::Kind::FixedOutDegree:
        rule = QObject::tr("out-degree %1").arg(c.degree);
        break;
    case ConnectivityRule::Kind::Explicit:
        rule = QObject::tr("%1 pairs").arg(c.pairs.size());
        break;
    case ConnectivityRule::Kind::Distance:
        rule = QObject::tr("by distance");
        break;
    }
    return QStringLiteral("%1, w = %2").arg(rule, q(p.weight.a));
}

} // namespace

NetworkCanvas::NetworkCanvas(QWidget* parent) : QGraphicsView(parent) {
    setObjectName(QStringLiteral("networkCanvas"));
    setScene(new QGraphicsScene(this));
    scene()->setSceneRect(-5000, -5000, 10000, 10000); // room to pan and to add items anywhere
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setToolTip(tr("Drag items to move them, from a right-hand port to a left-hand port to connect; Delete "
                  "removes the selection; Ctrl+wheel zooms, middle button pans; double-click to add"));
    minimap_ = new NetworkMinimap(this);
    connect(scene(), &QGraphicsScene::selectionChanged, this, [this] { emit selectionChanged(selectedIds()); });
    connect(scene(), &QGraphicsScene::changed, minimap_, [this] { minimap_->viewport()->update(); });
}

NetworkCanvas::~NetworkCanvas() {
    // The scene would report selection changes while it deletes the items we still list.
    scene()->disconnect();
    removeItems();
}

// [SECTION] items from the graph

void NetworkCanvas::removeItems() {
    // Edges hold signal connections to their nodes: remove them first, then the nodes.
    for (GraphEdgeItem* e : edges_) delete e;
    edges_.clear();
    for (GraphNodeItem* n : nodes_) delete n;
    nodes_.clear();
}

void NetworkCanvas::setGraph(const NetworkGraph& graph) {
    const QStringList selected = selectedIds();
    const QSignalBlocker quiet(scene()); // one selectionChanged at the end, not one per item
    graph_ = graph;
    dragFrom_ = nullptr;
    moving_ = nullptr;
    if (dragLine_) {
        delete dragLine_;
        dragLine_ = nullptr;
    }
    removeItems();

    auto add = [&](const std::string& id, GraphNodeItem::Kind kind, const std::string& name, const QString& line,
                   const CanvasPosition& at) {
        auto* item = new GraphNodeItem(q(id), kind, q(name.empty() ? id : name), line);
        item->setPos(at.x, at.y);
        scene()->addItem(item);
        nodes_.insert(q(id), item);
    };
    for (const Stimulus& s : graph_.stimuli)
        add(s.id, GraphNodeItem::Kind::Stimulus, s.name, stimulusLine(s), s.canvas);
    for (const Population& p : graph_.populations)
        add(p.id, GraphNodeItem::Kind::Population, p.name, populationLine(p), p.canvas);
    for (const Monitor& m : graph_.monitors)
        add(m.id, GraphNodeItem::Kind::Monitor, m.name, monitorLine(m, graph_), m.canvas);

    auto edge = [&](const std::string& id, GraphEdgeItem::Kind kind, const std::string& from, const std::string& to,
                    const QString& label) {
        GraphNodeItem* source = nodes_.value(q(from));
        GraphNodeItem* target = nodes_.value(q(to));
        if (!source || !target) return; // dangling: validation reports it on the item
        auto* item = new GraphEdgeItem(q(id), kind, source, target, label);
        scene()->addItem(item);
        edges_.push_back(item);
    };
    for (const Projection& p : graph_.projections)
        edge(p.id, GraphEdgeItem::Kind::Projection, p.source, p.target, projectionLabel(p));
    for (const Stimulus& s : graph_.stimuli)
        if (s.kind == Stimulus::Kind::Current) edge({}, GraphEdgeItem::Kind::Current, s.id, s.target, {});
    for (const Monitor& m : graph_.monitors) edge({}, GraphEdgeItem::Kind::Monitor, m.target, m.id, {});
    selectIds(selected);
    minimap_->refit();
}

void NetworkCanvas::setProblems(const QMap<QString, QString>& problems) {
    for (auto it = nodes_.cbegin(); it != nodes_.cend(); ++it) it.value()->setProblem(problems.value(it.key()));
    for (GraphEdgeItem* e : edges_)
        if (!e->id().isEmpty()) e->setProblem(problems.value(e->id()));
}

QStringList NetworkCanvas::selectedIds() const {
    QStringList ids;
    for (const Stimulus& s : graph_.stimuli)
        if (auto* n = nodes_.value(q(s.id)); n && n->isSelected()) ids << n->id();
    for (const Population& p : graph_.populations)
        if (auto* n = nodes_.value(q(p.id)); n && n->isSelected()) ids << n->id();
    for (const Monitor& m : graph_.monitors)
        if (auto* n = nodes_.value(q(m.id)); n && n->isSelected()) ids << n->id();
    for (const GraphEdgeItem* e : edges_)
        if (!e->id().isEmpty() && e->isSelected()) ids << e->id();
    return ids;
}

void NetworkCanvas::selectIds(const QStringList& ids) {
    {
        const QSignalBlocker quiet(scene());
        scene()->clearSelection();
        for (const QString& id : ids) {
            if (auto* n = nodes_.value(id)) n->setSelected(true);
            for (GraphEdgeItem* e : edges_)
                if (e->id() == id) e->setSelected(true);
        }
    }
    emit selectionChanged(selectedIds());
}

// [SECTION] gestures

GraphNodeItem* NetworkCanvas::nodeAt(const QPointF& scenePos) const {
    for (GraphNodeItem* n : nodes_)
        if (n->portAt(scenePos) != GraphNodeItem::Port::None || n->sceneBoundingRect().contains(scenePos)) return n;
    return nullptr;
}

void NetworkCanvas::mousePressEvent(QMouseEvent* event) {
    const QPointF at = mapToScene(event->position().toPoint());
    if (event->button() == Qt::MiddleButton) {
        panning_ = true;
        panLast_ = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() == Qt::LeftButton) {
        GraphNodeItem* node = nodeAt(at);
        if (node && node->portAt(at) == GraphNodeItem::Port::Output) {
            dragFrom_ = node;
            dragLine_ =
                scene()->addLine(QLineF(node->outputPort(), at), QPen(QColor(0x1f, 0x77, 0xb4), 2, Qt::DashLine));
            return;
        }
        if (node) {
            moving_ = node;
            moveStart_ = node->pos();
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void NetworkCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        const QPoint delta = event->position().toPoint() - panLast_;
        panLast_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        return;
    }
    if (dragLine_ && dragFrom_) {
        dragLine_->setLine(QLineF(dragFrom_->outputPort(), mapToScene(event->position().toPoint())));
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void NetworkCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_ && event->button() == Qt::MiddleButton) {
        panning_ = false;
        unsetCursor();
        return;
    }
    if (dragLine_) {
        delete dragLine_;
        dragLine_ = nullptr;
        GraphNodeItem* target = nodeAt(mapToScene(event->position().toPoint()));
        const QPointer<GraphNodeItem> from = dragFrom_;
        dragFrom_ = nullptr;
        if (from && target && target->hasInput()) emit connectRequested(from->id(), target->id());
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (moving_ && moving_->pos() != moveStart_) {
        const QPointer<GraphNodeItem> moved = moving_;
        moving_ = nullptr;
        emit moveRequested(moved->id(), moved->pos());
    }
    moving_ = nullptr;
}

void NetworkCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    const QPointF at = mapToScene(event->position().toPoint());
    if (!nodeAt(at) && event->button() == Qt::LeftButton) {
        emit addRequested(at);
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void NetworkCanvas::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && !selectedIds().isEmpty()) {
        emit deleteRequested(selectedIds());
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

// [SECTION] view

void NetworkCanvas::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        return;
    }
    QGraphicsView::wheelEvent(event);
}

double NetworkCanvas::zoom() const { return transform().m11(); }

void NetworkCanvas::zoomBy(double factor) {
    const double next = std::clamp(zoom() * factor, 0.1, 4.0);
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    scale(next / zoom(), next / zoom());
    setTransformationAnchor(anchor);
    minimap_->viewport()->update();
}

void NetworkCanvas::fitAll() {
    if (nodes_.isEmpty()) return;
    fitInView(scene()->itemsBoundingRect().adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (zoom() > 1.5) zoomBy(1.5 / zoom()); // a small graph is not blown up
    minimap_->refit();
}

void NetworkCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    placeMinimap();
}

void NetworkCanvas::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    minimap_->viewport()->update();
}

void NetworkCanvas::placeMinimap() {
    const QRect area = viewport()->geometry();
    minimap_->move(area.right() - minimap_->width() - 8, area.bottom() - minimap_->height() - 8);
    minimap_->raise();
}

} // namespace scs::ui
