// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — per-neuron and per-synapse values (ValueSpec) compiled for fast evaluation.
#pragma once

#include "network/NetworkGraph.h"
#include "units/Quantity.h"
#include "util/Random.h"

#include <string>
#include <utility>
#include <vector>

namespace scs {

struct Expr;

/// Names a value expression may use besides `i`, `j`, `N`, units and functions: the population
/// model's parameters (SI value and dimension).
using ValueNames = std::vector<std::pair<std::string, Quantity>>;

/// A ValueSpec checked against the dimension of what it sets and compiled to a small stack
/// program. Construction throws NetworkError naming `item` and `field` (e.g. "projection 'ee'",
/// "weight") for a parse error, an unknown name or a dimension mismatch. Evaluation is const and
/// allocation-free; random draws come from the caller's generator, so the caller decides the
/// stream (one per neuron or per source row) and results do not depend on threads.
class ValueEvaluator {
public:
    ValueEvaluator(const ValueSpec& spec, const Dimension& expected, const std::string& item, const std::string& field,
                   const ValueNames& names = {}, bool synapse = false);

    bool isConstant() const { return constant_; }
    double constantValue() const { return constantValue_; }
    /// The value (SI) for neuron (or source) `i`, target `j`, of `n` items.
    double evaluate(double i, double j, double n, Random& rng) const;

private:
    enum class Code : unsigned char {
        Push,
        PushI,
        PushJ,
        PushN,
        Rand,
        Randn,
        Neg,
        Not,
        Add,
        Sub,
        Mul,
        Div,
        Pow,
        Mod,
        Lt,
        Le,
        Gt,
        Ge,
        Eq,
        Ne,
        And,
        Or,
        Exp,
        Log,
        Log10,
        Sqrt,
        Abs,
        Sin,
        Cos,
        Tan,
        Tanh,
        Floor,
        Ceil,
        Sign,
        Clip
    };
    struct Instr {
        Code code;
        double value;
    };
    Dimension compile(const Expr& e);
    double a_ = 0, b_ = 0; // Uniform / Normal bounds (SI)
    ValueSpec::Kind kind_;
    bool constant_ = false;
    double constantValue_ = 0;
    std::vector<Instr> code_;
    int depth_ = 0, maxDepth_ = 0;
    const ValueNames* names_ = nullptr;
    bool synapse_ = false;
    std::string where_;
};

} // namespace scs
