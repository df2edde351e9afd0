// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the desktop studio: `scstudio [PROJECT]`, `scstudio --screenshot FILE.png [PROJECT]`.
#include "gui/AppIcon.h"
#include "gui/MainWindow.h"
#include "gui/Screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SC-NeuroCore Studio"));
    QApplication::setOrganizationName(QStringLiteral("SC-NeuroCore"));
    QApplication::setApplicationVersion(QStringLiteral(SCS_VERSION));
    QApplication::setWindowIcon(scs::ui::appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design studio for stochastic-computing neuromorphic hardware"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render the window (1600x1000) to FILE.png and exit."),
                                  QStringLiteral("FILE.png"));
    parser.addOption(screenshot);
    QCommandLineOption analysis(QStringLiteral("analysis"),
                                QStringLiteral("With --screenshot: run analysis KIND first and show it (fi_curve, "
                                               "bifurcation, sensitivity, heatmap, sta, frequency_response, "
                                               "firing_pattern, characterise, fixed_precision)."),
                                QStringLiteral("KIND"));
    parser.addOption(analysis);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("Project to open (*.scstudio, or a project JSON file to import)."),
                                 QStringLiteral("[PROJECT]"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1) {
        std::fprintf(stderr, "scstudio: expected at most one project, got %d\n", static_cast<int>(args.size()));
        return 2;
    }
    const QString project = args.value(0);

    if (parser.isSet(analysis) && !parser.isSet(screenshot)) {
        std::fprintf(stderr, "scstudio: --analysis only applies with --screenshot\n");
        return 2;
    }
    if (parser.isSet(screenshot)) {
        QString error;
        if (!scs::ui::renderScreenshot(parser.value(screenshot), project, &error, 1600, 1000, parser.value(analysis))) {
            std::fprintf(stderr, "scstudio: screenshot failed: %s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }

    scs::ui::MainWindow window;
    // Work a crashed studio autosaved comes first: the user decides before anything else opens.
    window.show();
    if (window.offerRecovery()) return app.exec();
    if (!project.isEmpty()) {
        QString error;
        if (!window.openProject(project, &error)) {
            QMessageBox::warning(&window, QStringLiteral("Open Project"), error);
            window.openDefaultProject();
        }
    } else {
        window.openInitialProject();
    }
    return app.exec();
}
