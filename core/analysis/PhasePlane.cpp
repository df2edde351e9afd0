// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — phase plane: field on grids (parallel rows), marching-squares nullclines,
// Newton-refined fixed points.
#include "analysis/PhasePlane.h"

#include "analysis/AnalysisSupport.h"
#include "analysis/DerivativeEvaluator.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <complex>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace scs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Plane {
    const DerivativeEvaluator& eval;
    std::vector<double> state; // the held values of every state
    std::size_t xi, yi;

    bool at(double x, double y, double& fx, double& fy) const {
        std::vector<double> s = state, out;
        s[xi] = x;
        s[yi] = y;
        const bool ok = eval.evaluate(s, out);
        fx = out[xi];
        fy = out[yi];
        return ok;
    }
};

// f_x and f_y on xs x ys ([j * nx + i]); rows in parallel; each point is independent, so the
// result does not depend on the thread count.
void evaluateGrid(const Plane& plane, const std::vector<double>& xs, const std::vector<double>& ys, int threads,
                  JobContext* job, double from, double to, std::vector<double>& fx, std::vector<double>& fy) {
    const std::size_t nx = xs.size(), ny = ys.size();
    fx.assign(nx * ny, kNaN);
    fy.assign(nx * ny, kNaN);
    std::atomic<std::size_t> nextRow{0}, doneRows{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&](bool reporter) {
        try {
            for (std::size_t j; (j = nextRow++) < ny;) {
                if (job && job->isCancelled()) return;
                for (std::size_t i = 0; i < nx; ++i) plane.at(xs[i], ys[j], fx[j * nx + i], fy[j * nx + i]);
                const std::size_t done = ++doneRows;
                if (reporter)
                    reportProgress(job, from + (to - from) * static_cast<double>(done) / static_cast<double>(ny),
                                   "phase plane");
            }
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure) failure = std::current_exception();
            nextRow = ny; // stop the other workers
        }
    };
    unsigned n = threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<std::size_t>(n, ny));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, false);
    work(true);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    checkCancelled(job);
}

bool jacobian(const Plane& p, double x, double y, double hx, double hy, double J[4]) {
    double a1, b1, a2, b2, c1, d1, c2, d2;
    if (!p.at(x + hx, y, a1, c1) || !p.at(x - hx, y, a2, c2) || !p.at(x, y + hy, b1, d1) || !p.at(x, y - hy, b2, d2))
        return false;
    J[0] = (a1 - a2) / (2 * hx); // dfx/dx
    J[1] = (b1 - b2) / (2 * hy); // dfx/dy
    J[2] = (c1 - c2) / (2 * hx); // dfy/dx
    J[3] = (d1 - d2) / (2 * hy); // dfy/dy
    return std::isfinite(J[0] + J[1] + J[2] + J[3]);
}

// Newton from (x, y); stays put (returns false) if it fails or wanders more than a cell away.
bool refine(const Plane& p, double& x, double& y, double cellX, double cellY) {
    const double x0 = x, y0 = y, hx = 1e-4 * cellX, hy = 1e-4 * cellY;
    double cx = x, cy = y;
    for (int it = 0; it < 20; ++it) {
        double fx, fy, J[4];
        if (!p.at(cx, cy, fx, fy) || !jacobian(p, cx, cy, hx, hy, J)) return false;
        const double det = J[0] * J[3] - J[1] * J[2];
        if (det == 0 || !std::isfinite(det)) return false;
        const double dx = -(J[3] * fx - J[1] * fy) / det;
        const double dy = -(-J[2] * fx + J[0] * fy) / det;
        cx += dx;
        cy += dy;
        if (std::abs(cx - x0) > cellX || std::abs(cy - y0) > cellY) return false;
        if (std::abs(dx) < 1e-10 * cellX && std::abs(dy) < 1e-10 * cellY) break;
    }
    x = cx;
    y = cy;
    return true;
}

