#include "core/live/interruptedsessions.h"

#include "core/media/diskspace.h"
#include "core/media/finalizer.h"
#include "core/media/sidecar.h"
#include "core/qc/audioscan.h"
#include "core/qc/sessioninputs.h"
#include "core/seal/evidencefile.h"
#include "core/storage/sessionclaim.h"
#include "core/storage/sidecarindex.h"
#include "core/util/filedigest.h"
#include "core/workflow/sessiontimeline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace dualrec::live {

using namespace std::chrono;

namespace {

constexpr auto kFragmentedSuffix = ".recording.mp4";

/// The recording's chapters: as its sidecar named them, else from the journal's step events
/// (titled by step id). A chapter still open ends where the next one starts.
QList<media::ChapterMark> chaptersFor(const QString &sidecarPath, const QList<workflow::SessionEvent> &events,
                                      const seal::DeviceKeys *keys)
{
    QList<media::ChapterMark> chapters;
    if (auto fromSidecar = media::readSidecarChapters(sidecarPath, keys); fromSidecar && !fromSidecar->isEmpty()) {
        chapters = *fromSidecar;
    } else {
        for (const auto &chapter : workflow::buildSessionTimeline(events).chapters) {
            const auto start = duration_cast<milliseconds>(chapter.start);
            chapters.append({chapter.stepId, chapter.stepId, start, start});
        }
    }
    for (qsizetype i = 0; i + 1 < chapters.size(); ++i) {
        if (chapters[i].end <= chapters[i].start)
            chapters[i].end = chapters[i + 1].start;
    }
    return chapters;
}

std::optional<storage::MediaFile> lastWithRole(const QList<storage::MediaFile> &files, storage::MediaRole role)
{
    for (auto it = files.crbegin(); it != files.crend(); ++it) {
        if (it->role == role)
            return *it;
    }
    return std::nullopt;
}

/// What closeRecording() did.
enum class Closing : quint8 {
    Invalid = 0,
    Done,     ///< the recording is finalized and journaled, or it could not be (recovered.problem)
    Stopped,  ///< `stop` ended the finalizing: nothing written, left for the next start
    Deferred, ///< no room to finalize (disk full): nothing written, left for the next start (recovered.problem)
};

/// Finalizes the left-behind recording (or adopts a final file already written) and journals
/// the result; fills the recording fields of `recovered`.
Closing closeRecording(storage::Journal &journal, const Clock &clock, const QList<storage::MediaFile> &files,
                    const QList<workflow::SessionEvent> &events, bool sessionWasOpen, std::stop_token stop,
                    RecoveredSession &recovered)
{
    auto &sessions = journal.sessions();
    const auto *keys = journal.evidenceKeys().get();
    if (const auto final = lastWithRole(files, storage::MediaRole::Recording)) {
        // Finalized and journaled before the stop: nothing to redo.
        recovered.recordingPath = final->path;
        recovered.finalized = true;
        if (const auto count = media::countPackets(final->path, keys))
            recovered.recorded = count->duration;
        return Closing::Done;
    }
    const auto fragmented = lastWithRole(files, storage::MediaRole::RecordingFragmented);
    if (!fragmented)
        return Closing::Done; // stopped before the recording began, or no camera
    const auto fragmentedPath = fragmented->path;
    recovered.recordingPath = fragmentedPath;
    QString base = fragmentedPath;
    if (base.endsWith(QLatin1String(kFragmentedSuffix)))
        base.chop(qsizetype(qstrlen(kFragmentedSuffix)));
    const QString finalPath = base + QStringLiteral(".mp4");
    const QString sidecarPath = base + QStringLiteral(".json");

    auto chapters = chaptersFor(sidecarPath, events, keys);
    Result<media::FinalizedRecording> finalized = fail(ErrorCode::NotFound, QString());
    if (QFileInfo::exists(fragmentedPath)) {
        // finalizeRecording() writes FINAL.tmp and renames it over FINAL only once the copy
        // reads back complete; the fragmented file goes only after that.
        // The copy needs the recording's size again: without it, wait for space (a full disk
        // is not a reason to close the session without its finalized, hashed recording).
        constexpr qint64 kMargin = 4 * 1024 * 1024;
        if (auto space = media::checkFreeSpace(QFileInfo(fragmentedPath).absolutePath(),
                                               QFileInfo(fragmentedPath).size() + kMargin);
            !space && space.error().code == ErrorCode::DiskFull) {
            recovered.problem = space.error();
            return Closing::Deferred;
        }
        // A partial output of the stopped process's finalizing is no evidence (the fragmented
        // file is): it goes, or the encrypted writer, which never overwrites, refuses to start.
        for (const auto *suffix : {".tmp", ".data.tmp"})
            QFile::remove(finalPath + QLatin1String(suffix));
        finalized = media::finalizeRecording(fragmentedPath, finalPath, chapters, stop, keys);
        if (!finalized && finalized.error().code == ErrorCode::Cancelled)
            return Closing::Stopped;
        if (!finalized && finalized.error().code == ErrorCode::DiskFull) {
            recovered.problem = finalized.error();
            return Closing::Deferred;
        }
    } else if (QFileInfo::exists(finalPath)) {
        // Finalized just before the stop, but not journaled yet: check it reads, and adopt it.
        if (auto count = media::countPackets(finalPath, keys); count && count->videoPackets > 0)
            finalized = media::FinalizedRecording{finalPath, QFileInfo(finalPath).size(), count->duration,
                                                  count->videoPackets, count->audioPackets};
        else
            finalized = fail(ErrorCode::FormatError,
                             QStringLiteral("%1 cannot be read back").arg(QDir::toNativeSeparators(finalPath)));
    } else {
        finalized = fail(ErrorCode::NotFound,
                         QStringLiteral("the recording %1 is missing").arg(QDir::toNativeSeparators(fragmentedPath)));
    }

    if (finalized) {
        if (!chapters.isEmpty() && chapters.last().end <= chapters.last().start)
            chapters.last().end = finalized->duration;
        recovered.recordingPath = finalized->path;
        recovered.finalized = true;
        recovered.recorded = finalized->duration;
        const auto digest = seal::evidenceSha256(finalized->path, keys);
        if (!digest)
            recovered.problem = digest.error();
        else if (auto added = sessions.addMediaFile(recovered.id, {storage::MediaRole::Recording, QDir::cleanPath(finalized->path),
                                                                   finalized->bytes, *digest, clock.wallNow().toUTC()});
                 !added)
            recovered.problem = added.error();
    } else {
        recovered.problem = finalized.error();
    }
    if (QFileInfo::exists(sidecarPath)) {
        // A session that had ended keeps the state its sidecar would have said; an open one failed.
        const auto state = sessionWasOpen ? QStringLiteral("failed")
                                          : QString::fromLatin1(workflow::sessionStateName(recovered.stateFound));
        const auto detail = sessionWasOpen ? QString::fromLatin1(kInterruptedReason)
                                           : QStringLiteral("finalized at the next start: DualRec stopped while saving");
        const auto written =
            media::updateSidecarEnd(sidecarPath, state, detail, recovered.finalized ? recovered.recordingPath : QString(), chapters, keys);
        if (written) {
            (void)sessions.addMediaFile(recovered.id, {storage::MediaRole::Sidecar, QDir::cleanPath(sidecarPath),
                                                       QFileInfo(sidecarPath).size(), seal::evidenceSha256(sidecarPath, keys).value_or(QString()),
                                                       clock.wallNow().toUTC()});
        } else if (!recovered.problem) {
            recovered.problem = written.error();
        }
    }
    return Closing::Done;
}

/// The evidence lifecycle of a session the closing above dealt with: resumed from the state the
/// stopped DualRec left it in (recording or recorded) to stored, or to missing when there was no
/// recording to store.
void advanceRecoveredEvidence(storage::SessionRepository &sessions, const Clock &clock, RecoveredSession &recovered)
{
    auto state = sessions.evidenceState(recovered.id);
    if (!state) {
        if (!recovered.problem)
            recovered.problem = state.error();
        return;
    }
    const auto now = clock.wallNow();
    const auto step = [&](storage::EvidenceStep next, const QString &detail) {
        if (!nextEvidenceState(*state, next))
            return;
        state = sessions.advanceEvidence(recovered.id, next, now, detail);
        if (!state && !recovered.problem)
            recovered.problem = state.error();
    };
    const bool missing = recovered.problem && recovered.problem->code == ErrorCode::NotFound && !recovered.finalized;
    if (missing) {
        step(storage::EvidenceStep::RecordingMissing, recovered.problem->detail);
        return;
    }
    step(storage::EvidenceStep::RecordingClosed, QStringLiteral("closed at the next start"));
    if (state && recovered.finalized)
        step(storage::EvidenceStep::RecordingStored, QDir::toNativeSeparators(recovered.recordingPath));
}

/// When the session was last alive: its last event, or the last time its recording grew.
QDateTime lastSignOfLife(const QList<workflow::SessionEvent> &events, const QString &recordingPath, const Clock &clock)
{
    QDateTime last = events.isEmpty() ? QDateTime() : events.last().wallTime;
    if (!recordingPath.isEmpty()) {
        const auto modified = QFileInfo(recordingPath).lastModified().toUTC();
        if (modified.isValid() && (!last.isValid() || modified > last))
            last = modified;
    }
    const auto now = clock.wallNow();
    return last.isValid() && last < now ? last : now;
}

/// Closes one claimed session. Returns false when it turned out to need nothing, or when `stop`
/// ended it before anything was written.
bool recoverOne(storage::Journal &journal, const Clock &clock, std::stop_token stop, const workflow::TemplateLibrary *library,
                RecoveredSession &recovered)
{
    auto &sessions = journal.sessions();
    // Read again now that it is ours: it may have ended properly since it was listed.
    const auto record = sessions.find(recovered.id);
    const auto events = sessions.events(recovered.id);
    const auto files = sessions.mediaFiles(recovered.id);
    if (!record || !*record || !events || !files) {
        recovered.kind = RecoveredSession::Kind::NotClosed;
        recovered.problem = !record ? record.error()
                            : !events ? events.error()
                            : !files  ? files.error()
                                      : Error{ErrorCode::NotFound, QStringLiteral("the session is no longer in the journal")};
        return true;
    }
    recovered.applicationNo = (*record)->applicationNo;
    recovered.stateFound = (*record)->state;
    const bool open = !workflow::isEndState(recovered.stateFound);
    const bool unsaved = lastWithRole(*files, storage::MediaRole::RecordingFragmented)
                         && !lastWithRole(*files, storage::MediaRole::Recording) && !lastWithRole(*files, storage::MediaRole::Sidecar);
    if (!open && !unsaved)
        return false;
    // The one transition table decides (P3): every open state can fail; an unknown one cannot.
    if (open && !workflow::nextState(recovered.stateFound, workflow::SessionTrigger::Fail)) {
        recovered.kind = RecoveredSession::Kind::NotClosed;
        recovered.problem = Error{ErrorCode::DataCorrupt, QStringLiteral("the journal gives the session an unknown state")};
        return true;
    }
    recovered.kind = open ? RecoveredSession::Kind::Interrupted : RecoveredSession::Kind::RecordingSaved;
    switch (closeRecording(journal, clock, *files, *events, open, stop, recovered)) {
    case Closing::Done:
        break;
    case Closing::Stopped:
        return false;
    case Closing::Deferred:
        recovered.kind = RecoveredSession::Kind::NotClosed; // untouched: said now, tried again at the next start
        return true;
    case Closing::Invalid:
        return false;
    }

    advanceRecoveredEvidence(sessions, clock, recovered);

    if (open) {
        workflow::SessionEvent failed;
        failed.type = workflow::SessionEventType::StateChanged;
        failed.wallTime = lastSignOfLife(*events, recovered.recordingPath, clock);
        failed.monotonic = events->isEmpty() ? nanoseconds(0) : events->last().monotonic;
        failed.from = recovered.stateFound;
        failed.to = workflow::SessionState::Failed;
        failed.trigger = workflow::SessionTrigger::Fail;
        failed.detail = QLatin1String(kInterruptedReason);
        if (auto appended = sessions.appendEvents(recovered.id, events->size(), {failed}); !appended) {
            recovered.kind = RecoveredSession::Kind::NotClosed;
            recovered.problem = appended.error();
            return true;
        }
    }

    if ((*record)->qcVerdict == storage::StoredVerdict::Pending) {
        if (auto verdict = judgeLeftBehind(journal, clock, recovered.id, library, open))
            recovered.verdict = std::move(*verdict);
        else if (!recovered.problem)
            recovered.problem = verdict.error();
    }

    QString detail = recovered.recordingPath.isEmpty()
                         ? QStringLiteral("no recording")
                         : QStringLiteral("recording %1 (%2)")
                               .arg(QDir::toNativeSeparators(recovered.recordingPath),
                                    recovered.finalized ? QStringLiteral("finalized") : QStringLiteral("not finalized"));
    if (!open)
        detail = QStringLiteral("ended as %1 while saving; ").arg(QLatin1String(workflow::sessionStateName(recovered.stateFound))) + detail;
    if (recovered.problem)
        detail += QStringLiteral("; ") + recovered.problem->toString();
    if (auto audited = journal.audit().append(QStringLiteral("system"), storage::AuditAction::SessionRecovered,
                                              recovered.id.toString(), detail);
        !audited && !recovered.problem)
        recovered.problem = audited.error();
    return true;
}

/// Puts every session the journal does not know back from its sidecar (see the header). An
/// ended one is listed as Reindexed; an open one is left to the closing that follows.
void adoptOrphans(storage::Journal &journal, const Clock &clock, std::stop_token stop, QList<RecoveredSession> &result)
{
    auto &sessions = journal.sessions();
    const auto *keys = journal.evidenceKeys().get();
    QStringList sidecars;
    for (const auto &folder : storage::Journal::recordingFolders(journal.dataDirectory()))
        sidecars += storage::findSidecars(folder, keys);
    for (const auto &sidecarPath : std::as_const(sidecars)) {
        if (stop.stop_requested())
            return;
        auto sidecar = storage::readSidecar(sidecarPath, keys);
        if (!sidecar)
            continue; // not ours to judge here: a rebuilt journal reports unreadable sidecars
        const auto id = sidecar->record.id;
        if (auto known = sessions.find(id); !known || *known)
            continue;
        // A DualRec starting this session right now holds its claim: leave it alone.
        auto claim = storage::SessionClaim::take(journal.dataDirectory(), id);
        if (!claim)
            continue;
        if (auto known = sessions.find(id); !known || *known)
            continue;
        auto record = sidecar->record;
        if (!sidecar->ended)
            record.state = workflow::SessionState::Created; // open: the closing below fails it
        const auto final = std::ranges::find_if(sidecar->media, [](const storage::MediaFile &file) {
            return file.role == storage::MediaRole::Recording;
        });
        const bool finished = final != sidecar->media.end();
        RecoveredSession recovered;
        recovered.kind = RecoveredSession::Kind::Reindexed;
        recovered.id = id;
        recovered.applicationNo = record.applicationNo;
        recovered.stateFound = record.state;
        if (auto created = sessions.create(record); !created) {
            recovered.kind = RecoveredSession::Kind::NotClosed;
            recovered.problem = created.error();
            result.append(recovered);
            continue;
        }
        for (auto file : std::as_const(sidecar->media)) {
            // Without a finalized recording the sidecar stays out: the closing below finalizes
            // the fragmented file and journals both.
            if (!finished && file.role == storage::MediaRole::Sidecar)
                continue;
            if (file.role == storage::MediaRole::Recording || file.role == storage::MediaRole::Sidecar)
                file.sha256 = seal::evidenceSha256(file.path, keys).value_or(QString());
            file.createdAt = clock.wallNow().toUTC();
            if (auto added = sessions.addMediaFile(id, file); !added && !recovered.problem)
                recovered.problem = added.error();
        }
        if (finished) {
            recovered.recordingPath = final->path;
            recovered.finalized = true;
            if (const auto count = media::countPackets(final->path, keys))
                recovered.recorded = count->duration;
        }
        (void)journal.audit().append(QStringLiteral("system"), storage::AuditAction::JournalRecovered, id.toString(),
                                     QStringLiteral("session missing from the journal, re-indexed from its sidecar %1")
                                         .arg(QDir::toNativeSeparators(sidecarPath)));
        QList<storage::MediaFile> adopted = sidecar->media;
        if (!finished)
            adopted.erase(std::remove_if(adopted.begin(), adopted.end(),
                                         [](const storage::MediaFile &file) { return file.role == storage::MediaRole::Recording; }),
                          adopted.end());
        if (auto evidence = sessions.adoptEvidence(id, storage::SessionRepository::evidenceOfFiles(adopted), clock.wallNow(),
                                                   QStringLiteral("re-indexed from its sidecar %1").arg(QDir::toNativeSeparators(sidecarPath)));
            !evidence && !recovered.problem)
            recovered.problem = evidence.error();
        if (sidecar->ended)
            result.append(recovered);
    }
}

} // namespace

