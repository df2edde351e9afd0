// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network edit command.
#include "NetworkCommands.h"

namespace scs::ui {

NetworkEditCommand::NetworkEditCommand(NetworkGraph before, NetworkGraph after, const QString& text, Apply apply,
                                       QString mergeKey)
    : QUndoCommand(text), before_(std::move(before)), after_(std::move(after)), apply_(std::move(apply)),
      mergeKey_(std::move(mergeKey)) {}

bool NetworkEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const NetworkEditCommand*>(other);
    if (next->mergeKey_ != mergeKey_) return false;
    after_ = next->after_;
    return true;
}

} // namespace scs::ui
