// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what an analysis knows of the playground: model, run settings, units, ranges.
#pragma once

#include "PlaygroundDocument.h"

#include "ParameterPanel.h"
#include "SettingsForm.h"

#include "ode/NeuronModel.h"
#include "ode/Simulation.h"
#include "units/Quantity.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <string>

namespace scs::ui {

/// A snapshot taken on the main thread when a form is built or a run starts: analyses copy it into
/// their work, so the user may keep editing the playground while they run.
struct AnalysisContext {
    scs::NeuronModel model;
    scs::CatalogueEntry entry;
    scs::SimulationSettings base;     // the playground's run settings (protocol included)
    std::string drive;                // the drive parameter; "" when the model has none
    QVector<ParameterRow> parameters; // every parameter, with display unit and slider range

    /// Compiles the document's model and reads its run settings. Throws std::runtime_error with
    /// a message for the user ("the model has errors: ...").
    static AnalysisContext fromState(const PlaygroundState& state);

    const ParameterRow* parameter(const std::string& name) const;
    QStringList parameterNames() const;
    QStringList stateNames() const;
    /// Display unit of a state, parameter or subexpression.
    scs::DisplayUnit unitOf(const std::string& name) const;
    /// "I (nA)", or just the name when dimensionless.
    QString axisLabel(const std::string& name) const;
    /// The drive the playground uses: the protocol's offset + amplitude, else the drive parameter's
    /// value, else half its slider range. SI; 0 without a drive.
    double referenceDrive() const;
    /// A parameter's unit and slider range, for form fields that follow a parameter choice.
    QHash<QString, ChoiceUnit> parameterUnits() const;
    /// A short "12.5 nA" text of an SI value of `name`.
    QString show(double si, const std::string& name) const;
};

/// Builders of the form fields analyses declare (see SettingsForm).
namespace field {
FormField count(const QString& id, const QString& label, const QString& hint, int value, int min, int max);
FormField number(const QString& id, const QString& label, const QString& hint, double value, double min, double max);
FormField time(const QString& id, const QString& label, const QString& hint, double seconds, double minSeconds = 0);
FormField frequency(const QString& id, const QString& label, const QString& hint, double hertz);
FormField flag(const QString& id, const QString& label, const QString& hint, bool value);
FormField choice(const QString& id, const QString& label, const QString& hint, const QStringList& options,
                 const QString& value);
/// A choice among the model's parameters; fields that follow it take the chosen one's unit.
FormField parameterChoice(const QString& id, const QString& label, const QString& hint, const AnalysisContext& c,
                          const std::string& value);
/// A value in the unit of parameter `parameter` (fixed), e.g. a drive level.
FormField parameterValue(const QString& id, const QString& label, const QString& hint, const AnalysisContext& c,
                         const std::string& parameter, double value);
/// The lower or upper end of a sweep over the parameter chosen in field `choiceId` (named
/// `parameter` now): defaults to that parameter's slider range.
FormField sweepBound(const QString& id, const QString& label, const QString& hint, const AnalysisContext& c,
                     const QString& choiceId, const std::string& parameter, FormField::Bound bound);
} // namespace field

/// Typed reads of a form's values (SettingsForm::values()). Throws std::runtime_error naming the
/// setting when it is missing or of the wrong type.
class FormValues {
public:
    explicit FormValues(const nlohmann::json& values) : values_(values) {}
    double real(const char* id) const;
    std::size_t count(const char* id) const;
    std::string text(const char* id) const;
    bool flag(const char* id) const;

private:
    const nlohmann::json& at(const char* id) const;
    const nlohmann::json& values_;
};

} // namespace scs::ui
