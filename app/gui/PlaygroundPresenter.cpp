// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — engine results to widget data.
#include "PlaygroundPresenter.h"

#include "units/Quantity.h"
#include "units/UnitRegistry.h"

#include <cmath>
#include <limits>

namespace scs::ui::presenter {

namespace {
QVector<double> scaled(const std::vector<double>& v, double scale) {
    QVector<double> out(static_cast<qsizetype>(v.size()));
    const double inv = scale != 0 ? 1.0 / scale : 1.0;
    for (std::size_t i = 0; i < v.size(); ++i) out[static_cast<qsizetype>(i)] = v[i] * inv;
    return out;
}
QString unitLabel(const scs::DisplayUnit& u) { return QString::fromStdString(u.name); }
} // namespace

scs::DisplayUnit unitFor(const scs::NeuronModel& model, const std::string& name, const scs::Dimension& dimension) {
    for (const scs::VariableInfo& v : model.states())
        if (v.name == name) return {v.displayUnit, v.displayScale > 0 ? v.displayScale : 1.0};
    for (const scs::VariableInfo& v : model.subexpressions())
        if (v.name == name) return {v.displayUnit, v.displayScale > 0 ? v.displayScale : 1.0};
    for (const scs::ParameterInfo& p : model.parameters())
        if (p.name == name) return {p.displayUnit, p.displayScale > 0 ? p.displayScale : 1.0};
    return scs::preferredDisplayUnit(dimension);
}

TraceData traces(const scs::SimulationResult& result, const scs::NeuronModel& model, const std::string& drive) {
    TraceData d;
    d.timeUnit = QStringLiteral("ms");
    d.time = scaled(result.time, 1e-3);
    for (std::size_t i = 0; i < result.traces.size() && i < result.names.size(); ++i) {
        const scs::Dimension dim = i < result.dimensions.size() ? result.dimensions[i] : scs::Dimension();
        const scs::DisplayUnit u = unitFor(model, result.names[i], dim);
        PlotSeries s;
        s.name = QString::fromStdString(result.names[i]);
        s.unit = unitLabel(u);
        s.y = scaled(result.traces[i], u.scale);
        s.color = paletteColor(static_cast<int>(i));
        d.states.push_back(s);
    }
    if (!result.drive.empty()) {
        scs::Dimension dim;
        if (auto idx = model.parameterIndex(drive)) dim = model.parameters()[*idx].dimension;
        const scs::DisplayUnit u = unitFor(model, drive, dim);
        d.drive.name = QString::fromStdString(drive);
        d.drive.unit = unitLabel(u);
        d.drive.y = scaled(result.drive, u.scale);
    }
    d.spikeTimes = scaled(result.spikeTimes, 1e-3);
    return d;
}

PhasePlaneData phasePlane(const scs::SimulationResult& result, const scs::PhasePlaneResult* analysis,
                          const scs::NeuronModel& model, const std::string& xState, const std::string& yState) {
    PhasePlaneData d;
    const auto xi = model.stateIndex(xState), yi = model.stateIndex(yState);
    if (!xi || !yi) return d;
    const scs::VariableInfo& xv = model.states()[*xi];
    const scs::VariableInfo& yv = model.states()[*yi];
    const double xs = xv.displayScale > 0 ? xv.displayScale : 1, ys = yv.displayScale > 0 ? yv.displayScale : 1;
    auto label = [](const scs::VariableInfo& v) {
        return v.displayUnit.empty() ? QString::fromStdString(v.name)
                                     : QStringLiteral("%1 (%2)").arg(QString::fromStdString(v.name),
                                                                     QString::fromStdString(v.displayUnit));
    };
    d.xLabel = label(xv);
    d.yLabel = label(yv);
    const auto* tx = result.trace(xState);
    const auto* ty = result.trace(yState);
    if (tx && ty && tx->size() == ty->size()) {
        // A reset is a jump, not a path through the plane: break the line there. A spike at step
        // s is reset by the start of step s + 1, the first sample recorded after it.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::int64_t every = std::max(1, result.recordEvery);
        std::size_t nextSpike = 0;
        for (std::size_t k = 0; k < tx->size(); ++k) {
            bool gap = false;
            while (nextSpike < result.spikeSteps.size() &&
                   (result.spikeSteps[nextSpike] + 1 + every - 1) / every <= static_cast<std::int64_t>(k)) {
                gap = gap || (result.spikeSteps[nextSpike] + 1 + every - 1) / every == static_cast<std::int64_t>(k);
                ++nextSpike;
            }
            if (gap && k > 0) {
                d.trajectoryX << nan;
                d.trajectoryY << nan;
            }
            d.trajectoryX << (*tx)[k] / xs;
            d.trajectoryY << (*ty)[k] / ys;
        }
    }
    if (!analysis) return d;
    const std::size_t nx = analysis->fieldX.size(), ny = analysis->fieldY.size();
    for (std::size_t j = 0; j < ny; ++j)
        for (std::size_t i = 0; i < nx; ++i) {
            const std::size_t k = j * nx + i;
            if (k >= analysis->dxdt.size() || k >= analysis->dydt.size()) continue;
            d.fieldX << analysis->fieldX[i] / xs;
            d.fieldY << analysis->fieldY[j] / ys;
            d.fieldDx << analysis->dxdt[k] / xs;
            d.fieldDy << analysis->dydt[k] / ys;
        }
    auto nullcline = [&](const std::vector<scs::Polyline>& lines, const QString& name, const QColor& color) {
        PhasePlaneData::Nullcline n{name, {}, {}, color};
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (const scs::Polyline& p : lines) {
            if (!n.x.isEmpty()) {
                n.x << nan;
                n.y << nan;
            }
            for (std::size_t i = 0; i < p.x.size() && i < p.y.size(); ++i) {
                n.x << p.x[i] / xs;
                n.y << p.y[i] / ys;
            }
        }
        if (!n.x.isEmpty()) d.nullclines.push_back(n);
    };
    nullcline(analysis->xNullcline, QStringLiteral("d%1/dt = 0").arg(QString::fromStdString(xState)),
              QColor(214, 39, 40));
    nullcline(analysis->yNullcline, QStringLiteral("d%1/dt = 0").arg(QString::fromStdString(yState)),
              QColor(44, 160, 44));
    return d;
}

QVector<ParameterRow> parameterRows(const scs::NeuronModel& model, const scs::CatalogueEntry& entry,
                                    const std::string& drivenParameter) {
    QVector<ParameterRow> rows;
    for (const scs::ParameterInfo& p : model.parameters()) {
        if (!drivenParameter.empty() && p.name == drivenParameter) continue;
        ParameterRow r;
        r.name = QString::fromStdString(p.name);
        r.value = p.value;
        r.unit = QString::fromStdString(p.displayUnit);
        r.scale = p.displayScale > 0 ? p.displayScale : 1.0;
        bool ranged = false;
        if (const scs::ParameterRange* range = entry.range(p.name)) {
            r.hint = QString::fromStdString(range->hint);
            try {
                if (!range->min.empty() && !range->max.empty()) {
                    r.min = scs::parseQuantity(range->min, p.name).value;
                    r.max = scs::parseQuantity(range->max, p.name).value;
                    ranged = r.min < r.max;
                }
            } catch (const std::exception&) {
                ranged = false; // a bad range in a file falls back to the default range
            }
        }
        if (!ranged) defaultParameterRange(p.value, &r.min, &r.max);
        if (r.hint.isEmpty())
            r.hint = p.declared
                         ? QStringLiteral("declared parameter (%1)").arg(QString::fromStdString(p.dimension.toString()))
                         : QStringLiteral("constant (%1)").arg(QString::fromStdString(p.dimension.toString()));
        rows.push_back(r);
    }
    return rows;
}

std::string parameterText(double value, const ParameterRow& row, const std::string& oldText, double oldValue) {
    const double shown = value / (row.scale > 0 ? row.scale : 1.0);
    const std::string number = QString::number(shown, 'g', 6).toStdString();
    const std::string unit = row.unit.toStdString();
    if (unit.empty() || unit == "1") return number;
    if (scs::UnitRegistry::instance().contains(unit)) return number + "*" + unit;
    if (oldValue != 0 && std::isfinite(oldValue) && !oldText.empty())
        return QString::number(value / oldValue, 'g', 8).toStdString() + "*(" + oldText + ")";
    return number + "*" + unit;
}

scs::SimulationSettings settings(const PlaygroundState& state, const scs::NeuronModel& model) {
    scs::SimulationSettings s;
    const SimulationSection& sim = state.simulation;
    s.dt = scs::parseQuantity(sim.dt, "dt").value;
    s.duration = scs::parseQuantity(sim.duration, "duration").value;
    s.method = sim.method;
    s.drive = sim.drive.empty() ? "I" : sim.drive;
    if (!sim.protocol.empty() && model.parameterIndex(s.drive)) s.protocol = scs::Protocol::parse(sim.protocol);
    // Long runs are thinned to ~20k samples per trace: enough for any screen, cheap to draw.
    if (s.dt > 0 && s.duration / s.dt > 20000) s.recordEvery = static_cast<int>(std::ceil(s.duration / s.dt / 20000));
    return s;
}

} // namespace scs::ui::presenter
