// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network editor's undo step: the whole graph before and after.
//
// A network graph is small next to what a run produces (kilobytes for hundreds of items), so one
// snapshot command serves every edit — add, delete, connect, move, paste, layout, inspector
// changes — and undo can never disagree with redo.
#pragma once

#include "network/NetworkGraph.h"

#include <QUndoCommand>

#include <functional>

namespace scs::ui {

class NetworkEditCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const NetworkGraph&)>;
    /// `apply` shows a graph in the editor (called by redo and undo). Consecutive moves of the
    /// same item merge into one step.
    NetworkEditCommand(NetworkGraph before, NetworkGraph after, const QString& text, Apply apply,
                       QString mergeKey = {});

    void undo() override { apply_(before_); }
    void redo() override { apply_(after_); }
    int id() const override { return mergeKey_.isEmpty() ? -1 : 0x4e45; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    NetworkGraph before_, after_;
    Apply apply_;
    QString mergeKey_;
};

} // namespace scs::ui
