// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the application icon, read from the resources folder at run time.
#pragma once

#include <QIcon>

namespace scs::ui {

/// resources/icons/scstudio.svg rendered at the usual sizes; a drawn fallback when the file is
/// missing or unreadable, so the studio never depends on it being installed.
QIcon appIcon();

} // namespace scs::ui
