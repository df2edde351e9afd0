// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SystemVerilog viewer.
#include "RtlViewer.h"

#include "SystemVerilogHighlighter.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPaintEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace scs::ui {

namespace {

/// A read-only QPlainTextEdit with a line-number gutter (the gutter is a child painted by it).
class NumberedTextEdit : public QPlainTextEdit {
public:
    NumberedTextEdit() : gutter_(new Gutter(this)) {
        connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
        connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
            if (dy)
                gutter_->scroll(0, dy);
            else
                gutter_->update(0, rect.y(), gutter_->width(), rect.height());
        });
        setViewportMargins(gutterWidth(), 0, 0, 0);
    }

    int gutterWidth() const {
        int digits = 3;
        for (int max = std::max(1, blockCount()); max >= 1000; max /= 10) ++digits;
        return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
    }

protected:
    void changeEvent(QEvent* e) override {
        QPlainTextEdit::changeEvent(e);
        if (e->type() == QEvent::FontChange) setViewportMargins(gutterWidth(), 0, 0, 0); // wider digits
    }

    void resizeEvent(QResizeEvent* e) override {
        QPlainTextEdit::resizeEvent(e);
        const QRect cr = contentsRect();
        gutter_->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
    }

private:
    class Gutter : public QWidget {
    public:
        explicit Gutter(NumberedTextEdit* edit) : QWidget(edit), edit_(edit) {}

    protected:
        void paintEvent(QPaintEvent* e) override { edit_->paintGutter(this, e->rect()); }

    private:
        NumberedTextEdit* edit_;
    };

    void paintGutter(QWidget* gutter, const QRect& area) {
        QPainter p(gutter);
        p.fillRect(area, QColor(245, 245, 247));
        p.setPen(QColor(150, 150, 155));
        p.setFont(font());
        QTextBlock block = firstVisibleBlock();
        int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
        while (block.isValid() && top <= area.bottom()) {
            const int bottom = top + qRound(blockBoundingRect(block).height());
            if (block.isVisible() && bottom >= area.top())
                p.drawText(0, top, gutter->width() - 5, fontMetrics().height(), Qt::AlignRight,
                           QString::number(block.blockNumber() + 1));
            block = block.next();
            top = bottom;
        }
    }

    Gutter* gutter_;
};

} // namespace

RtlViewer::RtlViewer(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("rtlViewer"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    titleLabel_ = new QLabel;
    titleLabel_->setObjectName(QStringLiteral("rtlTitle"));
    titleLabel_->setTextFormat(Qt::PlainText);
    titleLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titleLabel_->hide();
    layout->addWidget(titleLabel_);

    editor_ = new NumberedTextEdit;
    editor_->setObjectName(QStringLiteral("rtlText"));
    editor_->setAccessibleName(tr("Generated SystemVerilog"));
    editor_->setReadOnly(true);
    // Selectable and navigable with the keyboard (copying a line), but not editable.
    editor_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(10.0, font().pointSizeF()));
    editor_->setFont(mono);
    editor_->setTabStopDistance(editor_->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    editor_->setToolTip(tr("The generated SystemVerilog (read-only); Ctrl+F to find"));
    highlighter_ = new SystemVerilogHighlighter(editor_->document());
    layout->addWidget(editor_, 1);

    findBar_ = new QWidget;
    findBar_->setObjectName(QStringLiteral("rtlFindBar"));
    auto* bar = new QHBoxLayout(findBar_);
    bar->setContentsMargins(0, 0, 0, 0);
    findField_ = new QLineEdit;
    findField_->setObjectName(QStringLiteral("rtlFindField"));
    findField_->setPlaceholderText(tr("Find"));
    findField_->setClearButtonEnabled(true);
    findField_->setToolTip(tr("Enter: next match, Shift+Enter: previous, Escape: close"));
    auto button = [this](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    bar->addWidget(findField_, 1);
    bar->addWidget(
        button(tr("Previous"), tr("Previous match (Shift+Enter)"), [this] { find(findField_->text(), true); }));
    bar->addWidget(button(tr("Next"), tr("Next match (Enter)"), [this] { find(findField_->text()); }));
    bar->addWidget(button(tr("Close"), tr("Close the find bar (Escape)"), [this] {
        findBar_->hide();
        editor_->setFocus();
    }));
    findBar_->hide();
    layout->addWidget(findBar_);
    connect(findField_, &QLineEdit::textEdited, this, [this](const QString& needle) {
        // Typing searches from the start of the current match, so the match grows in place.
        QTextCursor c = editor_->textCursor();
        c.setPosition(c.selectionStart());
        editor_->setTextCursor(c);
        find(needle);
    });
    connect(findField_, &QLineEdit::returnPressed, this,
            [this] { find(findField_->text(), QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier)); });
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, &RtlViewer::showFindBar);
    auto* close = new QShortcut(QKeySequence(Qt::Key_Escape), findBar_);
    close->setContext(Qt::WidgetWithChildrenShortcut);
    connect(close, &QShortcut::activated, this, [this] {
        findBar_->hide();
        editor_->setFocus();
    });
}

void RtlViewer::setSource(const QString& text, const QString& title) {
    if (text == editor_->toPlainText() && title == title_) return;
    const bool sameFile = title == title_;
    const int scroll = editor_->verticalScrollBar()->value();
    const int hscroll = editor_->horizontalScrollBar()->value();
    title_ = title;
    titleLabel_->setText(title);
    titleLabel_->setVisible(!title.isEmpty());
    editor_->setPlainText(text);
    if (sameFile) {
        editor_->verticalScrollBar()->setValue(scroll);
        editor_->horizontalScrollBar()->setValue(hscroll);
    }
}

QString RtlViewer::text() const { return editor_->toPlainText(); }

void RtlViewer::showFindBar() {
    findBar_->show();
    findField_->setFocus();
    findField_->selectAll();
}

bool RtlViewer::find(const QString& needle, bool backwards) {
    if (needle.isEmpty()) return false;
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextDocument* doc = editor_->document();
    QTextCursor found = doc->find(needle, editor_->textCursor(), flags);
    if (found.isNull()) { // wrap around
        QTextCursor from(doc);
        if (backwards) from.movePosition(QTextCursor::End);
        found = doc->find(needle, from, flags);
    }
    if (found.isNull()) {
        QTextCursor c = editor_->textCursor();
        c.clearSelection();
        editor_->setTextCursor(c);
        findField_->setStyleSheet(QStringLiteral("background: #ffe0e0"));
        return false;
    }
    findField_->setStyleSheet(QString());
    editor_->setTextCursor(found);
    editor_->ensureCursorVisible();
    return true;
}

} // namespace scs::ui
