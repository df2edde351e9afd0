// SPDX-License-Identifier: MIT
// Slider move -> redrawn plot latency of the real main window (the 16 ms budget).
//
// Builds the real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise) at 1600x1000,
// loads a 4-state catalogue model with 20,000 steps, then moves a parameter slider the way a drag
// does (QSlider::setSliderDown + setValue, through the real signal path: ParameterPanel ->
// undo command -> document -> PlaygroundView -> SimulationRunner -> presenter -> plots) and times
// each move until both plots have replotted and been repainted. Prints the median and p95 of the
// total and of each stage (PlaygroundView::lastTimings()). Not a test: it asserts nothing about
// time, it reports it. Usage: bench_slider [--moves N] [--warmup N] [--scenario INDEX (0-3)]
// Reproduce: cmake --build build-bench --target bench_slider && build-bench/tests/bench/bench_slider
#include "gui/MainWindow.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "ParameterPanel.h"
#include "PhasePlaneView.h"
#include "TracePlot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSlider>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace scs::ui;

namespace {

/// The offscreen platform reports every unsupported window-manager call; keep the output readable.
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg && message.startsWith(QLatin1String("This plugin does not support"))) return;
    qt_message_output(type, context, message);
}

struct Scenario {
    const char* label;
    const char* model;     // catalogue id
    const char* method;    // "" = the model's own
    const char* dt;
    const char* duration;  // duration / dt = steps
    const char* parameter; // the slider that is dragged
    bool phasePlane;       // Phase Plane dock shown (it is by default)
    bool drag;             // true: one drag (handle held down); false: separate steps (keys, clicks)
};

/// One slider move, ms.
struct Sample {
    double total = 0, prepare = 0, simulate = 0, phase = 0, present = 0, setData = 0, paint = 0;
    double traceReplot = 0, phaseReplot = 0; // parts of `paint`: QCustomPlot::replot of each plot
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double rank = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(rank);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - static_cast<double>(lo));
}

double ms(const QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }

/// Processes events until `done` holds; false after `timeoutMs`.
template <class F> bool pumpUntil(F done, int timeoutMs = 10000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    return true;
}

