// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — phase-plane plot and its axis chooser.
#include "PhasePlaneView.h"

#include "PolylineSimplify.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QTextStream>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scs::ui {

PhasePlaneView::PhasePlaneView(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setPlottingHint(QCP::phFastPolylines, true); // wide pens: segments draw ~10x faster (see TracePlot)
    axisRect()->setupFullAxesBox(true);
    xAxis2->setTickLabels(false);
    yAxis2->setTickLabels(false);
    styleAxisRect(axisRect());
    trajectory_ = new QCPCurve(xAxis, yAxis);
    // The trajectory gets its own buffered layer, just below everything else it was drawn under,
    // so a drag step that changes nothing else redraws only it (see setTrajectory).
    addLayer(QStringLiteral("trajectory"), layer(QStringLiteral("main")), limBelow);
    layer(QStringLiteral("trajectory"))->setMode(QCPLayer::lmBuffered);
    trajectory_->setLayer(QStringLiteral("trajectory"));
    trajectory_->setName(tr("trajectory"));
    trajectory_->setPen(QPen(paletteColor(0), 1.6));
    start_ = addGraph();
    start_->setName(tr("start"));
    start_->setLineStyle(QCPGraph::lsNone);
    start_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(20, 20, 20), QColor(255, 255, 255), 8));
    message_ = new QCPItemText(this);
    message_->position->setType(QCPItemPosition::ptAxisRectRatio);
    message_->position->setCoords(0.5, 0.5);
    message_->setColor(QColor(120, 120, 120));
    message_->setVisible(false);
    legend->setVisible(false);
    QFont legendFont = font();
    legendFont.setPointSizeF(std::max(7.0, legendFont.pointSizeF() - 1));
    legend->setFont(legendFont);
    legend->setBrush(QBrush(QColor(255, 255, 255, 215)));
    legend->setBorderPen(QPen(QColor(200, 200, 200)));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    connect(this, &QCustomPlot::afterLayout, this, &PhasePlaneView::updateTrajectory);
}

void PhasePlaneView::setMessage(const QString& message) {
    data_ = PhasePlaneData();
    trajectoryDirty_ = true;
    trajectory_->data()->clear();
    start_->data()->clear();
    for (QCPCurve* c : nullclines_) removePlottable(c);
    nullclines_.clear();
    drawField(); // no field: hides every arrow
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
    replot(rpQueuedReplot);
}

void PhasePlaneView::setPhasePlane(const PhasePlaneData& data) {
    data_ = data;
    message_->setVisible(false);
    xAxis->setLabel(data.xLabel);
    yAxis->setLabel(data.yLabel);
    // Handed over simplified by updateTrajectory(), once the axes for this data are laid out.
    trajectoryDirty_ = true;
    trajectory_->data()->clear();
    if (!data.trajectoryX.isEmpty() && !data.trajectoryY.isEmpty())
        start_->setData({data.trajectoryX.front()}, {data.trajectoryY.front()});
    else
        start_->data()->clear();
    setNullclines();
    legend->setVisible(!nullclines_.isEmpty());
    resetView();
}

void PhasePlaneView::setTrajectory(const QVector<double>& x, const QVector<double>& y) {
    const bool sameStart = !x.isEmpty() && !y.isEmpty() && !data_.trajectoryX.isEmpty() &&
                           !data_.trajectoryY.isEmpty() && x.front() == data_.trajectoryX.front() &&
                           y.front() == data_.trajectoryY.front();
    data_.trajectoryX = x;
    data_.trajectoryY = y;
    trajectoryDirty_ = true;
    const QCPRange oldX = xAxis->range(), oldY = yAxis->range();
    fitAxes();
    if (sameStart && xAxis->range() == oldX && yAxis->range() == oldY && !message_->visible()) {
        // Arrows, nullclines, start point and axes are drawn as they stay: redraw the trajectory.
        if (!trajectoryReplotQueued_) {
            trajectoryReplotQueued_ = true;
            QMetaObject::invokeMethod(this, &PhasePlaneView::replotTrajectory, Qt::QueuedConnection);
        }
        return;
    }
    if (!x.isEmpty() && !y.isEmpty())
        start_->setData({x.front()}, {y.front()});
    else
        start_->data()->clear();
    drawField();
    replot(rpQueuedReplot);
}

void PhasePlaneView::replotTrajectory() {
    trajectoryReplotQueued_ = false;
    QCPLayer* own = trajectory_->layer();
    if (hasInvalidatedPaintBuffers() || own->mode() != QCPLayer::lmBuffered) { // e.g. resized since
        replot();
        return;
    }
    emit beforeReplot();
    updateTrajectory(); // no layout pass runs here, so simplify for the (unchanged) axes now
    own->replot();      // redraws this layer's buffer and schedules the widget's paint
    emit afterReplot();
}

