// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analysis context and form-field builders.
#include "AnalysisContext.h"

#include "PlaygroundPresenter.h"

#include <cmath>
#include <stdexcept>

namespace scs::ui {

AnalysisContext AnalysisContext::fromState(const PlaygroundState& state) {
    AnalysisContext c;
    try {
        c.model = scs::NeuronModel::compile(state.model.spec);
    } catch (const scs::ModelError& e) {
        const auto& d = e.diagnostics();
        throw std::runtime_error("the model has errors: " + (d.empty() ? std::string(e.what()) : d.front().message));
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("the model has errors: ") + e.what());
    }
    c.entry = state.model;
    try {
        c.base = presenter::settings(state, c.model);
    } catch (const scs::ModelError& e) {
        const auto& d = e.diagnostics();
        throw std::runtime_error("run settings: " + (d.empty() ? std::string(e.what()) : d.front().message));
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("run settings: ") + e.what());
    }
    c.drive = c.model.parameterIndex(c.base.drive) ? c.base.drive : std::string();
    c.parameters = presenter::parameterRows(c.model, c.entry, std::string());
    return c;
}

const ParameterRow* AnalysisContext::parameter(const std::string& name) const {
    for (const ParameterRow& r : parameters)
        if (r.name.toStdString() == name) return &r;
    return nullptr;
}

QStringList AnalysisContext::parameterNames() const {
    QStringList out;
    for (const ParameterRow& r : parameters) out << r.name;
    return out;
}

QStringList AnalysisContext::stateNames() const {
    QStringList out;
    for (const scs::VariableInfo& v : model.states()) out << QString::fromStdString(v.name);
    return out;
}

scs::DisplayUnit AnalysisContext::unitOf(const std::string& name) const {
    scs::Dimension dim;
    if (auto i = model.parameterIndex(name))
        dim = model.parameters()[*i].dimension;
    else if (auto s = model.stateIndex(name))
        dim = model.states()[*s].dimension;
    return presenter::unitFor(model, name, dim);
}

QString AnalysisContext::axisLabel(const std::string& name) const {
    const scs::DisplayUnit u = unitOf(name);
    const QString n = QString::fromStdString(name);
    return u.name.empty() || u.name == "1" ? n : QStringLiteral("%1 (%2)").arg(n, QString::fromStdString(u.name));
}

double AnalysisContext::referenceDrive() const {
    if (drive.empty()) return 0;
    if (base.protocol && base.protocol->offset + base.protocol->amplitude != 0)
        return base.protocol->offset + base.protocol->amplitude;
    const ParameterRow* p = parameter(drive);
    if (!p) return 0;
    if (p->value != 0) return p->value;
    return p->max > 0 ? p->max / 2 : p->min / 2;
}

QHash<QString, ChoiceUnit> AnalysisContext::parameterUnits() const {
    QHash<QString, ChoiceUnit> out;
    for (const ParameterRow& r : parameters) out[r.name] = {r.unit, r.scale > 0 ? r.scale : 1.0, r.min, r.max};
    return out;
}

QString AnalysisContext::show(double si, const std::string& name) const {
    if (!std::isfinite(si)) return QStringLiteral("n/a");
    const scs::DisplayUnit u = unitOf(name);
    const double shown = si / (u.scale > 0 ? u.scale : 1.0);
    return u.name.empty() || u.name == "1"
               ? QString::number(shown, 'g', 4)
               : QStringLiteral("%1 %2").arg(shown, 0, 'g', 4).arg(QString::fromStdString(u.name));
}

