// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a QCustomPlot with the studio's look, a context menu and PNG/SVG/CSV export.
#pragma once

#include <qcustomplot.h>

#include <QString>

namespace scs::ui {

/// Base of every plot in the studio. Subclasses fill the plot and override `csv()` when the
/// generic graph dump does not fit their data. Export functions return false and set `error`
/// on failure (never throw); they do not change what is shown.
class PlotBase : public QCustomPlot {
    Q_OBJECT
public:
    explicit PlotBase(QWidget* parent = nullptr);

    /// The plotted data as CSV text with a header line. Default: every graph's (x, y) pairs.
    virtual QString csv() const;
    /// Rescales every axis to its data (the "Reset view" menu entry).
    virtual void resetView();

    bool exportPng(const QString& path, int width = 0, int height = 0, QString* error = nullptr);
    bool exportSvg(const QString& path, int width = 0, int height = 0, QString* error = nullptr);
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    /// Picks the format from the suffix (.png, .svg, .csv).
    bool exportTo(const QString& path, QString* error = nullptr);
    /// Asks for a file name and exports; shows a message box on failure.
    void exportWithDialog();

    /// Applies the studio's fonts, pens and interactions to an axis rect (used by subclasses).
    static void styleAxisRect(QCPAxisRect* rect);

signals:
    /// The user clicked or scrolled in this plot: the main window's "Export Plot" targets it.
    void activated(scs::ui::PlotBase* plot);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    /// Subclasses add entries to the context menu (called before the export entries).
    virtual void extendContextMenu(QMenu* menu);
};

} // namespace scs::ui
