// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the node-graph editor's canvas and inspector: what the user sees and the
// requests their gestures make.
#include "NetworkCanvas.h"
#include "GraphEdgeItem.h"
#include "GraphNodeItem.h"
#include "NetworkInspector.h"
#include "NetworkMinimap.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace scs;
using namespace scs::ui;

namespace {

NetworkGraph twoPopulations() {
    NetworkGraph g;
    Population e;
    e.id = "E";
    e.name = "excitatory";
    e.size = 800;
    e.model.name = "LIF";
    e.canvas = {200, 0};
    Population i = e;
    i.id = "I";
    i.name = "inhibitory";
    i.size = 200;
    i.canvas = {200, 150};
    g.populations = {e, i};
    Stimulus s;
    s.id = "noise";
    s.name = "noise";
    s.size = 100;
    g.stimuli.push_back(s);
    Projection p;
    p.id = "EI";
    p.source = "E";
    p.target = "I";
    p.weight = ValueSpec::constant("0.5*mV");
    g.projections.push_back(p);
    Monitor m;
    m.id = "spikes";
    m.name = "spikes";
    m.target = "E";
    m.canvas = {500, 0};
    g.monitors.push_back(m);
    return g;
}

struct Shown {
    NetworkCanvas canvas;
    Shown() {
        canvas.resize(900, 600);
        canvas.show();
        canvas.setGraph(twoPopulations());
        canvas.fitAll();
        QApplication::processEvents();
    }
    QPoint at(const QPointF& scenePos) const { return canvas.mapFromScene(scenePos); }
};

} // namespace

TEST(NetworkCanvasTest, ShowsEveryItemAndEdgeOfTheGraph) {
    Shown s;
    ASSERT_NE(s.canvas.node("E"), nullptr);
    EXPECT_EQ(s.canvas.node("E")->title(), QStringLiteral("excitatory"));
    EXPECT_TRUE(s.canvas.node("E")->toolTip().contains(QStringLiteral("800 × LIF")));
    EXPECT_NE(s.canvas.node("noise"), nullptr);
    EXPECT_FALSE(s.canvas.node("noise")->hasInput()) << "a stimulus only sends";
    EXPECT_FALSE(s.canvas.node("spikes")->hasOutput()) << "a monitor only receives";
    ASSERT_EQ(s.canvas.edges().size(), 2); // the projection and what the monitor watches
    EXPECT_EQ(s.canvas.edges()[0]->id(), QStringLiteral("EI"));
    EXPECT_TRUE(s.canvas.edges()[0]->label().contains(QStringLiteral("0.5*mV")));
    EXPECT_EQ(s.canvas.edges()[1]->kind(), GraphEdgeItem::Kind::Monitor);
    // Every item is inside the view after fitting.
    const QRectF shown = s.canvas.mapToScene(s.canvas.viewport()->rect()).boundingRect();
    for (const char* id : {"E", "I", "noise", "spikes"})
        EXPECT_TRUE(shown.contains(s.canvas.node(id)->sceneBoundingRect())) << id;
    // The user sees the population's fill colour.
    const QImage image = s.canvas.viewport()->grab().toImage();
    // Between the port and the text, half-way down the body.
    const QPoint centre = s.at(s.canvas.node("E")->mapToScene(QPointF(25, GraphNodeItem::kHeight / 2)));
    EXPECT_EQ(image.pixelColor(centre), QColor(0xdc, 0xe9, 0xf7));
}

