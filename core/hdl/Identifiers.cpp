// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SystemVerilog identifier mangling.
#include "Identifiers.h"

#include <algorithm>
#include <array>

namespace scs::hdl {

namespace {

// IEEE 1800-2017 Annex B, sorted for binary search.
// clang-format off
constexpr std::array<std::string_view, 248> kKeywords = {
    "accept_on", "alias", "always", "always_comb", "always_ff", "always_latch", "and", "assert", "assign",
    "assume", "automatic", "before", "begin", "bind", "bins", "binsof", "bit", "break", "buf", "bufif0", "bufif1",
    "byte", "case", "casex", "casez", "cell", "chandle", "checker", "class", "clocking", "cmos", "config", "const",
    "constraint", "context", "continue", "cover", "covergroup", "coverpoint", "cross", "deassign", "default",
    "defparam", "design", "disable", "dist", "do", "edge", "else", "end", "endcase", "endchecker", "endclass",
    "endclocking", "endconfig", "endfunction", "endgenerate", "endgroup", "endinterface", "endmodule",
    "endpackage", "endprimitive", "endprogram", "endproperty", "endsequence", "endspecify", "endtable", "endtask",
    "enum", "event", "eventually", "expect", "export", "extends", "extern", "final", "first_match", "for", "force",
    "foreach", "forever", "fork", "forkjoin", "function", "generate", "genvar", "global", "highz0", "highz1", "if",
    "iff", "ifnone", "ignore_bins", "illegal_bins", "implements", "implies", "import", "incdir", "include",
    "initial", "inout", "input", "inside", "instance", "int", "integer", "interconnect", "interface", "intersect",
    "join", "join_any", "join_none", "large", "let", "liblist", "library", "local", "localparam", "logic",
    "longint", "macromodule", "matches", "medium", "modport", "module", "nand", "negedge", "nettype", "new",
    "nexttime", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "null", "or", "output", "package",
    "packed", "parameter", "pmos", "posedge", "primitive", "priority", "program", "property", "protected", "pull0",
    "pull1", "pulldown", "pullup", "pulsestyle_ondetect", "pulsestyle_onevent", "pure", "rand", "randc",
    "randcase", "randsequence", "rcmos", "real", "realtime", "ref", "reg", "reject_on", "release", "repeat",
    "restrict", "return", "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "s_always", "s_eventually",
    "s_nexttime", "s_until", "s_until_with", "scalared", "sequence", "shortint", "shortreal", "showcancelled",
    "signed", "small", "soft", "solve", "specify", "specparam", "static", "string", "strong", "strong0", "strong1",
    "struct", "super", "supply0", "supply1", "sync_accept_on", "sync_reject_on", "table", "tagged", "task", "this",
    "throughout", "time", "timeprecision", "timeunit", "tran", "tranif0", "tranif1", "tri", "tri0", "tri1",
    "triand", "trior", "trireg", "type", "typedef", "union", "unique", "unique0", "unsigned", "until",
    "until_with", "untyped", "use", "uwire", "var", "vectored", "virtual", "void", "wait", "wait_order", "wand",
    "weak", "weak0", "weak1", "while", "wildcard", "wire", "with", "within", "wor", "xnor", "xor"};
// clang-format on

constexpr std::size_t kMaxLength = 64;

bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

bool isSystemVerilogKeyword(std::string_view word) {
    return std::binary_search(kKeywords.begin(), kKeywords.end(), word);
}

std::string legalIdentifier(std::string_view text) {
    std::string out;
    // Names start with a letter: "x" before '_' or anything else, "x_" before a digit.
    const char first = text.empty() ? '_' : text.front();
    if ((first >= '0' && first <= '9') || !isWordChar(first) || first == '_') out.push_back('x');
    if (first >= '0' && first <= '9') out.push_back('_');
    for (char c : text) {
        const char d = isWordChar(c) ? c : '_';
        if (d == '_' && !out.empty() && out.back() == '_') continue;
        out += d;
    }
    if (out.size() > kMaxLength) out.resize(kMaxLength);
    if (isSystemVerilogKeyword(out)) out += '_';
    return out;
}

std::string IdentifierScope::claim(std::string_view wanted) {
    const std::string base = legalIdentifier(wanted);
    std::string name = base;
    // A suffix never makes a keyword (no keyword ends in "_<digit>"), and "__" cannot arise: when
    // base ends in '_' the suffix is appended without another one.
    const std::string joiner = base.back() == '_' ? "" : "_";
    for (int n = 2; used_.count(name); ++n) name = base + joiner + std::to_string(n);
    used_.insert(name);
    return name;
}

} // namespace scs::hdl
