// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — per-population statistics table.
#include "NetworkSummaryTable.h"

#include <QHeaderView>
#include <QStandardItemModel>

#include <cmath>
#include <limits>

namespace scs::ui {

namespace {

constexpr int kSortRole = Qt::UserRole;
constexpr int kValueRole = Qt::UserRole + 1;

QStandardItem* numberItem(double value, const QString& text, const QString& tip) {
    auto* item = new QStandardItem(std::isfinite(value) ? text : QStringLiteral("–"));
    // Undefined values sort below every number in ascending order.
    item->setData(std::isfinite(value) ? value : -std::numeric_limits<double>::infinity(), kSortRole);
    item->setData(value, kValueRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(std::isfinite(value) ? tip : tip + QObject::tr("\nNot defined for this population."));
    item->setEditable(false);
    return item;
}

} // namespace

QString NetworkSummaryTable::columnToolTip(int column) {
    switch (column) {
    case Name:
        return tr("Population name");
    case Size:
        return tr("Number of neurons in the population");
    case Spikes:
        return tr("Spikes fired by the whole population during the run");
    case Rate:
        return tr("Mean firing rate per neuron: spikes / (neurons × duration), in hertz");
    case CvIsi:
        return tr("Coefficient of variation of the inter-spike intervals (std / mean), averaged over the "
                  "neurons with at least two intervals: 0 = regular, about 1 = Poisson-like");
    case Synchrony:
        return tr("Golomb's synchrony χ = sqrt(var(population activity) / mean(var(single-neuron activity))), "
                  "spike counts in 2 ms bins: 1 = all neurons fire together, about 1/sqrt(N) = independent");
    case Silent:
        return tr("Percentage of neurons that did not fire at all");
    default:
        return {};
    }
}

NetworkSummaryTable::NetworkSummaryTable(QWidget* parent) : QTableView(parent) {
    model_ = new QStandardItemModel(0, ColumnCount, this);
    const QStringList headers = {tr("population"), tr("size"),        tr("spikes"),    tr("mean rate (Hz)"),
                                 tr("CV ISI"),     tr("synchrony χ"), tr("silent (%)")};
    for (int c = 0; c < ColumnCount; ++c) {
        auto* header = new QStandardItem(headers[c]);
        header->setToolTip(columnToolTip(c));
        model_->setHorizontalHeaderItem(c, header);
    }
    model_->setSortRole(kSortRole);
    setModel(model_);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // population order until a click
    setSortingEnabled(true);
}

void NetworkSummaryTable::setStatistics(const std::vector<PopulationStatistics>& statistics) {
    stats_ = statistics;
    setSortingEnabled(false); // rows keep the result's order as they are added
    model_->removeRows(0, model_->rowCount());
    for (const PopulationStatistics& s : stats_) {
        const QString name = QString::fromStdString(s.name.empty() ? s.populationId : s.name);
        auto* nameItem = new QStandardItem(name);
        nameItem->setData(name, kSortRole);
        nameItem->setData(std::numeric_limits<double>::quiet_NaN(), kValueRole);
        nameItem->setToolTip(QString::fromStdString(s.populationId));
        nameItem->setEditable(false);
        const double cvNeurons = s.neuronsWithCv;
        model_->appendRow({
            nameItem,
            numberItem(s.size, QString::number(s.size), columnToolTip(Size)),
            numberItem(static_cast<double>(s.spikes), QString::number(s.spikes), columnToolTip(Spikes)),
            numberItem(s.meanRate, QString::number(s.meanRate, 'f', 2), columnToolTip(Rate)),
            numberItem(s.cvIsi, QString::number(s.cvIsi, 'f', 3),
                       columnToolTip(CvIsi) + tr("\nAveraged over %1 of %2 neurons.").arg(cvNeurons).arg(s.size)),
            numberItem(s.synchrony, QString::number(s.synchrony, 'f', 3), columnToolTip(Synchrony)),
            numberItem(s.silentFraction * 100, QString::number(s.silentFraction * 100, 'f', 1), columnToolTip(Silent)),
        });
    }
    setSortingEnabled(true);
}

int NetworkSummaryTable::rowCount() const { return model_->rowCount(); }

QString NetworkSummaryTable::cellText(int row, int column) const {
    const QStandardItem* item = model_->item(row, column);
    return item ? item->text() : QString();
}

double NetworkSummaryTable::cellValue(int row, int column) const {
    const QStandardItem* item = model_->item(row, column);
    return item ? item->data(kValueRole).toDouble() : std::numeric_limits<double>::quiet_NaN();
}

} // namespace scs::ui
