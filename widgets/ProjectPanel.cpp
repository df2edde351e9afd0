// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — project document list.
#include "ProjectPanel.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace scs::ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
} // namespace

ProjectPanel::ProjectPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    list_ = new QListWidget;
    list_->setObjectName(QStringLiteral("documentList"));
    list_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    list_->setToolTip(tr("The project's playgrounds: select one to show it, double-click or F2 to rename"));
    layout->addWidget(list_, 1);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("New"));
    add->setToolTip(tr("Add a playground with a blank model to the project"));
    auto* duplicate = new QPushButton(tr("Duplicate"));
    duplicate->setToolTip(tr("Add a copy of the selected playground"));
    remove_ = new QPushButton(tr("Remove"));
    remove_->setToolTip(tr("Remove the selected playground from the project (undoable)"));
    buttons->addWidget(add);
    buttons->addWidget(duplicate);
    buttons->addStretch(1);
    buttons->addWidget(remove_);
    layout->addLayout(buttons);

    auto selected = [this]() -> qint64 {
        const QListWidgetItem* item = list_->currentItem();
        return item ? item->data(kIdRole).toLongLong() : 0;
    };
    connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!filling_ && item && item->data(kIdRole).toLongLong() != shown_)
            emit showRequested(item->data(kIdRole).toLongLong());
    });
    connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (filling_) return;
        const QString title = item->text().trimmed();
        if (!title.isEmpty()) emit renameRequested(item->data(kIdRole).toLongLong(), title);
    });
    connect(add, &QPushButton::clicked, this, &ProjectPanel::newRequested);
    connect(duplicate, &QPushButton::clicked, this, [this, selected] {
        if (const qint64 id = selected()) emit duplicateRequested(id);
    });
    connect(remove_, &QPushButton::clicked, this, [this, selected] {
        if (const qint64 id = selected()) emit removeRequested(id);
    });
}

void ProjectPanel::setDocuments(const QVector<DocumentRow>& rows, qint64 shown) {
    filling_ = true;
    shown_ = shown;
    list_->clear();
    for (const DocumentRow& row : rows) {
        auto* item = new QListWidgetItem(row.title, list_);
        item->setData(kIdRole, row.id);
        item->setToolTip(row.detail.isEmpty() ? row.title : tr("%1 — model: %2").arg(row.title, row.detail));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (row.id == shown) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
            list_->setCurrentItem(item);
        }
    }
    // The last playground cannot go: a project always has one to show.
    remove_->setEnabled(rows.size() > 1);
    filling_ = false;
}

QVector<qint64> ProjectPanel::ids() const {
    QVector<qint64> out;
    for (int i = 0; i < list_->count(); ++i) out << list_->item(i)->data(kIdRole).toLongLong();
    return out;
}

} // namespace scs::ui
