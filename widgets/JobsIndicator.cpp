// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — jobs indicator.
#include "JobsIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace scs::ui {

JobsIndicator::JobsIndicator(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    label_ = new QLabel;
    bar_ = new QProgressBar;
    bar_->setRange(0, 1000);
    bar_->setTextVisible(false);
    bar_->setFixedWidth(140);
    bar_->setMaximumHeight(14);
    cancel_ = new QToolButton;
    cancel_->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    cancel_->setAutoRaise(true);
    cancel_->setToolTip(tr("Cancel the running job"));
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    connect(cancel_, &QToolButton::clicked, this, &JobsIndicator::cancelRequested);
    setIdle();
}

void JobsIndicator::setRunning(const QString& title, int running) {
    busy_ = true;
    label_->setText(running > 1 ? tr("%1 (+%2 queued)").arg(title).arg(running - 1) : title);
    label_->setStyleSheet(QString());
    bar_->show();
    cancel_->show();
    cancel_->setEnabled(true);
    setToolTip(tr("Background work: %1").arg(title));
}

void JobsIndicator::setProgress(double fraction) {
    if (fraction < 0) {
        bar_->setRange(0, 0);
        return;
    }
    bar_->setRange(0, 1000);
    bar_->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
}

void JobsIndicator::setIdle() {
    busy_ = false;
    label_->setText(tr("No background jobs"));
    label_->setStyleSheet(QStringLiteral("color: gray"));
    bar_->hide();
    cancel_->hide();
    bar_->setValue(0);
    setToolTip(tr("Long work (slow simulations, sweeps) runs in the background and shows here"));
}

} // namespace scs::ui
