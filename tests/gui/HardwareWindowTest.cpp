// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the hardware path in the real main window: compile the playground to RTL,
// synthesise it for iCE40, keep the runs in the project, export a bundle with one action.
#include "GuiTestSupport.h"
#include "MessageBoxAnswerer.h"
#include "support/TestSupport.h"

#include "gui/HardwareController.h"
#include "gui/MainWindow.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "FixedContractBar.h"
#include "RtlViewer.h"
#include "SynthesisReportPanel.h"
#include "SystemVerilogHighlighter.h"
#include "UtilisationGauge.h"

#include <QAction>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextBlock>

#include <gtest/gtest.h>

#include <filesystem>

using namespace scs::ui;

namespace {

void loadModel(MainWindow& w, const char* id) {
    w.playground()->loadCatalogueModel(QString::fromLatin1(id));
    w.playground()->runner()->waitForIdle();
}

} // namespace

TEST(HardwareWindowTest, CompileShowsTheModuleReadOnlyInTheRtlDock) {
    MainWindow w(MainWindow::Options{false});
    w.show();
    loadModel(w, "izhikevich_rs");
    w.hardware()->contractBar()->formatBox()->setCurrentText(QStringLiteral("Q16.16"));
    w.action(QStringLiteral("actionCompileRtl"))->trigger();
    RtlViewer* viewer = w.hardware()->rtlViewer();
    EXPECT_TRUE(viewer->isVisible());
    EXPECT_TRUE(viewer->text().contains(QStringLiteral("module izhikevich_rs")));
    EXPECT_TRUE(viewer->text().contains(QStringLiteral("Q16.16")));
    EXPECT_TRUE(viewer->editor()->isReadOnly());
    EXPECT_EQ(viewer->title(), QStringLiteral("izhikevich_rs.sv"));
    EXPECT_TRUE(w.hardware()->compileError().isEmpty());
    // Changing the contract recompiles what is shown.
    w.hardware()->contractBar()->overflowBox()->setCurrentText(QStringLiteral("wrap"));
    EXPECT_TRUE(viewer->text().contains(QStringLiteral("wrap"))) << viewer->text().left(600).toStdString();
    // The pre-synthesis estimate appears at once, for every target.
    const auto& reports = w.hardware()->synthesisPanel()->reports();
    ASSERT_EQ(reports.size(), 4u);
    EXPECT_TRUE(reports.front().estimated);
    EXPECT_GT(reports.front().luts, 0);
    const int flipFlops = reports.front().flipFlops;

    // Pipeline stages recompile at once: a phase counter, three cycles per step, more flip-flops.
    EXPECT_FALSE(viewer->text().contains(QStringLiteral("phase")));
    w.hardware()->pipelineBox()->setValue(2);
    EXPECT_TRUE(viewer->text().contains(QStringLiteral("3 enabled clock cycles (2 pipeline stages)")));
    EXPECT_TRUE(viewer->text().contains(QStringLiteral("phase")));
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("3 clock cycles per step")))
        << w.statusBar()->currentMessage().toStdString();
    const auto& piped = w.hardware()->synthesisPanel()->reports();
    ASSERT_EQ(piped.size(), 4u);
    EXPECT_GT(piped.front().flipFlops, flipFlops) << "the estimate counts the pipeline registers";
}

