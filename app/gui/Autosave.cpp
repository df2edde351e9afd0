// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — autosave and recovery files.
#include "Autosave.h"

#include "project/ProjectError.h"
#include "project/ProjectStore.h"

#include "util/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace scs::ui {

namespace {
constexpr const char* kRecoveryOf = "recovery_of";
constexpr const char* kRecoverySavedAt = "recovery_saved_at";
} // namespace

Autosave::Autosave(QString directory, Snapshot snapshot, QObject* parent)
    : QObject(parent), directory_(std::move(directory)), snapshot_(std::move(snapshot)) {
    connect(&timer_, &QTimer::timeout, this, [this] {
        QString error;
        if (!writeNow(&error) && !error.isEmpty()) emit failed(error);
    });
}

Autosave::~Autosave() = default; // the file stays unless discard() was called: that is the point

QString Autosave::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

void Autosave::setInterval(int ms) {
    if (ms <= 0) {
        timer_.stop();
        return;
    }
    timer_.start(ms);
}

bool Autosave::claim(const QString& file) {
    lock_ = scs::project::ProjectLock::tryAcquire(file.toStdString());
    if (!lock_) return false;
    file_ = file;
    return true;
}

bool Autosave::writeNow(QString* error) {
    std::optional<Content> content = snapshot_();
    if (!content) return true;
    try {
        if (file_.isEmpty()) {
            if (!QDir().mkpath(directory_))
                throw scs::project::ProjectError(directory_.toStdString() + ": cannot create the recovery folder");
            const QString name = QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".scstudio");
            if (!claim(QDir(directory_).filePath(name)))
                throw scs::project::ProjectError("the new recovery file is locked by another studio");
        }
        scs::project::ProjectStore::SaveOptions options;
        options.adoptFile = false;
        options.extraMeta[kRecoveryOf] = content->projectPath.toStdString();
        options.extraMeta[kRecoverySavedAt] = scs::isoTimeUtcNow();
        scs::project::ProjectStore::save(content->project, file_.toStdString(), options);
    } catch (const std::exception& e) {
        if (error) *error = tr("Autosave failed: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
    emit written(file_);
    return true;
}

void Autosave::stripRecoveryMeta(scs::project::Project& project) {
    project.meta.erase(kRecoveryOf);
    project.meta.erase(kRecoverySavedAt);
}

void Autosave::discard() {
    if (!file_.isEmpty()) QFile::remove(file_);
    lock_.reset();
    file_.clear();
}

void Autosave::adopt(const QString& file) {
    discard();
    claim(file);
}

QList<RecoverableProject> Autosave::findOrphans(const QString& directory) {
    QList<RecoverableProject> found;
    const QFileInfoList files = QDir(directory).entryInfoList({QStringLiteral("*.scstudio")}, QDir::Files, QDir::Time);
    for (const QFileInfo& info : files) {
        const std::string path = info.absoluteFilePath().toStdString();
        // A studio that is still running holds its file's lock: its work is not lost.
        if (!scs::project::ProjectLock::tryAcquire(path)) continue;
        try {
            const scs::project::Project p = scs::project::ProjectStore::open(path);
            RecoverableProject r;
            r.file = info.absoluteFilePath();
            auto meta = [&](const char* key) {
                return p.meta.count(key) ? QString::fromStdString(p.meta.at(key)) : QString();
            };
            r.projectPath = meta(kRecoveryOf);
            r.savedAt = meta(kRecoverySavedAt);
            if (const auto* d = p.firstOfType(scs::project::doctype::playground))
                r.title = QString::fromStdString(d->title());
            found << r;
        } catch (const std::exception&) {
            // A recovery file cut short by the crash itself cannot be offered; an atomic save
            // makes that rare, and the file is left for the user to inspect.
        }
    }
    return found;
}

} // namespace scs::ui
