// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window as a user drives it: load, drag, type, undo, About.
#include "GuiTestSupport.h"

#include "gui/AboutDialog.h"
#include "gui/MainWindow.h"
#include "gui/PlaygroundDocument.h"
#include "gui/PlaygroundView.h"

#include "AnalysisPanel.h"
#include "EquationEditor.h"
#include "JobsIndicator.h"
#include "ModelBrowser.h"
#include "ModelEditorPanel.h"
#include "ParameterPanel.h"
#include "SimulationSettingsPanel.h"
#include "TracePlot.h"

#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

using namespace scs::ui;
using scs::test::graphValues;
using scs::test::waitFor;

namespace {

class PlaygroundWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = std::make_unique<MainWindow>(MainWindow::Options{false});
        window->show();
        view = window->playground();
    }
    void TearDown() override {
        view->runner()->waitForIdle();
        window.reset();
    }
    /// Loads a catalogue model the way a user does: search, select, Enter.
    void loadThroughBrowser(const QString& id) {
        ModelBrowser* browser = view->modelBrowser();
        browser->searchEdit()->setText(id);
        QTreeWidget* list = browser->list();
        QTreeWidgetItem* match = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->data(0, Qt::UserRole).toString() == id) match = list->topLevelItem(i);
        ASSERT_NE(match, nullptr) << "catalogue has no " << id.toStdString();
        list->setCurrentItem(match);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        ASSERT_TRUE(waitFor([&] { return view->document()->state().model.id == id.toStdString(); }));
        ASSERT_TRUE(waitFor([&] { return view->tracePlot()->rowCount() > 0; }));
        view->runner()->waitForIdle();
    }
    QVector<double> voltage() const { return graphValues(view->tracePlot()->stateGraph(0)); }

    std::unique_ptr<MainWindow> window;
    PlaygroundView* view = nullptr;
};

TEST_F(PlaygroundWindowTest, MovingAParameterSliderRedrawsTheTrace) {
    loadThroughBrowser(QStringLiteral("lif"));
    EXPECT_EQ(view->tracePlot()->stateGraph(0)->name(), QStringLiteral("v"));
    const QVector<double> before = voltage();
    ASSERT_GT(before.size(), 100);
    QSlider* tau = view->parameterPanel()->slider(QStringLiteral("tau"));
    ASSERT_NE(tau, nullptr);
    const int start = tau->value();
    tau->setValue(start > 500 ? start / 4 : start + 400);
    ASSERT_TRUE(waitFor([&] {
        view->runner()->waitForIdle();
        return voltage() != before;
    }));
    const QVector<double> after = voltage();
    EXPECT_EQ(after.size(), before.size());
    // The document holds the new value as text in the parameter's unit.
    const std::string text = view->document()->spec().parameter("tau").value_or("");
    EXPECT_NE(text, "10*ms");
    EXPECT_NE(text.find("ms"), std::string::npos) << text;
}

TEST_F(PlaygroundWindowTest, DraggingASliderRedrawsWhileDraggingAndIsOneUndoStep) {
    loadThroughBrowser(QStringLiteral("lif"));
    QSlider* tau = view->parameterPanel()->slider(QStringLiteral("tau"));
    ASSERT_NE(tau, nullptr);
    const int commandsBefore = view->document()->undoStack()->count();
    tau->setSliderDown(true); // the user presses the handle
    QVector<double> last = voltage();
    int redraws = 0;
    for (int k = 1; k <= 5; ++k) {
        tau->setValue(std::min(ParameterPanel::sliderSteps, tau->value() + 60));
        if (waitFor([&] { return voltage() != last; }, 2000)) ++redraws;
        last = voltage();
    }
    tau->setSliderDown(false);
    EXPECT_EQ(redraws, 5) << "every drag step must redraw before the release";
    EXPECT_EQ(view->document()->undoStack()->count(), commandsBefore + 1);
}

