// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — screenshot mode.
#include "Screenshot.h"

#include "AnalysisController.h"
#include "AnalysisKinds.h"
#include "MainWindow.h"
#include "PlaygroundView.h"

#include "TracePlot.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>

namespace scs::ui {

bool renderScreenshot(const QString& outputPng, const QString& project, QString* error, int width, int height,
                      const QString& analysis) {
    if (!analysis.isEmpty() && !findAnalysisKind(analysis)) {
        QStringList ids;
        for (const AnalysisKind& k : analysisKinds()) ids << k.id;
        *error = QStringLiteral("unknown analysis '%1' (one of: %2)").arg(analysis, ids.join(QStringLiteral(", ")));
        return false;
    }
    MainWindow window(MainWindow::Options{false});
    if (!project.isEmpty()) {
        if (!QFileInfo::exists(project)) {
            *error = QStringLiteral("%1: no such file").arg(project);
            return false;
        }
        if (!window.openProject(project, error)) return false;
    } else {
        window.openDefaultProject();
    }
    window.resize(width, height);
    window.show();
    QApplication::processEvents();
    window.applyDefaultLayout();
    QApplication::processEvents();
    // The phase-plane dock's visibility is known only once shown; run after layout so every
    // plot (traces, phase plane) has its data before the grab.
    window.playground()->runNow();
    window.playground()->runner()->waitForIdle();
    QApplication::processEvents();
    if (!analysis.isEmpty()) {
        QString outcome;
        QObject::connect(window.analyses(), &AnalysisController::finished, &window,
                         [&outcome](const QString&, scs::JobState state, const QString& text) {
                             if (state != scs::JobState::Finished) outcome = text;
                         });
        // Results need room: give the bottom docks about half the height.
        if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("analysisDock")))
            window.resizeDocks({dock}, {height * 46 / 100}, Qt::Vertical);
        if (!window.runAnalysis(analysis) || !window.analyses()->waitForIdle(120000) || !outcome.isEmpty()) {
            *error = outcome.isEmpty() ? QStringLiteral("analysis '%1' did not finish").arg(analysis) : outcome;
            return false;
        }
        QApplication::processEvents();
    }
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>()) plot->replot(QCustomPlot::rpImmediateRefresh);
    QApplication::processEvents();
    const QPixmap pixmap = window.grab();
    if (pixmap.isNull() || pixmap.width() != width || pixmap.height() != height) {
        *error = QStringLiteral("window rendered at %1x%2 instead of %3x%4")
                     .arg(pixmap.width())
                     .arg(pixmap.height())
                     .arg(width)
                     .arg(height);
        return false;
    }
    QImageWriter writer(outputPng, "png");
    if (!writer.write(pixmap.toImage())) {
        *error = QStringLiteral("%1: %2").arg(outputPng, writer.errorString());
        return false;
    }
    return true;
}

} // namespace scs::ui
