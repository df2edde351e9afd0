// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the analysis area: pick an analysis, edit its settings, run it, read its results.
#pragma once

#include "AnalysisResultView.h"
#include "HeatmapPlot.h"
#include "SeriesPlot.h"
#include "SettingsForm.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace scs::ui {

/// Left: a selector of the analyses the application declared, the selected one's generated
/// settings form, Run and Cancel, and its status. Right: a tab of results per analysis, created on
/// first use by title and reused afterwards (a new result replaces the old one); a hint while
/// none has run. The panel runs nothing itself: it emits `runRequested` / `cancelRequested` and
/// the application reports back through setRunning and setStatus. Main thread only.
class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisPanel(QWidget* parent = nullptr);

    // --- settings side
    /// Declares an analysis (`id` keys everything else; `hint` is shown under the selector).
    void addAnalysis(const QString& id, const QString& title, const QString& hint);
    QStringList analyses() const { return ids_; }
    /// The generated form of an analysis (null for an unknown id).
    SettingsForm* form(const QString& id) const;
    QString currentAnalysis() const;
    void setCurrentAnalysis(const QString& id);
    /// Run/Cancel of the selected analysis follow its running state.
    void setRunning(const QString& id, bool running);
    bool isRunning(const QString& id) const { return running_.value(id, false); }
    /// The line under the buttons for an analysis (shown while it is selected).
    void setStatus(const QString& id, const QString& text, bool error = false);
    QString status(const QString& id) const { return status_.value(id).first; }
    QComboBox* selector() const { return selector_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }

    // --- results side
    /// The result page titled `title`, created on first use; made the current tab.
    AnalysisResultView* resultView(const QString& title);
    /// The existing page titled `title`, or null.
    AnalysisResultView* existingResultView(const QString& title) const;
    /// A page whose first plot is a series / heatmap plot (for results that are just one plot).
    SeriesPlot* seriesTab(const QString& title);
    HeatmapPlot* heatmapTab(const QString& title);
    /// A page's first plot (nullptr when there is none).
    PlotBase* plot(const QString& title) const;
    QTabWidget* tabs() const { return tabs_; }
    void clear();

signals:
    void runRequested(const QString& id);
    void cancelRequested(const QString& id);
    void currentAnalysisChanged(const QString& id);
    /// The user changed a setting of analysis `id` (its form's values are the new ones).
    void settingsEdited(const QString& id);
    void plotActivated(scs::ui::PlotBase* plot);

private:
    void showCurrent();

    QStringList ids_;
    QHash<QString, QString> hints_;
    QHash<QString, bool> running_;
    QHash<QString, QPair<QString, bool>> status_;
    QComboBox* selector_;
    QLabel* hintLabel_;
    QStackedWidget* forms_;
    QPushButton* run_;
    QPushButton* cancel_;
    QLabel* statusLabel_;
    QTabWidget* tabs_;
    QStackedWidget* results_;
    QLabel* emptyHint_;
};

} // namespace scs::ui
