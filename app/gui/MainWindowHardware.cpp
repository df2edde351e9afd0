// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the main window's hardware path: the RTL and Synthesis docks, the Hardware
// menu, synthesis runs kept in the project, and one-click bundle export.
#include "MainWindow.h"

#include "HardwareController.h"
#include "PlaygroundDocument.h"

#include "SynthesisReportPanel.h"

#include "hdl/SynthesisReportJson.h"
#include "util/BuildInfo.h"
#include "util/Sha256.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace scs::ui {

namespace {

constexpr const char* kSynthesisKind = "synthesis";

} // namespace

void MainWindow::createHardwareDocks() {
    hardware_ = new HardwareController([this] { return doc_->state(); }, nullptr, this);
    QDockWidget* rtl = makeDock(hardware_->rtlPanel(), tr("RTL"), "rtlDock", Qt::BottomDockWidgetArea);
    QDockWidget* synthesis =
        makeDock(hardware_->synthesisPanel(), tr("Synthesis"), "synthesisDock", Qt::BottomDockWidgetArea);
    for (QDockWidget* d : docks_)
        if (d->objectName() == QLatin1String("analysisDock")) {
            tabifyDockWidget(d, rtl);
            tabifyDockWidget(rtl, synthesis);
        }
}

void MainWindow::createHardwareActions() {
    QAction* a = makeAction("actionCompileRtl", tr("Compile to &RTL"), QKeySequence(tr("Ctrl+Shift+V")),
                            tr("Compile the model to one SystemVerilog module in the chosen fixed-point format"));
    connect(a, &QAction::triggered, this, [this] {
        showDock(QStringLiteral("rtlDock"));
        hardware_->compile();
    });
    a = makeAction("actionSynthesise", tr("Run &Synthesis"), QKeySequence(tr("Ctrl+Shift+Y")),
                   tr("Synthesise the compiled module with Yosys for the target chosen in the Synthesis panel"));
    connect(a, &QAction::triggered, this, [this] {
        showDock(QStringLiteral("synthesisDock"));
        // The combo's item data is the target's name ("ice40", "all").
        hardware_->synthesise(hardware_->synthesisPanel()->runTargetCombo()->currentData().toString());
    });
    a = makeAction("actionExportBundle", tr("Export &Bundle…"), QKeySequence(tr("Ctrl+Shift+G")),
                   tr("Export the RTL, a self-checking testbench, constraints, a Makefile and the reports as one "
                      "bundle (a folder or a .zip)"),
                   QStyle::SP_DriveHDIcon);
    connect(a, &QAction::triggered, this, &MainWindow::exportBundleWithDialog);
}

void MainWindow::connectHardware() {
    hardware_->setJobs(background_);
    connect(hardware_, &HardwareController::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(hardware_, &HardwareController::synthesisFinished, this, &MainWindow::keepSynthesisRun);
    connect(hardware_, &HardwareController::exportFinished, this, [this](bool ok, const QString& message) {
        if (!ok && isVisible() && !message.contains(tr("cancelled")))
            QMessageBox::warning(this, tr("Export Bundle"), message);
    });
}

void MainWindow::exportBundleWithDialog() {
    const QString zipFilter = tr("Zip archive (*.zip)"), folderFilter = tr("Folder (a new, empty folder)");
    QString chosenFilter = zipFilter;
    const QString base = session_.path.isEmpty() ? QDir::homePath() : QFileInfo(session_.path).path();
    QString path = QFileDialog::getSaveFileName(this, tr("Export Bundle"), base + QStringLiteral("/bundle.zip"),
                                                zipFilter + QStringLiteral(";;") + folderFilter, &chosenFilter);
    if (path.isEmpty()) return;
    if (chosenFilter == zipFilter && !path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        path += QStringLiteral(".zip");
    hardware_->exportBundle(path);
}

void MainWindow::keepSynthesisRun(const scs::hdl::SynthesisReport& report) {
    const std::int64_t documentId = ensureShownDocument();
    storeShownState();
    scs::project::Run run;
    run.documentId = documentId;
    run.manifest.kind = kSynthesisKind;
    run.manifest.label = std::string(scs::hdl::name(report.target)) + ": " + report.module;
    run.manifest.createdAt = report.utcTime.empty() ? scs::isoTimeUtcNow() : report.utcTime;
    run.manifest.engineVersion = scs::studioVersion();
    run.manifest.inputsSha256 = scs::sha256Hex(report.module);
    run.manifest.summary = {{"target", scs::hdl::name(report.target)},
                            {"ok", report.ok},
                            {"luts", report.luts},
                            {"flip_flops", report.flipFlops}};
    auto data = std::make_shared<scs::project::RunData>();
    data->payload = scs::hdl::toJson(report);
    run.data = std::move(data);
    session_.project.addRun(std::move(run));
    session_.unsavedOutsideUndo = true;
    ++changeCounter_;
    updateTitle();
}

void MainWindow::offerSynthesisHistory() {
    if (!hardware_) return;
    std::vector<scs::hdl::SynthesisReport> history;
    for (const scs::project::Run* run : session_.project.runsOf(session_.shownDocument, kSynthesisKind)) {
        try {
            history.push_back(scs::hdl::fromJson(session_.project.runData(run->id)->payload));
        } catch (const std::exception&) {
            // A run this version cannot read is kept in the file but not shown.
        }
    }
    std::reverse(history.begin(), history.end()); // runsOf gives the newest first
    hardware_->setHistory(std::move(history));
}

} // namespace scs::ui