TEST(NetworkCanvasTest, DraggingFromAnOutputPortToAnInputPortRequestsAConnection) {
    Shown s;
    QSignalSpy connect(&s.canvas, &NetworkCanvas::connectRequested);
    const QPoint from = s.at(s.canvas.node("I")->outputPort());
    const QPoint to = s.at(s.canvas.node("E")->inputPort());
    QTest::mousePress(s.canvas.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(s.canvas.viewport(), (from + to) / 2);
    QTest::mouseMove(s.canvas.viewport(), to);
    QTest::mouseRelease(s.canvas.viewport(), Qt::LeftButton, {}, to);
    ASSERT_EQ(connect.count(), 1);
    EXPECT_EQ(connect.at(0).at(0).toString(), QStringLiteral("I"));
    EXPECT_EQ(connect.at(0).at(1).toString(), QStringLiteral("E"));
    EXPECT_EQ(s.canvas.edges().size(), 2) << "the canvas asks; its owner changes the graph";

    // Released on empty canvas: nothing.
    QTest::mousePress(s.canvas.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(s.canvas.viewport(), from + QPoint(0, 200));
    QTest::mouseRelease(s.canvas.viewport(), Qt::LeftButton, {}, from + QPoint(0, 200));
    EXPECT_EQ(connect.count(), 1);
}

TEST(NetworkCanvasTest, MovingSelectingDeletingAndProblemsAreReported) {
    Shown s;
    QSignalSpy moved(&s.canvas, &NetworkCanvas::moveRequested);
    QSignalSpy deleted(&s.canvas, &NetworkCanvas::deleteRequested);
    QSignalSpy selection(&s.canvas, &NetworkCanvas::selectionChanged);
    GraphNodeItem* e = s.canvas.node("E");
    const QPoint body = s.at(e->sceneBoundingRect().center());
    QTest::mousePress(s.canvas.viewport(), Qt::LeftButton, {}, body);
    QTest::mouseMove(s.canvas.viewport(), body + QPoint(20, 20));
    QTest::mouseMove(s.canvas.viewport(), body + QPoint(40, 30));
    QTest::mouseRelease(s.canvas.viewport(), Qt::LeftButton, {}, body + QPoint(40, 30));
    ASSERT_EQ(moved.count(), 1);
    EXPECT_EQ(moved.at(0).at(0).toString(), QStringLiteral("E"));
    EXPECT_GT(moved.at(0).at(1).toPointF().x(), 200);
    EXPECT_EQ(s.canvas.selectedIds(), QStringList{QStringLiteral("E")});
    EXPECT_GE(selection.count(), 1);

    QTest::keyClick(s.canvas.viewport(), Qt::Key_Delete);
    ASSERT_EQ(deleted.count(), 1);
    EXPECT_EQ(deleted.at(0).at(0).toStringList(), QStringList{QStringLiteral("E")});

    // Validation problems show on the offending item, and go when cleared.
    s.canvas.setProblems({{QStringLiteral("I"), QStringLiteral("Size must be at least 1")},
                          {QStringLiteral("EI"), QStringLiteral("weight has the wrong unit")}});
    EXPECT_TRUE(s.canvas.node("I")->toolTip().contains(QStringLiteral("Size must be at least 1")));
    EXPECT_EQ(s.canvas.edges()[0]->problem(), QStringLiteral("weight has the wrong unit"));
    s.canvas.setProblems({});
    EXPECT_TRUE(s.canvas.node("I")->problem().isEmpty());

    // A new graph keeps the selection by id.
    s.canvas.selectIds({QStringLiteral("I")});
    s.canvas.setGraph(twoPopulations());
    EXPECT_EQ(s.canvas.selectedIds(), QStringList{QStringLiteral("I")});
}

TEST(NetworkCanvasTest, ZoomIsBoundedAndTheMinimapOutlinesWhatIsShown) {
    Shown s;
    s.canvas.zoomBy(100);
    EXPECT_DOUBLE_EQ(s.canvas.zoom(), 4.0);
    s.canvas.zoomBy(1e-4);
    EXPECT_DOUBLE_EQ(s.canvas.zoom(), 0.1);
    s.canvas.fitAll();
    const QRectF before = s.canvas.minimap()->shownArea();
    s.canvas.zoomBy(2);
    const QRectF after = s.canvas.minimap()->shownArea();
    EXPECT_NEAR(after.width(), before.width() / 2, 2.0);
    EXPECT_TRUE(s.canvas.minimap()->isVisible());
}

TEST(NetworkInspectorTest, EditsComeBackAsWholeGraphsNamedForTheUndoHistory) {
    NetworkInspector inspector;
    inspector.show();
    QSignalSpy edited(&inspector, &NetworkInspector::edited);
    const NetworkGraph g = twoPopulations();
    inspector.inspect(g, QStringLiteral("E"));
    auto* size = inspector.findChild<QSpinBox*>(QStringLiteral("field_Size"));
    ASSERT_NE(size, nullptr);
    EXPECT_EQ(size->value(), 800);
    size->setValue(1000);
    emit size->editingFinished();
    ASSERT_EQ(edited.count(), 1);
    const auto changed = edited.at(0).at(0).value<NetworkGraph>();
    EXPECT_EQ(changed.populations[0].size, 1000);
    EXPECT_EQ(changed.populations[1], g.populations[1]) << "nothing else changes";
    EXPECT_EQ(edited.at(0).at(1).toString(), QStringLiteral("Change size of excitatory"));

    inspector.inspect(g, QStringLiteral("EI"));
    auto* probability = inspector.findChild<QDoubleSpinBox*>(QStringLiteral("field_Probability"));
    ASSERT_NE(probability, nullptr) << "fixed probability shows its p";
    probability->setValue(0.25);
    emit probability->editingFinished();
    ASSERT_EQ(edited.count(), 2);
    EXPECT_DOUBLE_EQ(edited.at(1).at(0).value<NetworkGraph>().projections[0].connectivity.probability, 0.25);

    inspector.inspect(g, QString());
    EXPECT_EQ(inspector.findChild<QLabel*>(QStringLiteral("inspectorTitle"))->text(),
              QStringLiteral("Nothing selected"));
}

TEST(NetworkInspectorTest, ModelAndParameterOverridesAreEditedOnThePopulation) {
    auto catalogue = std::make_shared<const ModelCatalogue>(ModelCatalogue::loadDefault());
    const CatalogueEntry* lif = catalogue->find("lif");
    const CatalogueEntry* adex = catalogue->find("adex");
    ASSERT_TRUE(lif && adex);
    NetworkGraph g = twoPopulations();
    g.populations[0].model = lif->spec;
    g.populations[0].modelSource = "catalogue:lif";
    NetworkInspector inspector;
    inspector.setCatalogue(catalogue);
    QSignalSpy edited(&inspector, &NetworkInspector::edited);
    inspector.inspect(g, QStringLiteral("E"));

    auto* tau = inspector.findChild<QLineEdit*>(QStringLiteral("override_tau"));
    ASSERT_NE(tau, nullptr) << "one row per model parameter";
    EXPECT_TRUE(tau->text().isEmpty());
    EXPECT_EQ(tau->placeholderText(), QStringLiteral("10*ms")) << "the model's value shows through";
    tau->setText(QStringLiteral("20*ms"));
    emit tau->editingFinished();
    ASSERT_EQ(edited.count(), 1);
    const auto withTau = edited.at(0).at(0).value<NetworkGraph>();
    ASSERT_EQ(withTau.populations[0].parameters.size(), 1u);
    EXPECT_EQ(withTau.populations[0].parameters[0].first, "tau");
    EXPECT_EQ(withTau.populations[0].parameters[0].second, ValueSpec::constant("20*ms"));

    // Emptying it goes back to the model's value.
    inspector.inspect(withTau, QStringLiteral("E"));
    tau = inspector.findChild<QLineEdit*>(QStringLiteral("override_tau"));
    EXPECT_EQ(tau->text(), QStringLiteral("20*ms"));
    tau->clear();
    emit tau->editingFinished();
    ASSERT_EQ(edited.count(), 2);
    EXPECT_TRUE(edited.at(1).at(0).value<NetworkGraph>().populations[0].parameters.empty());

    // The model box offers the catalogue; choosing AdEx copies its equations in.
    auto* model = inspector.findChild<QComboBox*>(QStringLiteral("field_Model"));
    ASSERT_NE(model, nullptr);
    const int index = model->findText(QString::fromStdString(adex->name));
    ASSERT_GE(index, 0);
    model->setCurrentIndex(index);
    emit model->activated(index);
    ASSERT_EQ(edited.count(), 3);
    const auto changed = edited.at(2).at(0).value<NetworkGraph>();
    EXPECT_EQ(changed.populations[0].model, adex->spec);
    EXPECT_EQ(changed.populations[0].modelSource, "catalogue:adex");
}
