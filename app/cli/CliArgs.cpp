// SPDX-License-Identifier: MIT
#include "cli/CliArgs.h"

#include <charconv>

namespace scs::cli {

std::optional<std::string> CliArgs::take(const std::string& name) {
    std::optional<std::string> value;
    for (std::size_t i = 0; i < args_.size();) {
        const std::string& a = args_[i];
        if (a == "--" + name) {
            if (i + 1 >= args_.size()) throw UsageError("--" + name + " needs a value");
            value = args_[i + 1];
            args_.erase(args_.begin() + static_cast<long>(i), args_.begin() + static_cast<long>(i) + 2);
        } else if (a.rfind("--" + name + "=", 0) == 0) {
            value = a.substr(name.size() + 3);
            args_.erase(args_.begin() + static_cast<long>(i));
        } else {
            ++i;
        }
    }
    return value;
}

std::vector<std::string> CliArgs::takeAll(const std::string& name) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i < args_.size();) {
        const std::string& a = args_[i];
        if (a == "--" + name) {
            if (i + 1 >= args_.size()) throw UsageError("--" + name + " needs a value");
            values.push_back(args_[i + 1]);
            args_.erase(args_.begin() + static_cast<long>(i), args_.begin() + static_cast<long>(i) + 2);
        } else if (a.rfind("--" + name + "=", 0) == 0) {
            values.push_back(a.substr(name.size() + 3));
            args_.erase(args_.begin() + static_cast<long>(i));
        } else {
            ++i;
        }
    }
    return values;
}

bool CliArgs::flag(const std::string& name) {
    bool found = false;
    for (std::size_t i = 0; i < args_.size();) {
        if (args_[i] == "--" + name) {
            found = true;
            args_.erase(args_.begin() + static_cast<long>(i));
        } else {
            ++i;
        }
    }
    return found;
}

std::optional<std::string> CliArgs::positional() {
    for (std::size_t i = 0; i < args_.size(); ++i) {
        if (args_[i].rfind("--", 0) == 0) return std::nullopt; // options come after positionals
        std::string v = args_[i];
        args_.erase(args_.begin() + static_cast<long>(i));
        return v;
    }
    return std::nullopt;
}

void CliArgs::expectEmpty() const {
    if (!args_.empty()) throw UsageError("unknown argument '" + args_.front() + "' (see --help)");
}

int parseInt(const std::string& text, const std::string& option) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size())
        throw UsageError("--" + option + " needs a whole number, got '" + text + "'");
    return value;
}

} // namespace scs::cli