/// Returns false (with a message) when the scenario could not be set up or a move did not redraw.
bool runScenario(const Scenario& sc, int moves, int warmup) {
    MainWindow window(MainWindow::Options{false});
    window.resize(1600, 1000);
    window.show();
    window.applyDefaultLayout();
    QCoreApplication::processEvents();
    PlaygroundView* view = window.playground();
    PlaygroundDocument* doc = view->document();

    view->loadCatalogueModel(QString::fromLatin1(sc.model));
    view->runner()->waitForIdle();
    if (doc->state().model.id != sc.model) {
        std::fprintf(stderr, "%s: the catalogue has no model '%s'\n", sc.label, sc.model);
        return false;
    }
    SimulationSection sim = doc->state().simulation;
    sim.method = sc.method;
    sim.dt = sc.dt;
    sim.duration = sc.duration;
    doc->setSimulation(sim);
    view->runner()->waitForIdle();
    if (!sc.phasePlane) {
        for (QObject* o : window.findChildren<QObject*>(QStringLiteral("phasePlaneDock")))
            if (auto* w = qobject_cast<QWidget*>(o)) w->hide();
    }
    QCoreApplication::processEvents();
    if (!view->runNow() || !view->model()) {
        std::fprintf(stderr, "%s: the model did not run\n", sc.label);
        return false;
    }
    QSlider* slider = view->parameterPanel()->slider(QString::fromLatin1(sc.parameter));
    if (!slider) {
        std::fprintf(stderr, "%s: no slider for parameter '%s'\n", sc.label, sc.parameter);
        return false;
    }
    TracePlot* traces = view->tracePlot();
    PhasePlaneView* phase = view->phasePlanePanel()->view();
    int traceReplots = 0, phaseReplots = 0, runs = 0;
    QElapsedTimer move;
    double finishedAt = 0;
    double traceReplotMs = 0, phaseReplotMs = 0, replotStart = 0;
    QObject::connect(traces, &QCustomPlot::beforeReplot, traces, [&] { replotStart = ms(move); });
    QObject::connect(phase, &QCustomPlot::beforeReplot, phase, [&] { replotStart = ms(move); });
    QObject::connect(traces, &QCustomPlot::afterReplot, traces, [&] {
        ++traceReplots;
        traceReplotMs += ms(move) - replotStart;
    });
    QObject::connect(phase, &QCustomPlot::afterReplot, phase, [&] {
        ++phaseReplots;
        phaseReplotMs += ms(move) - replotStart;
    });
    // Connected after PlaygroundView's own slot, so this runs once the plots have their data.
    QObject::connect(view->runner(), &SimulationRunner::finished, view, [&] {
        ++runs;
        finishedAt = ms(move);
    });
    pumpUntil([] { return false; }, 50); // let the initial replots settle

    const bool phaseShown = view->phasePlaneEnabled() && phase->isVisible();
    std::vector<Sample> samples;
    // The value alternates around its start, so every move changes the parameter and the model
    // keeps doing similar work. A drag holds the handle down through all moves.
    if (sc.drag) slider->setSliderDown(true);
    const int base = slider->value();
    for (int i = 0; i < warmup + moves; ++i) {
        const int target = std::clamp(base + ((i % 2) ? 25 : -25), slider->minimum(), slider->maximum());
        const int runsBefore = runs, traceBefore = traceReplots, phaseBefore = phaseReplots;
        traceReplotMs = phaseReplotMs = 0;
        move.start();
        slider->setValue(target);
        // A run predicted to be fast ran inline; a slow one runs in the background: wait for it.
        if (!pumpUntil([&] { return runs > runsBefore && !view->runner()->isBusy(); })) {
            std::fprintf(stderr, "%s: move %d produced no run\n", sc.label, i);
            return false;
        }
        if (!pumpUntil([&] {
                return traceReplots > traceBefore && (!phaseShown || phaseReplots > phaseBefore);
            })) {
            std::fprintf(stderr, "%s: move %d did not replot\n", sc.label, i);
            return false;
        }
        // Replot drew into the plots' buffers and asked for an update; paint them now, then let
        // every other widget the move touched (spin box, status line) repaint.
        traces->repaint();
        if (phaseShown) phase->repaint();
        QCoreApplication::processEvents();
        const double total = ms(move);
        if (i < warmup) continue;
        const RunTimings& t = view->lastTimings();
        samples.push_back({total, t.prepareMs, t.simulateMs, t.phaseMs, t.presentMs, t.setDataMs, total - finishedAt,
                           traceReplotMs, phaseReplotMs});
    }
    // A drag that pauses: the phase-plane field, deferred during the drag, catches up.
    double catchUp = -1;
    if (sc.drag && phaseShown) {
        const int runsBefore = runs, phaseBefore = phaseReplots;
        move.start();
        slider->setSliderDown(false);
        if (pumpUntil([&] { return runs > runsBefore && !view->runner()->isBusy() && phaseReplots > phaseBefore; },
                      5000)) {
            phase->repaint();
            catchUp = ms(move);
        }
    }
    slider->setSliderDown(false);
    view->runner()->waitForIdle();

    auto column = [&](double Sample::*field) {
        std::vector<double> v;
        for (const Sample& s : samples) v.push_back(s.*field);
        return v;
    };
    const auto* model = &*view->model();
    std::printf("\n%s\n  model %s (%zu states), method %s, %s / %s, %zu samples per trace, "
                "phase plane %s, slider '%s', %d %s (+%d warm-up)\n",
                sc.label, sc.model, model->states().size(),
                sc.method[0] ? sc.method : (model->defaultMethod() + " (model's own)").c_str(), sc.duration, sc.dt,
                static_cast<std::size_t>(traces->stateGraph(0) ? traces->stateGraph(0)->dataCount() : 0),
                phaseShown ? "shown" : "hidden", sc.parameter, moves, sc.drag ? "drag steps" : "separate steps",
                warmup);
    std::printf("  %-34s %9s %9s %9s\n", "stage (ms)", "median", "p95", "max");
    const struct {
        const char* name;
        double Sample::*field;
    } rows[] = {{"total: setValue -> repainted", &Sample::total},
                {"  prepare (diagnose + compile)", &Sample::prepare},
                {"  simulate", &Sample::simulate},
                {"  phase-plane field + nullclines", &Sample::phase},
                {"  presenter (units)", &Sample::present},
                {"  setData (plots)", &Sample::setData},
                {"  replot + paint", &Sample::paint},
                {"    of which replot traces", &Sample::traceReplot},
                {"    of which replot phase plane", &Sample::phaseReplot}};
    for (const auto& r : rows) {
        const std::vector<double> v = column(r.field);
        std::printf("  %-34s %9.2f %9.2f %9.2f\n", r.name, percentile(v, 0.5), percentile(v, 0.95),
                    percentile(v, 1.0));
    }
    if (catchUp >= 0)
        std::printf("  drag released -> field and nullclines redrawn: %.1f ms (of which %d ms the pause)\n", catchUp,
                    PlaygroundView::fieldDelayMs);
    const double median = percentile(column(&Sample::total), 0.5);
    if (phaseShown)
        std::printf("  phase plane: %d of %d trajectory points drawn, %d arrows\n", phase->drawnTrajectoryPoints(),
                    static_cast<int>(phase->phasePlane().trajectoryX.size()), phase->arrowCount());
    std::printf("  budget 16 ms: %s (median %.2f ms)\n", median < 16 ? "met" : "NOT met", median);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    qInstallMessageHandler(quietHandler);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SC-NeuroCore-bench"));
    int moves = 50, warmup = 5, only = -1;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--moves") && i + 1 < argc) moves = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--warmup") && i + 1 < argc) warmup = std::max(0, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--scenario") && i + 1 < argc) only = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: %s [--moves N] [--warmup N] [--scenario INDEX]\n", argv[0]);
            return 2;
        }
    }
    std::printf("bench_slider: slider move -> re-simulation -> plots repainted, window 1600x1000, "
                "platform %s, Qt %s\n",
                qPrintable(QGuiApplication::platformName()), qVersion());
    const Scenario scenarios[] = {
        {"[0] HH rk4, 20,000 steps, drag", "hodgkin_huxley", "rk4", "0.01*ms", "200*ms", "g_na", true, true},
        {"[1] HH euler, 20,000 steps, drag", "hodgkin_huxley", "euler", "0.01*ms", "200*ms", "g_na", true, true},
        {"[2] HH rk4, 20,000 steps, drag, phase plane hidden", "hodgkin_huxley", "rk4", "0.01*ms", "200*ms", "g_na",
         false, true},
        {"[3] HH euler, 20,000 steps, separate steps (field recomputed every time)", "hodgkin_huxley", "euler",
         "0.01*ms", "200*ms", "g_na", true, false},
    };
    bool ok = true;
    int index = 0;
    for (const Scenario& s : scenarios)
        if (only < 0 || only == index++) ok = runScenario(s, moves, warmup) && ok;
    return ok ? 0 : 1;
}