void PhasePlaneView::setNullclines() {
    // Same count as before (every slider move): keep the curves and their legend entries.
    if (nullclines_.size() != data_.nullclines.size()) {
        for (QCPCurve* c : nullclines_) removePlottable(c);
        nullclines_.clear();
        for (int i = 0; i < data_.nullclines.size(); ++i) nullclines_.push_back(new QCPCurve(xAxis, yAxis));
    }
    for (int i = 0; i < data_.nullclines.size(); ++i) {
        const auto& n = data_.nullclines[i];
        QCPCurve* c = nullclines_[i];
        c->setName(n.name);
        c->setPen(QPen(n.color.isValid() ? n.color : paletteColor(i + 1), 1.4, Qt::DashLine));
        c->setData(n.x, n.y);
    }
}

void PhasePlaneView::resetView() {
    fitAxes();
    drawField();
    replot(rpQueuedReplot);
}

void PhasePlaneView::fitAxes() {
    // The axes fit the data itself (QCustomPlot holds a simplified trajectory), plus the vector
    // field's extent so it stays visible when the trajectory sits in one corner. An axis with no
    // finite data keeps its range; a single value keeps the current span around it.
    const double inf = std::numeric_limits<double>::infinity();
    double xlo = inf, xhi = -inf, ylo = inf, yhi = -inf;
    auto addAll = [&](const QVector<double>& xs, const QVector<double>& ys) {
        for (double v : xs)
            if (std::isfinite(v)) {
                xlo = std::min(xlo, v);
                xhi = std::max(xhi, v);
            }
        for (double v : ys)
            if (std::isfinite(v)) {
                ylo = std::min(ylo, v);
                yhi = std::max(yhi, v);
            }
    };
    addAll(data_.trajectoryX, data_.trajectoryY);
    for (const auto& n : data_.nullclines) addAll(n.x, n.y);
    addAll(data_.fieldX, data_.fieldY);
    auto apply = [](QCPAxis* axis, double lo, double hi) {
        if (!(lo <= hi)) return; // no finite value
        if (lo == hi) {
            const double half = axis->range().size() / 2;
            lo -= half;
            hi += half;
        }
        axis->setRange(lo, hi);
    };
    apply(xAxis, xlo, xhi);
    apply(yAxis, ylo, yhi);
    xAxis->scaleRange(1.05, xAxis->range().center());
    yAxis->scaleRange(1.05, yAxis->range().center());
}

void PhasePlaneView::updateTrajectory() {
    const QSize size = axisRect()->rect().size();
    if (!trajectoryDirty_ && size == drawnSize_ && xAxis->range() == drawnX_ && yAxis->range() == drawnY_) return;
    trajectoryDirty_ = false;
    drawnSize_ = size;
    drawnX_ = xAxis->range();
    drawnY_ = yAxis->range();
    const qsizetype n = std::min(data_.trajectoryX.size(), data_.trajectoryY.size());
    const double xs = drawnX_.size(), ys = drawnY_.size();
    if (n == 0 || size.isEmpty() || !(xs > 0) || !(ys > 0)) { // nothing, or not laid out: all of it
        trajectory_->setData(data_.trajectoryX, data_.trajectoryY);
        return;
    }
    // In pixels, so "half a pixel" (under the 1.6 px pen) is the same everywhere on screen.
    const double sx = size.width() / xs, sy = size.height() / ys;
    pixels_.resize(n);
    for (qsizetype i = 0; i < n; ++i) pixels_[i] = QPointF(data_.trajectoryX[i] * sx, data_.trajectoryY[i] * sy);
    simplifyPolyline(pixels_, 0.5, simplified_);
    drawnXData_.resize(simplified_.size());
    drawnYData_.resize(simplified_.size());
    for (qsizetype i = 0; i < simplified_.size(); ++i) {
        drawnXData_[i] = simplified_[i].x() / sx;
        drawnYData_[i] = simplified_[i].y() / sy;
    }
    trajectory_->setData(drawnXData_, drawnYData_);
}

