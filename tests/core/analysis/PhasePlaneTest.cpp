// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — marching squares and the phase plane: known nullclines and fixed points.
#include "AnalysisTestModels.h"

#include "analysis/AnalysisSupport.h"
#include "analysis/MarchingSquares.h"
#include "analysis/PhasePlane.h"

#include <gtest/gtest.h>

#include <chrono>
#include <algorithm>
#include <cmath>
#include <functional>
#include <thread>

namespace scs {
namespace {

using namespace scs::test;

std::vector<double> sample(const std::vector<double>& xs, const std::vector<double>& ys,
                           const std::function<double(double, double)>& f) {
    std::vector<double> v;
    for (double y : ys)
        for (double x : xs) v.push_back(f(x, y));
    return v;
}

TEST(MarchingSquares, CircleIsOneClosedCurveOnTheRadius) {
    const auto xs = linearGrid(-2, 2, 41), ys = linearGrid(-2, 2.2, 43);
    const auto lines = zeroContours(xs, ys, sample(xs, ys, [](double x, double y) { return x * x + y * y - 1; }));
    ASSERT_EQ(lines.size(), 1u);
    const Polyline& c = lines[0];
    ASSERT_GT(c.x.size(), 30u);
    EXPECT_EQ(c.x.front(), c.x.back()); // closed: ends on the edge it started from
    EXPECT_EQ(c.y.front(), c.y.back());
    for (std::size_t k = 0; k < c.x.size(); ++k) EXPECT_NEAR(std::hypot(c.x[k], c.y[k]), 1.0, 0.01);
}

TEST(MarchingSquares, LinearFieldGivesPointsExactlyOnItsLine) {
    const auto xs = linearGrid(-1, 1, 11), ys = linearGrid(-1, 1.3, 9);
    std::vector<ContourSegment> segments;
    const auto lines =
        zeroContours(xs, ys, sample(xs, ys, [](double x, double y) { return 0.3 * x - y + 0.17; }), &segments);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_FALSE(segments.empty());
    for (std::size_t k = 0; k < lines[0].x.size(); ++k)
        EXPECT_NEAR(lines[0].y[k], 0.3 * lines[0].x[k] + 0.17, 1e-12);
    // An open curve runs from one side of the box to the other.
    EXPECT_NEAR(lines[0].x.front(), -1, 1e-12);
    EXPECT_NEAR(lines[0].x.back(), 1, 1e-12);
}

TEST(MarchingSquares, TwoCurvesAndNaNHolesAreHandled) {
    const auto xs = linearGrid(-2, 2, 21), ys = linearGrid(-2, 2, 21);
    // Two vertical lines x = +-1.05; a hole of NaN cuts the right one in two.
    auto f = sample(xs, ys, [](double x, double y) {
        if (x > 0.5 && std::abs(y) < 0.3) return std::nan("");
        return x * x - 1.05 * 1.05;
    });
    const auto lines = zeroContours(xs, ys, f);
    EXPECT_EQ(lines.size(), 3u);
    for (const auto& l : lines)
        for (double x : l.x) EXPECT_NEAR(std::abs(x), 1.05, 0.02);
    EXPECT_TRUE(zeroContours(xs, ys, {1.0, 2.0}).empty()) << "mismatched sizes give nothing, not a crash";
}

TEST(PhasePlane, LinearSystemHasItsNullclinesAndAStableFocus) {
    // dx/dt = -x + 2y + 0.1, dy/dt = -2x - y + 0.3: fixed point (0.14, 0.02), eigenvalues -1 +- 2i.
    const NeuronModel model = NeuronModel::compile(linearSpec(-1, 2, 0.1, -2, -1, 0.3));
    PhasePlaneSettings s;
    s.xMin = -0.5, s.xMax = 0.7, s.yMin = -0.4, s.yMax = 0.6;
    s.fieldPoints = 7;
    s.nullclinePoints = 31;
    SimulationSettings base;
    base.dt = 1e-3;
    base.duration = 5;
    const PhasePlaneResult r = runPhasePlane(model, base, s);
    EXPECT_EQ(r.xState, "x");
    EXPECT_EQ(r.yState, "y");
    ASSERT_EQ(r.dxdt.size(), 49u);
    for (std::size_t j = 0; j < 7; ++j)
        for (std::size_t i = 0; i < 7; ++i) {
            const double x = r.fieldX[i], y = r.fieldY[j];
            EXPECT_NEAR(r.dxdt[j * 7 + i], -x + 2 * y + 0.1, 1e-9);
            EXPECT_NEAR(r.dydt[j * 7 + i], -2 * x - y + 0.3, 1e-9);
        }
    ASSERT_EQ(r.xNullcline.size(), 1u);
    ASSERT_EQ(r.yNullcline.size(), 1u);
    for (std::size_t k = 0; k < r.xNullcline[0].x.size(); ++k)
        EXPECT_NEAR(r.xNullcline[0].y[k], (r.xNullcline[0].x[k] - 0.1) / 2, 1e-9);
    for (std::size_t k = 0; k < r.yNullcline[0].x.size(); ++k)
        EXPECT_NEAR(r.yNullcline[0].y[k], 0.3 - 2 * r.yNullcline[0].x[k], 1e-9);
    ASSERT_EQ(r.fixedPoints.size(), 1u);
    const FixedPoint& f = r.fixedPoints[0];
    EXPECT_NEAR(f.x, 0.14, 1e-9);
    EXPECT_NEAR(f.y, 0.02, 1e-9);
    EXPECT_EQ(f.type, "stable_focus");
    EXPECT_NEAR(f.eigenReal[0], -1, 1e-5);
    EXPECT_NEAR(std::abs(f.eigenImag[0]), 2, 1e-5);
    // The trajectory spirals into the fixed point.
    ASSERT_FALSE(r.trajectoryX.empty());
    EXPECT_NEAR(r.trajectoryX.back(), 0.14, 1e-2);
    EXPECT_NEAR(r.trajectoryY.back(), 0.02, 1e-2);
}

TEST(PhasePlane, SaddleIsClassified) {
    // dx/dt = x - 0.2, dy/dt = -y: saddle at (0.2, 0).
    const NeuronModel model = NeuronModel::compile(linearSpec(1, 0, -0.2, 0, -1, 0));
    PhasePlaneSettings s;
    s.xMin = -0.5, s.xMax = 1, s.yMin = -1, s.yMax = 1.2;
    s.trajectory = false;
    SimulationSettings base;
    base.dt = 1e-3;
    base.duration = 1;
    const PhasePlaneResult r = runPhasePlane(model, base, s);
    EXPECT_TRUE(r.trajectoryX.empty());
    ASSERT_EQ(r.fixedPoints.size(), 1u);
    EXPECT_EQ(r.fixedPoints[0].type, "saddle");
    EXPECT_NEAR(r.fixedPoints[0].x, 0.2, 1e-9);
    EXPECT_NEAR(r.fixedPoints[0].y, 0.0, 1e-9);
    EXPECT_NEAR(r.fixedPoints[0].determinant, -1, 1e-6);
}

TEST(PhasePlane, RangesDefaultToThePaddedTrajectory) {
    const NeuronModel model = NeuronModel::compile(linearSpec(-1, 2, 0.1, -2, -1, 0.3));
    SimulationSettings base;
    base.dt = 1e-3;
    base.duration = 5;
    const PhasePlaneResult r = runPhasePlane(model, base, {});
    ASSERT_FALSE(r.trajectoryX.empty());
    const auto [xlo, xhi] = std::minmax_element(r.trajectoryX.begin(), r.trajectoryX.end());
    const auto [ylo, yhi] = std::minmax_element(r.trajectoryY.begin(), r.trajectoryY.end());
    EXPECT_NEAR(r.fieldX.front(), *xlo - 0.2 * (*xhi - *xlo), 1e-12);
    EXPECT_NEAR(r.fieldX.back(), *xhi + 0.2 * (*xhi - *xlo), 1e-12);
    EXPECT_NEAR(r.fieldY.front(), *ylo - 0.2 * (*yhi - *ylo), 1e-12);
    ASSERT_EQ(r.fixedPoints.size(), 1u);
    EXPECT_NEAR(r.fixedPoints[0].x, 0.14, 1e-9);
}

ModelSpec fitzHughNagumo(double I) {
    ModelSpec s;
    s.name = "fhn";
    s.equations = "dv/dt = (v - v**3/3 - w + I)/tau : 1\ndw/dt = eps*(v + a - b*w)/tau : 1\nI : 1";
    s.parameters = {{"a", "0.7"}, {"b", "0.8"}, {"eps", "0.08"}, {"tau", "1*ms"}, {"I", std::to_string(I)}};
    s.initialValues = {{"v", "-1.2"}, {"w", "-0.6"}};
    return s;
}

TEST(PhasePlane, FitzHughNagumoCubicNullclineAndStabilityChange) {
    PhasePlaneSettings s;
    s.xMin = -2.5, s.xMax = 2.5, s.yMin = -1, s.yMax = 2;
    s.nullclinePoints = 101;
    s.trajectory = false;
    SimulationSettings base;
    base.dt = 0.01e-3;
    base.duration = 0.05;
    for (double I : {0.0, 0.5}) {
        const NeuronModel model = NeuronModel::compile(fitzHughNagumo(0));
        s.driveValue = I; // the drive parameter I set by the analysis, not the spec
        const PhasePlaneResult r = runPhasePlane(model, base, s);
        ASSERT_FALSE(r.xNullcline.empty());
        for (const auto& line : r.xNullcline)
            for (std::size_t k = 0; k < line.x.size(); ++k) {
                const double v = line.x[k];
                EXPECT_NEAR(line.y[k], v - v * v * v / 3 + I, 0.01) << "v = " << v;
            }
        ASSERT_EQ(r.fixedPoints.size(), 1u) << "I = " << I;
        const FixedPoint& f = r.fixedPoints[0];
        // Closed form: the root of v - v^3/3 - (v + a)/b + I = 0 (bisection in the reference).
        EXPECT_NEAR(f.x, I == 0 ? -1.199408035 : -0.804847747, 1e-6);
        EXPECT_NEAR(f.y, I == 0 ? -0.624260044 : -0.131059684, 1e-6);
        EXPECT_EQ(f.type, I == 0 ? "stable_focus" : "unstable_focus");
    }
}

TEST(PhasePlane, BadInputIsAClearError) {
    const NeuronModel lif = NeuronModel::compile(lifSpec());
    EXPECT_THROW(runPhasePlane(lif, lifSettings(0.1), {}), AnalysisError) << "one state only";
    const NeuronModel model = NeuronModel::compile(linearSpec(-1, 0, 0, 0, -1, 0));
    PhasePlaneSettings s;
    s.xState = "x";
    s.yState = "x";
    EXPECT_THROW(runPhasePlane(model, lifSettings(0.1), s), AnalysisError);
    s.yState = "q";
    try {
        runPhasePlane(model, lifSettings(0.1), s);
        FAIL();
    } catch (const AnalysisError& e) {
        EXPECT_NE(std::string(e.what()).find("'q'"), std::string::npos) << e.what();
    }
}

TEST(PhasePlane, CancelStopsAFineGrid) {
    const NeuronModel model = NeuronModel::compile(fitzHughNagumo(0.5));
    PhasePlaneSettings s;
    s.xMin = -2.5, s.xMax = 2.5, s.yMin = -1, s.yMax = 2;
    s.nullclinePoints = 3000; // 9 million evaluations: far longer than the test waits
    s.trajectory = false;
    JobContext job;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        job.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    SimulationSettings base;
    EXPECT_THROW(runPhasePlane(model, base, s, &job), JobCancelled);
    canceller.join();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

} // namespace
} // namespace scs
