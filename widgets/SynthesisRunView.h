// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one synthesis run of one target, next to the pre-synthesis estimate.
#pragma once

#include "hdl/SynthesisReport.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace scs::ui {

class LogDialog;
class UtilisationGauge;

/// What one target costs: the resource table (used, capacity, %, the estimate and its error),
/// utilisation gauges, cells by type, fmax, tools, time and duration. A failed run shows its
/// one-line error in red with its log a click away. The gauges and cell table show the run when
/// it succeeded and the estimate otherwise (marked as such). Main thread only.
class SynthesisRunView : public QWidget {
    Q_OBJECT
public:
    explicit SynthesisRunView(QWidget* parent = nullptr);

    /// `run`: a synthesis (not estimated) report, or nullopt when the target was never synthesised;
    /// `estimate`: the target's pre-synthesis estimate, or nullopt. Both nullopt: an empty page.
    void setReports(std::optional<hdl::SynthesisReport> run, std::optional<hdl::SynthesisReport> estimate);
    const std::optional<hdl::SynthesisReport>& run() const { return run_; }
    const std::optional<hdl::SynthesisReport>& estimate() const { return estimate_; }

    /// Rows: LUTs, Flip-flops, Carries, BRAM, DSP, Cells. Columns: see Column.
    enum Column { ResourceColumn, UsedColumn, CapacityColumn, PercentColumn, EstimateColumn, ErrorColumn };
    QTableWidget* resourceTable() const { return resources_; }
    /// Cell type and count, largest count first.
    QTableWidget* cellTable() const { return cells_; }
    /// "LUTs", "FFs", "BRAM" or "DSP" (case-insensitive); null for anything else.
    UtilisationGauge* gauge(const QString& resource) const;
    /// The failed run's one-line error; "" when there is none.
    QString errorText() const;
    QLabel* errorLabel() const { return error_; }
    /// The value shown for an info field: "fmax", "placed", "device", "module", "tools", "time",
    /// "duration", "notes".
    QString info(const QString& field) const;
    QPushButton* showLogButton() const { return showLog_; }

    /// Opens (or refreshes and raises) the run's log in a non-modal window; no-op without a run.
    void showLog();
    /// The log window once opened, else null.
    LogDialog* logDialog() const;

private:
    void fillResources();
    void fillCells(const hdl::SynthesisReport* shown);
    void fillGauges(const hdl::SynthesisReport* shown);
    void fillInfo();
    QLabel* addInfo(QFormLayout* form, const QString& field, const QString& label, const QString& tip);

    std::optional<hdl::SynthesisReport> run_, estimate_;
    QLabel* status_;
    QLabel* error_;
    QPushButton* showLog_;
    QTableWidget* resources_;
    QTableWidget* cells_;
    QMap<QString, UtilisationGauge*> gauges_; // keyed by lower-case resource name
    QMap<QString, QLabel*> info_;
    QPointer<LogDialog> logDialog_;
};

} // namespace scs::ui
