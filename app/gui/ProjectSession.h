// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the project open in a window: its contents, file, lock and access.
#pragma once

#include "project/ProjectLock.h"
#include "project/ProjectModel.h"

#include <QString>

#include <memory>

namespace scs::ui {

/// A project file read for the window. `.scstudio` files are SQLite projects; a `.json` file (an
/// export, or the studio's first JSON project form) is imported and becomes an untitled project.
struct LoadedProject {
    scs::project::Project project;
    bool imported = false;
};
/// Throws scs::project::ProjectError with a one-line message.
LoadedProject loadProjectFile(const QString& path);

/// What the window holds open. Only the main window changes it.
struct ProjectSession {
    scs::project::Project project;
    QString path;                                    // "" = untitled: Save asks for a name
    std::unique_ptr<scs::project::ProjectLock> lock; // held while writable and saved to a file
    bool readOnly = false;                           // another studio holds the file
    std::int64_t shownDocument = 0;                  // the playground on screen
    /// Changes that are not on the undo stack (a project restored from a recovery file, a new
    /// analysis result): the project differs from its file even while the undo stack is clean.
    bool unsavedOutsideUndo = false;
};

} // namespace scs::ui
