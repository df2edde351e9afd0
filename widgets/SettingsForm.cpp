// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — generated settings form.
#include "SettingsForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>

namespace scs::ui {

namespace {

QString formatNumber(double shown) { return QString::number(shown, 'g', 6); }

bool inRange(const FormField& f, double v) { return std::isfinite(v) && v >= f.minimum && v <= f.maximum; }

QString rangeText(const FormField& f) {
    const double s = f.kind == FormField::Kind::Quantity && f.scale > 0 ? f.scale : 1.0;
    const QString unit = f.kind == FormField::Kind::Quantity && !f.unit.isEmpty() ? QStringLiteral(" ") + f.unit : QString();
    const bool lo = std::isfinite(f.minimum), hi = std::isfinite(f.maximum);
    if (lo && hi) return QObject::tr("between %1 and %2%3").arg(formatNumber(f.minimum / s), formatNumber(f.maximum / s), unit);
    if (lo) return QObject::tr("at least %1%2").arg(formatNumber(f.minimum / s), unit);
    if (hi) return QObject::tr("at most %1%2").arg(formatNumber(f.maximum / s), unit);
    return QObject::tr("a number");
}

} // namespace

SettingsForm::SettingsForm(QWidget* parent) : QWidget(parent) {
    layout_ = new QFormLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout_->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

void SettingsForm::setFields(const QVector<FormField>& fields) {
    while (layout_->rowCount() > 0) layout_->removeRow(0);
    fields_ = fields;
    defaults_ = fields;
    entries_ = QVector<Entry>(fields_.size());
    for (int i = 0; i < fields_.size(); ++i) buildEditor(i);
    // Followers start in the unit of their choice's default option.
    for (int i = 0; i < fields_.size(); ++i)
        if (fields_[i].kind == FormField::Kind::Choice) applyChoice(i, false);
    defaults_ = fields_;
}

int SettingsForm::indexOf(const QString& id) const {
    for (int i = 0; i < fields_.size(); ++i)
        if (fields_[i].id == id) return i;
    return -1;
}

void SettingsForm::buildEditor(int i) {
    FormField& f = fields_[i];
    Entry& e = entries_[i];
    QWidget* row = nullptr;
    switch (f.kind) {
    case FormField::Kind::Quantity:
    case FormField::Kind::Number: {
        auto* edit = new QLineEdit;
        edit->setObjectName(f.id);
        edit->setAlignment(Qt::AlignRight);
        connect(edit, &QLineEdit::editingFinished, this, [this, i] { commitText(i); });
        e.editor = edit;
        if (f.kind == FormField::Kind::Quantity) {
            auto* host = new QWidget;
            auto* h = new QHBoxLayout(host);
            h->setContentsMargins(0, 0, 0, 0);
            h->setSpacing(4);
            e.unitLabel = new QLabel;
            e.unitLabel->setMinimumWidth(28);
            h->addWidget(edit, 1);
            h->addWidget(e.unitLabel);
            row = host;
        } else {
            row = edit;
        }
        showNumber(i);
        break;
    }
    case FormField::Kind::Count: {
        auto* spin = new QSpinBox;
        spin->setObjectName(f.id);
        spin->setRange(std::isfinite(f.minimum) ? static_cast<int>(std::max(0.0, f.minimum)) : 0,
                       std::isfinite(f.maximum) ? static_cast<int>(std::min(1e9, f.maximum)) : 1000000);
        spin->setValue(static_cast<int>(std::lround(f.value)));
        spin->setAlignment(Qt::AlignRight);
        connect(spin, &QSpinBox::valueChanged, this, [this, i](int v) {
            fields_[i].value = v;
            emit edited();
        });
        e.editor = row = spin;
        break;
    }
    case FormField::Kind::Choice: {
        auto* combo = new QComboBox;
        combo->setObjectName(f.id);
        for (int c = 0; c < f.choices.size(); ++c) combo->addItem(f.choiceLabels.value(c, f.choices[c]), f.choices[c]);
        if (!f.choices.contains(f.choice)) f.choice = f.choices.value(0);
        combo->setCurrentIndex(static_cast<int>(f.choices.indexOf(f.choice)));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, i, combo] {
            fields_[i].choice = combo->currentData().toString();
            applyChoice(i, true);
            emit edited();
        });
        e.editor = row = combo;
        break;
    }
    case FormField::Kind::Flag: {
        auto* box = new QCheckBox;
        box->setObjectName(f.id);
        box->setChecked(f.flag);
        connect(box, &QCheckBox::toggled, this, [this, i](bool on) {
            fields_[i].flag = on;
            emit edited();
        });
        e.editor = row = box;
        break;
    }
    }
    e.editor->setToolTip(f.hint);
    auto* label = new QLabel(f.label + QLatin1Char(':'));
    label->setToolTip(f.hint);
    label->setBuddy(e.editor);
    layout_->addRow(label, row);
}

void SettingsForm::showNumber(int i) {
    const FormField& f = fields_[i];
    Entry& e = entries_[i];
    auto* edit = qobject_cast<QLineEdit*>(e.editor);
    if (!edit) return;
    const double s = f.kind == FormField::Kind::Quantity && f.scale > 0 ? f.scale : 1.0;
    edit->setText(formatNumber(f.value / s));
    edit->setStyleSheet(QString());
    edit->setToolTip(f.hint);
    e.error.clear();
    if (e.unitLabel) e.unitLabel->setText(f.unit);
}

