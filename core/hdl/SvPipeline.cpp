// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — pipeline planning: a greedy split of the step's straight-line code by
// estimated depth.
#include "SvPipeline.h"

#include <algorithm>
#include <cmath>

namespace scs::hdl {

using fixed::FixedOp;

namespace {

/// Values that are the same in every cycle of a step: the printer reads registers or literals.
bool isStable(const fixed::FixedModelProgram& p, const fixed::FixedInstr& in) {
    if (in.op == FixedOp::Const || in.op == FixedOp::State) return true;
    return in.op == FixedOp::NotRefractory && p.refractory != fixed::FixedModelProgram::Refractory::Condition;
}

} // namespace

double operationDepth(const fixed::FixedModelProgram& p, const fixed::FixedInstr& in) {
    // Rough LUT levels of what SvDatapath prints for a W-bit format: carry chains are fast, an
    // array multiplier grows with W, a divider is one subtraction per quotient bit. Only the
    // ratios matter: they decide where the cuts go.
    const int w = p.contract.format.width, f = p.contract.format.fraction;
    const bool rounds = p.contract.rounding != fixed::Rounding::Truncate;
    switch (in.op) {
    case FixedOp::Const:
    case FixedOp::State:
    case FixedOp::Input:
    case FixedOp::Floor:
        return 0;
    case FixedOp::NotRefractory:
    case FixedOp::And:
    case FixedOp::Or:
    case FixedOp::Not:
        return 0.5;
    case FixedOp::Select:
        return 1;
    case FixedOp::Lt:
    case FixedOp::Le:
    case FixedOp::Gt:
    case FixedOp::Ge:
    case FixedOp::Eq:
    case FixedOp::Ne:
        return 1.5;
    case FixedOp::Add:
    case FixedOp::Sub:
    case FixedOp::Neg:
    case FixedOp::Abs:
    case FixedOp::Ceil:
    case FixedOp::Min:
    case FixedOp::Max:
        return 2;
    case FixedOp::Mul:
        return 2 + w / 4.0 + (rounds ? 1 : 0);
    case FixedOp::MulConst:
        return 1 + w / 4.0 + (rounds ? 1 : 0);
    case FixedOp::Div:
        return w + f + 3 + (rounds ? 2 : 0);
    case FixedOp::Lut:
        return 6;
    }
    return 1;
}

PipelinePlan planPipeline(const fixed::FixedModelProgram& p, int stages) {
    const std::size_t n = p.code.size();
    PipelinePlan plan;
    plan.stages = std::clamp(stages, 0, kMaxPipelineStages);
    plan.stage.assign(n, 0);
    plan.stable.assign(n, false);
    plan.registered.assign(n, false);

    // Depth of every value from the start of the step, unsplit.
    std::vector<double> depth(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
        const fixed::FixedInstr& in = p.code[v];
        plan.stable[v] = isStable(p, in);
        double start = 0;
        for (std::uint32_t a : valueOperands(p, in)) start = std::max(start, depth[a]);
        depth[v] = plan.stable[v] ? 0 : start + operationDepth(p, in);
        plan.depth = std::max(plan.depth, depth[v]);
    }
    const double finalMux = p.hasThreshold ? 1 : 0; // the fire ? reset : next choice
    plan.depth += finalMux;

    // Greedy: each value joins the latest stage among its operands and moves to the next stage when
    // it would make that stage deeper than the budget (operands from earlier stages are read from
    // registers, at depth 0).
    const double budget = plan.depth / (plan.stages + 1);
    std::vector<double> local(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
        if (plan.stable[v]) continue;
        const fixed::FixedInstr& in = p.code[v];
        int s = 0;
        for (std::uint32_t a : valueOperands(p, in))
            if (!plan.stable[a]) s = std::max(s, plan.stage[a]);
        double start = 0;
        for (std::uint32_t a : valueOperands(p, in))
            if (!plan.stable[a] && plan.stage[a] == s) start = std::max(start, local[a]);
        const double cost = operationDepth(p, in);
        if (start > 0 && start + cost > budget + 1e-9 && s < plan.stages) {
            ++s;
            start = 0;
        }
        plan.stage[v] = s;
        local[v] = start + cost;
    }

    // Registers: a value read in a later stage than its own; the step's outputs are read last.
    auto readIn = [&](std::uint32_t value, int stage) {
        if (!plan.stable[value] && plan.stage[value] < stage) plan.registered[value] = true;
    };
    for (std::size_t v = 0; v < n; ++v)
        for (std::uint32_t a : valueOperands(p, p.code[v])) readIn(a, plan.stage[v]);
    std::vector<std::uint32_t> outputs = p.nextState;
    outputs.insert(outputs.end(), p.resetState.begin(), p.resetState.end());
    if (p.hasThreshold) outputs.push_back(p.threshold);
    if (p.refractory == fixed::FixedModelProgram::Refractory::Condition) outputs.push_back(p.refractoryCondition);
    for (std::uint32_t v : outputs) readIn(v, plan.stages);

    std::vector<double> deepest(static_cast<std::size_t>(plan.stages) + 1, 0);
    for (std::size_t v = 0; v < n; ++v)
        if (!plan.stable[v]) {
            auto& d = deepest[static_cast<std::size_t>(plan.stage[v])];
            d = std::max(d, local[v]);
        }
    deepest.back() += finalMux;
    plan.longestStage = *std::max_element(deepest.begin(), deepest.end());
    return plan;
}

} // namespace scs::hdl
