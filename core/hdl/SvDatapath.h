// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a fixed-point program's straight-line code printed as SystemVerilog nets:
// one net per value, exact wide temporaries, rounding and the overflow mode as FixedContract does.
// Used by SvEmitter; the module around it (ports, registers, step control) is printed there.
#pragma once

#include "Identifiers.h"
#include "ProgramCheck.h"
#include "SvPipeline.h"

#include "fixed/FixedProgram.h"

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace scs::hdl {

/// The registers and ports the datapath reads, named by the module.
struct SvDatapathInputs {
    std::vector<std::string> states; // [state] the state registers
    std::string input;               // the drive port ("" when none)
    std::string counter;             // the refractory counter (Duration) ...
    int counterWidth = 1;            // ... and its width
    std::string lfsr;                // the LFSR register (stochastic rounding)
};

/// A value captured at the end of its stage's cycle and read by later stages.
struct PipelineRegister {
    std::string name;   // the register
    std::string source; // the net it captures
    int width = 1;
    bool isSigned = false;
    int stage = 0; // captured when the step's phase is this stage
};

/// A net that is 1 when an operation overflowed, and the stage that computes it.
struct StagedNet {
    int stage = 0;
    std::string net;
};

class SvDatapath {
public:
    /// Claims every name it prints from `scope`. Preconditions: `shape` is checkProgram(program) and
    /// `plan` is planPipeline(program, ...).
    SvDatapath(const fixed::FixedModelProgram& program, const ProgramShape& shape, const PipelinePlan& plan,
               IdentifierScope& scope, SvDatapathInputs inputs);

    /// Prints all instructions. Call once.
    void print();

    /// The value as the last stage reads it (its net, or its pipeline register); a flag reading of
    /// it ("(|n3)" for a number) for conditions.
    std::string value(std::uint32_t v) const;
    std::string flag(std::uint32_t v) const;
    /// The Duration-mode "not refractory" test on the counter.
    std::string counterIsZero() const;

    const std::string& tables() const { return tables_; } // lookup tables, declared before the nets
    std::string nets() const { return nets_.str(); }
    /// Rotated LFSR words the nets read, name by rotation (declared by the module, before the nets).
    const std::map<int, std::string>& rotations() const { return rotations_; }
    /// Nets that are 1 when an operation overflowed (Overflow::Trap only).
    const std::vector<StagedNet>& overflows() const { return overflows_; }
    /// The pipeline registers the module must declare, reset and load (none without stages).
    const std::vector<PipelineRegister>& registers() const { return registers_; }
    /// Nets (or bits of them) that nothing reads: the module feeds them to a sink so lint stays
    /// quiet and trap mode still sees every operation.
    const std::vector<std::string>& unused() const { return unused_; }

private:
    // [SECTION] printing helpers
    std::string temp(std::uint32_t v, const std::string& suffix) { return scope_.claim(names_[v] + "_" + suffix); }
    void declare(const std::string& name, int width, bool isSigned, const std::string& expr,
                 const std::string& comment = {});
    std::string extend(const std::string& value, int to) const; // a W-bit value to `to` bits
    std::string lit(int width, fixed::Wide value) const;        // signed literal
    std::string rawLimit(bool max) const;                       // the format's end as a W-bit literal
    std::string random(int site);                               // the LFSR word of a rounding site

    // [SECTION] the contract's steps
    std::string fit(std::uint32_t v, const std::string& wide, int width);
    std::string roundShift(std::uint32_t v, const std::string& wide, int width, int bits, int site);
    std::string divide(std::uint32_t v, const fixed::FixedInstr& in);
    std::string lookup(std::uint32_t v, const fixed::FixedInstr& in);
    std::string lutTable(int index); // the table's localparam, printed on first use
    std::string expression(std::uint32_t v, const fixed::FixedInstr& in);
    /// A comparison's outcome when it cannot depend on the state: both sides constant or the same
    /// value, or a constant at an end of the range (x < MIN, x <= MAX, ...).
    std::optional<bool> knownComparison(const fixed::FixedInstr& in) const;

    const fixed::FixedModelProgram& p_;
    const ProgramShape& shape_;
    const PipelinePlan& plan_;
    IdentifierScope& scope_;
    SvDatapathInputs in_;
    int w_, f_;
    bool signed_;
    std::vector<std::string> names_;
    std::map<std::uint32_t, std::string> registerNames_;
    std::vector<PipelineRegister> registers_;
    int currentStage_ = 0; // the stage being printed: operands from earlier stages come from registers
    std::map<int, std::string> lutTables_, rotations_;
    std::string tables_;
    std::ostringstream nets_;
    std::vector<StagedNet> overflows_;
    std::vector<std::string> unused_;
};

} // namespace scs::hdl
