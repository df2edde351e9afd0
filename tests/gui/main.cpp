// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — GUI test main: one QApplication (offscreen) for every widget and window test.
#include "RecoveryChild.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

namespace {
/// The offscreen platform reports every unsupported window-manager call; keep the log readable.
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg && message.startsWith(QLatin1String("This plugin does not support"))) return;
    qt_message_output(type, context, message);
}
} // namespace

int main(int argc, char** argv) {
    qInstallMessageHandler(quietHandler);
    // Listing tests at build time runs this too, with no display: never need one.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SC-NeuroCore-tests"));
    QApplication::setApplicationName(QStringLiteral("scs_gui_tests"));
    QStandardPaths::setTestModeEnabled(true); // QSettings in tests never touch the user's files
    // The crash-recovery test starts this program again as the studio it kills.
    if (argc == 4 && QString::fromUtf8(argv[1]) == QLatin1String("--recovery-child"))
        return scs::test::runRecoveryChild(QString::fromUtf8(argv[2]), QString::fromUtf8(argv[3]));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