Result<qc::QcVerdict> judgeLeftBehind(storage::Journal &journal, const Clock &clock, const workflow::SessionId &id,
                                      const workflow::TemplateLibrary *library, bool interrupted)
{
    auto &sessions = journal.sessions();
    const auto *keys = journal.evidenceKeys().get();
    const auto record = sessions.find(id);
    if (!record)
        return std::unexpected(record.error());
    if (!*record)
        return fail(ErrorCode::NotFound, QStringLiteral("the session is no longer in the journal"));
    const auto events = sessions.events(id);
    if (!events)
        return std::unexpected(events.error());
    const auto files = sessions.mediaFiles(id);
    if (!files)
        return std::unexpected(files.error());

    qc::QcInput input;
    std::optional<workflow::ScriptPlan> plan;
    if (library) {
        if (auto found = library->plan((*record)->templateId.split(u'+')))
            plan = std::move(*found);
    }
    if (plan)
        input.steps = qc::stepsFromEvents(*events, *plan);
    input.presence = qc::presenceFromEvents(*events);
    if (auto speech = sessions.speech(id); speech && speech->analysed) {
        input.speech.analysed = true;
        for (const auto &range : speech->ranges)
            input.speech.ranges.push_back({range.start, range.end});
    }

    // The recording kept: the finalized file, else the fragmented one.
    auto kept = lastWithRole(*files, storage::MediaRole::Recording);
    if (!kept)
        kept = lastWithRole(*files, storage::MediaRole::RecordingFragmented);
    const auto lastEvent = events->isEmpty() ? milliseconds(0) : duration_cast<milliseconds>(events->last().monotonic);
    milliseconds recorded{0};
    QString audioProblem;
    if (!kept || !QFileInfo::exists(kept->path)) {
        input.recording = qc::RecordingPresence::Missing;
    } else {
        const auto count = media::countPackets(kept->path, keys);
        if (!count || count->videoPackets <= 0)
            input.recording = qc::RecordingPresence::Empty;
        if (count)
            recorded = count->duration;
        if (auto audio = qc::scanAudio(kept->path, keys))
            input.audio = *audio;
        else
            audioProblem = audio.error().detail;
        QString base = kept->path;
        for (const auto suffix : {QLatin1String(kFragmentedSuffix), QLatin1String(".mp4")}) {
            if (base.endsWith(suffix)) {
                base.chop(suffix.size());
                break;
            }
        }
        if (const auto sidecar = seal::readEvidenceFile(base + QStringLiteral(".json"), keys))
            input.gaps = qc::gapsFromJson(QJsonDocument::fromJson(*sidecar).object());
    }
    input.length = std::max(recorded, lastEvent);
    if (interrupted) {
        // The step still running when DualRec stopped ran until the recording's end.
        if (!input.steps.empty() && !input.steps.back().completed)
            input.steps.back().range.end = std::max(input.steps.back().range.end, input.length);
        input.interruptedAt = input.recording == qc::RecordingPresence::Missing ? lastEvent : recorded;
    }
    const auto rules = plan ? plan->qcRules() : workflow::QcRules{};
    auto verdict = qc::evaluate(input, rules);
    if (!audioProblem.isEmpty() && input.recording == qc::RecordingPresence::Present) {
        // The sound could not be checked: never a pass on that account (as at a session's end).
        verdict.reasons.push_back({qc::QcReasonKind::AudioMissing, workflow::QcSeverity::Review, {}, {milliseconds(0), input.length},
                                   QStringLiteral("the sound track could not be checked: ") + audioProblem});
        if (verdict.outcome == qc::QcOutcome::Pass)
            verdict.outcome = qc::QcOutcome::NeedsReview;
    }
    if (auto stored = journal.qc().recordAutomatic(id, qc::storedVerdict(verdict.outcome), qc::reasonRecords(verdict),
                                                   clock.wallNow());
        !stored)
        return std::unexpected(stored.error());
    return verdict;
}

