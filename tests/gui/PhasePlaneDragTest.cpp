// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — during a slider drag the phase-plane trajectory follows every step and the
// field catches up when the drag pauses; a step that is not a drag updates both at once.
#include "GuiTestSupport.h"

#include "gui/MainWindow.h"
#include "gui/PlaygroundView.h"

#include "ParameterPanel.h"
#include "PhasePlaneView.h"

#include <gtest/gtest.h>

#include <QSlider>

using namespace scs::ui;
using scs::test::waitFor;

namespace {

TEST(PhasePlaneDragTest, TrajectoryFollowsEachDragStepAndTheFieldFollowsWhenTheDragPauses) {
    MainWindow window(MainWindow::Options{false});
    window.show();
    PlaygroundView* view = window.playground();
    view->loadCatalogueModel(QStringLiteral("morris_lecar"));
    view->runner()->waitForIdle();
    ASSERT_TRUE(view->runNow());
    ASSERT_TRUE(view->phasePlaneEnabled());
    PhasePlaneView* phase = view->phasePlanePanel()->view();
    const QVector<double> field0 = phase->phasePlane().fieldDx;
    const QVector<double> trajectory0 = phase->phasePlane().trajectoryX;
    ASSERT_FALSE(field0.isEmpty());
    const int arrows0 = phase->arrowCount();

    QSlider* gCa = view->parameterPanel()->slider(QStringLiteral("gCa"));
    ASSERT_NE(gCa, nullptr);
    gCa->setSliderDown(true);
    gCa->setValue(gCa->value() > 500 ? gCa->value() - 150 : gCa->value() + 150);
    view->runner()->waitForIdle();
    EXPECT_NE(phase->phasePlane().trajectoryX, trajectory0) << "the trajectory must follow every drag step";
    EXPECT_EQ(phase->phasePlane().fieldDx, field0) << "the field is kept while the drag goes on";
    EXPECT_EQ(phase->arrowCount(), arrows0);
    EXPECT_EQ(view->lastTimings().phaseMs, 0);

    // The handle stays down but stops moving: the field catches up after fieldDelayMs.
    ASSERT_TRUE(waitFor([&] {
        view->runner()->waitForIdle();
        return phase->phasePlane().fieldDx != field0;
    }, 5000)) << "the field did not follow the paused drag";
    EXPECT_GT(view->lastTimings().phaseMs, 0);
    gCa->setSliderDown(false);

    // A single step (keyboard, click on the groove) is not a drag: field and trajectory at once.
    const QVector<double> field1 = phase->phasePlane().fieldDx;
    gCa->triggerAction(QAbstractSlider::SliderPageStepAdd);
    view->runner()->waitForIdle();
    EXPECT_NE(phase->phasePlane().fieldDx, field1);
}

TEST(PhasePlaneDragTest, ADragStepRedrawsOnlyTheTrajectoryAndLooksLikeAFullReplot) {
    MainWindow window(MainWindow::Options{false});
    window.show();
    PlaygroundView* view = window.playground();
    view->loadCatalogueModel(QStringLiteral("morris_lecar"));
    view->runner()->waitForIdle();
    ASSERT_TRUE(view->runNow());
    PhasePlaneView* phase = view->phasePlanePanel()->view();
    scs::test::pumpEvents(50);
    int fullReplots = 0;
    QObject::connect(phase, &QCustomPlot::afterLayout, phase, [&] { ++fullReplots; });
    QSlider* gCa = view->parameterPanel()->slider(QStringLiteral("gCa"));
    const QVector<double> trajectory0 = phase->phasePlane().trajectoryX;
    gCa->setSliderDown(true);
    gCa->setValue(gCa->value() + 3); // a small step: the trajectory stays inside the field's extent
    view->runner()->waitForIdle();
    scs::test::pumpEvents(50);
    ASSERT_NE(phase->phasePlane().trajectoryX, trajectory0);
    EXPECT_EQ(fullReplots, 0) << "only the trajectory's layer should have been redrawn";
    const QImage partial = phase->grab().toImage();
    phase->replot(); // everything, from scratch
    const QImage full = phase->grab().toImage();
    EXPECT_GT(fullReplots, 0);
    EXPECT_EQ(partial, full) << "the layer redraw must look exactly like a full replot";
    gCa->setSliderDown(false);
}

TEST(PhasePlaneDragTest, TheDrawnTrajectoryIsSimplifiedAndTheDataKeepsEverySample) {
    MainWindow window(MainWindow::Options{false});
    window.show();
    PlaygroundView* view = window.playground();
    view->loadCatalogueModel(QStringLiteral("morris_lecar"));
    view->runner()->waitForIdle();
    ASSERT_TRUE(view->runNow());
    PhasePlaneView* phase = view->phasePlanePanel()->view();
    phase->replot();
    const int samples = static_cast<int>(phase->phasePlane().trajectoryX.size());
    ASSERT_GT(samples, 10000);
    const int drawn = phase->drawnTrajectoryPoints();
    EXPECT_GT(drawn, 10);
    EXPECT_LT(drawn, samples / 4);
    // Zooming in re-simplifies for the new scale: more of the samples in view are drawn.
    phase->xAxis->scaleRange(0.05, phase->xAxis->range().center());
    phase->yAxis->scaleRange(0.05, phase->yAxis->range().center());
    phase->replot();
    EXPECT_NE(phase->drawnTrajectoryPoints(), drawn);
    EXPECT_GT(phase->csv().count(QLatin1Char('\n')), samples) << "CSV export keeps every sample";
}

} // namespace
