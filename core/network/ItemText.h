// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one-line text forms of network values, for the editor's inspector.
//
// The inspector edits each value in a single line edit, so draws, expressions and lists need a
// text form a user can type and read back: "uniform(-60*mV, -50*mV)", "0@10*ms, 1@12.5*ms".
// Units and expressions inside are kept as text; validateNetwork checks them.
#pragma once

#include "network/NetworkGraph.h"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace scs {

/// A malformed line; what() is one sentence for the user.
class ItemTextError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// "-65*mV" (constant), "uniform(a, b)", "normal(mean, sd)", "expression(text)".
std::string valueSpecText(const ValueSpec& value);
/// The inverse of valueSpecText; any text not of the three call forms is a constant.
ValueSpec parseValueSpecText(const std::string& text);

/// "0@10*ms, 1@12.5*ms": source index @ time. A time alone means source 0.
std::string spikeListText(const std::vector<std::pair<int, std::string>>& spikes);
std::vector<std::pair<int, std::string>> parseSpikeList(const std::string& text);

/// "v, w" / "0, 5, 10".
std::string nameListText(const std::vector<std::string>& names);
std::vector<std::string> parseNameList(const std::string& text);
std::string indexListText(const std::vector<int>& indices);
std::vector<int> parseIndexList(const std::string& text);

} // namespace scs
