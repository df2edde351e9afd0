// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Q format parsing.
#include "QFormat.h"

#include <cmath>
#include <regex>
#include <stdexcept>

namespace scs::fixed {

QFormat QFormat::parse(const std::string& text) {
    static const std::regex form(R"(\s*(U?)Q(\d{1,2})\.(\d{1,2})\s*)");
    std::smatch m;
    if (!std::regex_match(text, m, form))
        throw std::invalid_argument("'" + text + "' is not a Q format (write Qm.n or UQm.n, e.g. Q8.8, Q4.12, UQ8.8)");
    QFormat q;
    q.isSigned = m[1].str().empty();
    const int integer = std::stoi(m[2].str());
    q.fraction = std::stoi(m[3].str());
    q.width = integer + q.fraction;
    if (q.width < 1 || q.width > 32)
        throw std::invalid_argument("'" + text + "' has " + std::to_string(q.width) + " bits; formats have 1 to 32");
    if (q.isSigned && integer < 1)
        throw std::invalid_argument("'" + text + "' has no room for the sign: a signed format needs m >= 1");
    return q;
}

std::string QFormat::label() const {
    return std::string(isSigned ? "Q" : "UQ") + std::to_string(width - fraction) + "." + std::to_string(fraction);
}

double QFormat::resolution() const { return std::ldexp(1.0, -fraction); }

} // namespace scs::fixed
