// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — plugins at start-up: broken ones reported and skipped, Help > Plugins, crash guard.
#include "GuiTestSupport.h"
#include "support/TestSupport.h"

#include "gui/MainWindow.h"
#include "gui/PluginManager.h"
#include "gui/PluginsDialog.h"

#include "plugin/PluginLoader.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QToolButton>
#include <QTreeWidget>

#include <filesystem>
#include <memory>

using namespace scs::ui;
namespace fs = std::filesystem;

namespace {

/// A plugin directory named by SCS_PLUGIN_PATH for the test's duration, holding a shared library
/// without the plugin entry point and a "library" that is not ELF at all. The good template
/// plugin comes from the build tree's plugin directory, as in a developer's run.
class PluginsWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        copy(fs::path(SCS_TEST_BINARY_DIR) / "test-plugins", "fixture_no_entry");
        copy(fs::path(SCS_TEST_SOURCE_DIR) / "tests/core/plugin/fixtures", "garbage");
        previous_ = qgetenv("SCS_PLUGIN_PATH");
        hadPrevious_ = qEnvironmentVariableIsSet("SCS_PLUGIN_PATH");
        qputenv("SCS_PLUGIN_PATH", QByteArray::fromStdString(plugins.path().string()));
    }
    void TearDown() override {
        window.reset();
        if (hadPrevious_) qputenv("SCS_PLUGIN_PATH", previous_);
        else qunsetenv("SCS_PLUGIN_PATH");
    }
    void copy(const fs::path& from, const std::string& id) {
        for (const std::string& name : {id + ".scsplugin.json", "lib" + id + ".so"}) {
            ASSERT_TRUE(fs::exists(from / name)) << (from / name).string() << " (build the test plugins)";
            fs::copy_file(from / name, plugins.path() / name);
        }
    }
    void start() {
        MainWindow::Options o{false};
        o.pluginStateDirectory = QString::fromStdString(state.path().string());
        window = std::make_unique<MainWindow>(o);
        window->show();
    }
    static QTreeWidgetItem* row(QTreeWidget* list, const QString& id) {
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(0) == id) return list->topLevelItem(i);
        return nullptr;
    }

    scs::test::TempDir plugins;
    scs::test::TempDir state;
    std::unique_ptr<MainWindow> window;
    QByteArray previous_;
    bool hadPrevious_ = false;
};

TEST_F(PluginsWindowTest, BrokenPluginsAreListedWithTheirReasonAndTheTemplateRuns) {
    start();
    ASSERT_NE(window->plugins(), nullptr);
    EXPECT_EQ(window->plugins()->failedCount(), 2);
    // A non-modal notice in the status bar points to the dialog.
    QToolButton* notice = window->pluginWarning();
    ASSERT_TRUE(notice->isVisibleTo(window.get()));
    EXPECT_EQ(notice->text(), QStringLiteral("2 plugins could not be loaded — Help ▸ Plugins"));
    EXPECT_TRUE(notice->toolTip().contains(QStringLiteral("garbage: not a shared library")));

    PluginsDialog dialog(*window->plugins(), window.get());
    QTreeWidget* list = dialog.pluginList();
    QTreeWidgetItem* noEntry = row(list, "fixture_no_entry");
    ASSERT_NE(noEntry, nullptr);
    EXPECT_EQ(noEntry->text(PluginsDialog::StateColumn), QStringLiteral("failed"));
    EXPECT_TRUE(noEntry->text(PluginsDialog::ProblemsColumn).startsWith(QStringLiteral("library does not export scs_plugin_entry()")))
        << noEntry->text(PluginsDialog::ProblemsColumn).toStdString();
    EXPECT_EQ(noEntry->foreground(0).color(), QColor(0xc0, 0x20, 0x20));
    QTreeWidgetItem* garbage = row(list, "garbage");
    ASSERT_NE(garbage, nullptr);
    EXPECT_EQ(garbage->text(PluginsDialog::StateColumn), QStringLiteral("failed"));
    EXPECT_TRUE(garbage->text(PluginsDialog::ProblemsColumn).contains(QStringLiteral("no ELF header")));

    QTreeWidgetItem* templ = row(list, "template");
    ASSERT_NE(templ, nullptr) << "the build tree's template plugin must be found";
    EXPECT_EQ(templ->text(PluginsDialog::StateColumn), QStringLiteral("running"));
    EXPECT_EQ(templ->text(PluginsDialog::VersionColumn), QStringLiteral("0.1.0"));
    EXPECT_TRUE(templ->text(PluginsDialog::ProblemsColumn).isEmpty());
    QTreeWidgetItem* job = row(dialog.jobList(), "template_sum");
    ASSERT_NE(job, nullptr);
    EXPECT_EQ(job->text(PluginsDialog::JobPluginColumn), QStringLiteral("template"));
    EXPECT_FALSE(job->text(PluginsDialog::JobTitleColumn).isEmpty());
    EXPECT_TRUE(dialog.summaryLabel()->text().contains(QString::fromStdString(plugins.path().string())));
    EXPECT_TRUE(dialog.summaryLabel()->text().contains(QStringLiteral("2 could not be loaded")));

    // The studio itself carries on: the playground works and Help lists the dialog.
    bool inHelp = false;
    for (QAction* menu : window->menuBar()->actions())
        if (menu->text().remove('&') == QLatin1String("Help"))
            for (QAction* a : menu->menu()->actions()) inHelp = inHelp || a->objectName() == QLatin1String("actionPlugins");
    EXPECT_TRUE(inHelp);
    EXPECT_FALSE(fs::exists(state.path() / scs::PluginLoader::kLockFileName)) << "a clean start leaves no lock";
}

