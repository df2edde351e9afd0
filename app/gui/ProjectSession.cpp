// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — reading project files for the window.
#include "ProjectSession.h"

#include "project/ProjectError.h"
#include "project/ProjectJson.h"
#include "project/ProjectStore.h"

#include <QFile>

namespace scs::ui {

LoadedProject loadProjectFile(const QString& path) {
    using scs::project::ProjectError;
    const std::string name = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(name + ": cannot be opened (" + file.errorString().toStdString() + ")");
    const QByteArray start = file.peek(16);
    // A JSON file starts with '{' (after blanks); everything else goes to the SQLite reader,
    // which tells a damaged project from a file of another kind.
    if (!start.trimmed().startsWith('{')) {
        file.close();
        return LoadedProject{scs::project::ProjectStore::open(name), false};
    }
    const QByteArray text = file.readAll();
    return LoadedProject{scs::project::importJson(text.toStdString(), name), true};
}

} // namespace scs::ui
