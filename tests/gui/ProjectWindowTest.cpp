// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the project life cycle in the real main window: save, reopen, undo and the
// unsaved marker, revert, close, the one-writer lock, the example projects.
#include "GuiTestSupport.h"
#include "MessageBoxAnswerer.h"
#include "support/TestSupport.h"

#include "gui/MainWindow.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "ModelBrowser.h"
#include "ParameterPanel.h"
#include "TracePlot.h"

#include "project/ProjectStore.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSlider>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <filesystem>

using namespace scs::ui;
using scs::test::MessageBoxAnswerer;

namespace {

/// A copy of a built example project in a fresh folder (examples are built by the CLI).
QString copyExample(const scs::test::TempDir& dir, const std::string& name) {
    const auto source = scs::test::binaryDir() / "projects" / name;
    const auto target = dir.path() / name;
    std::filesystem::copy_file(source, target);
    return QString::fromStdString(target.string());
}

std::string parameter(const MainWindow& w, const std::string& name) {
    return w.document()->state().model.spec.parameter(name).value_or("");
}

/// Moves parameter `name`'s slider as a user would: one undoable edit.
void nudge(MainWindow& w, const char* name, int by) {
    QSlider* s = w.playground()->parameterPanel()->slider(QString::fromLatin1(name));
    ASSERT_NE(s, nullptr) << name;
    s->setValue(s->value() + by);
    w.playground()->runner()->waitForIdle();
}

} // namespace

TEST(ProjectWindowTest, AnEditSurvivesSaveCloseAndReopen) {
    scs::test::TempDir dir;
    const QString path = copyExample(dir, "default.scstudio");
    std::string edited;
    {
        MainWindow w(MainWindow::Options{false});
        w.show();
        QString error;
        ASSERT_TRUE(w.openProject(path, &error)) << error.toStdString();
        EXPECT_TRUE(w.windowTitle().startsWith(QStringLiteral("default.scstudio[*]"))) << w.windowTitle().toStdString();
        EXPECT_FALSE(w.isWindowModified());
        const std::string before = parameter(w, "a");
        nudge(w, "a", 150);
        edited = parameter(w, "a");
        ASSERT_NE(edited, before);
        EXPECT_TRUE(w.isWindowModified()) << "an edit shows the unsaved marker";
        w.action(QStringLiteral("actionSave"))->trigger();
        EXPECT_FALSE(w.isWindowModified()) << "a save clears it";
        ASSERT_TRUE(w.closeProject());
        EXPECT_TRUE(w.projectPath().isEmpty());
        EXPECT_TRUE(w.windowTitle().startsWith(QStringLiteral("Untitled"))) << w.windowTitle().toStdString();
    }
    MainWindow again(MainWindow::Options{false});
    QString error;
    ASSERT_TRUE(again.openProject(path, &error)) << error.toStdString();
    EXPECT_EQ(parameter(again, "a"), edited);
    EXPECT_FALSE(again.isWindowModified());
    // The save stored the last simulation with its manifest; opening did not read its data.
    const auto runs = again.project().runsOf(again.project().view.activeDocument, "simulation");
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs.front()->data, nullptr);
    EXPECT_EQ(runs.front()->manifest.inputsSha256.size(), 64u);
    const auto data = again.project().runData(runs.front()->id);
    EXPECT_GT(data->traces.front().values.size(), 1000u);
    EXPECT_GT(data->spikeTimes.size(), 0u) << "the RS neuron fires under its step";
}

