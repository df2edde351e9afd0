// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network editor's edits: add, connect, delete, copy, paste, layout.
#include "NetworkEditor.h"

#include "NetworkCanvas.h"

#include "models/ModelCatalogue.h"
#include "network/NetworkJson.h"
#include "network/NetworkLayout.h"
#include "ode/NeuronModel.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>

#include <algorithm>
#include <set>

namespace scs::ui {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

/// Copied items travel as the network's JSON under their own type, so a paste never mistakes
/// other text for a network.
const char* kNetworkMime = "application/x-scstudio-network";

/// The first state of `model` and its display unit ("v", "mV"): where a new connection lands.
std::pair<std::string, std::string> firstState(const ModelSpec& model) {
    try {
        const NeuronModel compiled = NeuronModel::compile(model);
        if (!compiled.states().empty()) return {compiled.states().front().name, compiled.states().front().displayUnit};
    } catch (const std::exception&) {
        // An invalid model: validation reports it; the connection still gets a sensible guess.
    }
    return {"v", "mV"};
}

template <class Items>
bool removeIds(Items& items, const std::set<std::string>& ids) {
    const auto before = items.size();
    items.erase(std::remove_if(items.begin(), items.end(), [&](const auto& i) { return ids.count(i.id) > 0; }),
                items.end());
    return items.size() != before;
}

} // namespace

QString NetworkEditor::addPopulation(const std::string& catalogueId, const QPointF& at) {
    const CatalogueEntry* entry = catalogue_->find(catalogueId);
    if (!entry) {
        emit statusMessage(tr("No catalogue model '%1'").arg(q(catalogueId)));
        return {};
    }
    NetworkGraph after = graph_;
    Population p;
    p.id = after.freshId("pop");
    p.name = p.id;
    p.size = 100;
    p.model = entry->spec;
    p.modelSource = "catalogue:" + entry->id;
    p.canvas = {at.x(), at.y()};
    after.populations.push_back(p);
    edit(after, tr("Add population %1").arg(q(p.name)));
    canvas_->selectIds({q(p.id)});
    return q(p.id);
}

QString NetworkEditor::addStimulus(Stimulus::Kind kind, const QPointF& at) {
    NetworkGraph after = graph_;
    Stimulus s;
    s.id = after.freshId(kind == Stimulus::Kind::Poisson ? "poisson" : "input");
    s.name = s.id;
    s.kind = kind;
    s.size = 100;
    s.rate = "10*Hz";
    s.canvas = {at.x(), at.y()};
    after.stimuli.push_back(s);
    edit(after, tr("Add stimulus %1").arg(q(s.name)));
    canvas_->selectIds({q(s.id)});
    return q(s.id);
}

QString NetworkEditor::addMonitor(Monitor::Kind kind, const QString& target, const QPointF& at) {
    NetworkGraph after = graph_;
    Monitor m;
    m.id = after.freshId(kind == Monitor::Kind::Rate ? "rate" : "monitor");
    m.name = m.id;
    m.kind = kind;
    m.target = graph_.population(target.toStdString()) ? target.toStdString() : std::string();
    if (kind == Monitor::Kind::State) m.variables = {"v"};
    m.canvas = {at.x(), at.y()};
    after.monitors.push_back(m);
    edit(after, tr("Add monitor %1").arg(q(m.name)));
    return q(m.id);
}

QString NetworkEditor::connectItems(const QString& sourceId, const QString& targetId) {
    const std::string source = sourceId.toStdString(), target = targetId.toStdString();
    NetworkGraph after = graph_;
    // A population into a monitor: the monitor watches it.
    for (Monitor& m : after.monitors)
        if (m.id == target) {
            if (!graph_.population(source)) {
                emit statusMessage(tr("A monitor watches a population, not %1").arg(sourceId));
                return {};
            }
            m.target = source;
            edit(after, tr("Monitor %1 with %2").arg(sourceId, q(m.name)));
            return q(m.id);
        }
    const Population* to = graph_.population(target);
    if (!to) {
        emit statusMessage(tr("Connections end at a population or a monitor"));
        return {};
    }
    // A current stimulus drives its target population directly.
    for (Stimulus& s : after.stimuli)
        if (s.id == source && s.kind == Stimulus::Kind::Current) {
            s.target = target;
            edit(after, tr("Inject %1 into %2").arg(sourceId, targetId));
            return q(s.id);
        }
    if (!graph_.population(source) && !graph_.stimulus(source)) {
        emit statusMessage(tr("Nothing named %1 to connect from").arg(sourceId));
        return {};
    }
    Projection p;
    p.id = after.freshId("proj");
    p.source = source;
    p.target = target;
    const auto [state, unit] = firstState(to->model);
    p.synapse.kind = SynapseSpec::Kind::Jump;
    p.synapse.target = state;
    p.weight = ValueSpec::constant(unit.empty() ? "0.5" : "0.5*" + unit);
    p.connectivity.kind = ConnectivityRule::Kind::FixedProbability;
    p.connectivity.probability = 0.1;
    p.seed = after.projections.size() + 1;
    after.projections.push_back(p);
    edit(after, tr("Connect %1 to %2").arg(sourceId, targetId));
    return q(p.id);
}

