// SPDX-License-Identifier: MIT
#include "cli/ModelsCommand.h"

#include "cli/CliArgs.h"
#include "cli/ModelOptions.h"
#include "models/ModelCatalogue.h"

#include <nlohmann/json.hpp>

namespace scs::cli {

int runModelsCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << "usage: scstudio-cli models [--search TEXT] [--json]\n";
        return 0;
    }
    const bool json = args.flag("json");
    const std::string query = args.take("search").value_or("");
    args.expectEmpty();
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    for (const auto& p : catalogue.problems()) err << "scstudio-cli: warning: " << p << '\n';
    const auto found = catalogue.search(query);
    if (json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto* e : found)
            list.push_back({{"id", e->id}, {"name", e->name}, {"category", e->category}, {"citation", e->citation},
                            {"expected_pattern", e->expectedPattern}});
        out << list.dump(2) << '\n';
        return 0;
    }
    for (const auto* e : found) out << e->id << "\t" << e->category << "\t" << e->name << '\n';
    return 0;
}

int runCheckCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << "usage: scstudio-cli check --model NAME|FILE | --equations TEXT [...]\n" << modelOptionsHelp();
        return 0;
    }
    // takeModelRun compiles the model; a ModelError reaches main, which prints every diagnostic.
    ModelRun run = takeModelRun(args);
    args.expectEmpty();
    out << run.entry.id << ": ok (" << run.model.states().size() << " state variables, "
        << run.model.parameters().size() << " parameters, default method " << run.model.defaultMethod() << ")\n";
    (void)err;
    return 0;
}

} // namespace scs::cli
