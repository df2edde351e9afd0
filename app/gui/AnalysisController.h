// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — runs the declared analyses in the background for the analysis panel.
#pragma once

#include "AnalysisContext.h"
#include "BackgroundJobs.h"

#include "jobs/Job.h"
#include "jobs/JobContext.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <any>
#include <functional>
#include <memory>

namespace scs::ui {

class AnalysisPanel;
class PlaygroundDocument;
class PlotBase;

/// Wires AnalysisPanel, the document and the background jobs:
/// - declares every analysis of analysisKinds() to the panel and (re)generates their forms from the
///   current model whenever its parameters, states, drive or protocol change;
/// - keeps the forms' values in the document's "analysis" section (each edit an undo step, so a
///   saved project keeps them and undo brings old settings back);
/// - runs an analysis on a worker thread (QtConcurrent, one job per analysis, several analyses
///   may run at once), shows its progress in the jobs indicator and the panel, cancels it on
///   request, and presents the result in the analysis's tab.
/// Main thread only. The destructor cancels running analyses and waits for them to stop.
class AnalysisController : public QObject {
    Q_OBJECT
public:
    AnalysisController(PlaygroundDocument* document, AnalysisPanel* panel, BackgroundJobs* jobs,
                       QObject* parent = nullptr);
    ~AnalysisController() override;

    /// Selects analysis `id` and starts it with its form's settings. False (and the reason in
    /// the panel's status and `finished`) when it cannot start: unknown id, already running, a
    /// bad setting, a model with errors.
    bool run(const QString& id);
    void cancel(const QString& id);
    bool isRunning(const QString& id) const { return running_.contains(id); }
    /// How the last run of `id` ended (Running while it runs; Queued if it never ran).
    scs::JobState state(const QString& id) const { return states_.value(id, scs::JobState::Queued); }
    /// Processes events until no analysis runs or `timeoutMs` passes; true when idle.
    bool waitForIdle(int timeoutMs = 60000);

    /// A result kept in the project: read (and drawn) only when its analysis is shown.
    struct StoredResult {
        QString savedAt;                      // when it was computed (ISO 8601)
        bool current = true;                  // the model and settings are still those it ran with
        std::function<nlohmann::json()> load; // the page snapshot (AnalysisResultSnapshot); throws
    };
    /// Replaces the stored results (a project was opened); nothing is read yet.
    void setStoredResults(QHash<QString, StoredResult> stored);
    /// Draws analysis `id`'s stored result if it has one not drawn yet; true when it drew it.
    bool showStored(const QString& id);
    bool hasStored(const QString& id) const { return stored_.contains(id); }

signals:
    void started(const QString& id);
    /// `message` is one line for the status bar.
    void finished(const QString& id, scs::JobState state, const QString& message);
    /// A result was drawn: File > Export Plot should target this plot.
    void resultShown(scs::ui::PlotBase* plot);
    /// A run finished and its page now shows `snapshot` (to be kept with the project).
    void resultComputed(const QString& id, const nlohmann::json& snapshot);

private:
    struct Outcome {
        bool ok = false;
        bool cancelled = false;
        QString error;
        std::any result;
        double seconds = 0;
    };
    struct Running {
        std::shared_ptr<scs::JobContext> job;
        QFutureWatcher<Outcome>* watcher = nullptr;
        BackgroundJobs::Token token = 0;
        std::shared_ptr<AnalysisContext> context;
    };

    void onDocumentChanged(int what);
    void rebuildForms();
    void applyStoredSettings();
    void storeSettings(const QString& id);
    void onFinished(const QString& id);
    void fail(const QString& id, const QString& message);

    PlaygroundDocument* doc_;
    AnalysisPanel* panel_;
    QPointer<BackgroundJobs> jobs_; // may go first when the window is torn down
    QString signature_;             // of the model the forms were generated for
    QHash<QString, Running> running_;
    QHash<QString, scs::JobState> states_;
    bool applying_ = false;               // the forms are being filled from the document: do not store back
    QHash<QString, StoredResult> stored_; // not drawn yet
};

} // namespace scs::ui