TEST(HardwareWindowTest, AConstructWithoutFixedPointFormIsRefusedWithItsPosition) {
    MainWindow w(MainWindow::Options{false});
    w.show();
    loadModel(w, "lif");
    w.playground()->document()->setSpecField("equations",
                                             "dv/dt = (El - v + R*I)/tau + rand()*mV/ms : volt (unless refractory)\n"
                                             "I : amp");
    EXPECT_FALSE(w.hardware()->compile());
    const QString error = w.hardware()->compileError();
    EXPECT_TRUE(error.contains(QStringLiteral("equations:1:"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("deterministic"))) << error.toStdString();
}

TEST(HardwareWindowTest, SynthesisForIce40FillsTheReportPanelAndIsKeptInTheProject) {
    scs::test::TempDir dir;
    const QString path = QString::fromStdString((dir.path() / "hw.scstudio").string());
    {
        MainWindow w(MainWindow::Options{false});
        w.show();
        loadModel(w, "lif");
        ASSERT_TRUE(w.hardware()->synthesise(QStringLiteral("ice40")));
        SynthesisReportPanel* panel = w.hardware()->synthesisPanel();
        EXPECT_TRUE(panel->isRunning());
        ASSERT_TRUE(w.hardware()->waitForIdle(180000));
        EXPECT_FALSE(panel->isRunning());
        EXPECT_EQ(panel->currentTarget(), QStringLiteral("ice40"));
        EXPECT_TRUE(panel->errorText().isEmpty()) << panel->errorText().toStdString();
        ASSERT_GE(panel->historyTable()->rowCount(), 1);
        EXPECT_GT(panel->historyTable()->item(0, SynthesisReportPanel::LutColumn)->text().toInt(), 0);
        EXPECT_NE(panel->historyTable()->item(0, SynthesisReportPanel::FmaxColumn)->text(), QStringLiteral("-"));
        ASSERT_NE(panel->gauge(QStringLiteral("LUTs")), nullptr);
        EXPECT_GT(panel->gauge(QStringLiteral("LUTs"))->value(), 0);
        ASSERT_TRUE(w.saveProject(path));
    }
    MainWindow reopened(MainWindow::Options{false});
    QString error;
    ASSERT_TRUE(reopened.openProject(path, &error)) << error.toStdString();
    const auto& history = reopened.hardware()->synthesisPanel()->reports();
    const auto real = std::count_if(history.begin(), history.end(), [](const auto& r) { return !r.estimated; });
    EXPECT_EQ(real, 1);
    EXPECT_EQ(reopened.hardware()->synthesisPanel()->historyTable()->rowCount(), 1);
}

TEST(HardwareWindowTest, ExportBundleWritesTheWholeBundleInOneStep) {
    scs::test::TempDir dir;
    MainWindow w(MainWindow::Options{false});
    w.show();
    loadModel(w, "izhikevich_rs");
    QAction* exportAction = w.action(QStringLiteral("actionExportBundle"));
    ASSERT_NE(exportAction, nullptr);
    EXPECT_FALSE(exportAction->toolTip().isEmpty());
    bool finished = false, ok = false;
    QObject::connect(w.hardware(), &HardwareController::exportFinished, [&](bool success, const QString&) {
        finished = true;
        ok = success;
    });
    const std::filesystem::path folder = dir.path() / "izh-bundle";
    ASSERT_TRUE(w.hardware()->exportBundle(QString::fromStdString(folder.string())));
    ASSERT_TRUE(w.hardware()->waitForIdle(60000));
    EXPECT_TRUE(finished);
    EXPECT_TRUE(ok);
    EXPECT_TRUE(std::filesystem::is_regular_file(folder / "manifest.json"));
    EXPECT_TRUE(std::filesystem::is_regular_file(folder / "rtl" / "izhikevich_rs.sv"));
    EXPECT_TRUE(std::filesystem::is_regular_file(folder / "sim" / "Makefile"));
    // A second export to the same, now full, folder is refused with a dialog that says why; the
    // first bundle is untouched.
    scs::test::MessageBoxAnswerer answer(QStringLiteral("Export Bundle"), QStringLiteral("OK"));
    ASSERT_TRUE(w.hardware()->exportBundle(QString::fromStdString(folder.string())));
    ASSERT_TRUE(w.hardware()->waitForIdle(60000));
    EXPECT_FALSE(ok);
    EXPECT_TRUE(answer.seen());
    EXPECT_TRUE(answer.text().contains(QStringLiteral("not empty"))) << answer.text().toStdString();
    EXPECT_TRUE(std::filesystem::is_regular_file(folder / "manifest.json"));
}