TEST(ProjectWindowTest, UndoAndRedoAcrossSeveralEditsMoveTheUnsavedMarker) {
    scs::test::TempDir dir;
    const QString path = copyExample(dir, "default.scstudio");
    MainWindow w(MainWindow::Options{false});
    w.show();
    ASSERT_TRUE(w.openProject(path));
    QAction* undo = w.action(QStringLiteral("actionUndo"));
    QAction* redo = w.action(QStringLiteral("actionRedo"));
    const std::string original = parameter(w, "d");
    nudge(w, "d", 80);
    const std::string first = parameter(w, "d");
    nudge(w, "c", 60);
    ASSERT_TRUE(w.saveProject(path));
    const std::string savedC = parameter(w, "c");
    EXPECT_FALSE(w.isWindowModified());
    nudge(w, "b", -90);
    EXPECT_TRUE(w.isWindowModified());
    undo->trigger(); // back to the saved state
    EXPECT_FALSE(w.isWindowModified()) << "undo back to the saved state clears the marker";
    undo->trigger(); // before the save
    EXPECT_TRUE(w.isWindowModified());
    EXPECT_EQ(parameter(w, "d"), first);
    EXPECT_NE(parameter(w, "c"), savedC);
    undo->trigger();
    EXPECT_EQ(parameter(w, "d"), original);
    redo->trigger();
    redo->trigger();
    EXPECT_EQ(parameter(w, "c"), savedC);
    EXPECT_FALSE(w.isWindowModified()) << "redo to the saved state clears it too";
    redo->trigger();
    EXPECT_TRUE(w.isWindowModified());
}

TEST(ProjectWindowTest, RevertDropsUnsavedEditsAndCloseAsksFirst) {
    scs::test::TempDir dir;
    const QString path = copyExample(dir, "default.scstudio");
    MainWindow w(MainWindow::Options{false});
    w.show();
    ASSERT_TRUE(w.openProject(path));
    const std::string saved = parameter(w, "a");
    nudge(w, "a", 200);
    ASSERT_NE(parameter(w, "a"), saved);
    QString error;
    ASSERT_TRUE(w.revertProject(false, &error)) << error.toStdString();
    EXPECT_EQ(parameter(w, "a"), saved);
    EXPECT_FALSE(w.isWindowModified());
    EXPECT_EQ(w.document()->undoStack()->count(), 0);

    nudge(w, "a", 200);
    {
        MessageBoxAnswerer cancel(QStringLiteral("Unsaved changes"), QStringLiteral("Cancel"));
        EXPECT_FALSE(w.closeProject());
        EXPECT_TRUE(cancel.seen());
        EXPECT_EQ(w.projectPath(), path) << "cancel keeps the project open";
    }
    MessageBoxAnswerer discard(QStringLiteral("Unsaved changes"), QStringLiteral("Discard"));
    EXPECT_TRUE(w.closeProject());
    EXPECT_TRUE(discard.seen());
    EXPECT_TRUE(w.projectPath().isEmpty());
    MainWindow check(MainWindow::Options{false});
    ASSERT_TRUE(check.openProject(path));
    EXPECT_EQ(parameter(check, "a"), saved) << "discarded edits never reach the file";
}

TEST(ProjectWindowTest, ASecondStudioIsToldWhoHoldsTheFileAndMayOpenItReadOnly) {
    scs::test::TempDir dir;
    const QString path = copyExample(dir, "default.scstudio");
    MainWindow first(MainWindow::Options{false});
    ASSERT_TRUE(first.openProject(path));
    const QByteArray bytes = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    MainWindow second(MainWindow::Options{false});
    second.show();
    {
        MessageBoxAnswerer decline(QStringLiteral("projectInUse"), QStringLiteral("Cancel"));
        QString error;
        EXPECT_FALSE(second.openProject(path, &error));
        EXPECT_TRUE(decline.seen());
        EXPECT_TRUE(error.contains(QString::number(QCoreApplication::applicationPid()))) << error.toStdString();
    }
    MessageBoxAnswerer accept(QStringLiteral("projectInUse"), QStringLiteral("Open Read-Only"));
    ASSERT_TRUE(second.openProject(path));
    ASSERT_TRUE(accept.seen());
    EXPECT_TRUE(accept.text().contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())))
        << accept.text().toStdString();
    EXPECT_TRUE(second.isReadOnly());
    EXPECT_TRUE(second.windowTitle().contains(QStringLiteral("(read-only)")));
    nudge(second, "a", 100);
    QString error;
    EXPECT_FALSE(second.saveProject(path, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("read-only"))) << error.toStdString();
    const QByteArray after = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    EXPECT_EQ(after, bytes) << "the holder's file is untouched";
    const QString copy = QDir(QString::fromStdString(dir.path().string())).filePath(QStringLiteral("mine.scstudio"));
    ASSERT_TRUE(second.saveProject(copy, &error)) << error.toStdString();
    EXPECT_FALSE(second.isReadOnly()) << "Save As to a file of its own makes it writable";
}

