// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Synthesis Report panel.
#include "SynthesisReportPanel.h"

#include "GroupedBarPlot.h"
#include "SynthesisRunView.h"
#include "SynthesisText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace scs::ui {

namespace {
constexpr int progressSteps = 1000;

QString targetName(hdl::SynthesisTarget t) { return QString::fromLatin1(hdl::name(t)); }

int runCount(const std::vector<hdl::SynthesisReport>& history) {
    return static_cast<int>(std::count_if(history.begin(), history.end(), [](const auto& r) { return !r.estimated; }));
}
} // namespace

SynthesisReportPanel::SynthesisReportPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("synthesisReportPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);

    auto* controls = new QHBoxLayout;
    auto* targetLabel = new QLabel(tr("Target:"));
    runTarget_ = new QComboBox;
    runTarget_->setObjectName(QStringLiteral("runTargetCombo"));
    for (hdl::SynthesisTarget t : hdl::synthesisTargets()) {
        const hdl::DeviceCapacity c = hdl::deviceCapacity(t);
        runTarget_->addItem(targetName(t), targetName(t));
        runTarget_->setItemData(runTarget_->count() - 1,
                                c.device.empty() ? tr("Generic gates, no device")
                                                 : tr("Measured against %1").arg(QString::fromStdString(c.device)),
                                Qt::ToolTipRole);
    }
    runTarget_->addItem(tr("all targets"), QStringLiteral("all"));
    runTarget_->setToolTip(tr("The FPGA family to synthesise for (Yosys; iCE40 also places and routes)"));
    targetLabel->setBuddy(runTarget_);
    run_ = new QPushButton(tr("Run Synthesis"));
    run_->setObjectName(QStringLiteral("runSynthesisButton"));
    run_->setToolTip(tr("Synthesise the generated SystemVerilog for the chosen target; needs Yosys"));
    connect(run_, &QPushButton::clicked, this,
            [this] { emit synthesiseRequested(runTarget_->currentData().toString()); });
    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("synthesisProgress"));
    progress_->setRange(0, progressSteps);
    progress_->setTextVisible(false);
    progress_->setMaximumWidth(220);
    progress_->setToolTip(tr("How far the running synthesis is"));
    progress_->hide();
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setObjectName(QStringLiteral("cancelSynthesisButton"));
    cancel_->setToolTip(tr("Stop the running synthesis (the tools are killed)"));
    cancel_->setEnabled(false);
    cancel_->hide();
    connect(cancel_, &QPushButton::clicked, this, &SynthesisReportPanel::cancelRequested);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("synthesisStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    controls->addWidget(targetLabel);
    controls->addWidget(runTarget_);
    controls->addWidget(run_);
    controls->addWidget(progress_);
    controls->addWidget(cancel_);
    controls->addWidget(status_, 1);
    layout->addLayout(controls);

    tabs_ = new QTabBar;
    tabs_->setObjectName(QStringLiteral("targetTabs"));
    tabs_->setExpanding(false);
    tabs_->setDocumentMode(true);
    tabs_->setToolTip(tr("Targets with a report: each shows its latest run and estimate"));
    connect(tabs_, &QTabBar::currentChanged, this, [this](int tab) {
        if (updating_ || tab < 0) return;
        showTarget(static_cast<hdl::SynthesisTarget>(tabs_->tabData(tab).toInt()), -1);
    });
    layout->addWidget(tabs_);

    view_ = new SynthesisRunView;
    comparison_ = new GroupedBarPlot;
    comparison_->setObjectName(QStringLiteral("comparisonPlot"));
    comparison_->setToolTip(tr("LUTs and flip-flops of the latest successful run per target; \"(est.)\" where "
                               "only the estimate exists. Generic LUTs are logic gates."));
    historyTable_ = new QTableWidget(0, 6);
    historyTable_->setObjectName(QStringLiteral("historyTable"));
    historyTable_->setHorizontalHeaderLabels(
        {tr("Time"), tr("Target"), tr("LUTs"), tr("FFs"), tr("fmax"), tr("Result")});
    historyTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    historyTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    historyTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    historyTable_->verticalHeader()->hide();
    historyTable_->horizontalHeader()->setStretchLastSection(true);
    historyTable_->verticalHeader()->setDefaultSectionSize(historyTable_->fontMetrics().height() + 6);
    historyTable_->setToolTip(tr("Every synthesis run, newest first; select one to show it above"));
    connect(historyTable_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (updating_) return;
        const QTableWidgetItem* item = historyTable_->item(historyTable_->currentRow(), TimeColumn);
        if (item) showRun(item->data(Qt::UserRole).toInt());
    });

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(comparison_);
    bottom->addWidget(historyTable_);
    comparison_->setMinimumWidth(300);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    auto* split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    split->addWidget(view_);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    setReports({});
}

