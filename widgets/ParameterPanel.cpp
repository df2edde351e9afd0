// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — parameter sliders.
#include "ParameterPanel.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include <cmath>

namespace scs::ui {

void defaultParameterRange(double value, double* min, double* max) {
    if (value == 0 || !std::isfinite(value)) {
        *min = 0;
        *max = 1;
        return;
    }
    *min = value - 2 * std::abs(value);
    *max = value + 2 * std::abs(value);
}

ParameterPanel::ParameterPanel(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    gridHost_ = new QWidget;
    auto* hostLayout = new QVBoxLayout(gridHost_);
    hostLayout->setContentsMargins(6, 6, 6, 6);
    grid_ = new QGridLayout;
    grid_->setHorizontalSpacing(8);
    grid_->setVerticalSpacing(6);
    grid_->setColumnStretch(1, 1);
    hostLayout->addLayout(grid_);
    empty_ = new QLabel(tr("The model has no parameters."));
    empty_->setStyleSheet(QStringLiteral("color: gray"));
    hostLayout->addWidget(empty_);
    hostLayout->addStretch(1);
    scroll->setWidget(gridHost_);
    outer->addWidget(scroll);
}

QStringList ParameterPanel::names() const {
    QStringList out;
    for (const Row& r : rows_) out << r.info.name;
    return out;
}

void ParameterPanel::setParameters(const QVector<ParameterRow>& rows) {
    QStringList newNames;
    for (const ParameterRow& r : rows) newNames << r.name;
    if (newNames != names()) {
        for (Row& r : rows_) {
            delete r.label;
            delete r.slider;
            delete r.spin;
            delete r.unit;
        }
        rows_.clear();
        for (const ParameterRow& r : rows) rows_.push_back(Row{r});
        buildRows();
        return;
    }
    for (int i = 0; i < rows_.size(); ++i) {
        Row& row = rows_[i];
        const bool dragging = row.slider->isSliderDown();
        row.info = rows[i];
        row.unit->setText(row.info.unit);
        configureSpin(row);
        if (!dragging) showValue(row, row.info.value);
    }
}

void ParameterPanel::configureSpin(Row& row) {
    ParameterRow& p = row.info;
    if (!(p.min < p.max)) defaultParameterRange(p.value, &p.min, &p.max);
    if (p.value < p.min) p.min = p.value;
    if (p.value > p.max) p.max = p.value;
    const double scale = p.scale > 0 ? p.scale : 1.0;
    const double span = (p.max - p.min) / scale;
    // Enough decimals to show one slider step; at most 6.
    const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(span / sliderSteps))), 0, 6);
    QSignalBlocker block(row.spin);
    row.spin->setDecimals(decimals);
    // Typing may leave the slider's range (the range then grows), so the box allows far more.
    const double wide = std::max(std::abs(p.min), std::abs(p.max)) / scale * 1000 + span * 1000;
    row.spin->setRange(-wide, wide);
    row.spin->setSingleStep(span / 100);
    const QString tip = p.hint.isEmpty() ? p.name : QStringLiteral("%1: %2").arg(p.name, p.hint);
    const QString range = tr("range %1 … %2 %3").arg(p.min / scale, 0, 'g', 4).arg(p.max / scale, 0, 'g', 4).arg(p.unit);
    row.label->setToolTip(tip + '\n' + range);
    row.slider->setToolTip(tip + '\n' + range);
    row.spin->setToolTip(tip);
}

void ParameterPanel::buildRows() {
    empty_->setVisible(rows_.isEmpty());
    for (int i = 0; i < rows_.size(); ++i) {
        Row& row = rows_[i];
        row.label = new QLabel(row.info.name);
        QFont f = row.label->font();
        f.setBold(true);
        row.label->setFont(f);
        row.slider = new QSlider(Qt::Horizontal);
        row.slider->setRange(0, sliderSteps);
        row.slider->setPageStep(sliderSteps / 20);
        row.slider->setObjectName(QStringLiteral("slider_") + row.info.name);
        row.spin = new QDoubleSpinBox;
        row.spin->setKeyboardTracking(false); // one edit per typed number, not per keystroke
        row.spin->setMinimumWidth(92);
        row.spin->setAlignment(Qt::AlignRight);
        row.spin->setObjectName(QStringLiteral("spin_") + row.info.name);
        row.unit = new QLabel(row.info.unit);
        row.unit->setMinimumWidth(34);
        row.unit->setStyleSheet(QStringLiteral("color: #555"));
        row.label->setBuddy(row.spin);
        grid_->addWidget(row.label, i, 0);
        grid_->addWidget(row.slider, i, 1);
        grid_->addWidget(row.spin, i, 2);
        grid_->addWidget(row.unit, i, 3);
        configureSpin(row);
        showValue(row, row.info.value);

        const QString name = row.info.name;
        connect(row.slider, &QSlider::sliderPressed, this, [this] { gesture_ = ++gestureCounter_; });
        connect(row.slider, &QSlider::sliderReleased, this, [this] { gesture_ = 0; });
        connect(row.slider, &QSlider::valueChanged, this, [this, i](int pos) {
            Row& r = rows_[i];
            const double v = r.info.min + (r.info.max - r.info.min) * pos / sliderSteps;
            r.info.value = v;
            QSignalBlocker block(r.spin);
            r.spin->setValue(v / (r.info.scale > 0 ? r.info.scale : 1.0));
            emit valueEdited(r.info.name, v, r.slider->isSliderDown() ? gesture_ : 0);
        });
        connect(row.spin, &QDoubleSpinBox::valueChanged, this, [this, i](double shown) {
            Row& r = rows_[i];
            const double v = shown * (r.info.scale > 0 ? r.info.scale : 1.0);
            r.info.value = v;
            if (v < r.info.min || v > r.info.max) configureSpin(r);
            QSignalBlocker block(r.slider);
            r.slider->setValue(sliderPosition(r, v));
            emit valueEdited(r.info.name, v, 0);
        });
    }
}

int ParameterPanel::sliderPosition(const Row& row, double value) const {
    const double span = row.info.max - row.info.min;
    if (span <= 0) return 0;
    return static_cast<int>(std::lround(std::clamp((value - row.info.min) / span, 0.0, 1.0) * sliderSteps));
}

void ParameterPanel::showValue(Row& row, double value) {
    row.info.value = value;
    if (value < row.info.min || value > row.info.max) configureSpin(row);
    QSignalBlocker b1(row.slider), b2(row.spin);
    row.slider->setValue(sliderPosition(row, value));
    row.spin->setValue(value / (row.info.scale > 0 ? row.info.scale : 1.0));
}

void ParameterPanel::setValue(const QString& name, double value) {
    for (Row& r : rows_)
        if (r.info.name == name) showValue(r, value);
}

double ParameterPanel::value(const QString& name) const {
    for (const Row& r : rows_)
        if (r.info.name == name) return r.info.value;
    return std::nan("");
}

QSlider* ParameterPanel::slider(const QString& name) const {
    for (const Row& r : rows_)
        if (r.info.name == name) return r.slider;
    return nullptr;
}

QDoubleSpinBox* ParameterPanel::spinBox(const QString& name) const {
    for (const Row& r : rows_)
        if (r.info.name == name) return r.spin;
    return nullptr;
}

} // namespace scs::ui
