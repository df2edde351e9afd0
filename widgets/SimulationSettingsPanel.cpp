// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — simulation settings panel.
#include "SimulationSettingsPanel.h"

#include "ProtocolEditor.h"

#include "expr/SourceError.h"
#include "ode/NeuronModel.h"
#include "units/Quantity.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace scs::ui {

SimulationSettingsPanel::SimulationSettingsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    method_ = new QComboBox;
    method_->setObjectName(QStringLiteral("methodCombo"));
    method_->addItem(tr("default"), QString());
    for (const std::string& m : scs::integrationMethods())
        method_->addItem(QString::fromStdString(m), QString::fromStdString(m));
    method_->setToolTip(tr("Integration method; 'default' is exact for linear models, else euler (as Brian2)"));
    dt_ = new QLineEdit;
    dt_->setObjectName(QStringLiteral("dtEdit"));
    dt_->setToolTip(tr("Time step with unit, e.g. 0.05*ms"));
    duration_ = new QLineEdit;
    duration_->setObjectName(QStringLiteral("durationEdit"));
    duration_->setToolTip(tr("Simulated time with unit, e.g. 200*ms"));
    form->addRow(tr("Method"), method_);
    form->addRow(tr("dt"), dt_);
    form->addRow(tr("Duration"), duration_);
    layout->addLayout(form);
    auto* line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    protocol_ = new ProtocolEditor;
    layout->addWidget(protocol_);
    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setObjectName(QStringLiteral("runStatus"));
    layout->addWidget(status_);
    layout->addStretch(1);

    connect(method_, &QComboBox::activated, this, [this] { emit methodEdited(method_->currentData().toString()); });
    connect(dt_, &QLineEdit::editingFinished, this, [this] {
        if (dt_->isModified() && checkTime(dt_)) emit dtEdited(dt_->text().trimmed());
        dt_->setModified(false);
    });
    connect(duration_, &QLineEdit::editingFinished, this, [this] {
        if (duration_->isModified() && checkTime(duration_)) emit durationEdited(duration_->text().trimmed());
        duration_->setModified(false);
    });
    connect(protocol_, &ProtocolEditor::protocolEdited, this, &SimulationSettingsPanel::protocolEdited);
}

bool SimulationSettingsPanel::checkTime(QLineEdit* edit) {
    QString why;
    try {
        const scs::Quantity q = scs::parseQuantity(edit->text().trimmed().toStdString(), "time");
        if (q.dimension != scs::Dimension::base(scs::Dimension::Second)) why = tr("Must be a time, e.g. 0.1*ms");
        else if (!(q.value > 0)) why = tr("Must be positive");
    } catch (const scs::ModelError& e) {
        why = QString::fromStdString(e.diagnostics().front().message);
    } catch (const std::exception& e) {
        why = QString::fromUtf8(e.what());
    }
    edit->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d02020; }"));
    edit->setToolTip(why.isEmpty() ? (edit == dt_ ? tr("Time step with unit, e.g. 0.05*ms")
                                                  : tr("Simulated time with unit, e.g. 200*ms"))
                                   : why);
    return why.isEmpty();
}

void SimulationSettingsPanel::setSettings(const QString& method, const QString& defaultMethod,
                                          const QString& dt, const QString& duration, const QString& protocol) {
    QSignalBlocker b(method_);
    method_->setItemText(0, defaultMethod.isEmpty() ? tr("default") : tr("default (%1)").arg(defaultMethod));
    method_->setCurrentIndex(std::max(0, method_->findData(method)));
    if (dt_->text() != dt) dt_->setText(dt);
    if (duration_->text() != duration) duration_->setText(duration);
    checkTime(dt_);
    checkTime(duration_);
    if (protocol_->protocolText() != protocol) protocol_->setProtocolText(protocol);
}

void SimulationSettingsPanel::setDriveUnit(const QString& unit) { protocol_->setDriveUnit(unit); }

void SimulationSettingsPanel::setRunStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #c02020") : QStringLiteral("color: #555"));
}

} // namespace scs::ui
