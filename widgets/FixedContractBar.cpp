// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the contract bar.
#include "FixedContractBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace scs::ui {

FixedContractBar::FixedContractBar(QWidget* parent) : QWidget(parent) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    format_ = new QComboBox;
    format_->setObjectName(QStringLiteral("formatBox"));
    format_->setEditable(true);
    format_->addItems({"Q8.8", "Q4.12", "Q12.4", "Q16.16", "Q20.12", "Q24.8", "UQ8.8"});
    format_->setToolTip(tr("Q format: Qm.n has m integer bits (sign included) and n fraction bits; any up to 32 "
                           "bits can be typed"));
    overflow_ = new QComboBox;
    overflow_->setObjectName(QStringLiteral("overflowBox"));
    overflow_->addItems({"saturate", "wrap", "trap"});
    overflow_->setToolTip(tr("What a result outside the range becomes: clamped, wrapped (two's complement) or a "
                             "trap that stops the neuron"));
    rounding_ = new QComboBox;
    rounding_->setObjectName(QStringLiteral("roundingBox"));
    rounding_->addItems({"truncate", "nearest", "bankers", "stochastic"});
    rounding_->setToolTip(tr("How bits below the LSB are dropped; stochastic uses the LFSR-16"));
    row->addWidget(new QLabel(tr("Format")));
    row->addWidget(format_);
    row->addWidget(new QLabel(tr("Overflow")));
    row->addWidget(overflow_);
    row->addWidget(new QLabel(tr("Rounding")));
    row->addWidget(rounding_);
    row->addStretch(1);
    connect(format_, &QComboBox::currentTextChanged, this, &FixedContractBar::readBoxes);
    connect(overflow_, &QComboBox::currentTextChanged, this, &FixedContractBar::readBoxes);
    connect(rounding_, &QComboBox::currentTextChanged, this, &FixedContractBar::readBoxes);
}

void FixedContractBar::setContract(const fixed::FixedContract& contract) {
    format_->setCurrentText(QString::fromStdString(contract.format.label()));
    overflow_->setCurrentText(QString::fromLatin1(fixed::name(contract.overflow)));
    rounding_->setCurrentText(QString::fromLatin1(fixed::name(contract.rounding)));
    readBoxes();
}

void FixedContractBar::readBoxes() {
    fixed::FixedContract next = contract_;
    try {
        next.format = fixed::QFormat::parse(format_->currentText().trimmed().toStdString());
        format_->setStyleSheet(QString());
        format_->setToolTip(tr("Q format: Qm.n has m integer bits (sign included) and n fraction bits"));
    } catch (const std::invalid_argument& e) {
        format_->setStyleSheet(QStringLiteral("QComboBox { color: #d62728; }"));
        format_->setToolTip(QString::fromUtf8(e.what()));
        return;
    }
    next.overflow = fixed::parseOverflow(overflow_->currentText().toStdString());
    next.rounding = fixed::parseRounding(rounding_->currentText().toStdString());
    const bool changed =
        next.format != contract_.format || next.overflow != contract_.overflow || next.rounding != contract_.rounding;
    contract_ = next;
    if (changed) emit contractChanged(contract_);
}

} // namespace scs::ui
