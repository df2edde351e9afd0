// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — random projects for the project store tests: every document type, awkward numbers and texts.
#include "ProjectTestSupport.h"

#include "util/Sha256.h"

#include "core/network/NetworkJsonFixtures.h"

#include <cstring>
#include <limits>

namespace scs::project::test {

namespace {

template <class T>
const T& pick(Rng& rng, const std::vector<T>& items) {
    return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

int uniformInt(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
bool coin(Rng& rng) { return uniformInt(rng, 0, 1) == 1; }

double fromBits(std::uint64_t bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

/// A JSON value of numbers, texts and nesting, as analysis settings and payloads hold.
nlohmann::json randomJson(Rng& rng, int depth) {
    nlohmann::json j = nlohmann::json::object();
    const int fields = uniformInt(rng, 0, 5);
    for (int i = 0; i < fields; ++i) {
        const std::string key = "k" + std::to_string(i) + "_" + randomText(rng, 6);
        switch (uniformInt(rng, 0, 5)) {
        case 0:
            j[key] = randomDouble(rng, true);
            break;
        case 1:
            j[key] = static_cast<std::int64_t>(rng());
            break;
        case 2:
            j[key] = randomText(rng);
            break;
        case 3:
            j[key] = coin(rng);
            break;
        case 4: {
            nlohmann::json a = nlohmann::json::array();
            for (int n = uniformInt(rng, 0, 6); n > 0; --n) a.push_back(randomDouble(rng, true));
            j[key] = a;
            break;
        }
        default:
            j[key] = depth > 0 ? randomJson(rng, depth - 1) : nlohmann::json(nullptr);
            break;
        }
    }
    return j;
}

std::string identifier(Rng& rng) {
    static const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    std::string s;
    for (int n = uniformInt(rng, 1, 8); n > 0; --n)
        s += letters[std::size_t(uniformInt(rng, 0, int(letters.size()) - 1))];
    return s;
}

/// A catalogue model as a user leaves it after editing: other values, hints, initial values, settings.
scs::CatalogueEntry randomModel(Rng& rng) {
    scs::CatalogueEntry e = pick(rng, catalogue().entries());
    static const std::vector<std::string> units{"mV", "ms", "nA", "pF", "nS", "Mohm", ""};
    for (auto& [name, value] : e.spec.parameters) {
        if (coin(rng)) continue;
        const std::string& unit = pick(rng, units);
        value =
            coin(rng) ? std::to_string(randomDouble(rng, true)) + (unit.empty() ? "" : "*" + unit) : randomText(rng);
    }
    for (auto& r : e.ranges)
        if (coin(rng)) r.hint = "hint " + randomText(rng); // never all-empty: that range would not be saved
    if (coin(rng)) e.spec.setParameter("extra_" + identifier(rng), randomText(rng));
    for (auto& [state, value] : e.spec.initialValues)
        if (coin(rng)) value = randomText(rng);
    e.name = randomText(rng);
    e.description = randomText(rng, 80);
    e.protocol = coin(rng) ? "" : "step amplitude=" + std::to_string(uniformInt(rng, -5, 5)) + "*nA";
    e.spec.method = pick(rng, std::vector<std::string>{"", "euler", "rk4", "exponential_euler"});
    e.dt = randomText(rng, 8);
    e.recordEvery = uniformInt(rng, 1, 4);
    if (coin(rng)) e.tags.push_back(randomText(rng));
    return e;
}

} // namespace

const scs::ModelCatalogue& catalogue() {
    static const scs::ModelCatalogue c = scs::ModelCatalogue::loadDefault();
    return c;
}

double randomDouble(Rng& rng, bool finite) {
    const std::uint64_t sign = coin(rng) ? 0x8000000000000000ull : 0;
    const std::uint64_t mantissa = rng() & 0x000fffffffffffffull;
    switch (uniformInt(rng, 0, finite ? 7 : 9)) {
    case 0:
        return -0.0;
    case 1:
        return fromBits(sign | (mantissa ? mantissa : 1)); // denormal
    case 2:
        return pick(rng,
                    std::vector<double>{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                                        std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min()});
    case 3:
        return fromBits(sign | (std::uint64_t(uniformInt(rng, 1900, 2046)) << 52) | mantissa); // huge
    case 4:
        return fromBits(sign | (std::uint64_t(uniformInt(rng, 1, 100)) << 52) | mantissa); // tiny
    case 5:
    case 6:
        return std::uniform_real_distribution<double>(-100.0, 100.0)(rng);
    case 7: {
        std::uint64_t bits = rng();
        if ((bits >> 52 & 0x7ff) == 0x7ff) bits &= ~(1ull << 62); // any finite pattern
        return fromBits(bits);
    }
    case 8:
        return fromBits(sign | 0x7ff0000000000000ull | (mantissa ? mantissa : 1)); // NaN, any payload
    default:
        return sign ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
}

std::string randomText(Rng& rng, std::size_t maxLength) {
    static const std::vector<std::string> pieces{"a",
                                                 "Z",
                                                 "0",
                                                 " ",
                                                 "\"",
                                                 "\\",
                                                 "{",
                                                 "}",
                                                 "[",
                                                 "]",
                                                 "'",
                                                 "\n",
                                                 "\t",
                                                 "\x01",
                                                 "*",
                                                 "/",
                                                 "\xc2\xb5",
                                                 "\xce\xa9",
                                                 "\xe2\x86\x92",
                                                 "\xf0\x9f\x98\x80",
                                                 "mV",
                                                 "ms",
                                                 "--",
                                                 ";"};
    std::string s;
    for (std::size_t n = std::uniform_int_distribution<std::size_t>(0, maxLength)(rng); n > 0; --n)
        s += pick(rng, pieces);
    return s;
}

RunData randomRunData(Rng& rng) {
    static const std::vector<std::string> names{"v", "t", "w", "u", "g_syn"};
    static const std::vector<std::string> units{"volt", "second", "", "amp", "siemens"};
    RunData d;
    for (int n = uniformInt(rng, 0, 3); n > 0; --n) {
        Trace t{pick(rng, names), pick(rng, units), {}};
        for (int i = uniformInt(rng, 0, 200); i > 0; --i) t.values.push_back(randomDouble(rng));
        d.traces.push_back(std::move(t));
    }
    if (coin(rng)) {
        for (int i = uniformInt(rng, 1, 300); i > 0; --i) {
            d.spikeIndex.push_back(static_cast<std::int32_t>(static_cast<std::uint32_t>(rng())));
            d.spikeTimes.push_back(randomDouble(rng));
        }
        d.spikeIndex.front() = std::numeric_limits<std::int32_t>::min();
        d.spikeIndex.back() = std::numeric_limits<std::int32_t>::max();
    }
    if (uniformInt(rng, 0, 2) != 0) d.payload = randomJson(rng, 2);
    for (int n = uniformInt(rng, -1, 2); n > 0; --n) { // a network run's spikes per population
        scs::PopulationSpikes p{identifier(rng), randomText(rng), uniformInt(rng, 0, 100000), {}, {}};
        for (int i = uniformInt(rng, 0, 400); i > 0; --i) {
            p.steps.push_back(static_cast<std::int32_t>(static_cast<std::uint32_t>(rng())));
            p.neurons.push_back(static_cast<std::int32_t>(static_cast<std::uint32_t>(rng())));
        }
        d.populationSpikes.push_back(std::move(p));
    }
    return d;
}

Run randomRun(Rng& rng, std::int64_t documentId) {
    Run r;
    r.documentId = documentId;
    r.manifest.kind = coin(rng) ? "simulation" : "analysis:fi_curve";
    r.manifest.label = randomText(rng);
    r.manifest.createdAt =
        "2026-0" + std::to_string(uniformInt(rng, 1, 9)) + "-1" + std::to_string(uniformInt(rng, 0, 9)) + "T10:00:00Z";
    r.manifest.engineVersion = "0." + std::to_string(uniformInt(rng, 1, 9)) + ".0";
    r.manifest.inputsSha256 = scs::sha256Hex(randomText(rng));
    r.manifest.summary = randomJson(rng, 1);
    r.data = std::make_shared<const RunData>(randomRunData(rng));
    return r;
}

Project randomProject(Rng& rng) {
    Project p;
    for (int n = uniformInt(rng, 1, 3); n > 0; --n) {
        Document d;
        d.type = doctype::playground;
        d.playground = playgroundFromCatalogue(randomModel(rng));
        d.playground.title = randomText(rng);
        SimulationSection& s = d.playground.simulation;
        s.dt = randomText(rng, 8);
        s.duration = std::to_string(uniformInt(rng, 1, 1000)) + "*ms";
        s.method = randomText(rng, 6);
        s.protocol = randomText(rng);
        s.drive = identifier(rng);
        nlohmann::json fi = {{"i_min", randomDouble(rng, true)},
                             {"i_max", randomDouble(rng, true)},
                             {"points", uniformInt(rng, 2, 100)},
                             {"label", randomText(rng)}};
        d.playground.analysis = {{"selected", "fi_curve"},
                                 {"settings", {{"fi_curve", fi}, {"phase_plane", randomJson(rng, 1)}}}};
        if (coin(rng)) d.playground.extra = {{"future_panel", randomJson(rng, 1)}};
        p.addDocument(std::move(d));
    }
    for (int n = uniformInt(rng, 0, 2); n > 0; --n) {
        Document d;
        d.type = doctype::catalogueModel;
        d.model = randomModel(rng);
        d.model.id = "user_" + identifier(rng);
        d.model.spec.name = d.model.id; // a catalogue file names its spec after its id
        p.addDocument(std::move(d));
    }
    for (int n = uniformInt(rng, 0, 1); n > 0; --n) {
        Document d;
        d.type = doctype::network;
        d.network = scs::test::everyFieldNetwork();
        d.network.name = randomText(rng);
        d.network.seed = rng();
        d.network.populations[0].canvas = {randomDouble(rng, true), randomDouble(rng, true)};
        d.network.populations[1].model.equations = randomText(rng, 60);
        d.network.projections[0].connectivity.probability = randomDouble(rng, true);
        d.network.stimuli[2].protocol.amplitude = randomDouble(rng, true);
        p.addDocument(std::move(d));
    }
    {
        // A document of a type this studio does not know (a plugin's, a newer studio's).
        Document d;
        d.type = pick(rng, std::vector<std::string>{"network_graph", "synthesis_report", "plugin.spikesort.result"});
        d.kept = true;
        d.keptTitle = randomText(rng);
        switch (uniformInt(rng, 0, 3)) {
        case 0:
            d.keptBody = "<not json> " + randomText(rng, 60);
            break;
        case 1:
            d.keptBody = "{ \"nodes\" : [1, 2 ,3],\n  \"name\":" + nlohmann::json(randomText(rng)).dump() + " }";
            break;
        case 2:
            d.keptBody = nlohmann::json(randomText(rng)).dump();
            break; // a JSON string
        default:
            d.keptBody = randomJson(rng, 2).dump(3);
            break;
        }
        p.addDocument(std::move(d));
    }
    for (int n = uniformInt(rng, 0, 4); n > 0; --n) p.addRun(randomRun(rng, pick(rng, p.documents).id));
    for (const Document& d : p.documents)
        if (coin(rng)) p.view.openDocuments.push_back(d.id);
    p.view.activeDocument = p.view.openDocuments.empty() ? 0 : p.view.openDocuments.back();
    for (int n = uniformInt(rng, 0, 4); n > 0; --n) {
        const std::string key = std::to_string(pick(rng, p.documents).id) + "/" + identifier(rng);
        p.view.plotRanges[key] = PlotRange{randomDouble(rng, true), randomDouble(rng, true), randomDouble(rng, true),
                                           randomDouble(rng, true)};
    }
    if (coin(rng)) p.view.extra = {{"splitter", {randomDouble(rng, true), 0.25}}};
    p.meta["created_at"] = "2026-01-02T03:04:05Z";
    p.meta["author"] = randomText(rng);
    if (coin(rng)) p.meta["notes." + identifier(rng)] = randomText(rng, 80);
    return p;
}

} // namespace scs::project::test
