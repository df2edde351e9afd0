// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — model catalogue browser.
#include "ModelBrowser.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scs::ui {

ModelBrowser::ModelBrowser(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    search_ = new QLineEdit;
    search_->setObjectName(QStringLiteral("modelSearch"));
    search_->setPlaceholderText(tr("Search models (name, category, tag, citation)…"));
    search_->setClearButtonEnabled(true);
    search_->setToolTip(tr("Filter the catalogue; Enter loads the first match"));
    layout->addWidget(search_);

    auto* split = new QSplitter(Qt::Vertical);
    list_ = new QTreeWidget;
    list_->setObjectName(QStringLiteral("modelList"));
    list_->setHeaderLabels({tr("Model"), tr("Category")});
    list_->setRootIsDecorated(false);
    list_->setAlternatingRowColors(true);
    list_->setUniformRowHeights(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list_->setToolTip(tr("Double-click or press Enter to load a model into the playground"));
    details_ = new QTextBrowser;
    details_->setOpenExternalLinks(true);
    details_->setMinimumHeight(60);
    split->addWidget(list_);
    split->addWidget(details_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    problems_ = new QLabel;
    problems_->setWordWrap(true);
    problems_->setStyleSheet(QStringLiteral("color: #b06000"));
    problems_->hide();
    layout->addWidget(problems_);

    auto* buttons = new QHBoxLayout;
    auto* load = new QPushButton(tr("Load"));
    load->setToolTip(tr("Load the selected model into the playground (Enter)"));
    auto* blank = new QPushButton(tr("New Blank Model"));
    blank->setToolTip(tr("Start from an empty model"));
    buttons->addWidget(load);
    buttons->addStretch(1);
    buttons->addWidget(blank);
    layout->addLayout(buttons);

    connect(search_, &QLineEdit::textChanged, this, [this] { refill(); });
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (list_->topLevelItemCount() > 0)
            emit modelActivated(list_->topLevelItem(0)->data(0, Qt::UserRole).toString());
    });
    connect(list_, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { emit modelActivated(item->data(0, Qt::UserRole).toString()); });
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { showDetails(item); });
    connect(load, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem* item = list_->currentItem()) emit modelActivated(item->data(0, Qt::UserRole).toString());
    });
    connect(blank, &QPushButton::clicked, this, &ModelBrowser::newBlankModelRequested);
}

void ModelBrowser::setCatalogue(const scs::ModelCatalogue& catalogue) {
    catalogue_ = catalogue;
    QStringList problems;
    for (const std::string& p : catalogue_.problems()) problems << QString::fromStdString(p);
    problems_->setText(problems.isEmpty() ? QString() : tr("Skipped: %1").arg(problems.join(QStringLiteral("; "))));
    problems_->setVisible(!problems.isEmpty());
    refill();
}

void ModelBrowser::setProjectModels(std::vector<scs::CatalogueEntry> models) {
    projectModels_ = std::move(models);
    refill();
}

const scs::CatalogueEntry* ModelBrowser::find(const std::string& id) const {
    for (const scs::CatalogueEntry& e : projectModels_)
        if (e.id == id) return &e;
    return catalogue_.find(id);
}

void ModelBrowser::setFilter(const QString& query) { search_->setText(query); }

void ModelBrowser::setCurrentId(const QString& id) {
    for (int i = 0; i < list_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = list_->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() != id) continue;
        list_->setCurrentItem(item);
        list_->scrollToItem(item);
        return;
    }
}

QStringList ModelBrowser::visibleIds() const {
    QStringList ids;
    for (int i = 0; i < list_->topLevelItemCount(); ++i)
        ids << list_->topLevelItem(i)->data(0, Qt::UserRole).toString();
    return ids;
}

void ModelBrowser::refill() {
    const QString current = list_->currentItem() ? list_->currentItem()->data(0, Qt::UserRole).toString() : QString();
    list_->clear();
    const std::string query = search_->text().trimmed().toStdString();
    std::vector<const scs::CatalogueEntry*> entries;
    const QString needle = QString::fromStdString(query);
    for (const scs::CatalogueEntry& e : projectModels_) {
        const QString text = QString::fromStdString(e.id + ' ' + e.name + ' ' + e.category + ' ' + e.description);
        if (needle.isEmpty() || text.contains(needle, Qt::CaseInsensitive)) entries.push_back(&e);
    }
    const std::size_t fromProject = entries.size();
    if (query.empty())
        for (const scs::CatalogueEntry& e : catalogue_.entries()) entries.push_back(&e);
    else
        for (const scs::CatalogueEntry* e : catalogue_.search(query)) entries.push_back(e);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const scs::CatalogueEntry* e = entries[i];
        auto* item = new QTreeWidgetItem(list_);
        item->setText(0, QString::fromStdString(e->name.empty() ? e->id : e->name));
        item->setText(1, i < fromProject ? tr("in project") : QString::fromStdString(e->category));
        if (i < fromProject) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
        item->setData(0, Qt::UserRole, QString::fromStdString(e->id));
        item->setToolTip(0, QString::fromStdString(e->citation.empty() ? e->id : e->citation));
        if (QString::fromStdString(e->id) == current) list_->setCurrentItem(item);
    }
    if (!list_->currentItem() && list_->topLevelItemCount() > 0) list_->setCurrentItem(list_->topLevelItem(0));
    showDetails(list_->currentItem());
}

void ModelBrowser::showDetails(QTreeWidgetItem* item) {
    if (!item) {
        details_->setHtml(catalogue_.entries().empty() ? tr("<i>The model catalogue is empty.</i>")
                                                       : tr("<i>No model matches.</i>"));
        return;
    }
    const scs::CatalogueEntry* e = find(item->data(0, Qt::UserRole).toString().toStdString());
    if (!e) return;
    auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html = QStringLiteral("<b>%1</b> <span style='color:#777'>(%2)</span><br>").arg(esc(e->name), esc(e->id));
    if (!e->category.empty()) html += tr("<b>Category:</b> %1<br>").arg(esc(e->category));
    if (!e->citation.empty()) html += tr("<b>Citation:</b> %1<br>").arg(esc(e->citation));
    if (!e->expectedPattern.empty()) html += tr("<b>Firing pattern:</b> %1<br>").arg(esc(e->expectedPattern));
    if (!e->description.empty()) html += QStringLiteral("<p>%1</p>").arg(esc(e->description));
    details_->setHtml(html);
}

} // namespace scs::ui