TEST(ProjectWindowTest, EveryExampleProjectOpensAndSimulates) {
    const auto folder = scs::test::binaryDir() / "projects";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".scstudio") continue;
        ++count;
        const std::string name = entry.path().filename().string();
        const auto problems = scs::project::ProjectStore::validate(entry.path().string());
        EXPECT_TRUE(problems.empty()) << name << ": " << (problems.empty() ? "" : problems.front());
        scs::test::TempDir dir;
        MainWindow w(MainWindow::Options{false});
        QString error;
        ASSERT_TRUE(w.openProject(copyExample(dir, name), &error)) << name << ": " << error.toStdString();
        EXPECT_TRUE(w.playground()->runNow()) << name;
        EXPECT_GT(w.playground()->tracePlot()->rowCount(), 0) << name;
    }
    EXPECT_GE(count, 3) << "at least three example projects";
}

TEST(ProjectWindowTest, AModelKeptInTheProjectIsListedUndoableSavedAndLoadable) {
    scs::test::TempDir dir;
    const QString path = copyExample(dir, "default.scstudio");
    std::string id, edited;
    {
        MainWindow w(MainWindow::Options{false});
        w.show();
        ASSERT_TRUE(w.openProject(path));
        ModelBrowser* browser = w.playground()->modelBrowser();
        EXPECT_TRUE(browser->projectModels().empty());
        nudge(w, "a", 120);
        edited = parameter(w, "a");
        id = w.keepModelInProject();
        EXPECT_EQ(id, "izhikevich_rs_edited") << "a bundled model's copy gets an id of its own";
        ASSERT_FALSE(browser->visibleIds().isEmpty());
        EXPECT_EQ(browser->visibleIds().front(), QString::fromStdString(id)) << "project models are listed first";
        EXPECT_EQ(browser->list()->topLevelItem(0)->text(1), QStringLiteral("in project"));
        EXPECT_EQ(w.document()->state().model.id, id) << "the playground now shows the kept model";
        w.action(QStringLiteral("actionUndo"))->trigger();
        EXPECT_FALSE(browser->visibleIds().contains(QString::fromStdString(id)));
        EXPECT_EQ(w.document()->state().model.id, "izhikevich_rs") << "one undo takes back the whole step";
        w.action(QStringLiteral("actionRedo"))->trigger();
        EXPECT_TRUE(browser->visibleIds().contains(QString::fromStdString(id)));
        EXPECT_EQ(w.keepModelInProject(), id) << "keeping it again updates the project's copy";
        EXPECT_EQ(browser->projectModels().size(), 1u);
        ASSERT_TRUE(w.saveProject(path));
        ASSERT_TRUE(w.closeProject());
    }
    MainWindow w(MainWindow::Options{false});
    ASSERT_TRUE(w.openProject(path));
    ModelBrowser* browser = w.playground()->modelBrowser();
    ASSERT_EQ(browser->projectModels().size(), 1u);
    w.playground()->loadCatalogueModel(QStringLiteral("lif"));
    w.playground()->loadCatalogueModel(QString::fromStdString(id));
    EXPECT_EQ(w.document()->state().model.id, id);
    EXPECT_EQ(parameter(w, "a"), edited) << "the kept model has the edited value";
}

TEST(ProjectWindowTest, TheEditedModelExampleListsItsModelInTheBrowser) {
    scs::test::TempDir dir;
    MainWindow w(MainWindow::Options{false});
    ASSERT_TRUE(w.openProject(copyExample(dir, "adex-edited-model.scstudio")));
    const auto& models = w.playground()->modelBrowser()->projectModels();
    ASSERT_EQ(models.size(), 1u);
    EXPECT_EQ(models.front().id, "adex_strong_adaptation");
    EXPECT_EQ(w.document()->state().model.spec.parameter("b").value_or(""), "0.2415*nA");
}
