// SPDX-License-Identifier: MIT
// [SECTION] name tables  [SECTION] checking  [SECTION] program generation  [SECTION] accessors
#include "ode/NeuronModel.h"

#include "expr/Parser.h"
#include "ode/CompiledModel.h"
#include "ode/DimensionChecker.h"
#include "ode/Linearity.h"
#include "ode/ProgramBuilder.h"
#include "units/Quantity.h"
#include "units/UnitRegistry.h"

#include <algorithm>
#include <set>

namespace scs {

// [SECTION] name tables

const std::vector<std::string>& integrationMethods() {
    static const std::vector<std::string> methods = {"euler", "rk2", "rk4", "exponential_euler", "exact"};
    return methods;
}

const std::vector<std::string>& builtinFunctionNames() {
    static const std::vector<std::string> names = {"exp",  "log",  "log10", "sqrt", "abs",    "sin",  "cos",
                                                   "tan",  "sinh", "cosh",  "tanh", "exprel", "clip", "floor",
                                                   "ceil", "sign", "int",   "rand", "randn"};
    return names;
}

const std::vector<std::string>& reservedVariableNames() {
    static const std::vector<std::string> names = {"t", "dt", "not_refractory", "lastspike", "i", "N"};
    return names;
}

namespace {

const Dimension kSecond = Dimension::base(Dimension::Second);

bool isReserved(const std::string& name) {
    const auto& r = reservedVariableNames();
    const auto& f = builtinFunctionNames();
    return std::find(r.begin(), r.end(), name) != r.end() || std::find(f.begin(), f.end(), name) != f.end() ||
           name == "xi" || name == "True" || name == "False";
}

Dimension unitDimension(const Expr& unit, const std::string& field) {
    // A declaration's unit: evaluate as a constant of unit names only ("volt", "1", "amp/meter**2").
    auto q = parseQuantity(unit.toString(), field); // names only, positions re-anchored below
    return q.dimension;
}

// Collects diagnostics instead of stopping at the first one, per independent part of the model.
class Collector {
public:
    template <class F>
    bool attempt(F&& f) {
        try {
            f();
            return true;
        } catch (const ModelError& e) {
            all.insert(all.end(), e.diagnostics().begin(), e.diagnostics().end());
            return false;
        }
    }
    void add(const std::string& field, SourcePos pos, const std::string& message) {
        all.push_back(Diagnostic{Diagnostic::Severity::Error, field, pos, message});
    }
    std::vector<Diagnostic> all;
};

// [SECTION] checking

struct Parsed {
    std::vector<EquationLine> lines;
    std::set<std::string> invalidParameters; // values that failed to parse, already reported
    std::map<std::string, Dimension> dims;   // every model name: states, subexpressions, parameters
    std::map<std::string, ExprPtr> subexpressionDefs;
    std::vector<std::string> subexpressionOrder;
    std::vector<Statement> reset;
    ExprPtr threshold;
    ExprPtr refractory;
    CompiledModel::Refractory refractoryKind = CompiledModel::Refractory::None;
};

std::vector<std::string> knownNames(const Parsed& p) {
    std::vector<std::string> out;
    for (const auto& [name, d] : p.dims) out.push_back(name);
    for (const auto& r : reservedVariableNames()) out.push_back(r);
    return out;
}

DimensionChecker checkerFor(const Parsed& p, const std::string& field) {
    return DimensionChecker(
        [&p](const std::string& name) -> std::optional<Dimension> {
            if (auto it = p.dims.find(name); it != p.dims.end()) return it->second;
            if (name == "t" || name == "dt" || name == "lastspike") return kSecond;
            if (name == "not_refractory" || name == "i" || name == "N") return Dimension{};
            if (name == "xi") throw ModelError("equations", {}, "stochastic equations (xi) are not supported yet");
            return std::nullopt;
        },
        field);
}

// Re-throws an unknown-name error with a suggestion. Nothing (no dimension, no error) when the only
// problem is a parameter whose bad value was already reported: one mistake, one message.
std::optional<Dimension> checkWithSuggestions(const Parsed& p, const Expr& e, const std::string& field) {
    try {
        return checkerFor(p, field).check(e);
    } catch (const ModelError& err) {
        std::vector<Diagnostic> ds;
        for (auto d : err.diagnostics()) {
            const std::string prefix = "unknown name '";
            if (d.message.rfind(prefix, 0) == 0) {
                const std::string name = d.message.substr(prefix.size(), d.message.size() - prefix.size() - 1);
                if (p.invalidParameters.count(name)) continue; // its bad value was reported already
                d.message += suggestName(name, knownNames(p));
                if (d.message.find("did you mean") == std::string::npos && field == "equations")
                    d.message += ": give it a value in the parameters, or declare it ('" + name + " : unit')";
            }
            ds.push_back(d);
        }
        if (ds.empty()) return std::nullopt;
        throw ModelError(std::move(ds));
    }
}

void orderSubexpressions(Parsed& p, Collector& errors) {
    // Depth-first topological order; a cycle is reported on the first line that closes it.
    std::map<std::string, int> state; // 0 new, 1 visiting, 2 done
    std::function<void(const std::string&, const EquationLine&)> visit = [&](const std::string& name,
                                                                             const EquationLine& line) {
        state[name] = 1;
        std::set<std::string> deps;
        std::function<void(const Expr&)> collect = [&](const Expr& e) {
            if (e.kind == ExprKind::Name && p.subexpressionDefs.count(e.name)) deps.insert(e.name);
            for (const auto& a : e.args) collect(*a);
        };
        collect(*line.rhs);
        for (const auto& d : deps) {
            if (state[d] == 1) {
                errors.add("equations", line.namePos,
                           "subexpression '" + name + "' depends on itself through '" + d + "'");
                continue;
            }
            if (state[d] == 0)
                for (const auto& l : p.lines)
                    if (l.kind == EquationLine::Kind::Subexpression && l.name == d) visit(d, l);
        }
        state[name] = 2;
        p.subexpressionOrder.push_back(name);
    };
    for (const auto& l : p.lines)
        if (l.kind == EquationLine::Kind::Subexpression && state[l.name] == 0) visit(l.name, l);
}

} // namespace

// [SECTION] program generation

namespace {

std::shared_ptr<CompiledModel> build(const ModelSpec& spec, Collector& errors) {
    auto model = std::make_shared<CompiledModel>();
    model->spec = spec;
    Parsed p;

    if (!errors.attempt([&] { p.lines = parseEquations(spec.equations); })) return nullptr;
    if (p.lines.empty()) {
        errors.add("equations", {1, 1, 1}, "the model has no equations: write e.g. 'dv/dt = -v/(10*ms) : volt'");
        return nullptr;
    }

    // Names and their dimensions.
    std::set<std::string> seen;
    for (auto& line : p.lines) {
        if (isReserved(line.name)) {
            errors.add("equations", line.namePos, "'" + line.name + "' is a reserved name");
            continue;
        }
        if (!seen.insert(line.name).second) {
            errors.add("equations", line.namePos, "'" + line.name + "' is defined twice");
            continue;
        }
        Dimension d;
        if (!errors.attempt([&] { d = unitDimension(*line.unit, "equations"); })) {
            // re-anchor the unit error at the unit's position
            errors.all.back().pos = line.unitPos;
            continue;
        }
        p.dims[line.name] = d;
        if (line.kind == EquationLine::Kind::Subexpression) p.subexpressionDefs[line.name] = line.rhs;
    }

    // Parameter values (constants and declared parameters).
    std::map<std::string, Quantity> values;
    std::map<std::string, std::string> valueTexts;
    for (const auto& [name, text] : spec.parameters) {
        Quantity q;
        if (!errors.attempt([&] { q = parseQuantity(text, "parameters"); })) {
            errors.all.back().message = "parameter '" + name + "': " + errors.all.back().message;
            p.invalidParameters.insert(name);
            continue;
        }
        auto existing = p.dims.find(name);
        if (existing != p.dims.end()) {
            const EquationLine* line = nullptr;
            for (const auto& l : p.lines)
                if (l.name == name) line = &l;
            if (line && line->kind != EquationLine::Kind::Parameter) {
                errors.add("parameters", {1, 1, 1},
                           "'" + name + "' is a " +
                               (line->kind == EquationLine::Kind::Differential ? "state variable" : "subexpression") +
                               "; set its initial value instead of a parameter value");
                continue;
            }
            if (!(existing->second == q.dimension) && q.value != 0.0) {
                errors.add("parameters", {1, 1, 1},
                           "parameter '" + name + "' is declared in " + existing->second.toString() +
                               " but its value '" + text + "' is in " + q.dimension.toString());
                continue;
            }
            q.dimension = existing->second;
        } else {
            if (isReserved(name)) {
                errors.add("parameters", {1, 1, 1}, "'" + name + "' is a reserved name and cannot be a parameter");
                continue;
            }
            p.dims[name] = q.dimension;
        }
        values[name] = q;
        valueTexts[name] = text;
    }

    orderSubexpressions(p, errors);

    // Equations' units.
    for (const auto& line : p.lines) {
        if (line.kind == EquationLine::Kind::Parameter || !p.dims.count(line.name)) continue;
        errors.attempt([&] {
            const auto checked = checkWithSuggestions(p, *line.rhs, "equations");
            if (!checked) return;
            const Dimension rhs = *checked;
            const Dimension declared = p.dims[line.name];
            const Dimension expected = line.kind == EquationLine::Kind::Differential ? declared / kSecond : declared;
            if (!(rhs == expected)) {
                const std::string what = line.kind == EquationLine::Kind::Differential
                                             ? "d" + line.name + "/dt must be in " + expected.toString() + " (" +
                                                   declared.toString() + " per second)"
                                             : "'" + line.name + "' is declared in " + declared.toString();
                throw ModelError("equations", line.rhs->pos,
                                 "unit mismatch: " + what + ", but the expression is in " + rhs.toString());
            }
        });
    }

    // Threshold, reset, refractoriness.
    if (!isBlank(spec.threshold)) {
        errors.attempt([&] {
            p.threshold = parseExpression(spec.threshold, "threshold");
            const Dimension d = checkWithSuggestions(p, *p.threshold, "threshold").value_or(Dimension{});
            if (!d.isDimensionless())
                throw ModelError("threshold", p.threshold->pos,
                                 "the threshold must be a condition such as 'v > -50*mV', got a quantity in " +
                                     d.toString());
        });
    }
    if (!isBlank(spec.reset)) {
        errors.attempt([&] {
            p.reset = parseStatements(spec.reset, "reset");
            for (const auto& s : p.reset) {
                bool isState = false;
                for (const auto& l : p.lines)
                    if (l.name == s.target && l.kind == EquationLine::Kind::Differential) isState = true;
                if (!isState)
                    throw ModelError("reset", s.targetPos,
                                     "the reset assigns to '" + s.target + "', which is not a state variable" +
                                         suggestName(s.target, knownNames(p)));
                const auto checked = checkWithSuggestions(p, *s.value, "reset");
                if (!checked) continue;
                const Dimension v = *checked;
                const bool scaling = s.kind == Statement::Kind::MulAssign || s.kind == Statement::Kind::DivAssign;
                const Dimension expected = scaling ? Dimension{} : p.dims[s.target];
                if (!(v == expected) && !(s.value->kind == ExprKind::Number && s.value->number == 0.0))
                    throw ModelError("reset", s.value->pos,
                                     "unit mismatch: '" + s.target + "' needs a value in " + expected.toString() +
                                         ", got " + v.toString());
            }
        });
        if (isBlank(spec.threshold))
            errors.add("reset", {1, 1, static_cast<int>(std::max<std::size_t>(1, spec.reset.find('\n')))},
                       "a reset needs a threshold: add a threshold condition such as 'v > -50*mV'");
    }
    if (!isBlank(spec.refractory)) {
        errors.attempt([&] {
            p.refractory = parseExpression(spec.refractory, "refractory");
            const auto checked = checkWithSuggestions(p, *p.refractory, "refractory");
            if (!checked) return;
            const Dimension d = *checked;
            if (d == kSecond) {
                p.refractoryKind = CompiledModel::Refractory::Duration;
                for (const auto& l : p.lines)
                    if (l.kind == EquationLine::Kind::Differential && p.refractory->mentions(l.name))
                        throw ModelError("refractory", p.refractory->pos,
                                         "a refractory duration cannot depend on the state variable '" + l.name + "'");
            } else if (d.isDimensionless()) {
                p.refractoryKind = CompiledModel::Refractory::Condition;
            } else {
                throw ModelError("refractory", p.refractory->pos,
                                 "refractoriness must be a duration (e.g. 2*ms) or a condition (e.g. v > -20*mV), "
                                 "got a quantity in " +
                                     d.toString());
            }
        });
        if (isBlank(spec.threshold))
            errors.add("refractory", {1, 1, 1}, "refractoriness needs a threshold: add a threshold condition");
    }

    // Initial values.
    std::map<std::string, Quantity> init;
    std::map<std::string, std::string> initTexts;
    for (const auto& [name, text] : spec.initialValues) {
        Quantity q;
        if (!errors.attempt([&] { q = parseQuantity(text, "init"); })) {
            errors.all.back().message = "initial value of '" + name + "': " + errors.all.back().message;
            continue;
        }
        bool isState = false;
        for (const auto& l : p.lines)
            if (l.name == name && l.kind == EquationLine::Kind::Differential) isState = true;
        if (!isState) {
            errors.add("init", {1, 1, 1}, "initial value given for '" + name + "', which is not a state variable");
            continue;
        }
        if (!(q.dimension == p.dims[name]) && q.value != 0.0) {
            errors.add("init", {1, 1, 1},
                       "initial value of '" + name + "' is in " + q.dimension.toString() + " but '" + name +
                           "' is in " + p.dims[name].toString());
            continue;
        }
        init[name] = q;
        initTexts[name] = text;
    }

    if (!errors.all.empty()) return nullptr;

    // Variables and parameters, in display order.
    for (const auto& l : p.lines) {
        const Dimension d = p.dims[l.name];
        if (l.kind == EquationLine::Kind::Differential) {
            VariableInfo v;
            v.name = l.name;
            v.dimension = d;
            const DisplayUnit u = displayUnitFor(initTexts.count(l.name) ? initTexts[l.name] : "", d);
            v.displayUnit = u.name;
            v.displayScale = u.scale;
            v.unlessRefractory = std::find(l.flags.begin(), l.flags.end(), "unless refractory") != l.flags.end();
            model->states.push_back(v);
            model->initialState.push_back(init.count(l.name) ? init[l.name].value : 0.0);
        } else if (l.kind == EquationLine::Kind::Subexpression) {
            const DisplayUnit u = preferredDisplayUnit(d);
            model->subexpressions.push_back(VariableInfo{l.name, d, u.name, u.scale, false});
        }
    }
    auto addParameter = [&](const std::string& name, bool declared) {
        for (const auto& existing : model->parameters)
            if (existing.name == name) return;
        ParameterInfo info;
        info.name = name;
        info.dimension = p.dims[name];
        info.value = values.count(name) ? values[name].value : 0.0;
        const DisplayUnit u = displayUnitFor(valueTexts.count(name) ? valueTexts[name] : "", info.dimension);
        info.displayUnit = u.name;
        info.displayScale = u.scale;
        info.declared = declared;
        model->parameters.push_back(info);
    };
    for (const auto& [name, text] : spec.parameters) {
        bool declared = false;
        for (const auto& l : p.lines)
            if (l.name == name && l.kind == EquationLine::Kind::Parameter) declared = true;
        addParameter(name, declared);
    }
    for (const auto& l : p.lines)
        if (l.kind == EquationLine::Kind::Parameter) addParameter(l.name, true);

    // Slot layout and programs.
    ProgramBuilder b;
    for (const auto& prm : model->parameters) model->parameterSlots.push_back(b.addNamedSlot(prm.name, prm.value));
    for (std::size_t k = 0; k < model->states.size(); ++k)
        model->stateSlots.push_back(b.addNamedSlot(model->states[k].name, model->initialState[k]));
    model->tSlot = b.addNamedSlot("t", 0.0);
    model->dtSlot = b.addNamedSlot("dt", 0.0);
    model->notRefractorySlot = b.addNamedSlot("not_refractory", 1.0);
    model->lastSpikeSlot = b.addNamedSlot("lastspike", -1e4);
    model->indexSlot = b.addNamedSlot("i", 0.0);
    model->countSlot = b.addNamedSlot("N", 1.0);
    for (const auto& name : p.subexpressionOrder) b.defineSubexpression(name, p.subexpressionDefs[name]);

    b.beginProgram(model->derivatives);
    for (const auto& l : p.lines) {
        if (l.kind != EquationLine::Kind::Differential) continue;
        // The integrators update states while they read derivatives, so a derivative that is
        // another state's own slot (dx/dt = v) is copied first, or x would see v's new value.
        std::uint16_t slot = b.emit(*l.rhs);
        if (std::find(model->stateSlots.begin(), model->stateSlots.end(), slot) != model->stateSlots.end())
            slot = b.copyOf(slot);
        model->derivativeSlots.push_back(slot);
        model->unlessRefractory.push_back(model->states[model->unlessRefractory.size()].unlessRefractory);
    }
    if (p.threshold) {
        model->hasThreshold = true;
        b.beginProgram(model->threshold);
        model->thresholdSlot = b.emit(*p.threshold);
    }
    b.beginProgram(model->reset);
    for (const auto& s : p.reset) {
        // Each statement sees the previous ones' effects: recompute subexpressions per statement.
        b.beginProgram(model->reset);
        const std::uint16_t v = b.emit(*s.value);
        static const std::pair<Statement::Kind, OpCode> ops[] = {{Statement::Kind::Assign, OpCode::Copy},
                                                                 {Statement::Kind::AddAssign, OpCode::AddTo},
                                                                 {Statement::Kind::SubAssign, OpCode::SubFrom},
                                                                 {Statement::Kind::MulAssign, OpCode::MulBy},
                                                                 {Statement::Kind::DivAssign, OpCode::DivBy}};
        for (const auto& [kind, op] : ops)
            if (kind == s.kind) b.emitAssign(op, b.slotOf(s.target), v);
    }
    model->refractory = p.refractoryKind;
    if (p.refractory) {
        b.beginProgram(model->refractoryProgram);
        model->refractorySlot = b.emit(*p.refractory);
    }

    // Linearity, for exponential_euler and exact.
    std::vector<ExprPtr> rhs;
    for (const auto& l : p.lines)
        if (l.kind == EquationLine::Kind::Differential) rhs.push_back(substitute(l.rhs, p.subexpressionDefs));
    bool random = false;
    for (const auto& r : rhs) random = random || usesRandomness(*r);

    model->conditionallyLinear = true;
    b.beginProgram(model->linearParts);
    for (std::size_t k = 0; k < rhs.size(); ++k) {
        auto parts = splitLinear(rhs[k], model->states[k].name);
        if (!parts) {
            model->conditionallyLinear = false;
            model->notConditionallyLinearWhy =
                "d" + model->states[k].name + "/dt is not linear in " + model->states[k].name;
            break;
        }
        model->aSlots.push_back(parts->a ? b.emit(*parts->a) : b.constant(0.0));
        model->bSlots.push_back(parts->b ? b.emit(*parts->b) : b.constant(0.0));
    }
    if (!model->conditionallyLinear) {
        model->linearParts = Program{};
        model->aSlots.clear();
        model->bSlots.clear();
    }

    model->linearSystem = !random;
    if (random) model->notLinearSystemWhy = "the equations use rand() or randn()";
    b.beginProgram(model->systemCoefficients);
    const std::size_t n = rhs.size();
    for (std::size_t k = 0; k < n && model->linearSystem; ++k) {
        if (rhs[k]->mentions("t")) {
            model->linearSystem = false;
            model->notLinearSystemWhy = "d" + model->states[k].name + "/dt depends on time t";
            break;
        }
        ExprPtr rest = rhs[k];
        std::vector<std::uint16_t> row;
        for (std::size_t j = 0; j < n; ++j) {
            auto parts = splitLinear(rest, model->states[j].name);
            bool ok = parts.has_value();
            if (ok && parts->b)
                for (const auto& s : model->states) ok = ok && !parts->b->mentions(s.name);
            if (!ok) {
                model->linearSystem = false;
                model->notLinearSystemWhy = "d" + model->states[k].name + "/dt is not linear in the state variables";
                break;
            }
            row.push_back(parts->b ? b.emit(*parts->b) : b.constant(0.0));
            rest = parts->a ? parts->a : Expr::makeNumber(0.0, {});
        }
        if (!model->linearSystem) break;
        model->mSlots.insert(model->mSlots.end(), row.begin(), row.end());
        model->cSlots.push_back(b.emit(*rest));
    }
    if (!model->linearSystem) {
        model->systemCoefficients = Program{};
        model->mSlots.clear();
        model->cSlots.clear();
    }

    model->usesRandom = model->derivatives.usesRandom || model->threshold.usesRandom || model->reset.usesRandom ||
                        model->refractoryProgram.usesRandom;
    model->initialSlots = b.initialSlots();
    model->constantSlots = b.constantSlots();
    return model;
}

} // namespace

// [SECTION] accessors

NeuronModel NeuronModel::compile(const ModelSpec& spec) {
    Collector errors;
    auto compiled = build(spec, errors);
    if (!errors.all.empty() || !compiled) {
        if (errors.all.empty()) errors.add("equations", {}, "the model could not be compiled");
        throw ModelError(std::move(errors.all));
    }
    NeuronModel m;
    m.compiled_ = std::move(compiled);
    return m;
}

std::vector<Diagnostic> NeuronModel::diagnose(const ModelSpec& spec) {
    Collector errors;
    try {
        build(spec, errors);
    } catch (const std::exception& e) {
        errors.add("equations", {}, e.what());
    }
    return errors.all;
}

const ModelSpec& NeuronModel::spec() const { return compiled_->spec; }
const std::vector<VariableInfo>& NeuronModel::states() const { return compiled_->states; }
const std::vector<VariableInfo>& NeuronModel::subexpressions() const { return compiled_->subexpressions; }
const std::vector<ParameterInfo>& NeuronModel::parameters() const { return compiled_->parameters; }
std::vector<double> NeuronModel::initialState() const { return compiled_->initialState; }
bool NeuronModel::hasThreshold() const { return compiled_->hasThreshold; }
bool NeuronModel::hasReset() const { return !compiled_->reset.empty(); }
bool NeuronModel::hasRefractory() const { return compiled_->refractory != CompiledModel::Refractory::None; }

std::optional<std::size_t> NeuronModel::stateIndex(const std::string& name) const {
    for (std::size_t k = 0; k < compiled_->states.size(); ++k)
        if (compiled_->states[k].name == name) return k;
    return std::nullopt;
}

std::optional<std::size_t> NeuronModel::parameterIndex(const std::string& name) const {
    for (std::size_t k = 0; k < compiled_->parameters.size(); ++k)
        if (compiled_->parameters[k].name == name) return k;
    return std::nullopt;
}

std::string NeuronModel::defaultMethod() const { return compiled_->linearSystem ? "exact" : "euler"; }

std::string NeuronModel::effectiveMethod() const {
    return compiled_->spec.method.empty() ? defaultMethod() : compiled_->spec.method;
}

bool NeuronModel::supportsMethod(const std::string& method, std::string* why) const {
    const auto& all = integrationMethods();
    if (std::find(all.begin(), all.end(), method) == all.end()) {
        if (why) *why = "unknown integration method '" + method + "' (use euler, rk2, rk4, exponential_euler or exact)";
        return false;
    }
    if (method == "exact" && !compiled_->linearSystem) {
        if (why)
            *why =
                "the exact method needs linear equations with constant coefficients: " + compiled_->notLinearSystemWhy;
        return false;
    }
    if (method == "exponential_euler" && !compiled_->conditionallyLinear) {
        if (why)
            *why = "exponential_euler needs each equation linear in its own variable: " +
                   compiled_->notConditionallyLinearWhy;
        return false;
    }
    return true;
}

} // namespace scs
