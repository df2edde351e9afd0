// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the JSON project file: round trips, refusals, preserved content.
#include "gui/ProjectFile.h"

#include "ode/NeuronModel.h"

#include "support/TestSupport.h"

#include <gtest/gtest.h>

using namespace scs::ui;

namespace {

PlaygroundState sampleState() {
    PlaygroundState s = PlaygroundDocument::blank();
    s.title = "My playground";
    s.model.ranges.push_back({"tau", "1*ms", "50*ms", "membrane time constant"});
    s.simulation.dt = "0.05*ms";
    s.simulation.method = "rk4";
    s.analysis = {{"fi", {{"points", 12}}}};
    return s;
}

TEST(ProjectFileTest, SaveLoadRoundTripKeepsEverything) {
    scs::test::TempDir dir;
    const QString path = QString::fromStdString((dir.path() / "p.scstudio.json").string());
    Project p;
    p.documents.push_back({"playground", sampleState(), {}});
    p.extra["author"] = "someone";
    ProjectFile::save(path, p);
    const Project back = ProjectFile::load(path);
    ASSERT_EQ(back.documents.size(), 1u);
    const PlaygroundState& s = back.documents[0].playground;
    const PlaygroundState want = sampleState();
    EXPECT_EQ(s.title, want.title);
    EXPECT_EQ(s.model.spec.equations, want.model.spec.equations);
    EXPECT_EQ(s.model.spec.threshold, want.model.spec.threshold);
    EXPECT_EQ(s.model.spec.parameter("tau"), want.model.spec.parameter("tau"));
    EXPECT_EQ(s.model.spec.initialValue("v"), want.model.spec.initialValue("v"));
    ASSERT_NE(s.model.range("tau"), nullptr);
    EXPECT_EQ(s.model.range("tau")->max, "50*ms");
    EXPECT_EQ(s.simulation, want.simulation);
    EXPECT_EQ(s.analysis, want.analysis);
    EXPECT_EQ(back.extra.value("author", ""), "someone");
    EXPECT_TRUE(back.warnings.empty());
}

TEST(ProjectFileTest, ParametersKeepTheirOrder) {
    scs::test::TempDir dir;
    const QString path = QString::fromStdString((dir.path() / "p.scstudio.json").string());
    PlaygroundState state = sampleState();
    state.model.spec.parameters = {{"tau", "10*ms"}, {"El", "-65*mV"}, {"R", "10*Mohm"}, {"I", "0*nA"}};
    Project p;
    p.documents.push_back({"playground", state, {}});
    ProjectFile::save(path, p);
    EXPECT_EQ(ProjectFile::load(path).documents[0].playground.model.spec.parameters, state.model.spec.parameters);
}

TEST(ProjectFileTest, NewerVersionsAndOtherFormatsAreRefused) {
    try {
        ProjectFile::parse(R"({"format": "scstudio-json", "version": 2, "documents": []})", "x.json");
        FAIL() << "a newer file must be refused";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind("x.json", 0), 0u) << "the message names the file";
    }
    EXPECT_THROW(ProjectFile::parse(R"({"format": "other", "version": 1, "documents": []})", "x"), ProjectError);
    EXPECT_THROW(ProjectFile::parse("{not json", "x"), ProjectError);
    EXPECT_THROW(ProjectFile::parse(R"({"format": "scstudio-json", "version": 1})", "x"), ProjectError);
    EXPECT_THROW(ProjectFile::parse(R"({"format": "scstudio-json", "version": 1, "documents": [{"type": "playground"}]})", "x"),
                 ProjectError);
}

TEST(ProjectFileTest, UnknownDocumentsAreKeptAndWrittenBack) {
    const std::string text = R"({"format": "scstudio-json", "version": 1, "documents": [
        {"type": "network", "title": "net", "graph": {"nodes": [1, 2]}}]})";
    const Project p = ProjectFile::parse(text, "x");
    ASSERT_EQ(p.documents.size(), 1u);
    EXPECT_EQ(p.firstPlayground(), nullptr);
    ASSERT_EQ(p.warnings.size(), 1u);
    const Project again = ProjectFile::parse(ProjectFile::serialize(p), "y");
    EXPECT_EQ(again.documents[0].raw, p.documents[0].raw);
}

TEST(ProjectFileTest, FailedLoadNeverTouchesTheFile) {
    scs::test::TempDir dir;
    const auto file = dir.path() / "bad.scstudio.json";
    const std::string bad = R"({"format": "scstudio-json", "version": 7, "documents": []})";
    scs::test::writeFile(file, bad);
    EXPECT_THROW(ProjectFile::load(QString::fromStdString(file.string())), ProjectError);
    EXPECT_EQ(scs::test::readFile(file), bad);
    EXPECT_THROW(ProjectFile::load(QString::fromStdString((dir.path() / "none.json").string())), ProjectError);
}

TEST(ProjectFileTest, TheDefaultProjectOpensAndItsModelCompiles) {
    const auto path = scs::test::sourceDir() / "projects" / "default.scstudio.json";
    const Project p = ProjectFile::load(QString::fromStdString(path.string()));
    const PlaygroundState* s = p.firstPlayground();
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(scs::NeuronModel::diagnose(s->model.spec).empty());
    EXPECT_EQ(scs::NeuronModel::compile(s->model.spec).states().size(), 2u);
    EXPECT_EQ(s->simulation.protocol.rfind("step", 0), 0u);
}

} // namespace