TEST_F(PluginsWindowTest, APluginThatCrashedTheLastStartIsDisabledWithoutBlocking) {
    scs::test::writeFile(state.path() / scs::PluginLoader::kLockFileName, "template\n");
    start(); // tests never answer a question: it must not be asked
    EXPECT_EQ(window->plugins()->crashedLastTime(), QStringLiteral("template"));
    EXPECT_TRUE(window->plugins()->disabledAfterCrash());
    {
        PluginsDialog dialog(*window->plugins(), window.get());
        QTreeWidgetItem* templ = row(dialog.pluginList(), "template");
        ASSERT_NE(templ, nullptr);
        EXPECT_EQ(templ->text(PluginsDialog::StateColumn), QStringLiteral("disabled"));
        EXPECT_EQ(row(dialog.jobList(), "template_sum"), nullptr) << "a disabled plugin offers no jobs";
        EXPECT_TRUE(dialog.summaryLabel()->text().contains(QStringLiteral("“template” was disabled")));
    }
    EXPECT_EQ(window->plugins()->failedCount(), 2) << "disabled is not failed";
    EXPECT_FALSE(fs::exists(state.path() / scs::PluginLoader::kLockFileName));

    // The next start is clean again.
    window.reset();
    start();
    EXPECT_TRUE(window->plugins()->crashedLastTime().isEmpty());
    PluginsDialog again(*window->plugins(), window.get());
    EXPECT_EQ(row(again.pluginList(), "template")->text(PluginsDialog::StateColumn), QStringLiteral("running"));
}

TEST(PluginsStartTest, WithoutBrokenPluginsThereIsNoNotice) {
    scs::test::TempDir empty, state;
    const QByteArray previous = qgetenv("SCS_PLUGIN_PATH");
    const bool had = qEnvironmentVariableIsSet("SCS_PLUGIN_PATH");
    qputenv("SCS_PLUGIN_PATH", QByteArray::fromStdString(empty.path().string()));
    {
        MainWindow::Options o{false};
        o.pluginStateDirectory = QString::fromStdString(state.path().string());
        MainWindow window(o);
        window.show();
        EXPECT_EQ(window.plugins()->failedCount(), 0);
        EXPECT_FALSE(window.pluginWarning()->isVisibleTo(&window));
    }
    if (had) qputenv("SCS_PLUGIN_PATH", previous);
    else qunsetenv("SCS_PLUGIN_PATH");
}

} // namespace
