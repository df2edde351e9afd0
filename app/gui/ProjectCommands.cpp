// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — project commands.
#include "ProjectCommands.h"

#include <QCoreApplication>

namespace scs::ui {

KeepModelCommand::KeepModelCommand(Apply apply, std::optional<scs::CatalogueEntry> previous, scs::CatalogueEntry model)
    : apply_(std::move(apply)), previous_(std::move(previous)), model_(std::move(model)) {
    setText(QCoreApplication::translate("scs::ui::KeepModelCommand", "Keep %1 in the project")
                .arg(QString::fromStdString(model_.name)));
}

} // namespace scs::ui