QTableWidget* SynthesisReportPanel::resourceTable() const { return view_->resourceTable(); }
QTableWidget* SynthesisReportPanel::cellTable() const { return view_->cellTable(); }
UtilisationGauge* SynthesisReportPanel::gauge(const QString& resource) const { return view_->gauge(resource); }
QString SynthesisReportPanel::errorText() const { return view_->errorText(); }
void SynthesisReportPanel::showLog() { view_->showLog(); }
LogDialog* SynthesisReportPanel::logDialog() const { return view_->logDialog(); }
QString SynthesisReportPanel::statusText() const { return status_->text(); }

int SynthesisReportPanel::latestIndex(hdl::SynthesisTarget target, bool estimated, bool okOnly) const {
    for (int i = static_cast<int>(history_.size()) - 1; i >= 0; --i) {
        const hdl::SynthesisReport& r = history_[i];
        if (r.target == target && r.estimated == estimated && (!okOnly || r.ok)) return i;
    }
    return -1;
}

QString SynthesisReportPanel::currentTarget() const {
    const int tab = tabs_->currentIndex();
    return tab < 0 ? QString() : targetName(static_cast<hdl::SynthesisTarget>(tabs_->tabData(tab).toInt()));
}

void SynthesisReportPanel::setReports(std::vector<hdl::SynthesisReport> history) {
    const int runsBefore = runCount(history_);
    const QString before = currentTarget();
    const int pinned = shownRun_;
    history_ = std::move(history);
    rebuildTabs();
    fillHistory();
    fillComparison();
    if (history_.empty()) {
        showTarget(hdl::SynthesisTarget::Generic, -1);
        return;
    }
    // A new run is what the user waits for: show it. Otherwise stay where the user was.
    if (runCount(history_) > runsBefore) {
        for (int i = static_cast<int>(history_.size()) - 1; i >= 0; --i)
            if (!history_[i].estimated) {
                showRun(i);
                return;
            }
    }
    if (pinned >= 0 && pinned < static_cast<int>(history_.size()) && !history_[pinned].estimated &&
        targetName(history_[pinned].target) == before) {
        showRun(pinned);
        return;
    }
    if (before.isEmpty() || !setCurrentTarget(before))
        showTarget(static_cast<hdl::SynthesisTarget>(tabs_->tabData(0).toInt()), -1);
}

bool SynthesisReportPanel::setCurrentTarget(const QString& target) {
    hdl::SynthesisTarget t;
    try {
        t = hdl::parseSynthesisTarget(target.toStdString());
    } catch (const std::invalid_argument&) {
        return false;
    }
    if (latestIndex(t, false) < 0 && latestIndex(t, true) < 0) return false;
    showTarget(t, -1);
    return true;
}

bool SynthesisReportPanel::showRun(int index) {
    if (index < 0 || index >= static_cast<int>(history_.size()) || history_[index].estimated) return false;
    showTarget(history_[index].target, index);
    return true;
}

void SynthesisReportPanel::showTarget(hdl::SynthesisTarget target, int runIndex) {
    updating_ = true;
    if (runIndex < 0) runIndex = latestIndex(target, false);
    const int estimate = latestIndex(target, true);
    shownRun_ = runIndex;
    if (runIndex < 0 && estimate < 0)
        view_->setReports(std::nullopt, std::nullopt);
    else
        view_->setReports(runIndex >= 0 ? std::optional(history_[runIndex]) : std::nullopt,
                          estimate >= 0 ? std::optional(history_[estimate]) : std::nullopt);
    for (int tab = 0; tab < tabs_->count(); ++tab)
        if (tabs_->tabData(tab).toInt() == static_cast<int>(target)) tabs_->setCurrentIndex(tab);
    historyTable_->clearSelection();
    for (int row = 0; row < historyTable_->rowCount(); ++row)
        if (historyTable_->item(row, TimeColumn)->data(Qt::UserRole).toInt() == runIndex) {
            historyTable_->selectRow(row);
            break;
        }
    updating_ = false;
}

