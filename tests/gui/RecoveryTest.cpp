// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — autosave and crash recovery: a studio killed with unsaved edits offers them
// at the next start. The studio that gets killed is this test program itself, started again in
// child mode (`--recovery-child`, handled by main.cpp), so the crash is a real SIGKILL.
#include "GuiTestSupport.h"
#include "MessageBoxAnswerer.h"
#include "RecoveryChild.h"
#include "support/TestSupport.h"

#include "gui/MainWindow.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "ParameterPanel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSlider>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

using namespace scs::ui;
using scs::test::MessageBoxAnswerer;
using scs::test::waitFor;

namespace {

std::string parameter(const MainWindow& w, const std::string& name) {
    return w.document()->state().model.spec.parameter(name).value_or("");
}

MainWindow::Options recoveryOptions(const QString& directory, int autosaveMs) {
    MainWindow::Options o{false};
    o.recoveryDirectory = directory;
    o.autosaveMs = autosaveMs;
    return o;
}

QStringList recoveryFiles(const QString& directory) {
    return QDir(directory).entryList({QStringLiteral("*.scstudio")}, QDir::Files);
}

} // namespace

namespace scs::test {

int runRecoveryChild(const QString& recoveryDirectory, const QString& project) {
    MainWindow w(recoveryOptions(recoveryDirectory, 100));
    w.show();
    QString error;
    if (!w.openProject(project, &error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 3;
    }
    QSlider* slider = w.playground()->parameterPanel()->slider(QStringLiteral("a"));
    slider->setValue(slider->value() + 250);
    std::printf("EDITED %s\n", parameter(w, "a").c_str());
    std::fflush(stdout);
    if (!waitFor(
            [&] { return !w.autosave()->recoveryFile().isEmpty() && QFileInfo::exists(w.autosave()->recoveryFile()); },
            10000))
        return 4;
    std::printf("AUTOSAVED %s\n", qPrintable(w.autosave()->recoveryFile()));
    std::fflush(stdout);
    waitFor([] { return false; }, 60000); // until the parent kills us
    return 5;
}

} // namespace scs::test

TEST(RecoveryTest, AStudioKilledWithUnsavedEditsOffersThemAtTheNextStart) {
    scs::test::TempDir dir;
    const QString folder = QString::fromStdString(dir.path().string());
    const QString recovery = folder + QStringLiteral("/recovery");
    const QString project = folder + QStringLiteral("/rs.scstudio");
    std::filesystem::copy_file(scs::test::binaryDir() / "projects" / "default.scstudio", project.toStdString());
    const std::string saved = [&] {
        MainWindow w(MainWindow::Options{false});
        EXPECT_TRUE(w.openProject(project));
        return parameter(w, "a");
    }();

    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--recovery-child"), recovery, project});
    ASSERT_TRUE(child.waitForStarted(10000));
    QString edited, lines;
    ASSERT_TRUE(waitFor(
        [&] {
            child.waitForReadyRead(50);
            lines += QString::fromUtf8(child.readAllStandardOutput());
            return lines.contains(QStringLiteral("AUTOSAVED"));
        },
        30000))
        << "child output: " << lines.toStdString() << child.readAllStandardError().toStdString();
    for (const QString& line : lines.split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("EDITED "))) edited = line.mid(7);
    ASSERT_FALSE(edited.isEmpty());
    ASSERT_NE(edited.toStdString(), saved);
    child.kill(); // SIGKILL: no clean close, no chance to remove anything
    ASSERT_TRUE(child.waitForFinished(10000));
    ASSERT_EQ(recoveryFiles(recovery).size(), 1) << "the killed studio leaves its recovery file";

    MainWindow next(recoveryOptions(recovery, 0));
    next.show();
    MessageBoxAnswerer restore(QStringLiteral("recoveryPrompt"), QStringLiteral("Restore"));
    ASSERT_TRUE(next.offerRecovery());
    ASSERT_TRUE(restore.seen());
    EXPECT_TRUE(restore.text().contains(project)) << restore.text().toStdString();
    EXPECT_EQ(parameter(next, "a"), edited.toStdString()) << "the recovered edit is back";
    EXPECT_EQ(next.projectPath(), QFileInfo(project).absoluteFilePath());
    EXPECT_TRUE(next.isWindowModified()) << "recovered work is unsaved until saved";
    EXPECT_EQ(recoveryFiles(recovery).size(), 1) << "kept until the restored work is saved";

    ASSERT_TRUE(next.saveProject(next.projectPath()));
    EXPECT_TRUE(recoveryFiles(recovery).isEmpty()) << "saving removes the recovery file";
    EXPECT_FALSE(next.isWindowModified());
    ASSERT_TRUE(next.closeProject());
    MainWindow reopened(MainWindow::Options{false});
    ASSERT_TRUE(reopened.openProject(project));
    EXPECT_EQ(parameter(reopened, "a"), edited.toStdString());
}

TEST(RecoveryTest, ACleanCloseRemovesTheRecoveryFileAndARunningStudioIsNotOffered) {
    scs::test::TempDir dir;
    const QString recovery = QString::fromStdString((dir.path() / "recovery").string());
    auto w = std::make_unique<MainWindow>(recoveryOptions(recovery, 50));
    w->show();
    w->openDefaultProject();
    QSlider* slider = w->playground()->parameterPanel()->slider(QStringLiteral("a"));
    ASSERT_NE(slider, nullptr);
    slider->setValue(slider->value() + 100);
    ASSERT_TRUE(waitFor([&] { return recoveryFiles(recovery).size() == 1; }, 5000));
    // Another studio starting now must not offer the work of one that is still running.
    MainWindow other(recoveryOptions(recovery, 0));
    EXPECT_TRUE(Autosave::findOrphans(recovery).isEmpty());
    EXPECT_FALSE(other.offerRecovery());

    MessageBoxAnswerer discard(QStringLiteral("Unsaved changes"), QStringLiteral("Discard"));
    EXPECT_TRUE(w->close());
    EXPECT_TRUE(discard.seen());
    EXPECT_TRUE(recoveryFiles(recovery).isEmpty()) << "a clean close leaves nothing to recover";
}

TEST(RecoveryTest, TheAutosaveIntervalIsSetFromTheFileMenu) {
    scs::test::TempDir dir;
    MainWindow w(recoveryOptions(QString::fromStdString(dir.path().string()), 0));
    EXPECT_EQ(w.autosave()->interval(), 0);
    w.setAutosaveSeconds(45);
    EXPECT_EQ(w.autosave()->interval(), 45000);
    w.setAutosaveSeconds(0);
    EXPECT_EQ(w.autosave()->interval(), 0) << "0 turns it off";
    EXPECT_NE(w.action(QStringLiteral("actionAutosave")), nullptr);
}
