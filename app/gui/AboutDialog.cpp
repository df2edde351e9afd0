// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — About dialog.
#include "AboutDialog.h"

#include "AppIcon.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#if __has_include("util/BuildInfo.h")
#include "util/BuildInfo.h"
#define SCS_HAVE_BUILD_INFO 1
#endif

namespace scs::ui {

QVector<QPair<QString, QString>> AboutDialog::versions() {
    QVector<QPair<QString, QString>> rows;
#ifdef SCS_HAVE_BUILD_INFO
    rows.push_back({QStringLiteral("SC-NeuroCore Studio"), QString::fromStdString(scs::studioVersion())});
#else
    rows.push_back({QStringLiteral("SC-NeuroCore Studio"), QStringLiteral(SCS_VERSION)});
#endif
    const QString qtBuilt = QStringLiteral(QT_VERSION_STR);
    const QString qtRun = QString::fromLatin1(qVersion());
    rows.push_back(
        {QStringLiteral("Qt"), qtRun == qtBuilt ? qtRun : QStringLiteral("%1 (built with %2)").arg(qtRun, qtBuilt)});
    rows.push_back({QStringLiteral("QCustomPlot"), QStringLiteral(QCUSTOMPLOT_VERSION_STR)});
#ifdef SCS_HAVE_BUILD_INFO
    for (const scs::LibraryVersion& lib : scs::libraryVersions())
        rows.push_back({QString::fromStdString(lib.name), QString::fromStdString(lib.version)});
#endif
    return rows;
}

QString AboutDialog::versionsText() {
    QStringList lines;
    for (const auto& [name, version] : versions()) lines << QStringLiteral("%1: %2").arg(name, version);
    return lines.join('\n');
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About SC-NeuroCore Studio"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel;
    icon->setPixmap(appIcon().pixmap(64, 64));
    header->addWidget(icon, 0, Qt::AlignTop);
    const auto rows = versions();
    auto* text = new QLabel(tr("<h2>SC-NeuroCore Studio %1</h2>"
                               "<p>A design studio for stochastic-computing neuromorphic hardware: "
                               "write neuron models, simulate and analyse them, and compile them to "
                               "bit-exact RTL.</p><p>MIT License.</p>")
                                .arg(rows.front().second));
    text->setWordWrap(true);
    header->addWidget(text, 1);
    layout->addLayout(header);

    table_ = new QTableWidget(static_cast<int>(rows.size()), 2);
    table_->setObjectName(QStringLiteral("versionsTable"));
    table_->setHorizontalHeaderLabels({tr("Component"), tr("Version")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < rows.size(); ++i) {
        table_->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table_->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    layout->addWidget(table_, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* copy = buttons->addButton(tr("Copy Versions"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the version list, e.g. for a bug report"));
    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 440);
}

} // namespace scs::ui
