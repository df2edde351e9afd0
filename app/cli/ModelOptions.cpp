// SPDX-License-Identifier: MIT
#include "cli/ModelOptions.h"

#include "units/Quantity.h"

#include <filesystem>
#include <stdexcept>

namespace scs::cli {
namespace {

std::pair<std::string, std::string> splitAssignment(const std::string& text, const std::string& option) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw UsageError("--" + option + " needs NAME=VALUE, e.g. --" + option + " tau=20*ms; got '" + text + "'");
    return {text.substr(0, eq), text.substr(eq + 1)};
}

double takeTime(CliArgs& args, const std::string& option, const std::string& fallback) {
    const std::string text = args.take(option).value_or(fallback);
    const Quantity q = parseQuantity(text, option);
    if (!(q.dimension == Dimension::base(Dimension::Second)))
        throw UsageError("--" + option + " must be a time such as 0.1*ms, got '" + text + "'");
    return q.value;
}

CatalogueEntry findModel(const std::string& name) {
    const bool looksLikeFile =
        name.find('/') != std::string::npos || (name.size() > 5 && name.substr(name.size() - 5) == ".json");
    if (looksLikeFile || std::filesystem::exists(name)) return ModelCatalogue::loadFile(name);
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    if (const CatalogueEntry* e = catalogue.find(name)) return *e;
    std::string known;
    for (const auto& e : catalogue.entries()) known += (known.empty() ? "" : ", ") + e.id;
    throw UsageError("no model '" + name + "' in the catalogue (" + (known.empty() ? "catalogue is empty" : known) +
                     ") and no such file");
}

} // namespace

ModelRun takeModelRun(CliArgs& args) {
    CatalogueEntry entry;
    if (auto name = args.take("model")) entry = findModel(*name);
    if (auto eq = args.take("equations")) entry.spec.equations = *eq;
    if (auto th = args.take("threshold")) entry.spec.threshold = *th;
    if (auto rs = args.take("reset")) entry.spec.reset = *rs;
    if (auto rf = args.take("refractory")) entry.spec.refractory = *rf;
    if (entry.spec.equations.empty()) throw UsageError("no model: give --model NAME|FILE or --equations TEXT");
    if (entry.id.empty()) entry.id = entry.spec.name = "model";
    for (const auto& p : args.takeAll("param")) {
        auto [name, value] = splitAssignment(p, "param");
        entry.spec.setParameter(name, value);
    }
    for (const auto& p : args.takeAll("init")) {
        auto [name, value] = splitAssignment(p, "init");
        entry.spec.setInitialValue(name, value);
    }
    if (auto m = args.take("method")) entry.spec.method = *m;

    ModelRun run{entry, NeuronModel::compile(entry.spec), {}};
    SimulationSettings& s = run.settings;
    s.method = entry.spec.method;
    s.dt = takeTime(args, "dt", entry.dt);
    s.duration = takeTime(args, "duration", entry.duration);
    s.drive = args.take("drive").value_or(entry.drive);
    const std::string protocol = args.take("protocol").value_or(entry.protocol);
    if (!protocol.empty()) s.protocol = Protocol::parse(protocol);
    s.recordEvery = entry.recordEvery;
    if (auto every = args.take("record-every")) s.recordEvery = parseInt(*every, "record-every");
    if (auto seed = args.take("seed")) s.seed = static_cast<std::uint64_t>(parseInt(*seed, "seed"));
    if (auto engine = args.take("engine")) {
        if (*engine == "auto")
            s.nativeCode = NativeCode::Auto;
        else if (*engine == "native")
            s.nativeCode = NativeCode::Always;
        else if (*engine == "interpreter")
            s.nativeCode = NativeCode::Never;
        else
            throw std::runtime_error("--engine must be auto, native or interpreter, got '" + *engine + "'");
    }
    return run;
}

const char* modelOptionsHelp() {
    return "model options:\n"
           "  --model NAME|FILE       catalogue id (see 'scstudio-cli models') or a model .json file\n"
           "  --equations TEXT        Brian2 equations (with --threshold, --reset, --refractory)\n"
           "  --param NAME=VALUE      set a parameter, with units: --param tau=20*ms (repeatable)\n"
           "  --init NAME=VALUE       initial value of a state variable (repeatable)\n"
           "  --drive NAME            the parameter the protocol drives (default I)\n"
           "  --protocol TEXT         e.g. 'step amplitude=2*nA start=20*ms stop=180*ms'\n"
           "                          kinds: constant step ramp sine pulse_train noise\n"
           "  --method M              euler rk2 rk4 exponential_euler exact (default: Brian2's choice)\n"
           "  --dt T --duration T     times with units, e.g. --dt 0.05*ms --duration 1*second\n"
           "  --record-every N        record states every N steps\n"
           "  --seed N                seed for rand(), randn() and noise\n"
           "  --engine E              auto (default), native (compile the step now) or interpreter;\n"
           "                          native steps cover single runs with euler, rk2 and rk4\n";
}

} // namespace scs::cli
