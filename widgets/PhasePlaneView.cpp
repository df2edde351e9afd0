// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — phase-plane plot and its axis chooser.
#include "PhasePlaneView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QTextStream>
#include <QVBoxLayout>

#include <cmath>

namespace scs::ui {

PhasePlaneView::PhasePlaneView(QWidget* parent) : PlotBase(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setupFullAxesBox(true);
    xAxis2->setTickLabels(false);
    yAxis2->setTickLabels(false);
    styleAxisRect(axisRect());
    trajectory_ = new QCPCurve(xAxis, yAxis);
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
}

void PhasePlaneView::setMessage(const QString& message) {
    data_ = PhasePlaneData();
    trajectory_->data()->clear();
    start_->data()->clear();
    for (QCPCurve* c : nullclines_) removePlottable(c);
    nullclines_.clear();
    clearItems(); // removes the arrows and the old message
    arrowCount_ = 0;
    message_ = new QCPItemText(this);
    message_->position->setType(QCPItemPosition::ptAxisRectRatio);
    message_->position->setCoords(0.5, 0.5);
    message_->setColor(QColor(120, 120, 120));
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
    replot(rpQueuedReplot);
}

void PhasePlaneView::setPhasePlane(const PhasePlaneData& data) {
    setMessage(QString());
    data_ = data;
    xAxis->setLabel(data.xLabel);
    yAxis->setLabel(data.yLabel);
    trajectory_->setData(data.trajectoryX, data.trajectoryY);
    if (!data.trajectoryX.isEmpty())
        start_->setData({data.trajectoryX.front()}, {data.trajectoryY.front()});
    for (int i = 0; i < data.nullclines.size(); ++i) {
        const auto& n = data.nullclines[i];
        auto* c = new QCPCurve(xAxis, yAxis);
        c->setName(n.name);
        c->setPen(QPen(n.color.isValid() ? n.color : paletteColor(i + 1), 1.4, Qt::DashLine));
        c->setData(n.x, n.y);
        nullclines_.push_back(c);
    }
    legend->setVisible(!nullclines_.isEmpty());
    resetView();
}

void PhasePlaneView::resetView() {
    rescaleAxes();
    // Keep the vector field's extent visible even when the trajectory sits in one corner.
    if (!data_.fieldX.isEmpty()) {
        auto [xlo, xhi] = std::minmax_element(data_.fieldX.begin(), data_.fieldX.end());
        auto [ylo, yhi] = std::minmax_element(data_.fieldY.begin(), data_.fieldY.end());
        QCPRange xr = xAxis->range(), yr = yAxis->range();
        xr.expand(QCPRange(*xlo, *xhi));
        yr.expand(QCPRange(*ylo, *yhi));
        xAxis->setRange(xr);
        yAxis->setRange(yr);
    }
    xAxis->scaleRange(1.05, xAxis->range().center());
    yAxis->scaleRange(1.05, yAxis->range().center());
    drawField();
    replot(rpQueuedReplot);
}

void PhasePlaneView::drawField() {
    for (int i = itemCount() - 1; i >= 0; --i)
        if (item(i) != message_) removeItem(i);
    arrowCount_ = 0;
    const int n = std::min({data_.fieldX.size(), data_.fieldY.size(), data_.fieldDx.size(), data_.fieldDy.size()});
    if (n == 0) return;
    const double xs = xAxis->range().size(), ys = yAxis->range().size();
    if (xs <= 0 || ys <= 0) return;
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
        auto* arrow = new QCPItemLine(this);
        arrow->start->setCoords(data_.fieldX[i], data_.fieldY[i]);
        arrow->end->setCoords(data_.fieldX[i] + ux * length * xs, data_.fieldY[i] + uy * length * ys);
        // Slow regions dark, fast light: the eye finds fixed points and slow manifolds first.
        const double rel = maxSpeed > 0 ? std::pow(speed[i] / maxSpeed, 0.25) : 0;
        const int shade = static_cast<int>(70 + 120 * rel);
        arrow->setPen(QPen(QColor(shade, shade, shade + 20)));
        arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 5, 6));
        arrow->setSelectable(false);
        ++arrowCount_;
    }
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
