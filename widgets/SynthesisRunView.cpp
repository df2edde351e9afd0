// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one target's synthesis result.
#include "SynthesisRunView.h"

#include "LogDialog.h"
#include "SynthesisText.h"
#include "UtilisationGauge.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace scs::ui {

namespace {

QTableWidget* makeTable(const QString& objectName, const QStringList& header, const QString& tip) {
    auto* t = new QTableWidget(0, static_cast<int>(header.size()));
    t->setObjectName(objectName);
    t->setAccessibleName(objectName);
    t->setHorizontalHeaderLabels(header);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->setAlternatingRowColors(true);
    t->setToolTip(tip);
    return t;
}

QTableWidgetItem* cell(const QString& text, const QString& tip = {}, bool number = true) {
    auto* item = new QTableWidgetItem(text);
    if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (!tip.isEmpty()) item->setToolTip(tip);
    return item;
}

/// One resource row: how to read it from a report and its capacity (0: none to compare with).
struct Resource {
    const char* name;
    const char* tip;
    int (*used)(const hdl::SynthesisReport&);
    int (*capacity)(const hdl::DeviceCapacity&);
};

const Resource resources[] = {
    {QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "LUTs"),
     QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView",
                       "Look-up tables (generic target: logic gates); carries not included"),
     [](const hdl::SynthesisReport& r) { return r.luts; }, [](const hdl::DeviceCapacity& c) { return c.luts; }},
    {QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Flip-flops"),
     QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Registers: the model's state and pipeline bits"),
     [](const hdl::SynthesisReport& r) { return r.flipFlops; },
     [](const hdl::DeviceCapacity& c) { return c.flipFlops; }},
    {QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Carries"),
     QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Carry-chain cells (SB_CARRY, CCU2C, CARRY4) of adders and "
                                                    "comparators; they sit beside the LUTs, not in them"),
     [](const hdl::SynthesisReport& r) { return r.carries; }, [](const hdl::DeviceCapacity&) { return 0; }},
    {QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "BRAM"),
     QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Block RAMs (lookup tables stored in memory blocks)"),
     [](const hdl::SynthesisReport& r) { return r.bram; }, [](const hdl::DeviceCapacity& c) { return c.bram; }},
    {QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "DSP"),
     QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Hard multiplier blocks"),
     [](const hdl::SynthesisReport& r) { return r.dsp; }, [](const hdl::DeviceCapacity& c) { return c.dsp; }},
    {QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Cells"),
     QT_TRANSLATE_NOOP("scs::ui::SynthesisRunView", "Every cell of the netlist, of any type"),
     [](const hdl::SynthesisReport& r) { return r.cells; }, [](const hdl::DeviceCapacity&) { return 0; }},
};

// The gauges: id (for gauge()), label, and the matching row of `resources`.
struct GaugeSpec {
    const char* id;
    const char* label;
    int resource;
};
const GaugeSpec gaugeSpecs[] = {{"luts", "LUTs", 0}, {"ffs", "FFs", 1}, {"bram", "BRAM", 3}, {"dsp", "DSP", 4}};

const QString dash = QStringLiteral("—");

} // namespace

