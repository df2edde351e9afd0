// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — turns engine results into the plain data the widgets draw (display units).
#pragma once

#include "PlaygroundDocument.h"

#include "ParameterPanel.h"
#include "PlotData.h"

#include "analysis/PhasePlane.h"
#include "ode/Simulation.h"
#include "units/Quantity.h"

#include <QString>

#include <optional>

namespace scs::ui {

/// Pure functions: no widgets, no document changes, safe to test without a window.
namespace presenter {

/// Display unit and scale (SI per unit) for a state or parameter of `model`, by name; falls
/// back to the engine's preferred unit for `dimension`.
scs::DisplayUnit unitFor(const scs::NeuronModel& model, const std::string& name, const scs::Dimension& dimension);

/// Traces in display units and milliseconds; the drive row uses the drive parameter's unit.
TraceData traces(const scs::SimulationResult& result, const scs::NeuronModel& model, const std::string& drive);

/// Trajectory from the run, field and nullclines from the phase-plane analysis (may be null).
PhasePlaneData phasePlane(const scs::SimulationResult& result, const scs::PhasePlaneResult* analysis,
                          const scs::NeuronModel& model, const std::string& xState, const std::string& yState);

/// Slider rows for every parameter except the driven one (when a protocol drives it).
QVector<ParameterRow> parameterRows(const scs::NeuronModel& model, const scs::CatalogueEntry& entry,
                                    const std::string& drivenParameter);

/// Text for a new parameter value (SI) in the unit it is shown in: "-62.5*mV", "0.02". When the
/// display unit cannot be written as a unit name, the value is written relative to `oldText`.
std::string parameterText(double value, const ParameterRow& row, const std::string& oldText, double oldValue);

/// Run settings from the document's texts. Throws scs::ModelError / std::runtime_error with a
/// message for the user when a text is invalid.
scs::SimulationSettings settings(const PlaygroundState& state, const scs::NeuronModel& model);

} // namespace presenter
} // namespace scs::ui
