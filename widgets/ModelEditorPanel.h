// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the model's texts (equations, threshold, reset, refractory) and their problems.
#pragma once

#include "EquationEditor.h"

#include "expr/SourceError.h"

#include <QListWidget>
#include <QMap>
#include <QWidget>

#include <vector>

class QLabel;

namespace scs::ui {

/// Four editors and a problems list. Knows nothing of documents: it shows texts, reports the
/// user's edits with the field name used by scs::Diagnostic ("equations", "threshold", "reset",
/// "refractory") and shows diagnostics given back to it.
class ModelEditorPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelEditorPanel(QWidget* parent = nullptr);

    static const QStringList& fieldNames();
    EquationEditor* editor(const QString& field) const;   // nullptr for unknown fields
    QString text(const QString& field) const;
    /// Sets a field's text without emitting `fieldEdited`.
    void setText(const QString& field, const QString& text);

    /// Underlines each diagnostic in its field's editor; diagnostics about other fields (a
    /// parameter value) appear only in the problems list.
    void setDiagnostics(const std::vector<scs::Diagnostic>& diagnostics);
    QListWidget* problemsList() const { return problems_; }

    /// The model's own names, for completion and highlighting.
    void setModelNames(const QStringList& states, const QStringList& parameters, const QStringList& others);
    /// Undo/redo belong to the application (see EquationEditor::setExternalUndo).
    void setExternalUndo(bool external);

signals:
    void fieldEdited(const QString& field, const QString& text);

private:
    QMap<QString, EquationEditor*> editors_;
    QListWidget* problems_;
    QLabel* status_;
};

} // namespace scs::ui