namespace field {
namespace {
// What every field has; the builders below add what their kind needs.
FormField labelled(FormField::Kind kind, const QString& id, const QString& label, const QString& hint) {
    FormField f;
    f.kind = kind;
    f.id = id;
    f.label = label;
    f.hint = hint;
    return f;
}
} // namespace

FormField number(const QString& id, const QString& label, const QString& hint, double value, double min, double max) {
    FormField f = labelled(FormField::Kind::Number, id, label, hint);
    f.value = value;
    f.minimum = min;
    f.maximum = max;
    return f;
}

FormField count(const QString& id, const QString& label, const QString& hint, int value, int min, int max) {
    FormField f = number(id, label, hint, value, min, max);
    f.kind = FormField::Kind::Count;
    return f;
}

FormField time(const QString& id, const QString& label, const QString& hint, double seconds, double minSeconds) {
    FormField f = number(id, label, hint, seconds, minSeconds, 1e6);
    f.kind = FormField::Kind::Quantity;
    f.unit = QStringLiteral("ms");
    f.scale = 1e-3;
    return f;
}

FormField frequency(const QString& id, const QString& label, const QString& hint, double hertz) {
    FormField f = number(id, label, hint, hertz, 1e-6, 1e6);
    f.kind = FormField::Kind::Quantity;
    f.unit = QStringLiteral("Hz");
    return f;
}

FormField flag(const QString& id, const QString& label, const QString& hint, bool value) {
    FormField f = labelled(FormField::Kind::Flag, id, label, hint);
    f.flag = value;
    return f;
}

FormField choice(const QString& id, const QString& label, const QString& hint, const QStringList& options,
                 const QString& value) {
    FormField f = labelled(FormField::Kind::Choice, id, label, hint);
    f.choices = options;
    f.choice = options.contains(value) ? value : options.value(0);
    return f;
}

FormField parameterChoice(const QString& id, const QString& label, const QString& hint, const AnalysisContext& c,
                          const std::string& value) {
    FormField f = choice(id, label, hint, c.parameterNames(), QString::fromStdString(value));
    f.choiceUnits = c.parameterUnits();
    return f;
}

FormField parameterValue(const QString& id, const QString& label, const QString& hint, const AnalysisContext& c,
                         const std::string& parameter, double value) {
    FormField f = labelled(FormField::Kind::Quantity, id, label, hint);
    f.value = value;
    if (const ParameterRow* p = c.parameter(parameter)) {
        f.unit = p->unit;
        f.scale = p->scale > 0 ? p->scale : 1.0;
    }
    return f;
}

FormField sweepBound(const QString& id, const QString& label, const QString& hint, const AnalysisContext& c,
                     const QString& choiceId, const std::string& parameter, FormField::Bound bound) {
    const ParameterRow* p = c.parameter(parameter);
    const double value = p ? (bound == FormField::Bound::Lower ? p->min : p->max) : 0.0;
    FormField f = parameterValue(id, label, hint, c, parameter, value);
    f.follows = choiceId;
    f.bound = bound;
    return f;
}

} // namespace field

const nlohmann::json& FormValues::at(const char* id) const {
    const auto it = values_.find(id);
    if (it == values_.end()) throw std::runtime_error(std::string("setting '") + id + "' is missing");
    return *it;
}

double FormValues::real(const char* id) const {
    const nlohmann::json& v = at(id);
    if (!v.is_number()) throw std::runtime_error(std::string("setting '") + id + "' must be a number");
    return v.get<double>();
}

std::size_t FormValues::count(const char* id) const {
    const nlohmann::json& v = at(id);
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
        throw std::runtime_error(std::string("setting '") + id + "' must be a whole number");
    return static_cast<std::size_t>(v.get<std::int64_t>());
}

std::string FormValues::text(const char* id) const {
    const nlohmann::json& v = at(id);
    if (!v.is_string()) throw std::runtime_error(std::string("setting '") + id + "' must be text");
    return v.get<std::string>();
}

bool FormValues::flag(const char* id) const {
    const nlohmann::json& v = at(id);
    if (!v.is_boolean()) throw std::runtime_error(std::string("setting '") + id + "' must be on or off");
    return v.get<bool>();
}

} // namespace scs::ui
