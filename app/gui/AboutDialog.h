// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — About: the studio's version and every library it was built with.
#pragma once

#include <QDialog>
#include <QPair>
#include <QVector>

class QTableWidget;

namespace scs::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    /// (name, version) rows as shown: the studio, Qt (run time and build), QCustomPlot, then the
    /// engine's libraries from scs::libraryVersions().
    static QVector<QPair<QString, QString>> versions();
    /// "name: version" lines (what "Copy" puts on the clipboard).
    static QString versionsText();
    QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_;
};

} // namespace scs::ui
