// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — playground document.
#include "PlaygroundDocument.h"

namespace scs::ui {

PlaygroundDocument::PlaygroundDocument(QObject* parent) : QObject(parent), undo_(this) { undo_.setUndoLimit(500); }

void PlaygroundDocument::setState(const PlaygroundState& state) {
    state_ = state;
    emit changed(WholeModel | ModelText | Parameters | Simulation | Title | Analysis);
}

void PlaygroundDocument::setSpecField(const std::string& field, const std::string& text) {
    scs::ModelSpec& s = state_.model.spec;
    std::string* target = field == "equations"    ? &s.equations
                          : field == "threshold"  ? &s.threshold
                          : field == "reset"      ? &s.reset
                          : field == "refractory" ? &s.refractory
                                                  : nullptr;
    if (!target || *target == text) return;
    *target = text;
    emit changed(ModelText);
}

std::string PlaygroundDocument::specField(const std::string& field) const {
    const scs::ModelSpec& s = state_.model.spec;
    if (field == "equations") return s.equations;
    if (field == "threshold") return s.threshold;
    if (field == "reset") return s.reset;
    if (field == "refractory") return s.refractory;
    return {};
}

void PlaygroundDocument::setParameterText(const std::string& name, const std::string& value) {
    if (state_.model.spec.parameter(name) == value) return;
    state_.model.spec.setParameter(name, value);
    emit changed(Parameters);
}

void PlaygroundDocument::setSimulation(const SimulationSection& simulation) {
    if (state_.simulation == simulation) return;
    state_.simulation = simulation;
    emit changed(Simulation);
}

void PlaygroundDocument::setTitle(const std::string& title) {
    if (state_.title == title) return;
    state_.title = title;
    emit changed(Title);
}

void PlaygroundDocument::setAnalysis(const nlohmann::json& analysis) {
    if (state_.analysis == analysis) return;
    state_.analysis = analysis;
    emit changed(Analysis);
}

PlaygroundState PlaygroundDocument::fromCatalogue(const scs::CatalogueEntry& entry) {
    return scs::project::playgroundFromCatalogue(entry);
}

PlaygroundState PlaygroundDocument::blank() {
    scs::CatalogueEntry e;
    e.id = "untitled";
    e.name = "Untitled model";
    e.category = "custom";
    e.spec.name = "untitled";
    e.spec.equations = "dv/dt = (El - v + R*I)/tau : volt\nI : amp";
    e.spec.threshold = "v > -50*mV";
    e.spec.reset = "v = El";
    e.spec.parameters = {{"El", "-65*mV"}, {"R", "10*Mohm"}, {"tau", "10*ms"}, {"I", "0*nA"}};
    e.spec.initialValues = {{"v", "-65*mV"}};
    e.protocol = "step amplitude=2*nA start=20*ms stop=180*ms";
    e.dt = "0.1*ms";
    e.duration = "200*ms";
    return fromCatalogue(e);
}

} // namespace scs::ui