void PhasePlaneView::drawField() {
    arrowCount_ = 0;
    const int n = std::min({data_.fieldX.size(), data_.fieldY.size(), data_.fieldDx.size(), data_.fieldDy.size()});
    const double xs = xAxis->range().size(), ys = yAxis->range().size();
    if (n > 0 && xs > 0 && ys > 0) {
        const double cells = std::max(4.0, std::sqrt(static_cast<double>(n)));
        const double length = 0.55 / cells; // fraction of the axis span
        double maxSpeed = 0;
        QVector<double> speed(n);
        for (int i = 0; i < n; ++i) {
            speed[i] = std::hypot(data_.fieldDx[i] / xs, data_.fieldDy[i] / ys);
            if (std::isfinite(speed[i])) maxSpeed = std::max(maxSpeed, speed[i]);
        }
        for (int i = 0; i < n; ++i) {
            if (!std::isfinite(speed[i]) || speed[i] <= 0) continue;
            const double ux = data_.fieldDx[i] / xs / speed[i], uy = data_.fieldDy[i] / ys / speed[i];
            if (arrowCount_ == arrows_.size()) {
                auto* created = new QCPItemLine(this);
                created->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 5, 6));
                created->setSelectable(false);
                arrows_.push_back(created);
            }
            QCPItemLine* arrow = arrows_[arrowCount_++];
            arrow->start->setCoords(data_.fieldX[i], data_.fieldY[i]);
            arrow->end->setCoords(data_.fieldX[i] + ux * length * xs, data_.fieldY[i] + uy * length * ys);
            // Slow regions dark, fast light: the eye finds fixed points and slow manifolds first.
            const double rel = maxSpeed > 0 ? std::pow(speed[i] / maxSpeed, 0.25) : 0;
            const int shade = static_cast<int>(70 + 120 * rel);
            arrow->setPen(QPen(QColor(shade, shade, shade + 20)));
            arrow->setVisible(true);
        }
    }
    for (int i = arrowCount_; i < arrows_.size(); ++i) arrows_[i]->setVisible(false);
}

QString PhasePlaneView::csv() const {
    QString out;
    QTextStream s(&out);
    s << "# trajectory\n" << data_.xLabel << ',' << data_.yLabel << '\n';
    for (int i = 0; i < std::min(data_.trajectoryX.size(), data_.trajectoryY.size()); ++i)
        s << QString::number(data_.trajectoryX[i], 'g', 10) << ',' << QString::number(data_.trajectoryY[i], 'g', 10) << '\n';
    for (const auto& n : data_.nullclines) {
        s << "\n# nullcline " << n.name << '\n' << data_.xLabel << ',' << data_.yLabel << '\n';
        for (int i = 0; i < std::min(n.x.size(), n.y.size()); ++i)
            s << QString::number(n.x[i], 'g', 10) << ',' << QString::number(n.y[i], 'g', 10) << '\n';
    }
    if (!data_.fieldX.isEmpty()) {
        s << "\n# vector field\nx,y,dx,dy\n";
        for (int i = 0; i < data_.fieldX.size(); ++i)
            s << data_.fieldX[i] << ',' << data_.fieldY[i] << ',' << data_.fieldDx[i] << ',' << data_.fieldDy[i] << '\n';
    }
    return out;
}

PhasePlanePanel::PhasePlanePanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* row = new QHBoxLayout;
    x_ = new QComboBox;
    y_ = new QComboBox;
    x_->setToolTip(tr("State on the horizontal axis"));
    y_->setToolTip(tr("State on the vertical axis"));
    row->addWidget(new QLabel(tr("x:")));
    row->addWidget(x_, 1);
    row->addSpacing(8);
    row->addWidget(new QLabel(tr("y:")));
    row->addWidget(y_, 1);
    layout->addLayout(row);
    view_ = new PhasePlaneView;
    layout->addWidget(view_, 1);
    auto emitAxes = [this] { emit axesChanged(x_->currentIndex(), y_->currentIndex()); };
    connect(x_, &QComboBox::currentIndexChanged, this, emitAxes);
    connect(y_, &QComboBox::currentIndexChanged, this, emitAxes);
}

void PhasePlanePanel::setStateNames(const QStringList& names) {
    const QString oldX = x_->currentText(), oldY = y_->currentText();
    QSignalBlocker bx(x_), by(y_);
    x_->clear();
    y_->clear();
    x_->addItems(names);
    y_->addItems(names);
    const int xi = names.indexOf(oldX), yi = names.indexOf(oldY);
    x_->setCurrentIndex(xi >= 0 && xi != yi ? xi : 0);
    y_->setCurrentIndex(yi >= 0 && yi != x_->currentIndex() ? yi : std::min<int>(1, names.size() - 1));
    x_->setEnabled(names.size() >= 2);
    y_->setEnabled(names.size() >= 2);
}

} // namespace scs::ui
