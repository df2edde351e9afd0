// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network editor in the real main window: add items, connect their ports
// on the canvas, run, read the raster, undo a connection, save and reopen.
#include "GuiTestSupport.h"
#include "support/TestSupport.h"

#include "gui/MainWindow.h"
#include "gui/NetworkEditor.h"

#include "GraphEdgeItem.h"
#include "GraphNodeItem.h"
#include "NetworkCanvas.h"
#include "NetworkInspector.h"
#include "NetworkResultView.h"
#include "NetworkSummaryTable.h"
#include "RasterPlot.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace scs::ui;

namespace {

/// Drags on the canvas from one item's output port to another's input port, as a user does.
void dragConnection(NetworkCanvas* canvas, const QString& from, const QString& to) {
    canvas->fitAll();
    QApplication::processEvents();
    const QPoint start = canvas->mapFromScene(canvas->node(from)->outputPort());
    const QPoint end = canvas->mapFromScene(canvas->node(to)->inputPort());
    QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(canvas->viewport(), (start + end) / 2);
    QTest::mouseMove(canvas->viewport(), end);
    QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, end);
}

std::size_t spikesOf(const NetworkEditor* editor, int population) {
    return editor->lastResult()->spikes[static_cast<std::size_t>(population)].count();
}

} // namespace

TEST(NetworkWindowTest, BuildTwoPopulationsConnectRunUndoSaveAndReopen) {
    scs::test::TempDir dir;
    const QString path = QString::fromStdString((dir.path() / "net.scstudio").string());
    std::size_t firstRunSpikes = 0;
    {
        MainWindow w(MainWindow::Options{false});
        w.resize(1600, 1000);
        w.show();
        w.action(QStringLiteral("actionShowNetwork"))->trigger();
        NetworkEditor* editor = w.network();
        NetworkCanvas* canvas = editor->canvas();
        ASSERT_TRUE(scs::test::waitFor([&] { return canvas->isVisible(); }));
        EXPECT_TRUE(editor->graph().populations.empty()) << "a new project starts with an empty network";

        const QString a = editor->addPopulation("lif", QPointF(300, 0));
        const QString b = editor->addPopulation("lif", QPointF(300, 200));
        const QString input = editor->addStimulus(scs::Stimulus::Kind::Poisson, QPointF(0, 100));
        ASSERT_FALSE(a.isEmpty());
        dragConnection(canvas, input, a);
        dragConnection(canvas, input, b);
        dragConnection(canvas, a, b);
        ASSERT_EQ(editor->graph().projections.size(), 3u) << "three drags, three projections";
        EXPECT_EQ(canvas->edges().size(), 3);

        // Strong enough input to make LIF neurons fire: the rate, typed into the inspector.
        canvas->selectIds({input});
        auto* rate = editor->inspector()->findChild<QLineEdit*>(QStringLiteral("field_Rate"));
        ASSERT_NE(rate, nullptr);
        rate->setText(QStringLiteral("2000*Hz"));
        emit rate->editingFinished();
        EXPECT_EQ(editor->graph().stimuli[0].rate, "2000*Hz");
        EXPECT_EQ(editor->problemList()->count(), 0) << editor->problemList()->item(0)->text().toStdString();

        w.action(QStringLiteral("actionRunNetwork"))->trigger();
        ASSERT_TRUE(editor->waitForIdle(60000));
        ASSERT_TRUE(editor->runError().isEmpty()) << editor->runError().toStdString();
        ASSERT_NE(editor->lastResult(), nullptr);
        EXPECT_GT(spikesOf(editor, 0), 100u);
        EXPECT_GT(spikesOf(editor, 1), 100u);
        RasterPlot* raster = editor->results()->raster();
        EXPECT_EQ(raster->populationCount(), 2);
        EXPECT_GT(raster->lastVisibleSpikes(), spikesOf(editor, 0)) << "the raster draws both populations";
        EXPECT_EQ(editor->results()->summaryTable()->rowCount(), 2);
        firstRunSpikes = spikesOf(editor, 0);
        EXPECT_TRUE(w.isWindowModified()) << "a run is worth saving";

        // Undo the rate and then the last connection, with the editor's own Undo.
        editor->action(QStringLiteral("actionNetworkUndo"))->trigger();
        editor->action(QStringLiteral("actionNetworkUndo"))->trigger();
        EXPECT_EQ(editor->graph().projections.size(), 2u);
        EXPECT_EQ(canvas->edges().size(), 2);
        editor->action(QStringLiteral("actionNetworkRedo"))->trigger();
        EXPECT_EQ(editor->graph().projections.size(), 3u);
        editor->action(QStringLiteral("actionNetworkUndo"))->trigger();
        EXPECT_TRUE(w.isWindowModified());

        QString error;
        ASSERT_TRUE(w.saveProject(path, &error)) << error.toStdString();
        EXPECT_FALSE(w.isWindowModified());
    }
    MainWindow reopened(MainWindow::Options{false});
    QString error;
    ASSERT_TRUE(reopened.openProject(path, &error)) << error.toStdString();
    const scs::NetworkGraph& graph = reopened.network()->graph();
    ASSERT_EQ(graph.populations.size(), 2u);
    EXPECT_EQ(graph.projections.size(), 2u) << "saved after the undo";
    ASSERT_EQ(graph.stimuli.size(), 1u);
    EXPECT_EQ(graph.stimuli[0].rate, "10*Hz") << "the rate change was undone too";
    EXPECT_EQ(reopened.network()->canvas()->edges().size(), 2);
    // The last run comes back with the project, spikes and all.
    ASSERT_NE(reopened.network()->lastResult(), nullptr);
    EXPECT_EQ(spikesOf(reopened.network(), 0), firstRunSpikes);
    EXPECT_EQ(reopened.network()->results()->raster()->populationCount(), 2);
}

