// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio --screenshot FILE.png [PROJECT]`: render the window to a PNG.
#pragma once

#include <QString>

namespace scs::ui {

/// Opens `project` (or the default project when empty) in a 1600x1000 main window, runs the
/// simulation synchronously so every plot is filled, grabs the window and writes a PNG.
/// With `analysis` (an id of analysisKinds(), e.g. "firing_pattern"), that analysis is run with
/// the project's settings first and shown in the raised Analysis dock.
/// Needs a QApplication (offscreen is fine). Returns false with a one-line `error`.
bool renderScreenshot(const QString& outputPng, const QString& project, QString* error, int width = 1600,
                      int height = 1000, const QString& analysis = QString());

} // namespace scs::ui
