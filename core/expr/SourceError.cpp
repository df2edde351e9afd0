// SPDX-License-Identifier: MIT
#include "expr/SourceError.h"

namespace scs {

std::string Diagnostic::format() const {
    std::string out = field.empty() ? std::string("model") : field;
    out += ':' + std::to_string(pos.line) + ':' + std::to_string(pos.column) + ": ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += message;
    return out;
}

namespace {
std::string joinMessages(const std::vector<Diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds) {
        if (!out.empty()) out += '\n';
        out += d.format();
    }
    return out;
}
} // namespace

ModelError::ModelError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(joinMessages(diagnostics)), diagnostics_(std::move(diagnostics)) {}

ModelError::ModelError(std::string field, SourcePos pos, const std::string& message)
    : ModelError(std::vector<Diagnostic>{Diagnostic{Diagnostic::Severity::Error, std::move(field), pos, message}}) {}

} // namespace scs
