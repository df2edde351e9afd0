// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the inspector of the node-graph editor: a form for the selected
// population, stimulus, monitor or projection. Every finished edit is reported as a whole new
// graph, so the owner can apply it as one undoable step.
#pragma once

#include "models/ModelCatalogue.h"
#include "network/NetworkGraph.h"

#include <QWidget>

#include <functional>
#include <memory>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace scs::ui {

class NetworkInspector : public QWidget {
    Q_OBJECT
public:
    explicit NetworkInspector(QWidget* parent = nullptr);

    /// Shows the item `id` of `graph` ("" or an unknown id: a hint to select something).
    void inspect(const NetworkGraph& graph, const QString& id);
    const QString& shownId() const { return id_; }
    /// A validation problem of the shown item, shown above the form ("" hides it).
    void setProblem(const QString& problem);
    /// The models a population can be given (its Model box); none: the model is shown, not chosen.
    void setCatalogue(std::shared_ptr<const ModelCatalogue> catalogue) { catalogue_ = std::move(catalogue); }

signals:
    /// The user finished an edit: `graph` is the whole graph with it applied; `what` names it
    /// ("Change size of E") for the undo history.
    void edited(const scs::NetworkGraph& graph, const QString& what);

private:
    void clearForm();
    void showPopulation(Population& p);
    void showProjection(Projection& p);
    void showStimulus(Stimulus& s);
    void showMonitor(Monitor& m);
    /// Adds a text row bound to `field`; an edit sets it and reports the graph.
    void addText(const QString& label, std::string& field, const QString& tip, const QString& what);
    void addInteger(const QString& label, int& field, int minimum, int maximum, const QString& tip,
                    const QString& what);
    void addNumber(const QString& label, double& field, double minimum, double maximum, const QString& tip,
                   const QString& what);
    void addValue(const QString& label, ValueSpec& field, const QString& tip, const QString& what);
    void addChoice(const QString& label, const QStringList& names, int current, std::function<void(int)> set,
                   const QString& tip, const QString& what);
    /// One row per name: its override (a constant) or, when empty, the model's `defaults` value.
    void addOverrides(const QString& heading, const std::vector<std::pair<std::string, std::string>>& defaults,
                      std::vector<std::pair<std::string, ValueSpec>>& overrides, const QString& what);
    /// A text row that `apply` parses into the graph: it returns whether anything changed, or throws
    /// ItemTextError, whose message is shown while nothing is committed. Returns the row's editor.
    QLineEdit* addParsed(const QString& label, const QString& text, const QString& tip, const QString& what,
                         std::function<bool(const std::string&)> apply);
    /// The projection's optional pair-based STDP: a switch and, when on, its five values.
    void addStdp(Projection& p);
    void addModelChoice(Population& p);
    void commit(const QString& what);

    NetworkGraph graph_;
    std::shared_ptr<const ModelCatalogue> catalogue_;
    QString id_;
    QLabel* title_;
    QLabel* problem_;
    QString typingProblem_; // the problem label's text when it shows a line that did not parse
    // The form lives in its own widget, replaced (deleteLater) on every inspect: an edit's signal
    // may lead straight back here, and the editor that sent it must outlive the handler.
    QWidget* formHost_ = nullptr;
    QFormLayout* form_ = nullptr;
};

} // namespace scs::ui
