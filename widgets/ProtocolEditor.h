// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — edits an input protocol: kind plus fields with units, as Protocol text.
#pragma once

#include <QMap>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace scs::ui {

/// The text form is scs::Protocol's ("step amplitude=0.5*nA start=20*ms stop=180*ms"); "" means no
/// protocol (the drive stays at its parameter value). Each field keeps the user's own spelling
/// (units included). Only texts that scs::Protocol::parse accepts are emitted; otherwise the
/// editor shows why under the fields.
class ProtocolEditor : public QWidget {
    Q_OBJECT
public:
    explicit ProtocolEditor(QWidget* parent = nullptr);

    /// Shows a protocol text without emitting `protocolEdited`. Unparseable text is shown as is
    /// with its error.
    void setProtocolText(const QString& text);
    QString protocolText() const;
    /// Unit used in placeholders for amplitude, offset and sigma ("nA", "mV").
    void setDriveUnit(const QString& unit);
    QComboBox* kindCombo() const { return kind_; }
    QLineEdit* field(const QString& key) const { return fields_.value(key); }
    QString errorText() const;

    /// Fields that matter for a kind ("step" -> amplitude, offset, start, stop).
    static QStringList keysFor(const QString& kind);

signals:
    void protocolEdited(const QString& text);

private:
    void updateVisibility();
    void commit();
    bool validate(const QString& text);

    QComboBox* kind_;
    QFormLayout* form_;
    QMap<QString, QLineEdit*> fields_;
    QLabel* error_;
    QLabel* preview_;
    QString driveUnit_ = QStringLiteral("nA");
};

} // namespace scs::ui
