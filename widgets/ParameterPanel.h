// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one slider + spin box per model parameter, in the parameter's display unit.
#pragma once

#include <QVector>
#include <QWidget>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSlider;

namespace scs::ui {

/// What one row shows. Values are SI; the row displays value/scale in `unit`.
struct ParameterRow {
    QString name;
    double value = 0;   // SI
    QString unit;       // display unit ("mV"); "" when dimensionless
    double scale = 1;   // SI per display unit
    double min = 0;     // slider range, SI (min < max)
    double max = 1;
    QString hint;       // tooltip
};

/// The slider range used when the catalogue gives none: [v-2|v|, v+2|v|], or [0, 1] for zero.
void defaultParameterRange(double value, double* min, double* max);

/// Rows are rebuilt only when the parameter names change: while the user drags, updates from the
/// document only refresh values, so a drag is never interrupted.
class ParameterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParameterPanel(QWidget* parent = nullptr);

    void setParameters(const QVector<ParameterRow>& rows);
    /// Shows a value (SI) without emitting `valueEdited`.
    void setValue(const QString& name, double value);
    double value(const QString& name) const;
    QStringList names() const;
    QSlider* slider(const QString& name) const;
    QDoubleSpinBox* spinBox(const QString& name) const;
    static constexpr int sliderSteps = 1000;

signals:
    /// The user changed a value (SI). `gesture` is the same non-zero id for every change of one
    /// slider drag (so the application can merge them into one undo step), 0 otherwise.
    void valueEdited(const QString& name, double value, int gesture);

private:
    struct Row {
        ParameterRow info;
        QLabel* label = nullptr;
        QSlider* slider = nullptr;
        QDoubleSpinBox* spin = nullptr;
        QLabel* unit = nullptr;
    };
    void buildRows();
    void showValue(Row& row, double value);
    int sliderPosition(const Row& row, double value) const;
    void configureSpin(Row& row);

    QVector<Row> rows_;
    QGridLayout* grid_;
    QWidget* gridHost_;
    QLabel* empty_;
    int gestureCounter_ = 0;
    int gesture_ = 0;
};

} // namespace scs::ui
