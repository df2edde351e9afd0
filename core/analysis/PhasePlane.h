// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — 2-D phase plane: vector field, nullclines, fixed points and a trajectory.
#pragma once

#include "analysis/MarchingSquares.h"
#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// The plane of states x and y; every other state is held at its initial value (or at the value
/// given in `fixedStates`) while the field is evaluated. Ranges are SI; when min >= max on an axis,
/// the range is taken from the trajectory, padded by 20 %.
struct PhasePlaneSettings {
    std::string xState; // default: first state
    std::string yState; // default: second state
    double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
    std::size_t fieldPoints = 21;     // vector-field grid per axis
    std::size_t nullclinePoints = 81; // finer grid for the contours per axis
    std::vector<std::pair<std::string, double>> fixedStates; // SI
    /// Drive value (SI) while evaluating the field; empty: base overrides, or the protocol at t = 0.
    std::optional<double> driveValue;
    bool trajectory = true;   // simulate `base` (with resets) and return x(t), y(t)
    bool fixedPoints = true;  // intersect the nullclines, refine by Newton, classify
    int threads = 0;
};

/// A point where dx/dt = dy/dt = 0, classified by the Jacobian's trace and determinant.
struct FixedPoint {
    double x = 0, y = 0;
    std::string type; // "stable_node", "unstable_node", "stable_focus", "unstable_focus", "saddle", "center"
    double trace = 0, determinant = 0;
    double eigenReal[2] = {0, 0};
    double eigenImag[2] = {0, 0};
};

struct PhasePlaneResult {
    std::string xState, yState;
    std::string xUnit, yUnit; // SI dimension names
    std::vector<double> fieldX, fieldY;  // grid axes
    std::vector<double> dxdt, dydt;      // [j * fieldX.size() + i], SI per second; NaN if undefined
    std::vector<double> contourX, contourY; // finer grid axes used for the nullclines
    std::vector<Polyline> xNullcline;    // dx/dt = 0
    std::vector<Polyline> yNullcline;    // dy/dt = 0
    std::vector<FixedPoint> fixedPoints;
    std::vector<double> trajectoryTime, trajectoryX, trajectoryY;
    std::string trajectoryError; // "" or why the trajectory run failed
};

/// Throws AnalysisError (bad state names, fewer than 2 states, grid < 2), JobCancelled.
PhasePlaneResult runPhasePlane(const NeuronModel& model, const SimulationSettings& base,
                               const PhasePlaneSettings& settings, JobContext* job = nullptr);

/// Classifies the 2x2 Jacobian [[a, b], [c, d]].
FixedPoint classifyFixedPoint(double x, double y, double a, double b, double c, double d);

nlohmann::json toJson(const PhasePlaneResult& r);

} // namespace scs
