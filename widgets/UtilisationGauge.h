// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — how full a device is for one resource: a bar with the percentage written on it.
#pragma once

#include <QColor>
#include <QWidget>

namespace scs::ui {

/// A horizontal bar for one resource (LUTs, flip-flops, BRAM, DSP) of one device. The fill is
/// `used / capacity`, drawn up to 100 % and written as text (a design that does not fit reads
/// "130 %" on a full red bar). The colour says whether the design fits comfortably: normal up to
/// `warningAbove`, orange above it, red above `criticalAbove`. An unknown capacity (the generic
/// target, or nothing shown) gives an empty grey bar reading "n/a". Main thread only.
class UtilisationGauge : public QWidget {
    Q_OBJECT
public:
    enum class Level { Unknown, Normal, Warning, Critical };

    // Above 70 % of a device, placement gets hard and timing suffers; above 90 % it often fails.
    static constexpr double warningAbove = 0.70;
    static constexpr double criticalAbove = 0.90;

    /// `resource` is the name written before the numbers ("LUTs").
    explicit UtilisationGauge(const QString& resource, QWidget* parent = nullptr);

    /// `capacity` <= 0 means unknown. `estimated` marks numbers from the pre-synthesis estimate.
    void setUsage(int used, int capacity, bool estimated = false);
    /// Shows nothing (no report for this target yet).
    void clear();

    /// used / capacity (may exceed 1); NaN when unknown.
    double value() const { return value_; }
    Level level() const { return levelFor(value_); }
    QColor barColor() const { return colorFor(level()); }
    /// What the bar reads: "23.4 %", "n/a".
    QString text() const;
    const QString& resource() const { return resource_; }
    bool isEstimated() const { return estimated_; }

    static Level levelFor(double fraction);
    static QColor colorFor(Level level);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void updateToolTip();

    QString resource_;
    int used_ = 0;
    int capacity_ = 0;
    double value_;
    bool estimated_ = false;
};

} // namespace scs::ui
