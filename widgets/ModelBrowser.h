// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — searchable list of the model catalogue.
#pragma once

#include "models/ModelCatalogue.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace scs::ui {

/// Filters with ModelCatalogue::search as the user types; shows the selected model's category,
/// citation and description. Double-click or Enter on a model asks to load it.
class ModelBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ModelBrowser(QWidget* parent = nullptr);

    void setCatalogue(const scs::ModelCatalogue& catalogue);
    const scs::ModelCatalogue& catalogue() const { return catalogue_; }
    /// Models kept in the open project (user-edited copies): listed first, marked "in project".
    void setProjectModels(std::vector<scs::CatalogueEntry> models);
    const std::vector<scs::CatalogueEntry>& projectModels() const { return projectModels_; }
    /// A project model, else a catalogue model, with this id; null when neither has it.
    const scs::CatalogueEntry* find(const std::string& id) const;
    void setFilter(const QString& query);
    /// Selects the model with this id when it is listed (the one the playground shows).
    void setCurrentId(const QString& id);
    /// Ids currently listed, in order.
    QStringList visibleIds() const;
    QTreeWidget* list() const { return list_; }
    QLineEdit* searchEdit() const { return search_; }

signals:
    void modelActivated(const QString& id);
    void newBlankModelRequested();

private:
    void refill();
    void showDetails(QTreeWidgetItem* item);

    scs::ModelCatalogue catalogue_;
    std::vector<scs::CatalogueEntry> projectModels_;
    QLineEdit* search_;
    QTreeWidget* list_;
    QTextBrowser* details_;
    QLabel* problems_;
};

} // namespace scs::ui
