// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — log window.
#include "LogDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace scs::ui {

LogDialog::LogDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("logDialog"));
    setModal(false);
    resize(820, 560);
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel;
    heading_->setObjectName(QStringLiteral("logHeading"));
    heading_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    editor_ = new QPlainTextEdit;
    editor_->setObjectName(QStringLiteral("logText"));
    editor_->setReadOnly(true);
    editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor_->setToolTip(tr("The tools' combined output, as they printed it"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* copy = buttons->addButton(tr("Copy All"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyLogButton"));
    copy->setToolTip(tr("Copy the whole log to the clipboard (to paste into a bug report)"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(heading_);
    layout->addWidget(editor_, 1);
    layout->addWidget(buttons);
}

void LogDialog::setLog(const QString& heading, const QString& log) {
    setWindowTitle(tr("Log — %1").arg(heading));
    heading_->setText(heading);
    editor_->setPlainText(log.isEmpty() ? tr("(the tools wrote nothing)") : log);
    editor_->moveCursor(QTextCursor::End);
    editor_->ensureCursorVisible();
}

void LogDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    editor_->ensureCursorVisible(); // the layout is only known once shown
}

QString LogDialog::text() const { return editor_->toPlainText(); }
QString LogDialog::heading() const { return heading_->text(); }

} // namespace scs::ui
