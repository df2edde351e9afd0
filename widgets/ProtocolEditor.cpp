// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — protocol editor.
#include "ProtocolEditor.h"

#include "ode/Protocol.h"
#include "expr/SourceError.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace scs::ui {

namespace {
const QStringList& allKeys() {
    static const QStringList keys{"amplitude", "offset", "start", "stop", "frequency", "width", "sigma", "tau", "seed"};
    return keys;
}
} // namespace

QStringList ProtocolEditor::keysFor(const QString& kind) {
    if (kind == QLatin1String("constant")) return {"amplitude", "offset"};
    if (kind == QLatin1String("step") || kind == QLatin1String("ramp")) return {"amplitude", "offset", "start", "stop"};
    if (kind == QLatin1String("sine")) return {"amplitude", "offset", "frequency", "start", "stop"};
    if (kind == QLatin1String("pulse_train")) return {"amplitude", "offset", "frequency", "width", "start", "stop"};
    if (kind == QLatin1String("noise")) return {"amplitude", "offset", "sigma", "tau", "seed", "start", "stop"};
    return {};
}

ProtocolEditor::ProtocolEditor(QWidget* parent) : QWidget(parent) {
    form_ = new QFormLayout(this);
    form_->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    kind_ = new QComboBox;
    kind_->addItem(tr("none (drive at its parameter value)"), QString());
    using K = scs::Protocol::Kind;
    for (K k : {K::Constant, K::Step, K::Ramp, K::Sine, K::PulseTrain, K::Noise})
        kind_->addItem(QString::fromLatin1(scs::Protocol::kindName(k)), QString::fromLatin1(scs::Protocol::kindName(k)));
    kind_->setToolTip(tr("Time course of the drive parameter (usually the input current I)"));
    form_->addRow(tr("Protocol"), kind_);
    const QMap<QString, QString> tips{
        {"amplitude", tr("Height of the step/ramp/sine/pulses (noise: mean added to offset)")},
        {"offset", tr("Baseline value of the drive")},
        {"start", tr("When the protocol starts, e.g. 20*ms")},
        {"stop", tr("When it stops, e.g. 180*ms (empty: never)")},
        {"frequency", tr("Frequency, e.g. 10*Hz")},
        {"width", tr("Width of each pulse, e.g. 2*ms")},
        {"sigma", tr("Standard deviation of the noise")},
        {"tau", tr("Correlation time of the noise, e.g. 5*ms")},
        {"seed", tr("Random seed (integer) of the noise")}};
    for (const QString& key : allKeys()) {
        auto* e = new QLineEdit;
        e->setObjectName(QStringLiteral("protocol_") + key);
        e->setToolTip(tips.value(key));
        fields_.insert(key, e);
        form_->addRow(key, e);
        connect(e, &QLineEdit::editingFinished, this, &ProtocolEditor::commit);
    }
    error_ = new QLabel;
    error_->setStyleSheet(QStringLiteral("color: #c02020"));
    error_->setWordWrap(true);
    preview_ = new QLabel;
    preview_->setStyleSheet(QStringLiteral("color: #666"));
    preview_->setWordWrap(true);
    preview_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form_->addRow(preview_);
    form_->addRow(error_);
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        commit();
    });
    setDriveUnit(driveUnit_);
    updateVisibility();
}

void ProtocolEditor::setDriveUnit(const QString& unit) {
    driveUnit_ = unit;
    const QString u = unit.isEmpty() ? QString() : QStringLiteral("*") + unit;
    fields_["amplitude"]->setPlaceholderText(QStringLiteral("e.g. 0.5") + u);
    fields_["offset"]->setPlaceholderText(QStringLiteral("0") + u);
    fields_["sigma"]->setPlaceholderText(QStringLiteral("e.g. 0.1") + u);
    fields_["start"]->setPlaceholderText(QStringLiteral("0*ms"));
    fields_["stop"]->setPlaceholderText(tr("end of run"));
    fields_["frequency"]->setPlaceholderText(QStringLiteral("e.g. 10*Hz"));
    fields_["width"]->setPlaceholderText(QStringLiteral("e.g. 2*ms"));
    fields_["tau"]->setPlaceholderText(QStringLiteral("10*ms"));
    fields_["seed"]->setPlaceholderText(QStringLiteral("1"));
}

void ProtocolEditor::updateVisibility() {
    const QStringList keys = keysFor(kind_->currentData().toString());
    for (auto it = fields_.begin(); it != fields_.end(); ++it) form_->setRowVisible(it.value(), keys.contains(it.key()));
}

QString ProtocolEditor::protocolText() const {
    const QString kind = kind_->currentData().toString();
    if (kind.isEmpty()) return QString();
    QStringList parts{kind};
    for (const QString& key : keysFor(kind)) {
        const QString v = fields_[key]->text().simplified().remove(' ');
        if (!v.isEmpty()) parts << key + '=' + v;
    }
    return parts.join(' ');
}

QString ProtocolEditor::errorText() const { return error_->text(); }

bool ProtocolEditor::validate(const QString& text) {
    preview_->setText(text.isEmpty() ? QString() : text);
    if (text.isEmpty()) {
        error_->clear();
        return true;
    }
    try {
        (void)scs::Protocol::parse(text.toStdString());
        error_->clear();
        return true;
    } catch (const scs::ModelError& e) {
        error_->setText(QString::fromStdString(e.diagnostics().front().message));
    } catch (const std::exception& e) {
        error_->setText(QString::fromUtf8(e.what()));
    }
    return false;
}

void ProtocolEditor::commit() {
    const QString text = protocolText();
    if (validate(text)) emit protocolEdited(text);
}

void ProtocolEditor::setProtocolText(const QString& text) {
    QSignalBlocker block(kind_);
    for (QLineEdit* e : fields_) e->clear();
    const QStringList parts = text.simplified().split(' ', Qt::SkipEmptyParts);
    const int kindIndex = parts.isEmpty() ? 0 : kind_->findData(parts.front());
    kind_->setCurrentIndex(std::max(0, kindIndex));
    for (int i = 1; i < parts.size(); ++i) {
        const int eq = parts[i].indexOf('=');
        if (eq <= 0) continue;
        if (QLineEdit* e = fields_.value(parts[i].left(eq))) e->setText(parts[i].mid(eq + 1));
    }
    updateVisibility();
    validate(text.simplified());
    if (kindIndex < 0 && !parts.isEmpty()) error_->setText(tr("Unknown protocol kind '%1'").arg(parts.front()));
}

} // namespace scs::ui
