// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analysis tabs.
#include "AnalysisPanel.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace scs::ui {

AnalysisPanel::AnalysisPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    stack_ = new QStackedWidget;
    hint_ = new QLabel(tr("No analysis yet. Run one from the Analysis menu (f-I curve, phase plane, sweeps)."));
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: gray"));
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    tabs_->setTabsClosable(true);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget* w = tabs_->widget(i);
        tabs_->removeTab(i);
        w->deleteLater();
        stack_->setCurrentIndex(tabs_->count() > 0 ? 1 : 0);
    });
    stack_->addWidget(hint_);
    stack_->addWidget(tabs_);
    layout->addWidget(stack_, 1);
}

void AnalysisPanel::setToolbar(QWidget* toolbar) {
    static_cast<QVBoxLayout*>(layout())->insertWidget(0, toolbar);
}

void AnalysisPanel::add(PlotBase* plot, const QString& title) {
    plot->setObjectName(title);
    connect(plot, &PlotBase::activated, this, &AnalysisPanel::plotActivated);
    tabs_->addTab(plot, title);
    stack_->setCurrentIndex(1);
}

PlotBase* AnalysisPanel::plot(const QString& title) const {
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->tabText(i) == title) return qobject_cast<PlotBase*>(tabs_->widget(i));
    return nullptr;
}

SeriesPlot* AnalysisPanel::seriesTab(const QString& title) {
    if (auto* existing = qobject_cast<SeriesPlot*>(plot(title))) {
        tabs_->setCurrentWidget(existing);
        return existing;
    }
    auto* p = new SeriesPlot;
    add(p, title);
    tabs_->setCurrentWidget(p);
    return p;
}

HeatmapPlot* AnalysisPanel::heatmapTab(const QString& title) {
    if (auto* existing = qobject_cast<HeatmapPlot*>(plot(title))) {
        tabs_->setCurrentWidget(existing);
        return existing;
    }
    auto* p = new HeatmapPlot;
    add(p, title);
    tabs_->setCurrentWidget(p);
    return p;
}

void AnalysisPanel::clear() {
    while (tabs_->count() > 0) {
        QWidget* w = tabs_->widget(0);
        tabs_->removeTab(0);
        w->deleteLater();
    }
    stack_->setCurrentIndex(0);
}

} // namespace scs::ui
