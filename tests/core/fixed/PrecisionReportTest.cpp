// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — fixed-point units and the precision report.
#include "fixed/PrecisionReport.h"
#include "fixed/UnitScaling.h"

#include "models/ModelCatalogue.h"
#include "units/UnitRegistry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace scs;
using namespace scs::fixed;

namespace {

Dimension volt() {
    return Dimension::base(Dimension::Kilogram) * Dimension::base(Dimension::Metre, 2) /
           Dimension::base(Dimension::Second, 3) / Dimension::base(Dimension::Ampere);
}

const QuantityPrecision& row(const PrecisionReport& r, const std::string& name) {
    const auto it =
        std::find_if(r.rows.begin(), r.rows.end(), [&](const QuantityPrecision& q) { return q.name == name; });
    if (it == r.rows.end()) throw std::runtime_error("no row " + name);
    return *it;
}

bool mentions(const PrecisionReport& r, const std::string& part) {
    return std::any_of(r.risks.begin(), r.risks.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

ModelSpec lif() {
    ModelSpec s;
    s.equations = "dv/dt = (El - v + R*I)/tau : volt\nI : amp";
    s.threshold = "v > -50*mV";
    s.reset = "v = El";
    s.parameters = {{"El", "-65*mV"}, {"R", "10*Mohm"}, {"tau", "10*ms"}, {"I", "2*nA"}};
    s.initialValues = {{"v", "-65*mV"}};
    return s;
}

SimulationSettings settings(double dt = 1e-4) {
    SimulationSettings s;
    s.dt = dt;
    s.duration = 0.1;
    return s;
}

} // namespace

TEST(UnitScalingTest, TheUnitSystemIsMillivoltMillisecondNanoampAndCoherent) {
    const Dimension V = volt(), s = Dimension::base(Dimension::Second), A = Dimension::base(Dimension::Ampere);
    EXPECT_DOUBLE_EQ(fixedScale(V), 1e-3);
    EXPECT_DOUBLE_EQ(fixedScale(s), 1e-3);
    EXPECT_DOUBLE_EQ(fixedScale(A), 1e-9);
    EXPECT_DOUBLE_EQ(fixedScale(A / V), 1e-6) << "siemens -> uS";
    EXPECT_DOUBLE_EQ(fixedScale(A * s / V), 1e-9) << "farad -> nF";
    EXPECT_DOUBLE_EQ(fixedScale(V / A), 1e6) << "ohm -> Mohm";
    EXPECT_EQ(fixedUnitName(V), "mV");
    EXPECT_EQ(fixedUnitName(A / V), "uS");
    EXPECT_EQ(fixedUnitName(A / Dimension::base(Dimension::Metre, 2)), "nA/cm2");
    EXPECT_EQ(fixedUnitName(Dimension()), "1");
    // Coherence: the scale of a product is the product of the scales, for any dimensions, so
    // equations need no conversion constants.
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> exponent(-3, 3);
    for (int i = 0; i < 200; ++i) {
        Dimension a, b;
        for (int base = 0; base < Dimension::Count; ++base) {
            a = a * Dimension::base(Dimension::Base(base), exponent(rng));
            b = b * Dimension::base(Dimension::Base(base), exponent(rng));
        }
        ASSERT_NEAR(fixedScale(a * b) / (fixedScale(a) * fixedScale(b)), 1.0, 1e-12);
    }
}

TEST(PrecisionReportTest, ALifFitsQ88AndTheReportGivesItsNumbersInMillivolts) {
    const NeuronModel model = NeuronModel::compile(lif());
    const PrecisionReport r = precisionReport(model, settings(), FixedContract{QFormat::parse("Q8.8")});
    EXPECT_TRUE(r.fits()) << r.text();
    EXPECT_EQ(row(r, "El").unit, "mV");
    EXPECT_DOUBLE_EQ(row(r, "El").value, -65.0);
    EXPECT_EQ(row(r, "R").unit, "Mohm");
    EXPECT_EQ(row(r, "I").unit, "nA");
    const QuantityPrecision& v = row(r, "v");
    EXPECT_NEAR(v.low, -65.0, 1e-9);
    EXPECT_GT(v.high, -51.0) << "the float run climbs to the threshold";
    EXPECT_TRUE(v.inRange);
    // dt = 0.1 ms = 25.6 LSB of Q8.8: truncated to 25 LSB, 2.3 % short, which the report says.
    const QuantityPrecision& dt = row(r, "dt");
    EXPECT_DOUBLE_EQ(dt.quantized, 25.0 / 256);
    EXPECT_NEAR(dt.relError, 0.6 / 25.6, 1e-12);
    EXPECT_TRUE(mentions(r, "dt: 0.1 ms becomes"));
    const PrecisionReport wide = precisionReport(model, settings(), FixedContract{QFormat::parse("Q16.16")});
    EXPECT_FALSE(mentions(wide, "dt:")) << "16 fraction bits hold 0.1 ms to 0.0015 %";
}

TEST(PrecisionReportTest, ValuesOutsideTheRangeOrBelowOneLsbAreRisks) {
    ModelSpec spec = lif();
    spec.equations += "\nbig : volt\ntiny : volt";
    spec.parameters.push_back({"big", "500*mV"});
    spec.parameters.push_back({"tiny", "1*uV"});
    const PrecisionReport r =
        precisionReport(NeuronModel::compile(spec), settings(), FixedContract{QFormat::parse("Q8.8")});
    EXPECT_FALSE(r.fits());
    EXPECT_EQ(r.fatalRisks, 2) << r.text();
    EXPECT_TRUE(mentions(r, "big: 500 mV is outside Q8.8")) << r.text();
    EXPECT_TRUE(mentions(r, "tiny: 0.001 mV is below one LSB")) << r.text();
    EXPECT_FALSE(row(r, "big").inRange);
    EXPECT_LT(row(r, "big").headroomBits, 0);
}

TEST(PrecisionReportTest, AStateLeavingANarrowFormatIsFoundByTheFloatRun) {
    const scs::ModelCatalogue catalogue = scs::ModelCatalogue::loadDefault();
    const scs::CatalogueEntry* rs = catalogue.find("izhikevich_rs");
    ASSERT_NE(rs, nullptr);
    SimulationSettings s = settings(5e-5);
    s.protocol = Protocol::parse(rs->protocol);
    const PrecisionReport r =
        precisionReport(NeuronModel::compile(rs->spec), s, FixedContract{QFormat::parse("Q4.12"), Overflow::Wrap});
    EXPECT_FALSE(row(r, "v").inRange);
    EXPECT_TRUE(mentions(r, "v: visits")) << r.text();
    EXPECT_TRUE(mentions(r, "it would wrap around")) << r.text();
}

TEST(PrecisionReportTest, DtBelowOneLsbIsFatal) {
    const PrecisionReport r =
        precisionReport(NeuronModel::compile(lif()), settings(1e-6), FixedContract{QFormat::parse("Q8.8")});
    EXPECT_FALSE(r.fits());
    EXPECT_TRUE(mentions(r, "dt: 0.001 ms is below one LSB")) << r.text();
}