std::vector<FixedPoint> findFixedPoints(const Plane& plane, const std::vector<ContourSegment>& xs,
                                        const std::vector<ContourSegment>& ys, double cellX, double cellY) {
    std::unordered_map<std::size_t, std::vector<const ContourSegment*>> byCell;
    for (const auto& s : xs) byCell[s.cell].push_back(&s);
    std::vector<FixedPoint> found;
    for (const auto& b : ys) {
        auto it = byCell.find(b.cell);
        if (it == byCell.end()) continue;
        for (const ContourSegment* a : it->second) {
            // a0 + t (a1 - a0) = b0 + u (b1 - b0)
            const double rx = a->x1 - a->x0, ry = a->y1 - a->y0, sx = b.x1 - b.x0, sy = b.y1 - b.y0;
            const double denom = rx * sy - ry * sx;
            if (denom == 0) continue;
            const double qx = b.x0 - a->x0, qy = b.y0 - a->y0;
            const double t = (qx * sy - qy * sx) / denom, u = (qx * ry - qy * rx) / denom;
            if (t < -1e-9 || t > 1 + 1e-9 || u < -1e-9 || u > 1 + 1e-9) continue;
            double x = a->x0 + t * rx, y = a->y0 + t * ry;
            refine(plane, x, y, cellX, cellY);
            const bool duplicate = std::any_of(found.begin(), found.end(), [&](const FixedPoint& f) {
                return std::abs(f.x - x) < 0.5 * cellX && std::abs(f.y - y) < 0.5 * cellY;
            });
            if (duplicate) continue;
            double J[4];
            if (!jacobian(plane, x, y, 1e-4 * cellX, 1e-4 * cellY, J)) continue;
            found.push_back(classifyFixedPoint(x, y, J[0], J[1], J[2], J[3]));
        }
    }
    return found;
}

void autoRange(const std::vector<double>& v, double& lo, double& hi) {
    if (lo < hi) return;
    if (v.empty()) throw AnalysisError("phase plane: give an axis range (the trajectory is empty)");
    const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
    double pad = 0.2 * (*mx - *mn);
    if (!(pad > 0)) pad = *mn != 0 ? 0.5 * std::abs(*mn) : 1.0;
    lo = *mn - pad;
    hi = *mx + pad;
}

} // namespace

FixedPoint classifyFixedPoint(double x, double y, double a, double b, double c, double d) {
    FixedPoint f;
    f.x = x;
    f.y = y;
    f.trace = a + d;
    f.determinant = a * d - b * c;
    const std::complex<double> disc = std::sqrt(std::complex<double>(f.trace * f.trace - 4 * f.determinant));
    const std::complex<double> l1 = 0.5 * (f.trace + disc), l2 = 0.5 * (f.trace - disc);
    f.eigenReal[0] = l1.real();
    f.eigenReal[1] = l2.real();
    f.eigenImag[0] = l1.imag();
    f.eigenImag[1] = l2.imag();
    const double scale = std::abs(a) + std::abs(b) + std::abs(c) + std::abs(d);
    if (f.determinant < 0) f.type = "saddle";
    else if (std::abs(f.trace) <= 1e-9 * scale) f.type = "center";
    else if (f.trace * f.trace - 4 * f.determinant >= 0) f.type = f.trace < 0 ? "stable_node" : "unstable_node";
    else f.type = f.trace < 0 ? "stable_focus" : "unstable_focus";
    return f;
}

