// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SystemVerilog identifiers made from user names: legal, never a keyword,
// unique within a scope, and the same every time for the same names.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace scs::hdl {

/// Whether `word` is reserved in IEEE 1800-2017 (Annex B), including the Verilog-1995..2005 and
/// SystemVerilog 2005..2012 keywords it inherits.
bool isSystemVerilogKeyword(std::string_view word);

/// A plain (non-escaped) SystemVerilog identifier made from `text`: characters other than
/// [A-Za-z0-9_] become '_', runs of '_' collapse to one (Verilator reserves "__"), a leading digit
/// or '_' gets an "x" in front (C-level reserved names), a keyword gets a trailing '_' ("reg" ->
/// "reg_"), empty text becomes "x", and the result is cut to 64 characters. Deterministic; not
/// unique on its own (IdentifierScope makes it so).
std::string legalIdentifier(std::string_view text);

/// The names handed out in one SystemVerilog scope (a module's ports, nets and functions).
class IdentifierScope {
public:
    /// legalIdentifier(wanted), or that with "_2", "_3", ... appended when it was handed out
    /// before. The same sequence of claims always yields the same names.
    std::string claim(std::string_view wanted);
    /// Marks `name` as used without handing it out (names the scope must never produce).
    void reserve(const std::string& name) { used_.insert(name); }
    bool isTaken(const std::string& name) const { return used_.count(name) != 0; }

private:
    std::set<std::string> used_;
};

} // namespace scs::hdl
