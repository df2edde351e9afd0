// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — autosave to a recovery file, and finding the work of studios that crashed.
#pragma once

#include "project/ProjectLock.h"
#include "project/ProjectModel.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace scs::ui {

/// A recovery file another studio left behind when it ended without closing its project.
struct RecoverableProject {
    QString file;        // the recovery file
    QString projectPath; // the project it belongs to; "" for an untitled one
    QString savedAt;     // ISO 8601 UTC of the autosave
    QString title;       // its first playground's title
};

/// Every `interval` the window's project, when it has changes since the last autosave, is written
/// (atomically, like a save) to this session's recovery file in `directory`. The studio holds a
/// lock on that file while it runs, so another studio never offers it for recovery; a crash drops
/// the lock with the process. A clean close or a save removes the file.
class Autosave : public QObject {
    Q_OBJECT
public:
    struct Content {
        scs::project::Project project;
        QString projectPath; // the file it belongs to; "" for an untitled project
    };
    /// Returns what to write, or nothing when there is nothing unsaved.
    using Snapshot = std::function<std::optional<Content>()>;
    /// Meta keys a recovery file adds; a restored project drops them before it is saved.
    static void stripRecoveryMeta(scs::project::Project& project);

    Autosave(QString directory, Snapshot snapshot, QObject* parent = nullptr);
    ~Autosave() override;

    /// Milliseconds between autosaves; 0 turns autosave off.
    void setInterval(int ms);
    int interval() const { return timer_.isActive() ? timer_.interval() : 0; }
    const QString& directory() const { return directory_; }
    /// This session's recovery file ("" until the first autosave).
    QString recoveryFile() const { return file_; }
    /// Writes now when there is something unsaved; false (and `error`) when writing failed.
    bool writeNow(QString* error = nullptr);
    /// Removes this session's recovery file (a save or a clean close).
    void discard();
    /// Takes over a recovery file another studio left (the user restored it): it becomes this
    /// session's, so it is kept until the restored work is saved.
    void adopt(const QString& file);

    /// Recovery files in `directory` that no running studio holds, newest first.
    static QList<RecoverableProject> findOrphans(const QString& directory);
    /// The default folder: the application's local data folder + "/recovery".
    static QString defaultDirectory();

signals:
    void written(const QString& file);
    void failed(const QString& message);

private:
    bool claim(const QString& file);

    QString directory_;
    Snapshot snapshot_;
    QTimer timer_;
    QString file_;
    std::unique_ptr<scs::project::ProjectLock> lock_;
};

} // namespace scs::ui