TEST(NetworkWindowTest, AnInvalidGraphIsNotRunAndSaysWhy) {
    MainWindow w(MainWindow::Options{false});
    w.show();
    NetworkEditor* editor = w.network();
    const QString a = editor->addPopulation("lif", QPointF(0, 0));
    scs::NetworkGraph broken = editor->graph();
    broken.populations[0].size = 0;
    editor->setGraph(broken);
    ASSERT_GT(editor->problemList()->count(), 0);
    EXPECT_FALSE(editor->canvas()->node(a)->problem().isEmpty()) << "the problem shows on the item";
    EXPECT_FALSE(editor->run());
    EXPECT_TRUE(editor->runError().startsWith(QStringLiteral("Cannot run:"))) << editor->runError().toStdString();
}

TEST(NetworkWindowTest, DeletingAPopulationTakesItsEdgesAndUndoBringsAllBack) {
    MainWindow w(MainWindow::Options{false});
    NetworkEditor* editor = w.network();
    const QString a = editor->addPopulation("lif", QPointF(0, 0));
    const QString b = editor->addPopulation("lif", QPointF(300, 0));
    ASSERT_FALSE(editor->addMonitor(scs::Monitor::Kind::Spikes, b, QPointF(600, 0)).isEmpty());
    ASSERT_FALSE(editor->connectItems(a, b).isEmpty());
    ASSERT_FALSE(editor->connectItems(b, a).isEmpty());
    const scs::NetworkGraph before = editor->graph();
    editor->canvas()->selectIds({b});
    editor->action(QStringLiteral("actionNetworkDelete"))->trigger();
    EXPECT_EQ(editor->graph().populations.size(), 1u);
    EXPECT_TRUE(editor->graph().projections.empty()) << "both edges of the deleted population go";
    ASSERT_EQ(editor->graph().monitors.size(), 1u);
    EXPECT_TRUE(editor->graph().monitors[0].target.empty()) << "the monitor watches nothing now";
    EXPECT_GT(editor->problemList()->count(), 0) << "and says so";
    editor->undoStack()->undo();
    EXPECT_EQ(editor->graph(), before);
    EXPECT_EQ(editor->canvas()->edges().size(), 3); // two projections and the monitor's edge
}
