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

PlaygroundPresenceCommand::PlaygroundPresenceCommand(Insert insert, Erase erase, PlaygroundEntry entry, bool adding,
                                                     const QString& text)
    : insert_(std::move(insert)), erase_(std::move(erase)), entry_(std::move(entry)), adding_(adding) {
    setText(text);
}

} // namespace scs::ui
