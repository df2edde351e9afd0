// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a tool's output in a read-only, monospace window.
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace scs::ui {

/// Non-modal: the user can keep the log open beside the report it explains. Opens scrolled to the
/// end, because tools print their errors last. Main thread only.
class LogDialog : public QDialog {
    Q_OBJECT
public:
    explicit LogDialog(QWidget* parent = nullptr);

    /// `heading` says whose log it is ("ice40 synthesis, 2025-01-31 12:00"); an empty `log` reads
    /// as a note that the tools wrote nothing.
    void setLog(const QString& heading, const QString& log);
    QString text() const;
    QString heading() const;
    QPlainTextEdit* editor() const { return editor_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    QLabel* heading_;
    QPlainTextEdit* editor_;
};

} // namespace scs::ui