SynthesisRunView::SynthesisRunView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* header = new QHBoxLayout;
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("runStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showLog_ = new QPushButton(tr("Show Log…"));
    showLog_->setObjectName(QStringLiteral("showLogButton"));
    showLog_->setToolTip(tr("Open what Yosys and nextpnr printed for this run"));
    connect(showLog_, &QPushButton::clicked, this, &SynthesisRunView::showLog);
    header->addWidget(status_, 1);
    header->addWidget(showLog_);
    layout->addLayout(header);

    error_ = new QLabel;
    error_->setObjectName(QStringLiteral("runError"));
    error_->setAccessibleName(tr("Synthesis error"));
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText); // tool output may contain '<'
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("color: #c81e1e; font-weight: bold; padding: 4px;"
                                         "border: 1px solid #e8a0a0; background: #fff2f2;"));
    error_->setToolTip(tr("Why the run failed; Show Log has the tools' full output"));
    error_->hide();
    layout->addWidget(error_);

    auto* gauges = new QGridLayout;
    int column = 0;
    for (const GaugeSpec& spec : gaugeSpecs) {
        auto* label = new QLabel(QString::fromLatin1(spec.label));
        auto* g = new UtilisationGauge(QString::fromLatin1(spec.label));
        g->setObjectName(QStringLiteral("gauge_%1").arg(QLatin1String(spec.id)));
        label->setBuddy(g);
        label->setToolTip(tr(resources[spec.resource].tip));
        gauges->addWidget(label, column / 2, (column % 2) * 2);
        gauges->addWidget(g, column / 2, (column % 2) * 2 + 1);
        gauges_.insert(QString::fromLatin1(spec.id), g);
        ++column;
    }
    layout->addLayout(gauges);

    auto* split = new QSplitter(Qt::Horizontal);
    split->setChildrenCollapsible(false);
    resources_ = makeTable(QStringLiteral("resourceTable"),
                           {tr("Resource"), tr("Used"), tr("Capacity"), tr("%"), tr("Estimate"), tr("Error")},
                           tr("What the design uses against the device's capacity, next to the pre-synthesis "
                              "estimate; Error is (estimate − used) / used"));
    cells_ = makeTable(QStringLiteral("cellTable"), {tr("Cell type"), tr("Count")},
                       tr("The netlist's cells by type, most frequent first"));
    split->addWidget(resources_);
    split->addWidget(cells_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* infoBox = new QWidget;
    auto* form = new QFormLayout(infoBox);
    form->setContentsMargins(4, 0, 0, 0);
    addInfo(form, QStringLiteral("device"), tr("Device"), tr("The part utilisation is measured against"));
    addInfo(form, QStringLiteral("module"), tr("Module"), tr("The synthesised top module"));
    addInfo(form, QStringLiteral("fmax"), tr("fmax"),
            tr("Maximum clock frequency after place and route (nextpnr; iCE40 only)"));
    addInfo(form, QStringLiteral("placed"), tr("Placed"), tr("nextpnr's logic-cell utilisation after placement"));
    addInfo(form, QStringLiteral("tools"), tr("Tools"), tr("The tool versions that produced this report"));
    addInfo(form, QStringLiteral("time"), tr("Time"), tr("When the run started (local time)"));
    addInfo(form, QStringLiteral("duration"), tr("Duration"), tr("How long the run took"));
    addInfo(form, QStringLiteral("notes"), tr("Notes"), tr("What the flow wants you to know about this run"));
    split->addWidget(infoBox);
    split->setStretchFactor(2, 2);
    layout->addWidget(split, 1);
    setReports(std::nullopt, std::nullopt);
}

QLabel* SynthesisRunView::addInfo(QFormLayout* form, const QString& field, const QString& label, const QString& tip) {
    auto* value = new QLabel;
    value->setObjectName(field + QStringLiteral("Value"));
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setToolTip(tip);
    auto* name = new QLabel(label);
    name->setToolTip(tip);
    form->addRow(name, value);
    info_.insert(field, value);
    return value;
}

UtilisationGauge* SynthesisRunView::gauge(const QString& resource) const {
    return gauges_.value(resource.toLower(), nullptr);
}

QString SynthesisRunView::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

QString SynthesisRunView::info(const QString& field) const {
    const QLabel* l = info_.value(field, nullptr);
    return l ? l->text() : QString();
}

void SynthesisRunView::setReports(std::optional<hdl::SynthesisReport> run,
                                  std::optional<hdl::SynthesisReport> estimate) {
    run_ = std::move(run);
    estimate_ = std::move(estimate);
    // The numbers worth drawing: a successful run's, else the estimate's.
    const hdl::SynthesisReport* shown = run_ && run_->ok ? &*run_ : estimate_ ? &*estimate_ : nullptr;
    const hdl::SynthesisReport* any = run_ ? &*run_ : shown;
    if (!any)
        status_->setText(tr("No synthesis or estimate yet."));
    else if (!run_)
        status_->setText(tr("%1: not synthesised yet; showing the pre-synthesis estimate.")
                             .arg(QString::fromLatin1(hdl::name(any->target))));
    else
        status_->setText(run_->ok ? tr("%1: synthesis succeeded.").arg(QString::fromLatin1(hdl::name(run_->target)))
                                  : tr("%1: synthesis failed.").arg(QString::fromLatin1(hdl::name(run_->target))));
    const bool failed = run_ && !run_->ok;
    error_->setText(failed
                        ? QString::fromStdString(run_->error.empty() ? std::string("(no error message)") : run_->error)
                        : QString());
    error_->setVisible(failed);
    showLog_->setEnabled(run_.has_value());
    if (!run_)
        showLog_->setToolTip(tr("Only a synthesis run has a log; run synthesis first"));
    else
        showLog_->setToolTip(tr("Open what Yosys and nextpnr printed for this run"));
    fillResources();
    fillCells(shown);
    fillGauges(shown);
    fillInfo();
    // An open log follows the page, so it never shows another run's output.
    if (logDialog_ && logDialog_->isVisible()) {
        if (run_)
            showLog();
        else
            logDialog_->close();
    }
}

