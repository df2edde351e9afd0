// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a settings form generated from declared fields (analysis settings, job parameters).
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <limits>

class QFormLayout;
class QLabel;

namespace scs::ui {

/// Unit and default range that a Choice's option (usually a model parameter) gives the fields
/// that follow it. Values SI; `scale` is SI per displayed unit.
struct ChoiceUnit {
    QString unit;
    double scale = 1;
    double lower = 0;
    double upper = 1;
};

/// One declared setting. Forms are generated from a list of these, so every analysis gets the
/// same editors, validation and persistence; `id` keys the stored value (lower_snake_case,
/// frozen once released: project files keep it).
struct FormField {
    enum class Kind {
        Quantity, // a real value with a unit: stored SI, shown as value / scale followed by `unit`
        Number,   // a plain real value
        Count,    // a non-negative integer (points, grid sizes)
        Choice,   // one of `choices` (stored as the choice text)
        Flag      // on / off
    };
    enum class Bound { None, Lower, Upper };

    Kind kind = Kind::Number;
    QString id;
    QString label;
    QString hint;                 // tooltip: what the setting does and its unit
    double value = 0;             // default (SI for quantities; Count: rounded)
    double minimum = -std::numeric_limits<double>::infinity(); // allowed range (SI), inclusive
    double maximum = std::numeric_limits<double>::infinity();
    QString unit;                 // Quantity: display unit ("" = dimensionless)
    double scale = 1;             // Quantity: SI per display unit
    /// Quantity: the unit follows the option chosen in the Choice field with this id; a Lower or
    /// Upper bound also takes that option's range when the choice changes.
    QString follows;
    Bound bound = Bound::None;
    QStringList choices;          // Choice: the options (stored values), in order
    QStringList choiceLabels;     // Choice: what the user reads for each option (default: the option)
    QString choice;               // Choice: the default option
    QHash<QString, ChoiceUnit> choiceUnits; // Choice: what each option gives its followers
    bool flag = false;            // Flag: the default
};

/// A QFormLayout of editors generated from FormFields: line edits with a unit label for real
/// values (typed in the display unit; a bad or out-of-range entry is marked red and keeps the
/// last good value), spin boxes for counts, combo boxes for choices, check boxes for flags.
/// Values are read and written as a JSON object keyed by field id. Main thread only.
class SettingsForm : public QWidget {
    Q_OBJECT
public:
    explicit SettingsForm(QWidget* parent = nullptr);

    /// Rebuilds the editors with the fields' defaults (does not emit `edited`).
    void setFields(const QVector<FormField>& fields);
    const QVector<FormField>& fields() const { return fields_; }

    /// {"id": value}: numbers SI, counts integers, choices text, flags booleans.
    nlohmann::json values() const;
    /// Shows the defaults overlaid with the stored values that fit: unknown ids, wrong types,
    /// out-of-range numbers and options not offered are ignored, and fields missing from `values`
    /// return to their defaults (so a document's section can be shown as is, after an undo too).
    /// Does not emit `edited`.
    void setValues(const nlohmann::json& values);
    /// One value (null JSON when there is no such field).
    nlohmann::json value(const QString& id) const;

    /// Takes what is typed in every line edit as if the user had pressed Return (a shortcut can
    /// start a run while an edit still has focus). Emits `edited` when a value changed.
    void commitEdits();
    /// False with a one-line reason naming the field when an entry is not a valid value.
    bool isValid(QString* error = nullptr) const;
    /// The editor of a field (QLineEdit, QSpinBox, QComboBox or QCheckBox), or null.
    QWidget* editor(const QString& id) const;
    /// The unit label shown beside a Quantity field, or null.
    QLabel* unitLabel(const QString& id) const;

signals:
    /// The user changed a value (after an edit is finished, or a choice or flag changed).
    void edited();

private:
    struct Entry {
        QWidget* editor = nullptr;
        QLabel* unitLabel = nullptr;
        QString error;   // "" when the shown text is a valid value
    };
    int indexOf(const QString& id) const;
    void buildEditor(int index);
    void showNumber(int index);
    void showField(int index);
    void commitText(int index);
    void applyChoice(int index, bool userEdit);
    void setEditorsBlocked(bool blocked);

    QVector<FormField> fields_;   // current values
    QVector<FormField> defaults_; // as declared (units resolved)
    QVector<Entry> entries_;
    QFormLayout* layout_;
};

} // namespace scs::ui
