// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — equation editor: completion, diagnostics, line numbers.
#include "EquationEditor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

namespace scs::ui {

/// The gutter: line numbers, with the numbers of lines that have errors in red.
class LineNumberArea : public QWidget {
public:
    explicit LineNumberArea(EquationEditor* editor) : QWidget(editor), editor_(editor) {}
    QSize sizeHint() const override { return {editor_->lineNumberWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* e) override { editor_->paintLineNumbers(e); }

private:
    EquationEditor* editor_;
};

EquationEditor::EquationEditor(QWidget* parent) : QPlainTextEdit(parent) {
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(10.0, font().pointSizeF()));
    setFont(mono);
    setTabChangesFocus(false);
    setWordWrapMode(QTextOption::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    highlighter_ = new EquationHighlighter(document());

    completionModel_ = new QStringListModel(this);
    completer_ = new QCompleter(completionModel_, this);
    completer_->setWidget(this);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    completer_->setCaseSensitivity(Qt::CaseSensitive);
    completer_->setModelSorting(QCompleter::CaseSensitivelySortedModel);
    completer_->setMaxVisibleItems(10);
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this, &EquationEditor::insertCompletion);

    lineNumbers_ = new LineNumberArea(this);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(singleLine_ ? 0 : lineNumberWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &EquationEditor::updateLineNumberArea);
    // textChanged also fires when the highlighter re-formats (new state names): only a change of
    // the text itself is an edit.
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = toPlainText();
        if (settingText_ || text == lastText_) return;
        lastText_ = text;
        emit textEdited(text);
    });
    setViewportMargins(lineNumberWidth(), 0, 0, 0);
}

void EquationEditor::setSingleLine(bool single) {
    singleLine_ = single;
    lineNumbers_->setVisible(!single);
    setViewportMargins(single ? 0 : lineNumberWidth(), 0, 0, 0);
    setVerticalScrollBarPolicy(single ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(single ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, single ? QSizePolicy::Fixed : QSizePolicy::Expanding);
    updateGeometry();
}

void EquationEditor::setVisibleLines(int lines) {
    visibleLines_ = std::max(1, lines);
    updateGeometry();
}

void EquationEditor::setExternalUndo(bool external) {
    externalUndo_ = external;
    setUndoRedoEnabled(!external);
}

QSize EquationEditor::sizeHint() const {
    const int lines = singleLine_ ? 1 : visibleLines_;
    const int h =
        fontMetrics().lineSpacing() * lines + 2 * frameWidth() + static_cast<int>(document()->documentMargin() * 2) + 2;
    return {QPlainTextEdit::sizeHint().width(), h};
}

QSize EquationEditor::minimumSizeHint() const {
    QSize s = sizeHint();
    if (!singleLine_) s.setHeight(fontMetrics().lineSpacing() * std::min(visibleLines_, 3) + 2 * frameWidth() + 10);
    return {80, s.height()};
}

void EquationEditor::setTextPreservingCursor(const QString& text) {
    if (text == toPlainText()) return;
    const int pos = textCursor().position();
    const int anchorScroll = verticalScrollBar()->value();
    settingText_ = true;
    setPlainText(text);
    lastText_ = text;
    settingText_ = false;
    QTextCursor c = textCursor();
    c.setPosition(std::min(pos, static_cast<int>(text.size())));
    setTextCursor(c);
    verticalScrollBar()->setValue(anchorScroll);
}

QTextCursor EquationEditor::cursorFor(int line, int column, int length) const {
    QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid()) block = document()->lastBlock();
    const int blockLen = block.length() - 1; // without the paragraph separator
    int start = std::clamp(column - 1, 0, std::max(0, blockLen));
    int len = std::max(1, length);
    // "Unexpected end of line": underline the last character so the mark is visible.
    if (start >= blockLen && blockLen > 0) start = blockLen - 1;
    len = std::min(len, std::max(1, blockLen - start));
    QTextCursor c(block);
    c.setPosition(block.position() + start);
    c.setPosition(std::min(block.position() + start + len, block.position() + std::max(blockLen, 1)),
                  QTextCursor::KeepAnchor);
    return c;
}

void EquationEditor::setDiagnostics(const QVector<EditorDiagnostic>& diagnostics) {
    diagnostics_ = diagnostics;
    updateSelections();
    lineNumbers_->update();
}

QList<QTextEdit::ExtraSelection> EquationEditor::diagnosticSelections() const { return diagnosticSelections_; }

void EquationEditor::updateSelections() {
    diagnosticSelections_.clear();
    for (const EditorDiagnostic& d : diagnostics_) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = cursorFor(d.line, d.column, d.length);
        sel.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        sel.format.setUnderlineColor(d.warning ? QColor(230, 150, 0) : QColor(220, 30, 30));
        sel.format.setBackground(d.warning ? QColor(255, 200, 0, 30) : QColor(255, 0, 0, 22));
        sel.format.setToolTip(d.message);
        diagnosticSelections_.push_back(sel);
    }
    setExtraSelections(diagnosticSelections_);
}

void EquationEditor::goTo(int line, int column) {
    QTextCursor c = cursorFor(line, column, 0);
    c.setPosition(c.selectionStart());
    setTextCursor(c);
    setFocus(Qt::OtherFocusReason);
    ensureCursorVisible();
}

