// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — answers the next modal message box a GUI test expects, as a user would.
#pragma once

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace scs::test {

/// Watches for a modal QMessageBox whose object name or window title is `name`, records its
/// text and clicks the button whose label (without '&') is `button`. Call before the code that
/// shows the box; `seen()` tells whether it appeared.
class MessageBoxAnswerer : public QObject {
public:
    MessageBoxAnswerer(QString name, QString button) : name_(std::move(name)), button_(std::move(button)) {
        connect(&timer_, &QTimer::timeout, this, [this] { poll(); });
        timer_.start(20);
    }
    bool seen() const { return seen_; }
    const QString& text() const { return text_; }

private:
    void poll() {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || (box->objectName() != name_ && box->windowTitle() != name_)) return;
        for (QAbstractButton* b : box->buttons())
            if (b->text().remove(QLatin1Char('&')) == button_) {
                seen_ = true;
                text_ = box->text();
                timer_.stop();
                b->click();
                return;
            }
    }
    QString name_, button_, text_;
    bool seen_ = false;
    QTimer timer_;
};

} // namespace scs::test
