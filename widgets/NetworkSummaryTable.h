// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one row of spike statistics per population, sortable, with explanations.
#pragma once

#include "network/SpikeStatistics.h"

#include <QTableView>

#include <vector>

class QStandardItemModel;

namespace scs::ui {

/// Columns: name, size, spikes, mean rate (Hz), CV of ISI, synchrony (Golomb's chi), silent (%).
/// Rows start in the result's population order; clicking a header sorts by the column's numeric
/// value (Qt::UserRole), undefined values (shown as "–") sort first. Every header and cell has a
/// tooltip that says what the number means and how it was computed.
class NetworkSummaryTable : public QTableView {
    Q_OBJECT
public:
    enum Column { Name, Size, Spikes, Rate, CvIsi, Synchrony, Silent, ColumnCount };

    explicit NetworkSummaryTable(QWidget* parent = nullptr);

    void setStatistics(const std::vector<PopulationStatistics>& statistics);
    void clearStatistics() { setStatistics({}); }
    const std::vector<PopulationStatistics>& statistics() const { return stats_; }

    int rowCount() const;
    /// What the user sees in a cell (view row order, after any sorting).
    QString cellText(int row, int column) const;
    /// The number the column sorts by (NaN for undefined values and for the name column).
    double cellValue(int row, int column) const;
    static QString columnToolTip(int column);

private:
    QStandardItemModel* model_ = nullptr;
    std::vector<PopulationStatistics> stats_;
};

} // namespace scs::ui
