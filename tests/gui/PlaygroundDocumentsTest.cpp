// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — several playgrounds in one project: the Project list, switching, one undo
// history that brings the edited playground back on screen, and saving them all.
#include "GuiTestSupport.h"
#include "support/TestSupport.h"

#include "gui/AnalysisController.h"
#include "gui/MainWindow.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "ParameterPanel.h"
#include "ProjectPanel.h"

#include <QAction>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <filesystem>

using namespace scs::ui;

namespace {

class PlaygroundDocumentsTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = QString::fromStdString((dir.path() / "two.scstudio").string());
        std::filesystem::copy_file(scs::test::binaryDir() / "projects" / "default.scstudio", path.toStdString());
        window = std::make_unique<MainWindow>(MainWindow::Options{false});
        window->show();
        ASSERT_TRUE(window->openProject(path));
        first = window->document()->documentId();
    }
    void TearDown() override {
        window->playground()->runner()->waitForIdle();
        window.reset();
    }
    std::string parameter(const std::string& name) const {
        return window->document()->state().model.spec.parameter(name).value_or("");
    }
    void nudge(const char* name, int by) {
        QSlider* s = window->playground()->parameterPanel()->slider(QString::fromLatin1(name));
        ASSERT_NE(s, nullptr) << name;
        s->setValue(s->value() + by);
        window->playground()->runner()->waitForIdle();
    }
    QStringList listedTitles() const {
        QStringList titles;
        const QListWidget* list = window->projectPanel()->list();
        for (int i = 0; i < list->count(); ++i) titles << list->item(i)->text();
        return titles;
    }
    void trigger(const char* action) { window->action(QString::fromLatin1(action))->trigger(); }

    scs::test::TempDir dir;
    QString path;
    std::unique_ptr<MainWindow> window;
    std::int64_t first = 0;
};

} // namespace

TEST_F(PlaygroundDocumentsTest, EditsOnTwoPlaygroundsUndoInOrderAndBringTheirPlaygroundBack) {
    EXPECT_EQ(listedTitles(), QStringList{QStringLiteral("Izhikevich RS playground")});
    EXPECT_FALSE(window->projectPanel()->removeButton()->isEnabled()) << "the last playground cannot go";
    EXPECT_FALSE(window->removePlayground(first));

    const std::int64_t second = window->addPlayground(PlaygroundDocument::blank());
    EXPECT_EQ(window->document()->documentId(), second);
    EXPECT_EQ(listedTitles().size(), 2);
    const std::string tauBefore = parameter("tau");
    nudge("tau", 150);
    const std::string tauAfter = parameter("tau");
    ASSERT_NE(tauAfter, tauBefore);

    window->showDocument(first);
    EXPECT_EQ(window->document()->state().model.id, "izhikevich_rs");
    const std::string aBefore = parameter("a");
    nudge("a", 150);
    ASSERT_NE(parameter("a"), aBefore);

    trigger("actionUndo");
    EXPECT_EQ(parameter("a"), aBefore);
    EXPECT_EQ(window->document()->documentId(), first);
    trigger("actionUndo"); // the tau edit belongs to the second playground: it comes on screen
    EXPECT_EQ(window->document()->documentId(), second);
    EXPECT_EQ(parameter("tau"), tauBefore);
    trigger("actionUndo"); // the playground's addition
    EXPECT_EQ(listedTitles().size(), 1);
    EXPECT_EQ(window->document()->documentId(), first);
    EXPECT_FALSE(window->isWindowModified());

    trigger("actionRedo");
    trigger("actionRedo");
    EXPECT_EQ(window->document()->documentId(), second);
    EXPECT_EQ(parameter("tau"), tauAfter);
    trigger("actionRedo");
    EXPECT_EQ(window->document()->documentId(), first);
    ASSERT_TRUE(window->saveProject(path));
    ASSERT_TRUE(window->closeProject());

    MainWindow reopened(MainWindow::Options{false});
    ASSERT_TRUE(reopened.openProject(path));
    EXPECT_EQ(reopened.projectPanel()->list()->count(), 2);
    EXPECT_EQ(reopened.document()->documentId(), first) << "the playground on screen at the save";
    EXPECT_EQ(reopened.project().view.openDocuments.size(), 2u);
    reopened.showDocument(second);
    EXPECT_EQ(reopened.document()->state().model.spec.parameter("tau").value_or(""), tauAfter);
}

TEST_F(PlaygroundDocumentsTest, RemovingAPlaygroundTakesItsResultsAndUndoBringsBothBack) {
    const std::int64_t second = window->addPlayground(PlaygroundDocument::blank());
    ASSERT_TRUE(window->playground()->runNow());
    ASSERT_TRUE(window->saveProject(path)); // stores the second playground's simulation
    ASSERT_EQ(window->project().runsOf(second, "simulation").size(), 1u);
    ASSERT_TRUE(window->removePlayground(second));
    EXPECT_EQ(listedTitles().size(), 1);
    EXPECT_EQ(window->document()->documentId(), first);
    EXPECT_TRUE(window->project().runsOf(second).empty());
    EXPECT_TRUE(window->isWindowModified());
    trigger("actionUndo");
    EXPECT_EQ(listedTitles().size(), 2);
    EXPECT_EQ(window->document()->documentId(), second);
    EXPECT_EQ(window->project().runsOf(second, "simulation").size(), 1u);
    EXPECT_FALSE(window->isWindowModified()) << "back at the saved state";
}

TEST_F(PlaygroundDocumentsTest, RenamingInTheListIsAnUndoableEdit) {
    QListWidget* list = window->projectPanel()->list();
    list->item(0)->setText(QStringLiteral("Regular spiking, tuned"));
    EXPECT_EQ(window->document()->state().title, "Regular spiking, tuned");
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("Regular spiking, tuned")));
    trigger("actionUndo");
    EXPECT_EQ(window->document()->state().title, "Izhikevich RS playground");
    EXPECT_EQ(listedTitles(), QStringList{QStringLiteral("Izhikevich RS playground")});
}

TEST_F(PlaygroundDocumentsTest, SelectingInTheListShowsThatPlayground) {
    const std::int64_t second = window->addPlayground(PlaygroundDocument::blank());
    QListWidget* list = window->projectPanel()->list();
    list->setCurrentRow(0);
    EXPECT_EQ(window->document()->documentId(), first);
    list->setCurrentRow(1);
    EXPECT_EQ(window->document()->documentId(), second);
    EXPECT_EQ(window->document()->undoStack()->count(), 1) << "switching is not an edit";
}

TEST_F(PlaygroundDocumentsTest, AnAnalysisResultBelongsToThePlaygroundItRanOn) {
    const std::int64_t second = window->addPlayground(PlaygroundDocument::blank());
    window->showDocument(first);
    ASSERT_TRUE(window->runAnalysis(QStringLiteral("fi_curve")));
    window->showDocument(second); // while it runs
    ASSERT_TRUE(window->analyses()->waitForIdle(60000));
    EXPECT_EQ(window->project().runsOf(first, "analysis:fi_curve").size(), 1u);
    EXPECT_TRUE(window->project().runsOf(second, "analysis:fi_curve").empty());
}