PhasePlaneResult runPhasePlane(const NeuronModel& model, const SimulationSettings& base, const PhasePlaneSettings& s,
                               JobContext* job) {
    const auto& states = model.states();
    if (states.size() < 2) throw AnalysisError("phase plane: the model needs at least 2 state variables");
    PhasePlaneResult r;
    r.xState = s.xState.empty() ? states[0].name : s.xState;
    r.yState = s.yState.empty() ? states[1].name : s.yState;
    const std::size_t xi = requireState(model, r.xState, "phase plane x axis");
    const std::size_t yi = requireState(model, r.yState, "phase plane y axis");
    if (xi == yi) throw AnalysisError("phase plane: the x and y axes must be different states");
    if (s.fieldPoints < 2 || s.nullclinePoints < 2)
        throw AnalysisError("phase plane: the grids need at least 2 points per axis");
    checkTiming(base, 0);
    r.xUnit = states[xi].dimension.toString();
    r.yUnit = states[yi].dimension.toString();

    SimulationSettings fieldBase = base;
    if (s.driveValue) {
        requireParameter(model, base.drive, "phase plane drive");
        fieldBase.protocol.reset();
        fieldBase.parameterOverrides.emplace_back(base.drive, *s.driveValue);
    }
    std::vector<double> held = model.initialState();
    for (const auto& [name, value] : base.initialOverrides) held[requireState(model, name, "initial value")] = value;
    for (const auto& [name, value] : s.fixedStates) held[requireState(model, name, "held state")] = value;

    double xMin = s.xMin, xMax = s.xMax, yMin = s.yMin, yMax = s.yMax;
    if (s.trajectory || !(xMin < xMax) || !(yMin < yMax)) {
        try {
            SimulationResult run = runSingle(model, base, job, 0, 0.1, "phase plane trajectory");
            r.trajectoryTime = run.time;
            r.trajectoryX = run.traces[xi];
            r.trajectoryY = run.traces[yi];
        } catch (const SimulationError& e) {
            r.trajectoryError = e.what();
        }
        autoRange(r.trajectoryX, xMin, xMax);
        autoRange(r.trajectoryY, yMin, yMax);
        if (!s.trajectory) r.trajectoryTime.clear(), r.trajectoryX.clear(), r.trajectoryY.clear();
    }

    DerivativeEvaluator eval(model, fieldBase);
    Plane plane{eval, held, xi, yi};
    r.fieldX = linearGrid(xMin, xMax, s.fieldPoints);
    r.fieldY = linearGrid(yMin, yMax, s.fieldPoints);
    evaluateGrid(plane, r.fieldX, r.fieldY, s.threads, job, 0.1, 0.3, r.dxdt, r.dydt);

    r.contourX = linearGrid(xMin, xMax, s.nullclinePoints);
    r.contourY = linearGrid(yMin, yMax, s.nullclinePoints);
    std::vector<double> fx, fy;
    evaluateGrid(plane, r.contourX, r.contourY, s.threads, job, 0.3, 0.95, fx, fy);
    std::vector<ContourSegment> segX, segY;
    r.xNullcline = zeroContours(r.contourX, r.contourY, fx, &segX);
    r.yNullcline = zeroContours(r.contourX, r.contourY, fy, &segY);
    if (s.fixedPoints) {
        const double cellX = (xMax - xMin) / static_cast<double>(s.nullclinePoints - 1);
        const double cellY = (yMax - yMin) / static_cast<double>(s.nullclinePoints - 1);
        r.fixedPoints = findFixedPoints(plane, segX, segY, cellX, cellY);
    }
    reportProgress(job, 1.0, "phase plane done");
    return r;
}

nlohmann::json toJson(const PhasePlaneResult& r) {
    auto lines = [](const std::vector<Polyline>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& p : v) a.push_back({{"x", p.x}, {"y", p.y}});
        return a;
    };
    nlohmann::json fps = nlohmann::json::array();
    for (const auto& f : r.fixedPoints)
        fps.push_back({{"x", f.x}, {"y", f.y}, {"type", f.type}, {"trace", f.trace}, {"determinant", f.determinant},
                       {"eigen_real", {f.eigenReal[0], f.eigenReal[1]}},
                       {"eigen_imag", {f.eigenImag[0], f.eigenImag[1]}}});
    return {{"kind", "phase_plane"},
            {"x_state", r.xState},
            {"y_state", r.yState},
            {"x_unit", r.xUnit},
            {"y_unit", r.yUnit},
            {"field_x", r.fieldX},
            {"field_y", r.fieldY},
            {"dxdt", r.dxdt},
            {"dydt", r.dydt},
            {"x_nullcline", lines(r.xNullcline)},
            {"y_nullcline", lines(r.yNullcline)},
            {"fixed_points", fps},
            {"trajectory_time", r.trajectoryTime},
            {"trajectory_x", r.trajectoryX},
            {"trajectory_y", r.trajectoryY},
            {"trajectory_error", r.trajectoryError}};
}

} // namespace scs
