// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — read-only view of generated SystemVerilog: highlighting, line numbers, find.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace scs::ui {

class SystemVerilogHighlighter;

/// Shows one source file with a title line. Ctrl+F opens a find bar (Enter: next, Shift+Enter:
/// previous, Escape: close); searches wrap around. Replacing the text of the same title keeps the
/// scroll position, so regenerating on every model edit does not jump. Main thread only.
class RtlViewer : public QWidget {
    Q_OBJECT
public:
    explicit RtlViewer(QWidget* parent = nullptr);

    /// `title` names what is shown ("izhikevich.sv"); empty hides the title line.
    void setSource(const QString& text, const QString& title);
    QString text() const;
    QString title() const { return title_; }

    /// Selects the next (or previous) case-insensitive match after the cursor, wrapping; false
    /// when there is none (the selection is then cleared).
    bool find(const QString& needle, bool backwards = false);
    /// Shows the find bar and focuses its field (Ctrl+F).
    void showFindBar();

    QPlainTextEdit* editor() const { return editor_; }
    SystemVerilogHighlighter* highlighter() const { return highlighter_; }
    QLineEdit* findField() const { return findField_; }
    QWidget* findBar() const { return findBar_; }

private:
    QString title_;
    QLabel* titleLabel_;
    QPlainTextEdit* editor_;
    SystemVerilogHighlighter* highlighter_;
    QWidget* findBar_;
    QLineEdit* findField_;
};

} // namespace scs::ui
