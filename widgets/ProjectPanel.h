// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the project's playgrounds as a list: switch, add, duplicate, rename, remove.
#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace scs::ui {

/// One playground of the project.
struct DocumentRow {
    qint64 id = 0;
    QString title;
    QString detail; // the model's name, shown under the title
};

/// Shows rows as given and says what the user asked for; it changes nothing itself. Selecting a
/// row asks to show it; editing a title (double-click or F2) asks to rename it.
class ProjectPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectPanel(QWidget* parent = nullptr);

    void setDocuments(const QVector<DocumentRow>& rows, qint64 shown);
    QListWidget* list() const { return list_; }
    QPushButton* removeButton() const { return remove_; }
    /// Ids in list order.
    QVector<qint64> ids() const;
    qint64 shownId() const { return shown_; }

signals:
    void showRequested(qint64 id);
    void renameRequested(qint64 id, const QString& title);
    void newRequested();
    void duplicateRequested(qint64 id);
    void removeRequested(qint64 id);

private:
    QListWidget* list_;
    QPushButton* remove_;
    qint64 shown_ = 0;
    bool filling_ = false;
};

} // namespace scs::ui
