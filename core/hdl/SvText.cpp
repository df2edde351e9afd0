// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SystemVerilog text helpers.
#include "SvText.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace scs::hdl::sv {

namespace {
__extension__ using UWide = unsigned __int128;
}

std::string literal(int width, fixed::Wide value, bool isSigned) {
    if (width < 1 || width > 128) throw std::logic_error("a literal of " + std::to_string(width) + " bits");
    UWide bits = static_cast<UWide>(value);
    if (width < 128) bits &= (UWide{1} << width) - 1;
    std::string hex;
    do {
        hex.insert(hex.begin(), "0123456789abcdef"[static_cast<unsigned>(bits & 15u)]);
        bits >>= 4;
    } while (bits != 0);
    return std::to_string(width) + (isSigned ? "'sh" : "'h") + hex;
}

int signedBits(fixed::Wide value) {
    int bits = 1;
    while (bits < 128 && (value < -(fixed::Wide{1} << (bits - 1)) || value >= (fixed::Wide{1} << (bits - 1)))) ++bits;
    return bits;
}

int unsignedBits(std::int64_t value) {
    int bits = 1;
    while (bits < 63 && (std::int64_t{1} << bits) <= value) ++bits;
    return bits;
}

std::string netRange(int width, bool isSigned) {
    if (width == 1 && !isSigned) return "";
    return std::string(isSigned ? "signed " : "") + "[" + std::to_string(width - 1) + ":0]";
}

std::string commentText(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t')
            out += ' ';
        else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)
            out += c;
    }
    // Tools read comments that start with these words as directives ("// verilator lint_off",
    // "// synthesis translate_off"); a model's text must never become one.
    std::string lower = out.substr(std::min(out.size(), out.find_first_not_of(' ')));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* word : {"verilator", "synopsys", "synthesis", "pragma", "translate_", "lint_", "coverage_"})
        if (lower.rfind(word, 0) == 0) return sv::cat("- ", out);
    return out;
}

} // namespace scs::hdl::sv
