// SPDX-License-Identifier: MIT
#include "network/ItemText.h"

#include <cctype>
#include <charconv>

namespace scs {
namespace {

std::string trim(const std::string& text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    return text.substr(begin, end - begin);
}

// Splits at commas outside parentheses, so "uniform(clip(a, 0, 1), b)" keeps its inner commas.
std::vector<std::string> splitTopLevel(const std::string& text) {
    std::vector<std::string> parts;
    std::string current;
    int depth = 0;
    for (char c : text) {
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (c == ',' && depth == 0) {
            parts.push_back(trim(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!trim(current).empty() || !parts.empty()) parts.push_back(trim(current));
    return parts;
}

// "name(inner)" -> inner, if `text` is exactly a call of `name`.
bool callOf(const std::string& text, const std::string& name, std::string& inner) {
    if (text.size() < name.size() + 2 || text.compare(0, name.size(), name) != 0 || text.back() != ')') return false;
    std::size_t at = name.size();
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    if (at >= text.size() || text[at] != '(') return false;
    inner = text.substr(at + 1, text.size() - at - 2);
    return true;
}

int parseIndex(const std::string& text, const std::string& what) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        throw ItemTextError(what + " '" + text + "' is not a neuron index (0, 1, 2, ...)");
    return value;
}

template <class Item, class Format>
std::string joined(const std::vector<Item>& items, Format format) {
    std::string out;
    for (const Item& item : items) out += (out.empty() ? "" : ", ") + format(item);
    return out;
}

} // namespace

std::string valueSpecText(const ValueSpec& value) {
    switch (value.kind) {
    case ValueSpec::Kind::Constant:
        return value.a;
    case ValueSpec::Kind::Uniform:
        return "uniform(" + value.a + ", " + value.b + ")";
    case ValueSpec::Kind::Normal:
        return "normal(" + value.a + ", " + value.b + ")";
    case ValueSpec::Kind::Expression:
        return "expression(" + value.a + ")";
    }
    return value.a;
}

ValueSpec parseValueSpecText(const std::string& text) {
    const std::string t = trim(text);
    std::string inner;
    if (callOf(t, "expression", inner)) {
        if (trim(inner).empty())
            throw ItemTextError("expression() needs an expression of i, e.g. expression(i*0.1*mV)");
        return {ValueSpec::Kind::Expression, trim(inner), {}};
    }
    for (const auto& [name, kind] :
         {std::pair{"uniform", ValueSpec::Kind::Uniform}, std::pair{"normal", ValueSpec::Kind::Normal}}) {
        if (!callOf(t, name, inner)) continue;
        const std::vector<std::string> args = splitTopLevel(inner);
        if (args.size() != 2 || args[0].empty() || args[1].empty())
            throw ItemTextError(std::string(name) + "() takes two values, e.g. " + name + "(-60*mV, -50*mV)");
        return {kind, args[0], args[1]};
    }
    return ValueSpec::constant(t);
}

std::string spikeListText(const std::vector<std::pair<int, std::string>>& spikes) {
    return joined(spikes, [](const auto& s) { return std::to_string(s.first) + "@" + s.second; });
}

std::vector<std::pair<int, std::string>> parseSpikeList(const std::string& text) {
    std::vector<std::pair<int, std::string>> spikes;
    for (const std::string& entry : splitTopLevel(text)) {
        if (entry.empty()) throw ItemTextError("an empty entry in the spike list (two commas in a row?)");
        const std::size_t at = entry.find('@');
        if (at == std::string::npos) {
            spikes.emplace_back(0, entry);
            continue;
        }
        const std::string time = trim(entry.substr(at + 1));
        if (time.empty()) throw ItemTextError("'" + entry + "' has no time after '@'");
        spikes.emplace_back(parseIndex(trim(entry.substr(0, at)), "source"), time);
    }
    return spikes;
}

std::string nameListText(const std::vector<std::string>& names) {
    return joined(names, [](const std::string& n) { return n; });
}

std::vector<std::string> parseNameList(const std::string& text) {
    std::vector<std::string> names = splitTopLevel(text);
    for (const std::string& n : names)
        if (n.empty()) throw ItemTextError("an empty name in the list (two commas in a row?)");
    return names;
}

std::string indexListText(const std::vector<int>& indices) {
    return joined(indices, [](int i) { return std::to_string(i); });
}

std::vector<int> parseIndexList(const std::string& text) {
    std::vector<int> indices;
    for (const std::string& entry : splitTopLevel(text)) indices.push_back(parseIndex(entry, "neuron"));
    return indices;
}

} // namespace scs
