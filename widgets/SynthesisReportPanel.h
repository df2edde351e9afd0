// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the Synthesis Report panel: what each target costs, runs so far, Run and Cancel.
#pragma once

#include "hdl/SynthesisReport.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabBar;
class QTableWidget;

namespace scs::ui {

class GroupedBarPlot;
class LogDialog;
class SynthesisRunView;
class UtilisationGauge;

/// Shows a design's synthesis history: one tab per target with the latest run next to the latest
/// estimate (SynthesisRunView), LUTs and flip-flops of every target side by side, and a table of
/// every run. Selecting a row of the history shows that run instead of the latest. Asks for runs
/// through `synthesiseRequested` and never runs anything itself; the owner reports progress with
/// setRunning/setProgress and feeds the grown history back with setReports. Main thread only.
class SynthesisReportPanel : public QWidget {
    Q_OBJECT
public:
    explicit SynthesisReportPanel(QWidget* parent = nullptr);

    /// Every run and estimate of one design so far, oldest first (estimates have estimated = true).
    /// Keeps the shown target unless the history gained a synthesis run: then its target is shown.
    void setReports(std::vector<hdl::SynthesisReport> history);
    const std::vector<hdl::SynthesisReport>& reports() const { return history_; }

    /// The shown target's name ("ice40"); "" when there is nothing to show.
    QString currentTarget() const;
    /// Shows the latest run of `target`; false when the history has nothing for it.
    bool setCurrentTarget(const QString& target);
    /// Shows history_[index] (a synthesis run) on its target's tab; false when out of range.
    bool showRun(int index);

    /// While running: Run is disabled, Cancel enabled and the progress bar busy until setProgress.
    /// `message` goes to the status line (when stopping too: "Finished", "Cancelled").
    void setRunning(bool running, const QString& message = {});
    /// `fraction` in 0..1; negative: unknown (busy bar).
    void setProgress(double fraction, const QString& message = {});
    bool isRunning() const { return running_; }
    QString statusText() const;

    QComboBox* runTargetCombo() const { return runTarget_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }
    QTabBar* targetTabs() const { return tabs_; }
    SynthesisRunView* runView() const { return view_; }
    QTableWidget* resourceTable() const;
    QTableWidget* cellTable() const;
    /// Time, target, LUTs, FFs, fmax, result: one row per synthesis run, newest first.
    QTableWidget* historyTable() const { return historyTable_; }
    /// Categories are targets; series "LUTs" and "FFs".
    GroupedBarPlot* comparisonPlot() const { return comparison_; }
    /// "LUTs", "FFs", "BRAM", "DSP".
    UtilisationGauge* gauge(const QString& resource) const;
    /// The shown run's error; "" when it succeeded or there is none.
    QString errorText() const;
    /// Opens the shown run's log (non-modal); logDialog() is null until then.
    void showLog();
    LogDialog* logDialog() const;

    /// History columns.
    enum HistoryColumn { TimeColumn, TargetColumn, LutColumn, FlipFlopColumn, FmaxColumn, ResultColumn };

signals:
    /// The user pressed Run Synthesis: a target name ("ice40") or "all".
    void synthesiseRequested(const QString& target);
    void cancelRequested();

private:
    void rebuildTabs();
    void fillHistory();
    void fillComparison();
    void showTarget(hdl::SynthesisTarget target, int runIndex);
    int latestIndex(hdl::SynthesisTarget target, bool estimated, bool okOnly = false) const;

    std::vector<hdl::SynthesisReport> history_;
    QComboBox* runTarget_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    QTabBar* tabs_;
    SynthesisRunView* view_;
    GroupedBarPlot* comparison_;
    QTableWidget* historyTable_;
    int shownRun_ = -1;     // history_ index of the run on show, -1: none
    bool updating_ = false; // set while the panel moves tabs or selection itself
    bool running_ = false;
};

} // namespace scs::ui
