// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — analysis controller.
#include "AnalysisController.h"

#include "AnalysisKinds.h"
#include "PlaygroundCommands.h"
#include "PlaygroundDocument.h"

#include "AnalysisPanel.h"
#include "AnalysisResultSnapshot.h"
#include "AnalysisResultView.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace scs::ui {

namespace {

/// What the forms depend on: when it is unchanged a re-generation would give the same fields.
QString signatureOf(const AnalysisContext& c, const PlaygroundState& s) {
    QStringList parts{QString::fromStdString(s.model.id), QString::fromStdString(c.drive),
                      QString::fromStdString(s.simulation.protocol), QString::fromStdString(s.simulation.duration)};
    parts << c.parameterNames() << QStringLiteral("|") << c.stateNames();
    for (const scs::ParameterRange& r : s.model.ranges) parts << QString::fromStdString(r.name + r.min + r.max);
    return parts.join(QLatin1Char(';'));
}

} // namespace

AnalysisController::AnalysisController(PlaygroundDocument* document, AnalysisPanel* panel, BackgroundJobs* jobs,
                                       QObject* parent)
    : QObject(parent), doc_(document), panel_(panel), jobs_(jobs) {
    for (const AnalysisKind& k : analysisKinds()) panel_->addAnalysis(k.id, k.title, k.hint);
    connect(panel_, &AnalysisPanel::runRequested, this, [this](const QString& id) { run(id); });
    connect(panel_, &AnalysisPanel::cancelRequested, this, &AnalysisController::cancel);
    connect(panel_, &AnalysisPanel::settingsEdited, this, &AnalysisController::storeSettings);
    connect(panel_, &AnalysisPanel::currentAnalysisChanged, this, [this](const QString& id) {
        if (panel_->isVisible()) showStored(id);
    });
    connect(doc_, &PlaygroundDocument::changed, this, &AnalysisController::onDocumentChanged);
    onDocumentChanged(PlaygroundDocument::WholeModel | PlaygroundDocument::Analysis);
}

AnalysisController::~AnalysisController() {
    for (Running& r : running_) r.job->cancel();
    for (Running& r : running_) {
        r.watcher->waitForFinished();
        if (jobs_) jobs_->end(r.token);
    }
}

void AnalysisController::onDocumentChanged(int what) {
    if (what & (PlaygroundDocument::WholeModel | PlaygroundDocument::ModelText | PlaygroundDocument::Simulation))
        rebuildForms();
    if (what & PlaygroundDocument::Analysis) applyStoredSettings();
}

void AnalysisController::rebuildForms() {
    AnalysisContext c;
    try {
        c = AnalysisContext::fromState(doc_->state());
    } catch (const std::exception&) {
        return; // a model with errors: keep the forms of the last valid one
    }
    const QString signature = signatureOf(c, doc_->state());
    if (signature == signature_) return;
    signature_ = signature;
    for (const AnalysisKind& k : analysisKinds()) panel_->form(k.id)->setFields(k.fields(c));
    applyStoredSettings();
}

void AnalysisController::applyStoredSettings() {
    const nlohmann::json& analysis = doc_->state().analysis;
    const nlohmann::json none = nlohmann::json::object();
    const nlohmann::json& settings =
        analysis.is_object() && analysis.contains("settings") && analysis["settings"].is_object() ? analysis["settings"]
                                                                                                  : none;
    applying_ = true;
    // Every form shows what the document holds: its stored values, else the defaults (after an
    // undo of the first edit, say).
    for (const AnalysisKind& k : analysisKinds()) {
        const auto v = settings.find(k.id.toStdString());
        panel_->form(k.id)->setValues(v != settings.end() ? *v : none);
    }
    if (analysis.is_object())
        if (const auto sel = analysis.find("selected"); sel != analysis.end() && sel->is_string())
            panel_->setCurrentAnalysis(QString::fromStdString(sel->get<std::string>()));
    applying_ = false;
}

void AnalysisController::storeSettings(const QString& id) {
    const AnalysisKind* kind = findAnalysisKind(id);
    if (applying_ || !kind) return;
    const nlohmann::json old = doc_->state().analysis.is_object() ? doc_->state().analysis : nlohmann::json::object();
    nlohmann::json next = old;
    if (!next.contains("settings") || !next["settings"].is_object()) next["settings"] = nlohmann::json::object();
    next["settings"][id.toStdString()] = panel_->form(id)->values();
    next["selected"] = id.toStdString();
    if (next == old) return;
    doc_->undoStack()->push(new SetAnalysisCommand(doc_, old, next, tr("Change %1 settings").arg(kind->title)));
}

void AnalysisController::fail(const QString& id, const QString& message) {
    states_[id] = scs::JobState::Failed;
    panel_->setStatus(id, message, true);
    const AnalysisKind* kind = findAnalysisKind(id);
    emit finished(id, scs::JobState::Failed, tr("%1: %2").arg(kind ? kind->title : id, message));
}

