// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — errors that point at a place in the user's text.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace scs {

/// A place in a multi-line text: 1-based line and column; `length` characters are underlined.
struct SourcePos {
    int line = 1;
    int column = 1;
    int length = 1;
};

/// One message about the user's text. `field` names which text it is about ("equations",
/// "threshold", "reset", "refractory", or a parameter name) so editors can underline the right one.
struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string field;
    SourcePos pos;
    std::string message;

    /// "equations:3:14: error: unknown name 'tua'" — the form printed by the CLI.
    std::string format() const;
};

/// Thrown by parsers and checkers; carries every diagnostic found (at least one).
class ModelError : public std::runtime_error {
public:
    explicit ModelError(std::vector<Diagnostic> diagnostics);
    ModelError(std::string field, SourcePos pos, const std::string& message);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

} // namespace scs