void SettingsForm::commitText(int i) {
    FormField& f = fields_[i];
    Entry& e = entries_[i];
    auto* edit = qobject_cast<QLineEdit*>(e.editor);
    bool ok = false;
    const double shown = QLocale::c().toDouble(edit->text().trimmed(), &ok);
    const double s = f.kind == FormField::Kind::Quantity && f.scale > 0 ? f.scale : 1.0;
    const double v = shown * s;
    if (!ok || !inRange(f, v)) {
        e.error = ok ? tr("%1 must be %2").arg(f.label, rangeText(f))
                     : tr("%1: '%2' is not a number").arg(f.label, edit->text().trimmed());
        edit->setStyleSheet(QStringLiteral("QLineEdit { background: #fde2e2; }"));
        edit->setToolTip(e.error);
        return;
    }
    e.error.clear();
    edit->setStyleSheet(QString());
    edit->setToolTip(f.hint);
    if (v == f.value) return;
    f.value = v;
    emit edited();
}

void SettingsForm::applyChoice(int choiceIndex, bool userEdit) {
    const FormField& c = fields_[choiceIndex];
    const auto it = c.choiceUnits.constFind(c.choice);
    for (int i = 0; i < fields_.size(); ++i) {
        FormField& f = fields_[i];
        if (f.follows != c.id || f.kind != FormField::Kind::Quantity) continue;
        if (it == c.choiceUnits.constEnd()) continue;
        f.unit = it->unit;
        f.scale = it->scale > 0 ? it->scale : 1.0;
        // A new parameter has a new range: bounds move to it. At construction the declared
        // defaults stand (they may be narrower than the parameter's whole range).
        if (userEdit && f.bound == FormField::Bound::Lower) f.value = it->lower;
        if (userEdit && f.bound == FormField::Bound::Upper) f.value = it->upper;
        showNumber(i);
    }
}

nlohmann::json SettingsForm::values() const {
    nlohmann::json out = nlohmann::json::object();
    for (const FormField& f : fields_) out[f.id.toStdString()] = value(f.id);
    return out;
}

nlohmann::json SettingsForm::value(const QString& id) const {
    const int i = indexOf(id);
    if (i < 0) return nullptr;
    const FormField& f = fields_[i];
    switch (f.kind) {
    case FormField::Kind::Quantity:
    case FormField::Kind::Number: return f.value;
    case FormField::Kind::Count: return static_cast<std::int64_t>(std::llround(f.value));
    case FormField::Kind::Choice: return f.choice.toStdString();
    case FormField::Kind::Flag: return f.flag;
    }
    return nullptr;
}

void SettingsForm::setEditorsBlocked(bool blocked) {
    for (Entry& e : entries_)
        if (e.editor) e.editor->blockSignals(blocked);
}

void SettingsForm::showField(int i) {
    const FormField& f = fields_[i];
    QWidget* editor = entries_[i].editor;
    switch (f.kind) {
    case FormField::Kind::Quantity:
    case FormField::Kind::Number: showNumber(i); break;
    case FormField::Kind::Count: static_cast<QSpinBox*>(editor)->setValue(static_cast<int>(std::lround(f.value))); break;
    case FormField::Kind::Choice:
        static_cast<QComboBox*>(editor)->setCurrentIndex(static_cast<int>(f.choices.indexOf(f.choice)));
        break;
    case FormField::Kind::Flag: static_cast<QCheckBox*>(editor)->setChecked(f.flag); break;
    }
}

void SettingsForm::setValues(const nlohmann::json& values) {
    setEditorsBlocked(true);
    fields_ = defaults_;
    const auto stored = [&values](const FormField& f) -> const nlohmann::json* {
        if (!values.is_object()) return nullptr;
        const auto it = values.find(f.id.toStdString());
        return it == values.end() ? nullptr : &*it;
    };
    // Choices first: they set the units (and, when they differ from the default, the ranges) of
    // the fields that follow them; stored numbers then override those ranges.
    for (int i = 0; i < fields_.size(); ++i) {
        FormField& f = fields_[i];
        if (f.kind != FormField::Kind::Choice) continue;
        const nlohmann::json* v = stored(f);
        const bool usable = v && v->is_string() && f.choices.contains(QString::fromStdString(v->get<std::string>()));
        const bool moved = usable && QString::fromStdString(v->get<std::string>()) != f.choice;
        if (usable) f.choice = QString::fromStdString(v->get<std::string>());
        applyChoice(i, moved);
    }
    for (FormField& f : fields_) {
        const nlohmann::json* v = stored(f);
        if (!v) continue;
        switch (f.kind) {
        case FormField::Kind::Choice: break;
        case FormField::Kind::Flag:
            if (v->is_boolean()) f.flag = v->get<bool>();
            break;
        case FormField::Kind::Count:
            if (v->is_number_integer() && inRange(f, v->get<double>())) f.value = v->get<double>();
            break;
        case FormField::Kind::Quantity:
        case FormField::Kind::Number:
            if (v->is_number() && inRange(f, v->get<double>())) f.value = v->get<double>();
            break;
        }
    }
    for (int i = 0; i < fields_.size(); ++i) showField(i);
    setEditorsBlocked(false);
}

void SettingsForm::commitEdits() {
    for (int i = 0; i < fields_.size(); ++i)
        if (qobject_cast<QLineEdit*>(entries_[i].editor)) commitText(i);
}

bool SettingsForm::isValid(QString* error) const {
    for (const Entry& e : entries_)
        if (!e.error.isEmpty()) {
            if (error) *error = e.error;
            return false;
        }
    return true;
}

QWidget* SettingsForm::editor(const QString& id) const {
    const int i = indexOf(id);
    return i < 0 ? nullptr : entries_[i].editor;
}

QLabel* SettingsForm::unitLabel(const QString& id) const {
    const int i = indexOf(id);
    return i < 0 ? nullptr : entries_[i].unitLabel;
}

} // namespace scs::ui