Result<QList<RecoveredSession>> recoverInterruptedSessions(storage::Journal &journal, const Clock &clock, std::stop_token stop,
                                                           const workflow::TemplateLibrary *library)
{
    QList<RecoveredSession> orphans;
    adoptOrphans(journal, clock, stop, orphans);
    auto candidates = journal.sessions().leftBehind();
    if (!candidates)
        return std::unexpected(candidates.error());
    QList<RecoveredSession> result = orphans;
    for (const auto &id : *candidates) {
        if (stop.stop_requested())
            break;
        RecoveredSession recovered;
        recovered.id = id;
        auto claim = storage::SessionClaim::take(journal.dataDirectory(), id);
        if (!claim) {
            if (claim.error().code == ErrorCode::InvalidState)
                continue; // a running DualRec has it
            recovered.kind = RecoveredSession::Kind::NotClosed;
            recovered.problem = claim.error();
            result.append(recovered);
            continue;
        }
        if (recoverOne(journal, clock, stop, library, recovered))
            result.append(recovered);
    }
    // Locks left by processes that died after their session ended: taking one over removes it.
    const QDir locks(QFileInfo(storage::SessionClaim::lockPath(journal.dataDirectory(), workflow::SessionId())).absolutePath());
    for (const auto &name : locks.entryList({QStringLiteral("*.lock")}, QDir::Files)) {
        const auto id = workflow::SessionId::fromString(QFileInfo(name).completeBaseName());
        if (id.isNull())
            continue;
        auto claim = storage::SessionClaim::take(journal.dataDirectory(), id);
        if (!claim || stop.stop_requested())
            continue;
        // Its DualRec stopped after the session ended and was stored, before its QC verdict.
        if (const auto record = journal.sessions().find(id); record && *record && workflow::isEndState((*record)->state)
                                                             && (*record)->qcVerdict == storage::StoredVerdict::Pending)
            (void)judgeLeftBehind(journal, clock, id, library, false);
    }
    return result;
}

} // namespace dualrec::live