void EquationEditor::setLanguageNames(const QStringList& units, const QStringList& functions,
                                      const QStringList& reserved) {
    highlighter_->setLanguageNames(units, functions, reserved);
    languageNames_ = units + functions + reserved;
    updateCompletionModel();
}

void EquationEditor::setCompletionNames(const QStringList& modelNames) {
    if (modelNames == modelNames_) return;
    modelNames_ = modelNames;
    updateCompletionModel();
}

void EquationEditor::updateCompletionModel() {
    QStringList all = modelNames_ + languageNames_;
    all.sort(Qt::CaseSensitive);
    all.removeDuplicates();
    completionModel_->setStringList(all);
}

QString EquationEditor::wordBeforeCursor() const {
    QTextCursor c = textCursor();
    const QString line = c.block().text();
    int end = c.positionInBlock(), start = end;
    while (start > 0 && (line[start - 1].isLetterOrNumber() || line[start - 1] == QLatin1Char('_'))) --start;
    return line.mid(start, end - start);
}

void EquationEditor::insertCompletion(const QString& completion) {
    QTextCursor c = textCursor();
    const int prefix = completer_->completionPrefix().size();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, prefix);
    c.insertText(completion);
    setTextCursor(c);
}

bool EquationEditor::event(QEvent* e) {
    if (e->type() == QEvent::ShortcutOverride && externalUndo_) {
        auto* ke = static_cast<QKeyEvent*>(e);
        if (ke->matches(QKeySequence::Undo) || ke->matches(QKeySequence::Redo)) {
            e->ignore(); // let the window's Undo/Redo actions take it
            return false;
        }
    }
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        const QPoint vp = viewport()->mapFrom(this, he->pos());
        const int pos = cursorForPosition(vp).position();
        QStringList messages;
        for (int i = 0; i < diagnosticSelections_.size(); ++i) {
            const QTextCursor& c = diagnosticSelections_[i].cursor;
            if (pos >= c.selectionStart() && pos <= c.selectionEnd()) messages << diagnostics_[i].message;
        }
        if (messages.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(he->globalPos(), messages.join('\n'), this);
        return true;
    }
    return QPlainTextEdit::event(e);
}

void EquationEditor::keyPressEvent(QKeyEvent* e) {
    QAbstractItemView* popup = completer_->popup();
    if (popup->isVisible()) {
        switch (e->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            e->ignore(); // the completer takes these
            return;
        default:
            break;
        }
    }
    if (singleLine_ && (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter)) {
        e->ignore();
        return;
    }
    const bool forced = e->key() == Qt::Key_Space && (e->modifiers() & Qt::ControlModifier);
    if (!forced) QPlainTextEdit::keyPressEvent(e);
    const bool textKey = !e->text().isEmpty() && (e->text()[0].isLetterOrNumber() || e->text()[0] == '_');
    const QString prefix = wordBeforeCursor();
    if (!forced && (!textKey || prefix.size() < 2 || prefix[0].isDigit())) {
        popup->hide();
        return;
    }
    if (prefix != completer_->completionPrefix()) {
        completer_->setCompletionPrefix(prefix);
        popup->setCurrentIndex(completer_->completionModel()->index(0, 0));
    }
    if (completer_->completionCount() == 0 ||
        (completer_->completionCount() == 1 && completer_->currentCompletion() == prefix)) {
        popup->hide();
        return;
    }
    QRect r = cursorRect();
    r.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width() + 8);
    completer_->complete(r);
}

void EquationEditor::focusInEvent(QFocusEvent* e) {
    completer_->setWidget(this);
    QPlainTextEdit::focusInEvent(e);
}

int EquationEditor::lineNumberWidth() const {
    int digits = 2;
    for (int max = std::max(1, blockCount()); max >= 100; max /= 10) ++digits;
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void EquationEditor::resizeEvent(QResizeEvent* e) {
    QPlainTextEdit::resizeEvent(e);
    const QRect cr = contentsRect();
    lineNumbers_->setGeometry(QRect(cr.left(), cr.top(), singleLine_ ? 0 : lineNumberWidth(), cr.height()));
}

void EquationEditor::updateLineNumberArea(const QRect& rect, int dy) {
    if (dy)
        lineNumbers_->scroll(0, dy);
    else
        lineNumbers_->update(0, rect.y(), lineNumbers_->width(), rect.height());
}

void EquationEditor::paintLineNumbers(QPaintEvent* e) {
    QPainter p(lineNumbers_);
    p.fillRect(e->rect(), QColor(245, 245, 247));
    QSet<int> errorLines;
    for (const EditorDiagnostic& d : diagnostics_) errorLines.insert(d.line);
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= e->rect().bottom()) {
        if (block.isVisible() && bottom >= e->rect().top()) {
            const bool bad = errorLines.contains(number + 1);
            p.setPen(bad ? QColor(210, 30, 30) : QColor(150, 150, 155));
            QFont f = font();
            f.setBold(bad);
            p.setFont(f);
            p.drawText(0, top, lineNumbers_->width() - 5, fontMetrics().height(), Qt::AlignRight,
                       QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

} // namespace scs::ui
