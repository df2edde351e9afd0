// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the precision command.
#include "cli/PrecisionCommand.h"

#include "cli/CliArgs.h"
#include "cli/ModelOptions.h"
#include "fixed/PrecisionReport.h"

#include <nlohmann/json.hpp>

namespace scs::cli {

int runPrecisionCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << "usage: scstudio-cli precision --model NAME|FILE [--format Q8.8] [--overflow saturate|wrap|trap]\n"
               "                              [--rounding truncate|nearest|bankers|stochastic] [--json]\n"
               "Checks every parameter, state and dt against the fixed-point format (values in mV, ms, nA,\n"
               "uS, nF, Mohm); exit 1 when a value leaves the range or is lost.\n"
            << modelOptionsHelp();
        return 0;
    }
    const bool json = args.flag("json");
    fixed::FixedContract contract;
    try {
        contract.format = fixed::QFormat::parse(args.take("format").value_or("Q8.8"));
        contract.overflow = fixed::parseOverflow(args.take("overflow").value_or("saturate"));
        contract.rounding = fixed::parseRounding(args.take("rounding").value_or("truncate"));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    ModelRun run = takeModelRun(args);
    args.expectEmpty();
    const fixed::PrecisionReport report = fixed::precisionReport(run.model, run.settings, contract);
    if (!json) {
        out << report.text();
    } else {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& q : report.rows)
            rows.push_back({{"name", q.name},
                            {"kind", q.kind},
                            {"unit", q.unit},
                            {"value", q.value},
                            {"quantized", q.quantized},
                            {"abs_error", q.absError},
                            {"rel_error", q.relError},
                            {"low", q.low},
                            {"high", q.high},
                            {"in_range", q.inRange},
                            {"headroom_bits", q.headroomBits}});
        out << nlohmann::ordered_json{{"contract", contract.label()},
                                      {"resolution", report.resolution},
                                      {"fits", report.fits()},
                                      {"rows", rows},
                                      {"risks", report.risks}}
                   .dump(2)
            << '\n';
    }
    (void)err;
    return report.fits() ? 0 : 1;
}

} // namespace scs::cli
