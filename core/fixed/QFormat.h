// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Q formats: how many bits a fixed-point number has and where its point is.
#pragma once

#include <cstdint>
#include <string>

namespace scs::fixed {

/// Qm.n: `width` = m + n bits of which `fraction` = n are after the binary point. Signed formats
/// count the sign among the m integer bits (Q8.8 is 16 bits, -128 .. +127.996); unsigned ones are
/// written UQm.n (UQ8.8 is 0 .. 255.996). Widths from 1 to 32 bits.
struct QFormat {
    int width = 16;
    int fraction = 8;
    bool isSigned = true;

    /// "Q8.8", "Q4.12", "Q16.16", "UQ8.8", any "Qm.n" / "UQm.n" within 32 bits. Throws
    /// std::invalid_argument with a message naming the text and the rule it breaks.
    static QFormat parse(const std::string& text);
    /// The canonical label, "Q8.8" / "UQ8.8".
    std::string label() const;
    /// Integer bits excluding the sign (7 for Q8.8, 8 for UQ8.8).
    int integerBits() const { return width - fraction - (isSigned ? 1 : 0); }

    std::int64_t rawMin() const { return isSigned ? -(std::int64_t{1} << (width - 1)) : 0; }
    std::int64_t rawMax() const {
        return isSigned ? (std::int64_t{1} << (width - 1)) - 1 : (std::int64_t{1} << width) - 1;
    }
    /// The value of one LSB, 2^-fraction.
    double resolution() const;
    double minValue() const { return static_cast<double>(rawMin()) * resolution(); }
    double maxValue() const { return static_cast<double>(rawMax()) * resolution(); }
    bool operator==(const QFormat&) const = default;
};

} // namespace scs::fixed
