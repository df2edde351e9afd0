// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the bundled model catalogue: every file loads, compiles, has sane slider ranges.
#include "CatalogueTestSupport.h"

#include "expr/SourceError.h"
#include "ode/Protocol.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

namespace scs {
namespace {

using test::bundledCatalogue;
using test::bundledModelsDir;

// The models the studio promises to ship (the catalogue may hold more).
const std::vector<std::string> kRequiredIds = {
    "lif",           "if",            "eif",           "qif",           "adex",
    "izhikevich_rs", "izhikevich_ib", "izhikevich_ch", "izhikevich_fs", "hodgkin_huxley",
    "fitzhugh_nagumo", "morris_lecar", "hindmarsh_rose", "wang_buzsaki"};

const std::set<std::string> kPatterns = {"tonic", "adapting", "bursting", "irregular", "fast_spiking", "silent"};
const std::set<std::string> kCategories = {"integrate-and-fire", "quadratic",   "adaptive",
                                           "conductance-based",  "bursting",    "relaxation oscillator"};

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

/// Compiles or explains why not (every diagnostic, as the CLI prints them).
std::optional<NeuronModel> compileOrReport(const CatalogueEntry& e) {
    try {
        return NeuronModel::compile(e.spec);
    } catch (const ModelError& err) {
        std::string text;
        for (const auto& d : err.diagnostics()) text += "  " + d.format() + "\n";
        ADD_FAILURE() << e.id << " does not compile:\n" << text;
    } catch (const std::exception& err) {
        ADD_FAILURE() << e.id << " does not compile: " << err.what();
    }
    return std::nullopt;
}

TEST(CatalogueBundled, LoadsEveryFileWithoutProblems) {
    const ModelCatalogue& catalogue = bundledCatalogue();
    EXPECT_TRUE(catalogue.problems().empty()) << joined(catalogue.problems());
    const auto files = test::bundledModelIds();
    EXPECT_EQ(catalogue.entries().size(), files.size());
    EXPECT_GE(files.size(), kRequiredIds.size());
}

TEST(CatalogueBundled, ContainsTheRequiredModels) {
    for (const auto& id : kRequiredIds) EXPECT_NE(bundledCatalogue().find(id), nullptr) << "missing model " << id;
    // The classic squid-axon model ships under one of its two names.
    EXPECT_TRUE(bundledCatalogue().find("hodgkin_huxley_1952") || bundledCatalogue().find("hodgkin_huxley"));
}

TEST(CatalogueBundled, IdsAreLowerSnakeCaseUniqueAndNameTheirFile) {
    const std::regex snake("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
    std::set<std::string> seen;
    for (const auto& e : bundledCatalogue().entries()) {
        EXPECT_TRUE(std::regex_match(e.id, snake)) << "'" << e.id << "' is not lower_snake_case";
        EXPECT_TRUE(seen.insert(e.id).second) << "duplicate id " << e.id;
        EXPECT_EQ(std::filesystem::path(e.sourcePath).stem().string(), e.id) << e.sourcePath;
    }
}

TEST(CatalogueBundled, EntriesAreDocumented) {
    const std::regex year("(18|19|20)[0-9][0-9]");
    for (const auto& e : bundledCatalogue().entries()) {
        SCOPED_TRACE(e.id);
        EXPECT_FALSE(e.name.empty());
        EXPECT_TRUE(kCategories.count(e.category)) << "unknown category '" << e.category << "'";
        EXPECT_TRUE(std::regex_search(e.citation, year)) << "citation without a year: " << e.citation;
        // One paragraph: several sentences, no line breaks.
        EXPECT_GE(e.description.size(), 200u);
        EXPECT_EQ(e.description.find('\n'), std::string::npos);
        EXPECT_TRUE(kPatterns.count(e.expectedPattern)) << "unknown pattern '" << e.expectedPattern << "'";
        EXPECT_FALSE(e.tags.empty());
        EXPECT_FALSE(e.protocol.empty()) << "every entry shows its behaviour under a protocol";
    }
}

TEST(CatalogueBundled, EveryEntryCompilesWithItsStatesAndDrive) {
    for (const auto& e : bundledCatalogue().entries()) {
        SCOPED_TRACE(e.id);
        auto model = compileOrReport(e);
        if (!model) continue;
        EXPECT_TRUE(model->hasThreshold()) << "a catalogue model must say when it spikes";
        for (const auto& [state, value] : e.spec.initialValues)
            EXPECT_TRUE(model->stateIndex(state).has_value()) << "init names '" << state << "', not a state";
        // Every state starts from a written value, so no model silently starts at v = 0.
        for (const auto& s : model->states())
            EXPECT_TRUE(e.spec.initialValue(s.name).has_value()) << "no initial value for " << s.name;
        const auto drive = model->parameterIndex(e.drive);
        ASSERT_TRUE(drive.has_value()) << "drive '" << e.drive << "' is not a parameter";
        EXPECT_TRUE(model->parameters()[*drive].declared) << "the drive must be declared, e.g. 'I : amp'";
        if (!e.spec.method.empty()) {
            std::string why;
            EXPECT_TRUE(model->supportsMethod(e.spec.method, &why)) << e.spec.method << ": " << why;
        }
    }
}

TEST(CatalogueBundled, ParameterRangesBracketTheirValuesInTheParameterUnits) {
    for (const auto& e : bundledCatalogue().entries()) {
        SCOPED_TRACE(e.id);
        auto model = compileOrReport(e);
        if (!model) continue;
        // Every parameter gets a slider: a range, in its own unit, around its value.
        for (const auto& [name, valueText] : e.spec.parameters)
            EXPECT_NE(e.range(name), nullptr) << "parameter " << name << " has no range";
        for (const auto& r : e.ranges) {
            SCOPED_TRACE(r.name);
            const auto index = model->parameterIndex(r.name);
            ASSERT_TRUE(index.has_value()) << "range for unknown parameter " << r.name;
            const Dimension dim = model->parameters()[*index].dimension;
            const auto valueText = e.spec.parameter(r.name);
            ASSERT_TRUE(valueText.has_value());
            try {
                const Quantity value = parseQuantity(*valueText, r.name);
                const Quantity lo = parseQuantity(r.min, r.name);
                const Quantity hi = parseQuantity(r.max, r.name);
                EXPECT_EQ(value.dimension, dim) << *valueText << " is not in " << dim.toString();
                EXPECT_EQ(lo.dimension, dim) << "min " << r.min << " is not in " << dim.toString();
                EXPECT_EQ(hi.dimension, dim) << "max " << r.max << " is not in " << dim.toString();
                EXPECT_LT(lo.value, value.value) << r.min << " !< " << *valueText;
                EXPECT_LT(value.value, hi.value) << *valueText << " !< " << r.max;
                // The compiled model takes the value as written.
                EXPECT_DOUBLE_EQ(model->parameters()[*index].value, value.value);
            } catch (const std::exception& err) {
                ADD_FAILURE() << err.what();
            }
            EXPECT_FALSE(r.hint.empty());
        }
    }
}

TEST(CatalogueBundled, ProtocolsAndTimingAreConsistent) {
    for (const auto& e : bundledCatalogue().entries()) {
        SCOPED_TRACE(e.id);
        auto model = compileOrReport(e);
        if (!model) continue;
        try {
            const Quantity dt = parseQuantity(e.dt, "dt");
            const Quantity duration = parseQuantity(e.duration, "duration");
            EXPECT_EQ(dt.dimension, Dimension::base(Dimension::Second));
            EXPECT_EQ(duration.dimension, Dimension::base(Dimension::Second));
            EXPECT_GT(dt.value, 0.0);
            EXPECT_LE(dt.value, 0.1e-3) << "catalogue models run at dt <= 0.1 ms";
            EXPECT_GE(duration.value, 100 * dt.value);
            const Protocol p = Protocol::parse(e.protocol);
            const auto drive = model->parameterIndex(e.drive);
            ASSERT_TRUE(drive.has_value());
            // A protocol in nA for a drive in mV would be a silent unit error.
            EXPECT_EQ(p.dimension, model->parameters()[*drive].dimension)
                << "protocol in " << p.dimension.toString() << ", drive " << e.drive << " in "
                << model->parameters()[*drive].dimension.toString();
            if (p.kind == Protocol::Kind::Step) {
                EXPECT_GT(p.amplitude, 0.0);
                EXPECT_GT(p.start, 0.0) << "a step starts after a baseline, to show the model at rest";
                EXPECT_LT(p.start, p.stop);
                EXPECT_LE(p.stop, duration.value);
            }
        } catch (const std::exception& err) {
            ADD_FAILURE() << err.what();
        }
    }
}

TEST(CatalogueBundled, RoundTripsThroughJson) {
    for (const auto& e : bundledCatalogue().entries()) {
        SCOPED_TRACE(e.id);
        CatalogueEntry back;
        try {
            back = ModelCatalogue::parseEntry(ModelCatalogue::toJson(e), e.sourcePath);
        } catch (const std::exception& err) {
            ADD_FAILURE() << err.what();
            continue;
        }
        EXPECT_EQ(back.spec, e.spec);
        EXPECT_EQ(back.id, e.id);
        EXPECT_EQ(back.name, e.name);
        EXPECT_EQ(back.category, e.category);
        EXPECT_EQ(back.citation, e.citation);
        EXPECT_EQ(back.description, e.description);
        EXPECT_EQ(back.drive, e.drive);
        EXPECT_EQ(back.protocol, e.protocol);
        EXPECT_EQ(back.dt, e.dt);
        EXPECT_EQ(back.duration, e.duration);
        EXPECT_EQ(back.expectedPattern, e.expectedPattern);
        EXPECT_EQ(back.tags, e.tags);
        ASSERT_EQ(back.ranges.size(), e.ranges.size());
        for (std::size_t k = 0; k < e.ranges.size(); ++k) {
            EXPECT_EQ(back.ranges[k].name, e.ranges[k].name);
            EXPECT_EQ(back.ranges[k].min, e.ranges[k].min);
            EXPECT_EQ(back.ranges[k].max, e.ranges[k].max);
            EXPECT_EQ(back.ranges[k].hint, e.ranges[k].hint);
        }
    }
}

TEST(CatalogueBundled, SearchFindsModelsByFamilyAndBehaviour) {
    auto ids = [](const std::vector<const CatalogueEntry*>& found) {
        std::set<std::string> out;
        for (const auto* e : found) out.insert(e->id);
        return out;
    };
    const auto izhikevich = ids(bundledCatalogue().search("Izhikevich"));
    for (const char* id : {"izhikevich_rs", "izhikevich_ib", "izhikevich_ch", "izhikevich_fs"})
        EXPECT_TRUE(izhikevich.count(id)) << id;
    const auto bursting = ids(bundledCatalogue().search("bursting"));
    for (const char* id : {"izhikevich_ib", "izhikevich_ch", "hindmarsh_rose"}) EXPECT_TRUE(bursting.count(id)) << id;
    EXPECT_FALSE(bursting.count("lif"));
}

} // namespace
} // namespace scs
