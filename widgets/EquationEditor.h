// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a code editor for equations: highlighting, completion, error underlines.
#pragma once

#include "EquationHighlighter.h"

#include <QPlainTextEdit>
#include <QVector>

class QCompleter;
class QStringListModel;

namespace scs::ui {

/// One problem to underline: 1-based line and column, `length` characters (as scs::SourcePos).
struct EditorDiagnostic {
    int line = 1;
    int column = 1;
    int length = 1;
    QString message;
    bool warning = false;
};

/// Multi-line (equations, reset) or single-line (threshold, refractory) editor. Diagnostics are
/// drawn as red (errors) or amber (warnings) wavy underlines and shown as tooltips on hover.
/// With `setExternalUndo(true)` the editor keeps no undo history of its own and leaves Ctrl+Z /
/// Ctrl+Shift+Z to the application's undo stack.
class EquationEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit EquationEditor(QWidget* parent = nullptr);

    void setSingleLine(bool single);
    bool isSingleLine() const { return singleLine_; }
    /// Lines shown without scrolling in multi-line mode (sets the preferred height).
    void setVisibleLines(int lines);
    void setExternalUndo(bool external);

    /// Replaces the text without emitting `textEdited` and keeps the cursor where it was (clamped).
    void setTextPreservingCursor(const QString& text);

    void setDiagnostics(const QVector<EditorDiagnostic>& diagnostics);
    const QVector<EditorDiagnostic>& diagnostics() const { return diagnostics_; }
    /// The extra selections that carry an underline (one per diagnostic shown).
    QList<QTextEdit::ExtraSelection> diagnosticSelections() const;
    /// Moves the cursor to a 1-based line and column and focuses the editor.
    void goTo(int line, int column);

    /// Names offered by completion: the model's own names plus the language's (set once).
    void setCompletionNames(const QStringList& modelNames);
    void setLanguageNames(const QStringList& units, const QStringList& functions, const QStringList& reserved);
    EquationHighlighter* highlighter() const { return highlighter_; }
    QCompleter* completer() const { return completer_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The user changed the text (typing, paste, completion); not emitted for setTextPreservingCursor.
    void textEdited(const QString& text);

protected:
    bool event(QEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void focusInEvent(QFocusEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    friend class LineNumberArea;
    void insertCompletion(const QString& completion);
    QString wordBeforeCursor() const;
    void updateCompletionModel();
    void updateSelections();
    QTextCursor cursorFor(int line, int column, int length) const;
    int lineNumberWidth() const;
    void paintLineNumbers(QPaintEvent* e);
    void updateLineNumberArea(const QRect& rect, int dy);

    EquationHighlighter* highlighter_;
    QCompleter* completer_;
    QStringListModel* completionModel_;
    QStringList modelNames_, languageNames_;
    QVector<EditorDiagnostic> diagnostics_;
    QList<QTextEdit::ExtraSelection> diagnosticSelections_;
    QWidget* lineNumbers_ = nullptr;
    bool singleLine_ = false;
    bool externalUndo_ = false;
    bool settingText_ = false;
    QString lastText_; // the text as last set or edited
    int visibleLines_ = 8;
};

} // namespace scs::ui
