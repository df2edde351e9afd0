// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analysis result page.
#include "AnalysisResultView.h"

#include "BarPlot.h"
#include "HeatmapPlot.h"
#include "SeriesPlot.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace scs::ui {

AnalysisResultView::AnalysisResultView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    headline_ = new QLabel;
    headline_->setObjectName(QStringLiteral("headline"));
    QFont big = headline_->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    headline_->setFont(big);
    headline_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    headline_->hide();
    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("summary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setStyleSheet(QStringLiteral("color: #404040"));
    header->addWidget(headline_);
    header->addWidget(summary_, 1);
    layout->addLayout(header);
    splitter_ = new QSplitter(Qt::Horizontal);
    splitter_->setChildrenCollapsible(false);
    table_ = new QTableWidget;
    table_->setObjectName(QStringLiteral("resultTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->hide();
    splitter_->addWidget(table_);
    layout->addWidget(splitter_, 1);
}

void AnalysisResultView::setHeadline(const QString& text, const QColor& color) {
    headline_->setText(text);
    headlineColor_ = color;
    headline_->setStyleSheet(color.isValid() ? QStringLiteral("color: %1").arg(color.name()) : QString());
    headline_->setVisible(!text.isEmpty());
}

void AnalysisResultView::setSummary(const QString& text) { summary_->setText(text); }
QString AnalysisResultView::headline() const { return headline_->text(); }
QString AnalysisResultView::summary() const { return summary_->text(); }

template <class T>
T* AnalysisResultView::plotAt(int slot) {
    slot = std::clamp(slot, 0, maxPlots - 1);
    if (slot < plots_.size())
        if (auto* existing = qobject_cast<T*>(plots_[slot])) return existing;
    auto* plot = new T;
    plot->setMinimumWidth(170); // two plots and a table share a bottom dock
    connect(plot, &PlotBase::activated, this, &AnalysisResultView::plotActivated);
    if (slot < plots_.size()) {
        delete plots_[slot];
        plots_[slot] = plot;
    } else {
        slot = static_cast<int>(plots_.size());
        plots_.push_back(plot);
    }
    splitter_->insertWidget(slot, plot);
    splitter_->setStretchFactor(slot, 3);
    return plot;
}

SeriesPlot* AnalysisResultView::seriesPlot(int slot) { return plotAt<SeriesPlot>(slot); }
HeatmapPlot* AnalysisResultView::heatmapPlot(int slot) { return plotAt<HeatmapPlot>(slot); }
BarPlot* AnalysisResultView::barPlot(int slot) { return plotAt<BarPlot>(slot); }

PlotBase* AnalysisResultView::plot(int slot) const {
    return slot >= 0 && slot < plots_.size() ? plots_[slot] : nullptr;
}
int AnalysisResultView::plotCount() const { return static_cast<int>(plots_.size()); }

void AnalysisResultView::keepPlots(int count) {
    while (plots_.size() > std::max(0, count)) {
        delete plots_.back();
        plots_.pop_back();
    }
}

void AnalysisResultView::setTable(const QStringList& header, const QVector<QStringList>& rows) {
    table_->clear();
    table_->setColumnCount(static_cast<int>(header.size()));
    table_->setHorizontalHeaderLabels(header);
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size() && c < header.size(); ++c) {
            auto* item = new QTableWidgetItem(rows[r][c]);
            if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(r, c, item);
        }
    table_->resizeColumnsToContents();
    // As wide as its columns (within reason): the plots get the rest.
    int width = 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table_->columnCount(); ++c) width += table_->columnWidth(c);
    table_->setMinimumWidth(std::min(width, 260));
    table_->setMaximumWidth(std::min(width, 360));
    table_->setVisible(!rows.isEmpty());
    splitter_->setStretchFactor(splitter_->indexOf(table_), 0);
}

} // namespace scs::ui
