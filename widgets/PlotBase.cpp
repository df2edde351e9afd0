// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — common plot look, context menu and export.
#include "PlotBase.h"

#include "PlotData.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>

namespace scs::ui {

QColor paletteColor(int index) {
    static const QColor colors[] = {
        QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44), QColor(148, 103, 189),
        QColor(255, 127, 14), QColor(23, 190, 207), QColor(140, 86, 75), QColor(227, 119, 194),
        QColor(127, 127, 127), QColor(188, 189, 34)};
    const int n = static_cast<int>(std::size(colors));
    return colors[((index % n) + n) % n];
}

PlotBase::PlotBase(QWidget* parent) : QCustomPlot(parent) {
    setBackground(QBrush(Qt::white));
    setAntialiasedElements(QCP::aePlottables);
    setNoAntialiasingOnDrag(true); // keeps dragging smooth on long traces
    setMinimumSize(200, 150);
    setToolTip(tr("Drag to pan, scroll to zoom, right-click to export or reset the view"));
    styleAxisRect(axisRect());
}

void PlotBase::styleAxisRect(QCPAxisRect* rect) {
    QFont tickFont = rect->parentPlot()->font();
    tickFont.setPointSizeF(std::max(8.0, tickFont.pointSizeF() - 0.5));
    QFont labelFont = rect->parentPlot()->font();
    const QPen axisPen(QColor(90, 90, 90));
    const QPen gridPen(QColor(225, 225, 225), 0, Qt::SolidLine);
    for (QCPAxis* axis : rect->axes()) {
        axis->setTickLabelFont(tickFont);
        axis->setLabelFont(labelFont);
        axis->setBasePen(axisPen);
        axis->setTickPen(axisPen);
        axis->setSubTickPen(axisPen);
        axis->setTickLabelColor(QColor(60, 60, 60));
        axis->setLabelColor(QColor(40, 40, 40));
        axis->grid()->setPen(gridPen);
        axis->grid()->setZeroLinePen(QPen(QColor(200, 200, 200)));
    }
    rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
}

QString PlotBase::csv() const {
    QString out;
    QTextStream s(&out);
    bool first = true;
    for (int g = 0; g < graphCount(); ++g) {
        const QCPGraph* gr = graph(g);
        if (gr->data()->isEmpty()) continue;
        if (!first) s << '\n';
        first = false;
        const QString name = gr->name().isEmpty() ? QStringLiteral("series%1").arg(g) : gr->name();
        s << "# " << name << '\n' << gr->keyAxis()->label() << ',' << gr->valueAxis()->label() << '\n';
        for (auto it = gr->data()->constBegin(); it != gr->data()->constEnd(); ++it)
            s << QString::number(it->key, 'g', 10) << ',' << QString::number(it->value, 'g', 10) << '\n';
    }
    return out;
}

void PlotBase::resetView() {
    rescaleAxes();
    replot();
}

bool PlotBase::exportPng(const QString& path, int width, int height, QString* error) {
    if (!savePng(path, width, height)) {
        if (error) *error = tr("Could not write PNG file %1").arg(path);
        return false;
    }
    return true;
}

bool PlotBase::exportSvg(const QString& path, int width, int height, QString* error) {
    const int w = width > 0 ? width : this->width();
    const int h = height > 0 ? height : this->height();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(w, h));
    generator.setViewBox(QRect(0, 0, w, h));
    generator.setTitle(windowTitle().isEmpty() ? QStringLiteral("SC-NeuroCore Studio plot") : windowTitle());
    QCPPainter painter;
    if (!painter.begin(&generator)) {
        if (error) *error = tr("Could not write SVG file %1").arg(path);
        return false;
    }
    toPainter(&painter, w, h);
    painter.end();
    if (!QFileInfo::exists(path)) {
        if (error) *error = tr("Could not write SVG file %1").arg(path);
        return false;
    }
    return true;
}

bool PlotBase::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error) *error = tr("Could not open %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(csv().toUtf8());
    if (!file.commit()) {
        if (error) *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool PlotBase::exportTo(const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return exportPng(path, 0, 0, error);
    if (suffix == QLatin1String("svg")) return exportSvg(path, 0, 0, error);
    if (suffix == QLatin1String("csv")) return exportCsv(path, error);
    if (error) *error = tr("Unknown export format '%1': use .png, .svg or .csv").arg(suffix);
    return false;
}

void PlotBase::exportWithDialog() {
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Plot"), QString(),
        tr("PNG image (*.png);;SVG vector image (*.svg);;CSV data (*.csv)"), &selected);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) {
        if (selected.contains(QLatin1String("svg"))) path += QStringLiteral(".svg");
        else if (selected.contains(QLatin1String("csv"))) path += QStringLiteral(".csv");
        else path += QStringLiteral(".png");
    }
    QString error;
    if (!exportTo(path, &error)) QMessageBox::warning(this, tr("Export Plot"), error);
}

void PlotBase::extendContextMenu(QMenu*) {}

void PlotBase::contextMenuEvent(QContextMenuEvent* event) {
    emit activated(this);
    QMenu menu(this);
    extendContextMenu(&menu);
    menu.addAction(tr("Reset View"), this, [this] { resetView(); });
    menu.addSeparator();
    auto exportAs = [this](const QString& filter, const QString& suffix) {
        QString path = QFileDialog::getSaveFileName(this, tr("Export Plot"), QString(), filter);
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += suffix;
        QString error;
        if (!exportTo(path, &error)) QMessageBox::warning(this, tr("Export Plot"), error);
    };
    menu.addAction(tr("Export as PNG…"), this, [=] { exportAs(tr("PNG image (*.png)"), ".png"); });
    menu.addAction(tr("Export as SVG…"), this, [=] { exportAs(tr("SVG vector image (*.svg)"), ".svg"); });
    menu.addAction(tr("Export Data as CSV…"), this, [=] { exportAs(tr("CSV data (*.csv)"), ".csv"); });
    menu.exec(event->globalPos());
}

void PlotBase::mousePressEvent(QMouseEvent* event) {
    emit activated(this);
    QCustomPlot::mousePressEvent(event);
}

void PlotBase::wheelEvent(QWheelEvent* event) {
    emit activated(this);
    QCustomPlot::wheelEvent(event);
}

} // namespace scs::ui