TEST_F(PlaygroundWindowTest, BrokenEquationIsUnderlinedAndListed) {
    loadThroughBrowser(QStringLiteral("lif"));
    EquationEditor* editor = view->editorPanel()->editor(QStringLiteral("equations"));
    ASSERT_NE(editor, nullptr);
    editor->setFocus();
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    const QString line2 = QStringLiteral("dv/dt = (El - v + R*I)/tua : volt");
    QTest::keyClicks(editor, QStringLiteral("I : amp"));
    // Keys go straight to the editor here, not through the completion popup as with a real
    // keyboard, so close the popup the way the user's Escape would before pressing Return.
    editor->completer()->popup()->hide();
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, line2);
    editor->completer()->popup()->hide();
    ASSERT_EQ(editor->toPlainText(), QStringLiteral("I : amp\n") + line2);

    ASSERT_TRUE(waitFor([&] { return !editor->diagnosticSelections().isEmpty(); }, 3000))
        << "no error marker after the debounce";
    const QTextEdit::ExtraSelection sel = editor->diagnosticSelections().front();
    EXPECT_EQ(sel.format.underlineStyle(), QTextCharFormat::SpellCheckUnderline);
    EXPECT_EQ(sel.cursor.block().blockNumber(), 1) << "marker on the wrong line";
    const int column = sel.cursor.selectionStart() - sel.cursor.block().position();
    EXPECT_EQ(column, line2.indexOf(QStringLiteral("tua"))) << "marker at the wrong column";
    EXPECT_TRUE(editor->extraSelections().size() >= 1);
    QListWidget* problems = view->editorPanel()->problemsList();
    ASSERT_GE(problems->count(), 1);
    EXPECT_TRUE(problems->item(0)->text().contains(QStringLiteral("tua"))) << problems->item(0)->text().toStdString();
    EXPECT_TRUE(problems->item(0)->text().contains(QStringLiteral("2:"))) << problems->item(0)->text().toStdString();

    // Fixing it clears the markers and the list; the model runs again.
    editor->selectAll();
    editor->insertPlainText(QStringLiteral("dv/dt = (El - v + R*I)/tau : volt\nI : amp")); // as a paste
    ASSERT_TRUE(waitFor([&] { return editor->diagnosticSelections().isEmpty(); }, 3000));
    EXPECT_EQ(problems->count(), 0);
    EXPECT_TRUE(view->model().has_value());
}

TEST_F(PlaygroundWindowTest, UndoRedoOfAParameterRestoresValueAndTrace) {
    loadThroughBrowser(QStringLiteral("lif"));
    const std::string originalText = view->document()->spec().parameter("tau").value_or("");
    const QVector<double> original = voltage();
    const double originalValue = view->parameterPanel()->value(QStringLiteral("tau"));
    QSlider* tau = view->parameterPanel()->slider(QStringLiteral("tau"));
    tau->setValue(tau->value() > 500 ? 100 : 900);
    ASSERT_TRUE(waitFor([&] {
        view->runner()->waitForIdle();
        return voltage() != original;
    }));
    const QVector<double> changed = voltage();
    const double changedValue = view->parameterPanel()->value(QStringLiteral("tau"));

    QAction* undo = window->action(QStringLiteral("actionUndo"));
    ASSERT_NE(undo, nullptr);
    EXPECT_EQ(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    ASSERT_TRUE(undo->isEnabled());
    undo->trigger();
    view->runner()->waitForIdle();
    EXPECT_EQ(view->document()->spec().parameter("tau").value_or(""), originalText);
    EXPECT_DOUBLE_EQ(view->parameterPanel()->value(QStringLiteral("tau")), originalValue);
    ASSERT_TRUE(waitFor([&] { return voltage() == original; })) << "undo did not restore the trace";

    window->action(QStringLiteral("actionRedo"))->trigger();
    view->runner()->waitForIdle();
    EXPECT_NEAR(view->parameterPanel()->value(QStringLiteral("tau")), changedValue, std::abs(changedValue) * 1e-5);
    ASSERT_TRUE(waitFor([&] { return voltage() == changed; })) << "redo did not restore the changed trace";
}

TEST_F(PlaygroundWindowTest, UndoOfAModelSwitchBringsTheOldModelBack) {
    loadThroughBrowser(QStringLiteral("lif"));
    const std::string equations = view->document()->spec().equations;
    loadThroughBrowser(QStringLiteral("izhikevich_rs"));
    EXPECT_EQ(view->tracePlot()->rowCount(), 2);
    window->action(QStringLiteral("actionUndo"))->trigger();
    view->runner()->waitForIdle();
    EXPECT_EQ(view->document()->state().model.id, "lif");
    EXPECT_EQ(view->editorPanel()->text(QStringLiteral("equations")).toStdString(), equations);
    EXPECT_TRUE(waitFor([&] { return view->tracePlot()->rowCount() == 1; }));
}

TEST_F(PlaygroundWindowTest, SlowRunsShowInTheJobsIndicatorAndCanBeCancelled) {
    loadThroughBrowser(QStringLiteral("lif"));
    view->runner()->setInlineBudgetMs(0); // as if the machine were slow: everything in the background
    JobsIndicator* jobs = window->jobsIndicator();
    EXPECT_FALSE(jobs->isBusy());
    QLineEdit* duration = view->settingsPanel()->durationEdit();
    duration->setFocus();
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("500*s"));
    QTest::keyClick(duration, Qt::Key_Return);
    EXPECT_EQ(view->document()->state().simulation.duration, "500*s");
    ASSERT_TRUE(jobs->isBusy()) << "a background run must show in the status bar";
    EXPECT_TRUE(jobs->cancelButton()->isVisibleTo(window.get()));
    QTest::mouseClick(jobs->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !jobs->isBusy(); }, 5000)) << "cancel did not end the run";
}