void SynthesisReportPanel::rebuildTabs() {
    updating_ = true;
    while (tabs_->count() > 0) tabs_->removeTab(0);
    for (hdl::SynthesisTarget t : hdl::synthesisTargets()) {
        if (latestIndex(t, false) < 0 && latestIndex(t, true) < 0) continue;
        const int tab = tabs_->addTab(targetName(t));
        tabs_->setTabData(tab, static_cast<int>(t));
        const hdl::DeviceCapacity c = hdl::deviceCapacity(t);
        tabs_->setTabToolTip(
            tab, c.device.empty()
                     ? tr("Generic gates: the latest run and estimate")
                     : tr("%1 (%2): the latest run and estimate").arg(targetName(t), QString::fromStdString(c.device)));
        const int run = latestIndex(t, false);
        if (run >= 0 && !history_[run].ok) tabs_->setTabTextColor(tab, QColor(200, 30, 30)); // failed: red tab
    }
    tabs_->setVisible(tabs_->count() > 0);
    updating_ = false;
}

void SynthesisReportPanel::fillHistory() {
    updating_ = true;
    historyTable_->setRowCount(0);
    for (int i = static_cast<int>(history_.size()) - 1; i >= 0; --i) {
        const hdl::SynthesisReport& r = history_[i];
        if (r.estimated) continue; // estimates are recomputed on every edit: not runs
        const int row = historyTable_->rowCount();
        historyTable_->insertRow(row);
        auto* time = new QTableWidgetItem(synthesisTimeText(r.utcTime));
        time->setData(Qt::UserRole, i);
        time->setToolTip(tr("UTC %1, took %2").arg(QString::fromStdString(r.utcTime), durationText(r.seconds)));
        historyTable_->setItem(row, TimeColumn, time);
        historyTable_->setItem(row, TargetColumn, new QTableWidgetItem(targetName(r.target)));
        auto number = [](const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        const QString dash = QStringLiteral("—");
        historyTable_->setItem(row, LutColumn, number(r.ok ? QString::number(r.luts) : dash));
        historyTable_->setItem(row, FlipFlopColumn, number(r.ok ? QString::number(r.flipFlops) : dash));
        historyTable_->setItem(row, FmaxColumn, number(r.ok ? fmaxText(r.fmaxMHz) : dash));
        auto* result = new QTableWidgetItem(r.ok ? tr("ok") : tr("failed"));
        result->setForeground(r.ok ? QColor(30, 130, 60) : QColor(200, 30, 30));
        result->setToolTip(r.ok ? tr("Synthesis succeeded") : QString::fromStdString(r.error));
        historyTable_->setItem(row, ResultColumn, result);
    }
    historyTable_->resizeColumnsToContents();
    updating_ = false;
}

void SynthesisReportPanel::fillComparison() {
    QStringList categories;
    QVector<QVector<double>> values(2);
    for (hdl::SynthesisTarget t : hdl::synthesisTargets()) {
        int i = latestIndex(t, false, true);
        QString label = targetName(t);
        if (i < 0) {
            i = latestIndex(t, true);
            label += tr(" (est.)");
        }
        if (i < 0) continue;
        categories << label;
        values[0] << history_[i].luts;
        values[1] << history_[i].flipFlops;
    }
    comparison_->setGroups(categories, {tr("LUTs"), tr("FFs")}, values, tr("count"));
}

void SynthesisReportPanel::setRunning(bool running, const QString& message) {
    running_ = running;
    run_->setEnabled(!running);
    runTarget_->setEnabled(!running);
    cancel_->setEnabled(running);
    cancel_->setVisible(running);
    progress_->setVisible(running);
    if (running) progress_->setRange(0, 0); // busy until the first setProgress
    status_->setText(message);
}

void SynthesisReportPanel::setProgress(double fraction, const QString& message) {
    if (fraction < 0 || !std::isfinite(fraction)) {
        progress_->setRange(0, 0);
    } else {
        progress_->setRange(0, progressSteps);
        progress_->setValue(static_cast<int>(std::lround(std::min(1.0, fraction) * progressSteps)));
    }
    if (!message.isEmpty()) status_->setText(message);
}

} // namespace scs::ui
