// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — integration method, time step, duration and input protocol of a run.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace scs::ui {

class ProtocolEditor;

/// Texts keep the user's units ("0.05*ms"). dt and duration are checked to be times before they
/// are emitted; a bad one is outlined red with the reason as tooltip and not emitted.
class SimulationSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SimulationSettingsPanel(QWidget* parent = nullptr);

    /// Everything shown, without emitting. `defaultMethod` labels the "default" entry.
    void setSettings(const QString& method, const QString& defaultMethod, const QString& dt,
                     const QString& duration, const QString& protocol);
    void setDriveUnit(const QString& unit);
    /// One line under the settings: run time, spike count, or why the run failed.
    void setRunStatus(const QString& text, bool error);

    QComboBox* methodCombo() const { return method_; }
    QLineEdit* dtEdit() const { return dt_; }
    QLineEdit* durationEdit() const { return duration_; }
    ProtocolEditor* protocolEditor() const { return protocol_; }

signals:
    void methodEdited(const QString& method);  // "" = the model's default
    void dtEdited(const QString& dt);
    void durationEdited(const QString& duration);
    void protocolEdited(const QString& protocol);

private:
    bool checkTime(QLineEdit* edit);

    QComboBox* method_;
    QLineEdit* dt_;
    QLineEdit* duration_;
    ProtocolEditor* protocol_;
    QLabel* status_;
};

} // namespace scs::ui