TEST_F(PlaygroundWindowTest, FiCurveLandsInTheAnalysisDock) {
    loadThroughBrowser(QStringLiteral("lif"));
    QAction* fi = window->action(QStringLiteral("actionFiCurve"));
    ASSERT_NE(fi, nullptr);
    fi->trigger();
    SeriesPlot* plot = nullptr;
    ASSERT_TRUE(waitFor(
        [&] {
            plot = qobject_cast<SeriesPlot*>(view->analysisPanel()->plot(QStringLiteral("f-I curve")));
            return plot && !plot->series().isEmpty();
        },
        20000));
    const PlotSeries& rate = plot->series().front();
    ASSERT_GE(rate.y.size(), 10);
    EXPECT_EQ(rate.y.front(), 0.0) << "no drive: no spikes";
    EXPECT_GT(rate.y.back(), 10.0) << "the largest drive must fire";
    for (int i = 1; i < rate.y.size(); ++i) EXPECT_GE(rate.y[i], rate.y[i - 1] - 1e-9) << "LIF's f-I curve rises";
    EXPECT_TRUE(plot->xAxis->label().startsWith(QStringLiteral("I (")));
}

TEST_F(PlaygroundWindowTest, AboutListsQtAndLibraryVersions) {
    AboutDialog about(window.get());
    QTableWidget* table = about.table();
    bool qtListed = false, qcpListed = false;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString name = table->item(r, 0)->text(), version = table->item(r, 1)->text();
        if (name == QLatin1String("Qt") && version.contains(QString::fromLatin1(qVersion()))) qtListed = true;
        if (name == QLatin1String("QCustomPlot") && version == QLatin1String(QCUSTOMPLOT_VERSION_STR)) qcpListed = true;
        EXPECT_FALSE(version.isEmpty()) << name.toStdString();
    }
    EXPECT_TRUE(qtListed);
    EXPECT_TRUE(qcpListed);
    EXPECT_GE(table->rowCount(), 4) << "the engine's libraries are missing";
    EXPECT_TRUE(AboutDialog::versionsText().contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())));
    // Reachable from Help.
    bool inHelp = false;
    for (QAction* menu : window->menuBar()->actions())
        if (menu->text().remove('&') == QLatin1String("Help"))
            for (QAction* a : menu->menu()->actions())
                inHelp = inHelp || a->objectName() == QLatin1String("actionAbout");
    EXPECT_TRUE(inHelp);
}

TEST_F(PlaygroundWindowTest, EveryMenuIsThereAndActionsHaveTooltips) {
    QStringList menus;
    for (QAction* menu : window->menuBar()->actions()) menus << menu->text().remove('&');
    EXPECT_EQ(menus, (QStringList{"File", "Edit", "View", "Model", "Analysis", "Hardware", "Network", "Help"}));
    for (const char* name : {"actionOpen", "actionSave", "actionSaveAs", "actionExportPlot", "actionRun", "actionUndo",
                             "actionRedo", "actionLoadModel", "actionAbout"}) {
        QAction* a = window->action(QString::fromLatin1(name));
        ASSERT_NE(a, nullptr) << name;
        EXPECT_FALSE(a->toolTip().isEmpty()) << name;
    }
    EXPECT_EQ(window->action("actionSave")->shortcut(), QKeySequence(QKeySequence::Save));
    EXPECT_EQ(window->action("actionRun")->shortcut(), QKeySequence(Qt::Key_F5));
}

} // namespace
