// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — command-line arguments: "--key value", "--key=value" and flags.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scs::cli {

/// A usage mistake: printed as one line, exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Options are taken out as they are read; whatever is left at the end is reported as unknown.
class CliArgs {
public:
    explicit CliArgs(std::vector<std::string> args) : args_(std::move(args)) {}

    /// The value of "--name VALUE" or "--name=VALUE" (last one wins), removed from the list.
    std::optional<std::string> take(const std::string& name);
    /// Every value of a repeatable option, in order.
    std::vector<std::string> takeAll(const std::string& name);
    /// Whether the flag "--name" was given (removed).
    bool flag(const std::string& name);
    /// The next positional argument (not starting with "--"), removed; nullopt when none.
    std::optional<std::string> positional();
    /// Throws UsageError naming the first argument nobody took.
    void expectEmpty() const;

private:
    std::vector<std::string> args_;
};

int parseInt(const std::string& text, const std::string& option);

} // namespace scs::cli