void NetworkEditor::deleteItems(const QStringList& ids) {
    std::set<std::string> removed;
    for (const QString& id : ids) removed.insert(id.toStdString());
    NetworkGraph after = graph_;
    const bool any = removeIds(after.populations, removed) | removeIds(after.stimuli, removed) |
                     removeIds(after.monitors, removed) | removeIds(after.projections, removed);
    // Edges of removed items go with them; monitors and currents that pointed at them are unset.
    after.projections.erase(
        std::remove_if(after.projections.begin(), after.projections.end(),
                       [&](const Projection& p) { return removed.count(p.source) > 0 || removed.count(p.target) > 0; }),
        after.projections.end());
    for (Monitor& m : after.monitors)
        if (removed.count(m.target)) m.target.clear();
    for (Stimulus& s : after.stimuli)
        if (removed.count(s.target)) s.target.clear();
    if (!any) return;
    edit(after, ids.size() == 1 ? tr("Delete %1").arg(ids.front()) : tr("Delete %1 items").arg(ids.size()));
}

void NetworkEditor::copySelection() {
    std::set<std::string> ids;
    for (const QString& id : canvas_->selectedIds()) ids.insert(id.toStdString());
    if (ids.empty()) return;
    NetworkGraph copied;
    for (const Population& p : graph_.populations)
        if (ids.count(p.id)) copied.populations.push_back(p);
    for (const Stimulus& s : graph_.stimuli)
        if (ids.count(s.id)) copied.stimuli.push_back(s);
    for (const Monitor& m : graph_.monitors)
        if (ids.count(m.id)) copied.monitors.push_back(m);
    // Projections travel when both ends do (or when selected themselves with both ends).
    for (const Projection& p : graph_.projections)
        if (ids.count(p.source) && ids.count(p.target)) copied.projections.push_back(p);
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kNetworkMime), QByteArray::fromStdString(networkToJson(copied).dump()));
    QApplication::clipboard()->setMimeData(mime);
    emit statusMessage(tr("Copied %1 items").arg(ids.size()));
}

void NetworkEditor::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(QString::fromLatin1(kNetworkMime))) return;
    NetworkGraph pasted;
    try {
        pasted = networkFromJson(nlohmann::json::parse(mime->data(QString::fromLatin1(kNetworkMime)).toStdString()));
    } catch (const std::exception& e) {
        emit statusMessage(tr("Cannot paste: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    // Fresh ids, edges renamed with them, and a small offset so the copy is seen.
    NetworkGraph after = graph_;
    std::map<std::string, std::string> renamed;
    QStringList pastedIds;
    auto take = [&](auto& item, const char* prefix) {
        renamed[item.id] = after.freshId(prefix);
        item.id = renamed[item.id];
        item.canvas.x += 40;
        item.canvas.y += 40;
        pastedIds << q(item.id);
    };
    auto renameRef = [&](std::string& ref) {
        if (renamed.count(ref)) ref = renamed[ref];
    };
    for (Population p : pasted.populations) {
        take(p, "pop");
        after.populations.push_back(p);
    }
    for (Stimulus s : pasted.stimuli) {
        take(s, "input");
        after.stimuli.push_back(s);
    }
    for (Stimulus& s : after.stimuli) renameRef(s.target);
    for (Monitor m : pasted.monitors) {
        take(m, "monitor");
        renameRef(m.target);
        after.monitors.push_back(m);
    }
    for (Projection p : pasted.projections) {
        p.id = after.freshId("proj");
        renameRef(p.source);
        renameRef(p.target);
        after.projections.push_back(p);
    }
    if (pastedIds.isEmpty()) return;
    edit(after, tr("Paste %1 items").arg(pastedIds.size()));
    canvas_->selectIds(pastedIds);
}

void NetworkEditor::autoLayout() {
    NetworkGraph after = graph_;
    layoutNetwork(after);
    edit(after, tr("Arrange automatically"));
    canvas_->fitAll();
}

} // namespace scs::ui
