// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — status-bar indicator of background work: what runs, how far, and Cancel.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace scs::ui {

/// Shows the running job (title, progress bar, cancel button) or "Idle". `running` jobs beyond
/// the first are counted in the label. Progress < 0 means unknown (busy indicator).
class JobsIndicator : public QWidget {
    Q_OBJECT
public:
    explicit JobsIndicator(QWidget* parent = nullptr);

    void setRunning(const QString& title, int running = 1);
    void setProgress(double fraction);
    void setIdle();
    bool isBusy() const { return busy_; }
    QProgressBar* progressBar() const { return bar_; }
    QToolButton* cancelButton() const { return cancel_; }

signals:
    void cancelRequested();

private:
    QLabel* label_;
    QProgressBar* bar_;
    QToolButton* cancel_;
    bool busy_ = false;
};

} // namespace scs::ui
