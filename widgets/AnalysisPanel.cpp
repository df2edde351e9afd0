// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analysis area.
#include "AnalysisPanel.h"

#include "HeatmapPlot.h"
#include "SeriesPlot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace scs::ui {

AnalysisPanel::AnalysisPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    // Settings column: the selector, Run/Cancel and the status stay in view; the hint and the
    // form scroll when the dock is short.
    auto* side = new QWidget;
    side->setObjectName(QStringLiteral("analysisSettings"));
    side->setMinimumWidth(270);
    side->setMaximumWidth(400);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(2, 2, 4, 2);
    auto* settings = new QWidget;
    auto* column = new QVBoxLayout(settings);
    column->setContentsMargins(0, 0, 4, 0);
    selector_ = new QComboBox;
    selector_->setObjectName(QStringLiteral("analysisSelector"));
    selector_->setToolTip(tr("The analysis to set up and run"));
    hintLabel_ = new QLabel;
    hintLabel_->setWordWrap(true);
    hintLabel_->setStyleSheet(QStringLiteral("color: gray"));
    forms_ = new QStackedWidget;
    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Run"));
    run_->setObjectName(QStringLiteral("analysisRun"));
    run_->setToolTip(tr("Run the analysis in the background with these settings"));
    cancel_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("Cancel"));
    cancel_->setObjectName(QStringLiteral("analysisCancel"));
    cancel_->setToolTip(tr("Stop the running analysis"));
    cancel_->setEnabled(false);
    buttons->addWidget(run_, 1);
    buttons->addWidget(cancel_, 1);
    statusLabel_ = new QLabel;
    statusLabel_->setObjectName(QStringLiteral("analysisStatus"));
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(hintLabel_);
    column->addWidget(forms_);
    column->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(settings);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideLayout->addWidget(selector_);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(statusLabel_);
    sideLayout->addWidget(scroll, 1);
    splitter->addWidget(side);

    results_ = new QStackedWidget;
    emptyHint_ = new QLabel(tr("No analysis yet. Pick one on the left (or in the Analysis menu) and press Run."));
    emptyHint_->setAlignment(Qt::AlignCenter);
    emptyHint_->setWordWrap(true);
    emptyHint_->setStyleSheet(QStringLiteral("color: gray"));
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    tabs_->setTabsClosable(true);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget* w = tabs_->widget(i);
        tabs_->removeTab(i);
        w->deleteLater();
        results_->setCurrentIndex(tabs_->count() > 0 ? 1 : 0);
    });
    results_->addWidget(emptyHint_);
    results_->addWidget(tabs_);
    splitter->addWidget(results_);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    connect(selector_, &QComboBox::currentIndexChanged, this, [this] {
        showCurrent();
        emit currentAnalysisChanged(currentAnalysis());
    });
    connect(run_, &QPushButton::clicked, this, [this] {
        if (!currentAnalysis().isEmpty()) emit runRequested(currentAnalysis());
    });
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (!currentAnalysis().isEmpty()) emit cancelRequested(currentAnalysis());
    });
}

void AnalysisPanel::addAnalysis(const QString& id, const QString& title, const QString& hint) {
    if (ids_.contains(id)) return;
    ids_ << id;
    hints_[id] = hint;
    auto* form = new SettingsForm;
    form->setObjectName(id);
    connect(form, &SettingsForm::edited, this, [this, id] { emit settingsEdited(id); });
    forms_->addWidget(form);
    selector_->addItem(title, id); // last: may emit currentIndexChanged, which needs the form
}

SettingsForm* AnalysisPanel::form(const QString& id) const {
    const int i = static_cast<int>(ids_.indexOf(id));
    return i < 0 ? nullptr : qobject_cast<SettingsForm*>(forms_->widget(i));
}

QString AnalysisPanel::currentAnalysis() const { return selector_->currentData().toString(); }

void AnalysisPanel::setCurrentAnalysis(const QString& id) {
    const int i = selector_->findData(id);
    if (i >= 0) selector_->setCurrentIndex(i);
}

void AnalysisPanel::setRunning(const QString& id, bool running) {
    running_[id] = running;
    if (id == currentAnalysis()) showCurrent();
}

void AnalysisPanel::setStatus(const QString& id, const QString& text, bool error) {
    status_[id] = {text, error};
    if (id == currentAnalysis()) showCurrent();
}

void AnalysisPanel::showCurrent() {
    const QString id = currentAnalysis();
    const int i = static_cast<int>(ids_.indexOf(id));
    if (i >= 0) forms_->setCurrentIndex(i);
    hintLabel_->setText(hints_.value(id));
    const bool running = running_.value(id, false);
    run_->setEnabled(i >= 0 && !running);
    cancel_->setEnabled(running);
    if (SettingsForm* f = form(id)) f->setEnabled(!running);
    const auto status = status_.value(id);
    statusLabel_->setText(status.first);
    statusLabel_->setStyleSheet(status.second ? QStringLiteral("color: #c02020") : QString());
}

AnalysisResultView* AnalysisPanel::existingResultView(const QString& title) const {
    for (int i = 0; i < tabs_->count(); ++i)
        if (tabs_->tabText(i) == title) return qobject_cast<AnalysisResultView*>(tabs_->widget(i));
    return nullptr;
}

AnalysisResultView* AnalysisPanel::resultView(const QString& title) {
    AnalysisResultView* view = existingResultView(title);
    if (!view) {
        view = new AnalysisResultView;
        view->setObjectName(title);
        connect(view, &AnalysisResultView::plotActivated, this, &AnalysisPanel::plotActivated);
        tabs_->addTab(view, title);
    }
    tabs_->setCurrentWidget(view);
    results_->setCurrentIndex(1);
    return view;
}

SeriesPlot* AnalysisPanel::seriesTab(const QString& title) { return resultView(title)->seriesPlot(0); }
HeatmapPlot* AnalysisPanel::heatmapTab(const QString& title) { return resultView(title)->heatmapPlot(0); }

PlotBase* AnalysisPanel::plot(const QString& title) const {
    const AnalysisResultView* view = existingResultView(title);
    return view ? view->plot(0) : nullptr;
}

void AnalysisPanel::clear() {
    while (tabs_->count() > 0) {
        QWidget* w = tabs_->widget(0);
        tabs_->removeTab(0);
        w->deleteLater();
    }
    results_->setCurrentIndex(0);
}

} // namespace scs::ui
