// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — small pieces of SystemVerilog text: sized literals, bit ranges, comments.
#pragma once

#include "fixed/FixedContract.h"

#include <string>

namespace scs::hdl::sv {

/// `value` as a sized literal of `width` (1..128) bits, two's complement for negative values:
/// literal(16, -256) == "16'shff00", literal(5, 3, false) == "5'h03"... (hex, no padding).
std::string literal(int width, fixed::Wide value, bool isSigned = true);

/// Bits `value` needs in two's complement (at least 1): 0 -> 1, -1 -> 1, 1 -> 2, -128 -> 8.
int signedBits(fixed::Wide value);

/// Bits an unsigned counter needs to hold `value` (at least 1).
int unsignedBits(std::int64_t value);

/// A net type for `width` bits: "signed [15:0]", "[15:0]"; width 1 unsigned is "" (a plain bit).
std::string netRange(int width, bool isSigned);

/// Its arguments (strings, literals, characters) joined. Builds left to right into one string,
/// which also keeps GCC 12 from a false -Wrestrict on `"literal" + std::string(...)` at -O3.
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string out;
    ((out += parts), ...);
    return out;
}

/// `text` on one line, safe after "//": line breaks become spaces, control characters are dropped
/// and text starting with a tool directive word ("verilator", "synthesis", ...) gets "- " before it.
std::string commentText(const std::string& text);

} // namespace scs::hdl::sv
