// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a row of three choices: the Q format, the overflow and the rounding mode.
#pragma once

#include "fixed/FixedContract.h"

#include <QWidget>

class QComboBox;

namespace scs::ui {

/// The fixed-point contract the hardware tools compile with. Any "Qm.n" / "UQm.n" can be typed
/// into the format box; an invalid one is shown in red and `contract` keeps the last valid one.
class FixedContractBar : public QWidget {
    Q_OBJECT
public:
    explicit FixedContractBar(QWidget* parent = nullptr);

    fixed::FixedContract contract() const { return contract_; }
    void setContract(const fixed::FixedContract& contract);
    QComboBox* formatBox() const { return format_; }
    QComboBox* overflowBox() const { return overflow_; }
    QComboBox* roundingBox() const { return rounding_; }

signals:
    void contractChanged(const scs::fixed::FixedContract& contract);

private:
    void readBoxes();

    QComboBox* format_;
    QComboBox* overflow_;
    QComboBox* rounding_;
    fixed::FixedContract contract_;
};

} // namespace scs::ui
