// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — compiles checked expression trees into Programs over a shared slot table.
#pragma once

#include "expr/Ast.h"
#include "ode/Program.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace scs {

/// Owns the slot layout while a model is compiled. Names map to fixed slots (parameters, states,
/// specials); subexpressions are inlined into each program that uses them, once per program.
/// Constant operands are folded at compile time; x**2, x**3, x**-1, x**0.5 become cheap ops, and
/// division by a constant becomes multiplication by its reciprocal.
class ProgramBuilder {
public:
    std::uint16_t addNamedSlot(const std::string& name, double initialValue);
    std::uint16_t addTemporary();
    std::uint16_t constant(double value);
    void defineSubexpression(const std::string& name, ExprPtr definition);

    /// Starts a new program: forgets which subexpressions were already computed.
    void beginProgram(Program& p);
    /// Emits code computing `e`; returns the slot holding the result.
    /// Precondition: `e` passed the DimensionChecker (names exist, arities right).
    std::uint16_t emit(const Expr& e);
    /// Emits dst = value-slot (or the op-assignment for resets).
    void emitAssign(OpCode op, std::uint16_t dst, std::uint16_t value);

    std::uint16_t slotOf(const std::string& name) const { return named_.at(name); }
    bool hasName(const std::string& name) const { return named_.count(name) != 0; }
    std::vector<double> initialSlots() const { return initial_; }
    /// [slot] true for literals (folded constants and unit names): the same in every run.
    std::vector<bool> constantSlots() const { return isConstant_; }
    /// A temporary holding a copy of `slot`, for a result that must not change when `slot` does.
    std::uint16_t copyOf(std::uint16_t slot) { return emitOp(OpCode::Copy, slot); }

private:
    std::uint16_t newSlot(double initialValue, bool isConstant);
    std::uint16_t emitOp(OpCode op, std::uint16_t a, std::uint16_t b = 0, std::uint16_t c = 0);
    std::uint16_t emitCall(const Expr& e);

    std::vector<double> initial_;
    std::vector<bool> isConstant_;
    std::map<std::uint64_t, std::uint16_t> constants_; // by bit pattern
    std::map<std::string, std::uint16_t> named_;
    std::map<std::string, ExprPtr> subexpressions_;
    std::map<std::string, std::uint16_t> computed_; // subexpressions done in the current program
    Program* program_ = nullptr;
};

} // namespace scs