void SynthesisRunView::fillResources() {
    const bool haveRun = run_ && run_->ok;
    const hdl::DeviceCapacity capacity = run_        ? run_->capacity
                                         : estimate_ ? estimate_->capacity
                                                     : hdl::DeviceCapacity{};
    const int rows = run_ || estimate_ ? static_cast<int>(std::size(resources)) : 0;
    resources_->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const Resource& r = resources[row];
        resources_->setItem(row, ResourceColumn, cell(tr(r.name), tr(r.tip), false));
        const int cap = r.capacity(capacity);
        resources_->setItem(row, CapacityColumn, cell(cap > 0 ? QString::number(cap) : dash));
        if (haveRun) {
            const int used = r.used(*run_);
            resources_->setItem(row, UsedColumn, cell(QString::number(used)));
            resources_->setItem(row, PercentColumn,
                                cell(cap > 0 ? QStringLiteral("%1 %").arg(100.0 * used / cap, 0, 'f', 1) : dash));
        } else {
            const QString why = run_ ? tr("The run failed") : tr("Not synthesised yet");
            resources_->setItem(row, UsedColumn, cell(dash, why));
            resources_->setItem(row, PercentColumn, cell(dash, why));
        }
        if (estimate_) {
            const int est = r.used(*estimate_);
            resources_->setItem(row, EstimateColumn, cell(QString::number(est)));
            resources_->setItem(
                row, ErrorColumn,
                haveRun ? cell(estimateErrorText(est, r.used(*run_)), tr("(estimate − synthesis) / synthesis"))
                        : cell(dash, tr("No synthesis result to compare with")));
        } else {
            resources_->setItem(row, EstimateColumn, cell(dash, tr("No estimate for this target")));
            resources_->setItem(row, ErrorColumn, cell(dash));
        }
    }
    resources_->resizeColumnsToContents();
}

void SynthesisRunView::fillCells(const hdl::SynthesisReport* shown) {
    std::vector<std::pair<std::string, int>> byType;
    if (shown) byType.assign(shown->cellsByType.begin(), shown->cellsByType.end());
    std::stable_sort(byType.begin(), byType.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    cells_->setRowCount(static_cast<int>(byType.size()));
    for (int row = 0; row < cells_->rowCount(); ++row) {
        cells_->setItem(row, 0, cell(QString::fromStdString(byType[row].first), {}, false));
        cells_->setItem(row, 1, cell(QString::number(byType[row].second)));
    }
    cells_->resizeColumnsToContents();
}

void SynthesisRunView::fillGauges(const hdl::SynthesisReport* shown) {
    for (const GaugeSpec& spec : gaugeSpecs) {
        UtilisationGauge* g = gauges_.value(QString::fromLatin1(spec.id));
        if (!shown) {
            g->clear();
            continue;
        }
        const Resource& r = resources[spec.resource];
        g->setUsage(r.used(*shown), r.capacity(shown->capacity), shown->estimated);
    }
}

void SynthesisRunView::fillInfo() {
    const hdl::SynthesisReport* r = run_ ? &*run_ : estimate_ ? &*estimate_ : nullptr;
    auto set = [this](const char* field, const QString& text) { info_.value(QLatin1String(field))->setText(text); };
    if (!r) {
        for (QLabel* l : info_) l->setText(dash);
        return;
    }
    set("device",
        r->capacity.device.empty() ? tr("generic gates (no device)") : QString::fromStdString(r->capacity.device));
    set("module", r->module.empty() ? dash : QString::fromStdString(r->module));
    set("fmax", fmaxText(r->fmaxMHz));
    set("placed", r->placedUtilisation ? QStringLiteral("%1 %").arg(*r->placedUtilisation * 100, 0, 'f', 1) : dash);
    QStringList tools;
    for (const hdl::ToolVersion& t : r->tools)
        tools << (t.available ? QStringLiteral("%1: %2").arg(QString::fromStdString(t.tool),
                                                             t.version.empty() ? tr("version unknown")
                                                                               : QString::fromStdString(t.version))
                              : tr("%1: not installed").arg(QString::fromStdString(t.tool)));
    set("tools", tools.isEmpty() ? (r->estimated ? tr("none (estimate)") : dash) : tools.join(QLatin1Char('\n')));
    set("time", synthesisTimeText(r->utcTime));
    info_.value(QStringLiteral("time"))
        ->setToolTip(tr("When the run started; UTC %1").arg(QString::fromStdString(r->utcTime)));
    set("duration", r->estimated ? tr("instant (estimate)") : durationText(r->seconds));
    QStringList notes;
    for (const std::string& n : r->notes) notes << QString::fromStdString(n);
    set("notes", notes.isEmpty() ? dash : notes.join(QLatin1Char('\n')));
}

LogDialog* SynthesisRunView::logDialog() const { return logDialog_; }

void SynthesisRunView::showLog() {
    if (!run_) return;
    if (!logDialog_) logDialog_ = new LogDialog(this);
    logDialog_->setLog(tr("%1 synthesis of %2, %3")
                           .arg(QString::fromLatin1(hdl::name(run_->target)), QString::fromStdString(run_->module),
                                synthesisTimeText(run_->utcTime)),
                       QString::fromStdString(run_->log));
    logDialog_->show();
    logDialog_->raise();
}

} // namespace scs::ui