bool AnalysisController::run(const QString& id) {
    const AnalysisKind* kind = findAnalysisKind(id);
    if (!kind) {
        emit finished(id, scs::JobState::Failed, tr("No analysis '%1'").arg(id));
        return false;
    }
    panel_->setCurrentAnalysis(id);
    if (isRunning(id)) {
        panel_->setStatus(id, tr("Already running: cancel it first to start again"), true);
        return false;
    }
    SettingsForm* form = panel_->form(id);
    form->commitEdits();
    QString error;
    if (!form->isValid(&error)) {
        fail(id, error);
        return false;
    }
    auto context = std::make_shared<AnalysisContext>();
    AnalysisWork work;
    try {
        *context = AnalysisContext::fromState(doc_->state());
        if (signature_ != signatureOf(*context, doc_->state())) rebuildForms(); // text just typed, not yet checked
        work = kind->prepare(*context, form->values());
    } catch (const std::exception& e) {
        fail(id, QString::fromUtf8(e.what()));
        return false;
    }

    Running r;
    r.job = std::make_shared<scs::JobContext>();
    r.context = context;
    r.token = jobs_->begin(kind->title, [this, id] { cancel(id); });
    // Progress comes from worker threads, possibly several at once: post only whole-percent
    // steps so a fast analysis cannot flood the event loop. The destructor waits for the work, so
    // `this` outlives every post.
    auto lastPercent = std::make_shared<std::atomic<int>>(-1);
    const BackgroundJobs::Token token = r.token;
    r.job->setProgressListener([this, id, token, lastPercent](double fraction, const std::string&) {
        const int percent = static_cast<int>(fraction * 100);
        if (lastPercent->exchange(percent) == percent) return;
        QMetaObject::invokeMethod(
            this,
            [this, id, token, fraction, percent] {
                if (!isRunning(id) || running_[id].token != token) return;
                jobs_->progress(token, fraction);
                panel_->setStatus(id, tr("Running… %1 %").arg(percent));
            },
            Qt::QueuedConnection);
    });
    r.watcher = new QFutureWatcher<Outcome>(this);
    connect(r.watcher, &QFutureWatcher<Outcome>::finished, this, [this, id] { onFinished(id); });
    running_.insert(id, r);
    states_[id] = scs::JobState::Running;
    panel_->setRunning(id, true);
    panel_->setStatus(id, tr("Running…"));
    emit started(id);
    std::shared_ptr<scs::JobContext> job = r.job;
    r.watcher->setFuture(QtConcurrent::run([work, job] {
        Outcome out;
        QElapsedTimer timer;
        timer.start();
        try {
            out.result = work(job.get());
            out.ok = true;
        } catch (const scs::JobCancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        out.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        return out;
    }));
    return true;
}

void AnalysisController::cancel(const QString& id) {
    const auto it = running_.find(id);
    if (it == running_.end()) return;
    it->job->cancel();
    panel_->setStatus(id, tr("Cancelling…"));
}

void AnalysisController::onFinished(const QString& id) {
    const auto it = running_.find(id);
    if (it == running_.end()) return;
    const Running r = *it;
    running_.erase(it);
    const Outcome out = r.watcher->result();
    r.watcher->deleteLater();
    jobs_->end(r.token);
    panel_->setRunning(id, false);
    const AnalysisKind* kind = findAnalysisKind(id);
    if (out.cancelled || (!out.ok && r.job->isCancelled())) {
        states_[id] = scs::JobState::Cancelled;
        panel_->setStatus(id, tr("Cancelled after %1 s").arg(out.seconds, 0, 'f', 1));
        emit finished(id, scs::JobState::Cancelled, tr("%1: cancelled").arg(kind->title));
        return;
    }
    if (!out.ok) {
        fail(id, out.error);
        return;
    }
    QString summary;
    AnalysisResultView* view = panel_->resultView(kind->title);
    try {
        summary = kind->present(out.result, *r.context, *view);
    } catch (const std::exception& e) {
        fail(id, tr("could not show the result: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    states_[id] = scs::JobState::Finished;
    panel_->setStatus(id, out.seconds < 1 ? tr("Done in %1 ms").arg(std::max(1, static_cast<int>(out.seconds * 1000)))
                                          : tr("Done in %1 s").arg(out.seconds, 0, 'f', 1));
    stored_.remove(id); // the new result replaces the stored one
    if (PlotBase* plot = view->plot(0)) emit resultShown(plot);
    emit resultComputed(id, snapshotOf(*view));
    emit finished(id, scs::JobState::Finished, summary);
}

void AnalysisController::setStoredResults(QHash<QString, StoredResult> stored) {
    stored_ = std::move(stored);
    panel_->clear();
    for (auto it = stored_.cbegin(); it != stored_.cend(); ++it)
        panel_->setStatus(it.key(),
                          tr("A stored result from %1 is shown when this analysis is opened").arg(it->savedAt));
}

bool AnalysisController::showStored(const QString& id) {
    const auto it = stored_.find(id);
    const AnalysisKind* kind = findAnalysisKind(id);
    if (it == stored_.end() || !kind || running_.contains(id)) return false;
    const StoredResult stored = *it;
    stored_.erase(it);
    try {
        restoreSnapshot(*panel_->resultView(kind->title), stored.load());
    } catch (const std::exception& e) {
        panel_->setStatus(id, tr("The stored result cannot be shown: %1").arg(QString::fromUtf8(e.what())), true);
        return false;
    }
    panel_->setStatus(id,
                      stored.current ? tr("Stored result from %1").arg(stored.savedAt)
                                     : tr("Stored result from %1 — the model or settings changed since; run again to "
                                          "update it")
                                           .arg(stored.savedAt),
                      !stored.current);
    return true;
}

bool AnalysisController::waitForIdle(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!running_.isEmpty()) {
        if (timer.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

} // namespace scs::ui
