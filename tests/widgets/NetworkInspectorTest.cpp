// SPDX-License-Identifier: MIT
// The inspector edits what used to need the project's JSON: per-neuron draws and expressions,
// STDP, spike-generator times and a state monitor's variables and neurons, as a user types them.
#include "NetworkInspector.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>

using namespace scs;
using namespace scs::ui;

namespace {

NetworkGraph smallNetwork() {
    NetworkGraph g;
    Population e;
    e.id = "E";
    e.name = "excitatory";
    e.size = 10;
    e.model.parameters = {{"tau", "10*ms"}, {"El", "-65*mV"}};
    e.model.initialValues = {{"v", "-65*mV"}};
    g.populations = {e};
    Stimulus input;
    input.id = "input";
    input.name = "input";
    input.kind = Stimulus::Kind::SpikeGenerator;
    input.spikes = {{0, "10*ms"}};
    g.stimuli = {input};
    Projection p;
    p.id = "inputE";
    p.source = "input";
    p.target = "E";
    g.projections = {p};
    Monitor m;
    m.id = "trace";
    m.name = "trace";
    m.kind = Monitor::Kind::State;
    m.target = "E";
    m.variables = {"v"};
    g.monitors = {m};
    return g;
}

// Types `text` into the inspector's line edit `name` and finishes the edit as Return would.
void type(NetworkInspector& inspector, const QString& name, const QString& text) {
    auto* edit = inspector.findChild<QLineEdit*>(name);
    ASSERT_NE(edit, nullptr) << name.toStdString();
    edit->setText(text);
    emit edit->editingFinished();
}

NetworkGraph lastGraph(const QSignalSpy& edited) { return edited.last().at(0).value<NetworkGraph>(); }

TEST(NetworkInspectorTest, OverridesTakeDrawsAndExpressionsAndShowThemBack) {
    NetworkInspector inspector;
    QSignalSpy edited(&inspector, &NetworkInspector::edited);
    inspector.inspect(smallNetwork(), QStringLiteral("E"));
    type(inspector, QStringLiteral("override_v"), QStringLiteral("uniform(-70*mV, -55*mV)"));
    ASSERT_EQ(edited.count(), 1);
    NetworkGraph g = lastGraph(edited);
    ASSERT_EQ(g.populations[0].initialValues.size(), 1u);
    EXPECT_EQ(g.populations[0].initialValues[0].second, (ValueSpec{ValueSpec::Kind::Uniform, "-70*mV", "-55*mV"}));

    inspector.inspect(g, QStringLiteral("E"));
    EXPECT_EQ(inspector.findChild<QLineEdit*>(QStringLiteral("override_v"))->text(),
              QStringLiteral("uniform(-70*mV, -55*mV)"));
    EXPECT_FALSE(inspector.findChild<QLineEdit*>(QStringLiteral("override_v"))->isReadOnly());
    type(inspector, QStringLiteral("override_tau"), QStringLiteral("expression(10*ms + i*0.1*ms)"));
    ASSERT_EQ(edited.count(), 2);
    EXPECT_EQ(lastGraph(edited).populations[0].parameters[0],
              (std::pair<std::string, ValueSpec>{"tau", {ValueSpec::Kind::Expression, "10*ms + i*0.1*ms", ""}}));
}

TEST(NetworkInspectorTest, AMalformedDrawIsShownAndNothingIsCommitted) {
    NetworkInspector inspector;
    inspector.show();
    QSignalSpy edited(&inspector, &NetworkInspector::edited);
    inspector.inspect(smallNetwork(), QStringLiteral("E"));
    type(inspector, QStringLiteral("override_El"), QStringLiteral("normal(-65*mV)"));
    EXPECT_EQ(edited.count(), 0);
    auto* problem = inspector.findChild<QLabel*>(QStringLiteral("inspectorProblem"));
    EXPECT_TRUE(problem->isVisible());
    EXPECT_EQ(problem->text(), QStringLiteral("normal() takes two values, e.g. normal(-60*mV, -50*mV)"));
    type(inspector, QStringLiteral("override_El"), QStringLiteral("normal(-65*mV, 1*mV)"));
    EXPECT_EQ(edited.count(), 1);
    EXPECT_FALSE(problem->isVisible()) << "the typing error is over";
}

TEST(NetworkInspectorTest, StdpIsSwitchedOnEditedAndSwitchedOff) {
    NetworkInspector inspector;
    QSignalSpy edited(&inspector, &NetworkInspector::edited);
    inspector.inspect(smallNetwork(), QStringLiteral("inputE"));
    EXPECT_EQ(inspector.findChild<QLineEdit*>(QStringLiteral("field_STDP A+")), nullptr) << "off: no STDP rows";
    auto* plastic = inspector.findChild<QCheckBox*>(QStringLiteral("field_stdp"));
    ASSERT_NE(plastic, nullptr);
    plastic->setChecked(true);
    ASSERT_EQ(edited.count(), 1);
    NetworkGraph g = lastGraph(edited);
    ASSERT_TRUE(g.projections[0].stdp.has_value());
    EXPECT_EQ(*g.projections[0].stdp, StdpSpec{});
    EXPECT_EQ(edited.last().at(1).toString(), QStringLiteral("Enable STDP on inputE"));

    inspector.inspect(g, QStringLiteral("inputE"));
    type(inspector, QStringLiteral("field_STDP A+"), QStringLiteral("0.02"));
    ASSERT_EQ(edited.count(), 2);
    g = lastGraph(edited);
    EXPECT_EQ(g.projections[0].stdp->aPlus, "0.02");
    EXPECT_EQ(g.projections[0].stdp->wMax, StdpSpec{}.wMax) << "the other values stay";

    inspector.inspect(g, QStringLiteral("inputE"));
    inspector.findChild<QCheckBox*>(QStringLiteral("field_stdp"))->setChecked(false);
    ASSERT_EQ(edited.count(), 3);
    EXPECT_FALSE(lastGraph(edited).projections[0].stdp.has_value());
}

TEST(NetworkInspectorTest, SpikeGeneratorTimesAreTypedAsSourceAtTime) {
    NetworkInspector inspector;
    inspector.show();
    QSignalSpy edited(&inspector, &NetworkInspector::edited);
    inspector.inspect(smallNetwork(), QStringLiteral("input"));
    auto* spikes = inspector.findChild<QLineEdit*>(QStringLiteral("field_Spikes"));
    ASSERT_NE(spikes, nullptr);
    EXPECT_EQ(spikes->text(), QStringLiteral("0@10*ms"));
    type(inspector, QStringLiteral("field_Spikes"), QStringLiteral("0@10*ms, 1@12.5*ms"));
    ASSERT_EQ(edited.count(), 1);
    const std::vector<std::pair<int, std::string>> expected{{0, "10*ms"}, {1, "12.5*ms"}};
    EXPECT_EQ(lastGraph(edited).stimuli[0].spikes, expected);

    type(inspector, QStringLiteral("field_Spikes"), QStringLiteral("a@10*ms"));
    EXPECT_EQ(edited.count(), 1) << "a malformed list changes nothing";
    EXPECT_TRUE(inspector.findChild<QLabel*>(QStringLiteral("inspectorProblem"))->isVisible());
}

TEST(NetworkInspectorTest, AStateMonitorsVariablesAndNeuronsAreEditable) {
    NetworkInspector inspector;
    QSignalSpy edited(&inspector, &NetworkInspector::edited);
    inspector.inspect(smallNetwork(), QStringLiteral("trace"));
    type(inspector, QStringLiteral("field_Variables"), QStringLiteral("v, w"));
    ASSERT_EQ(edited.count(), 1);
    NetworkGraph g = lastGraph(edited);
    EXPECT_EQ(g.monitors[0].variables, (std::vector<std::string>{"v", "w"}));
    inspector.inspect(g, QStringLiteral("trace"));
    type(inspector, QStringLiteral("field_Neurons"), QStringLiteral("0, 3, 7"));
    ASSERT_EQ(edited.count(), 2);
    EXPECT_EQ(lastGraph(edited).monitors[0].indices, (std::vector<int>{0, 3, 7}));
}

} // namespace
