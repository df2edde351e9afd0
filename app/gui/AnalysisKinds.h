// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the analyses the studio offers, declared: settings, work, presentation.
#pragma once

#include "AnalysisContext.h"

#include "jobs/JobContext.h"

#include <QKeySequence>
#include <QString>

#include <any>
#include <functional>
#include <vector>

namespace scs::ui {

class AnalysisResultView;
class SeriesPlot;

/// Runs on a worker thread with its own copies of everything it needs; returns the analysis's
/// result struct. Throws scs::JobCancelled when cancelled, std::exception with a message on failure.
using AnalysisWork = std::function<std::any(scs::JobContext* job)>;

/// One analysis as data: the panel generates its form from `fields`, the controller runs what
/// `prepare` returns in the background and hands the result to `present`. The algorithms live in
/// core/analysis; nothing here computes more than display units.
struct AnalysisKind {
    QString id;       // persisted in projects (lower_snake_case, frozen)
    QString title;    // selector entry and result tab
    QString menuText; // Analysis menu entry
    QKeySequence shortcut;
    QString hint; // one or two sentences: what it does and how long it takes
    /// The settings with defaults derived from the model (drive range, parameter lists...).
    std::function<QVector<FormField>(const AnalysisContext&)> fields;
    /// Main thread: turns the form's values into the work. Throws std::exception with a one-line
    /// message for settings that cannot run (the analyses' own AnalysisError checks come later,
    /// from the work).
    std::function<AnalysisWork(const AnalysisContext&, const nlohmann::json& values)> prepare;
    /// Main thread: shows the result (from `prepare`'s work) and returns a one-line summary.
    std::function<QString(const std::any& result, const AnalysisContext&, AnalysisResultView& view)> present;
};

/// Every analysis, in menu order. The same objects for the whole run of the program.
const std::vector<AnalysisKind>& analysisKinds();
/// Null for an unknown id.
const AnalysisKind* findAnalysisKind(const QString& id);

// Helpers the presentations share (AnalysisKinds.cpp).
/// `v` divided by `scale` (SI to display unit).
QVector<double> scaled(const std::vector<double>& v, double scale = 1.0);
/// A number for a table cell: 4 significant digits, "n/a" when not finite.
QString cell(double value, int digits = 4);
/// Fits the axes to the data with a margin above and below, so extreme points are not cut.
void fitWithMargin(SeriesPlot* plot);
/// Draws the plot's graphs as dots without lines (bifurcation branches, ISI sequences).
void drawAsPoints(SeriesPlot* plot, double size = 4);
/// Logarithmic x axis (frequency sweeps); rescales to the data.
void useLogX(SeriesPlot* plot);

// Defined by theme in SweepAnalyses.cpp, ParameterAnalyses.cpp, SpikeAnalyses.cpp.
AnalysisKind fiCurveAnalysis();
AnalysisKind bifurcationAnalysis();
AnalysisKind frequencyResponseAnalysis();
AnalysisKind sensitivityAnalysis();
AnalysisKind heatmapAnalysis();
AnalysisKind staAnalysis();
AnalysisKind firingPatternAnalysis();
AnalysisKind characterisationAnalysis();
// HardwareAnalyses.cpp
AnalysisKind precisionAnalysis();
AnalysisKind floatFixedAnalysis();

} // namespace scs::ui
