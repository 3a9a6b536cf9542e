#include "core/live/interruptedsessions.h"

#include "core/media/finalizer.h"
#include "core/media/sidecar.h"
#include "core/storage/sessionclaim.h"
#include "core/util/filedigest.h"
#include "core/workflow/sessiontimeline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dualrec::live {

using namespace std::chrono;

namespace {

constexpr auto kFragmentedSuffix = ".recording.mp4";

/// The recording's chapters: as its sidecar named them, else from the journal's step events
/// (titled by step id). A chapter still open ends where the next one starts.
QList<media::ChapterMark> chaptersFor(const QString &sidecarPath, const QList<workflow::SessionEvent> &events)
{
    QList<media::ChapterMark> chapters;
    if (auto fromSidecar = media::readSidecarChapters(sidecarPath); fromSidecar && !fromSidecar->isEmpty()) {
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

/// Finalizes the interrupted recording (or adopts a final file already written) and journals
/// the result; fills the recording fields of `recovered`.
void closeRecording(storage::Journal &journal, const Clock &clock, const QList<storage::MediaFile> &files,
                    const QList<workflow::SessionEvent> &events, RecoveredSession &recovered)
{
    auto &sessions = journal.sessions();
    const auto role = [&files](QLatin1String name) -> std::optional<storage::MediaFile> {
        for (auto it = files.crbegin(); it != files.crend(); ++it) {
            if (it->role == name)
                return *it;
        }
        return std::nullopt;
    };
    if (const auto final = role(QLatin1String("recording"))) {
        // Finalized and journaled before the stop: nothing to redo.
        recovered.recordingPath = final->path;
        recovered.finalized = true;
        return;
    }
    const auto fragmented = role(QLatin1String("recording-fragmented"));
    if (!fragmented)
        return; // stopped before the recording began
    const auto fragmentedPath = fragmented->path;
    recovered.recordingPath = fragmentedPath;
    QString base = fragmentedPath;
    if (base.endsWith(QLatin1String(kFragmentedSuffix)))
        base.chop(qsizetype(qstrlen(kFragmentedSuffix)));
    const QString finalPath = base + QStringLiteral(".mp4");
    const QString sidecarPath = base + QStringLiteral(".json");

    auto chapters = chaptersFor(sidecarPath, events);
    Result<media::FinalizedRecording> finalized = fail(ErrorCode::NotFound, QString());
    if (QFileInfo::exists(fragmentedPath)) {
        finalized = media::finalizeRecording(fragmentedPath, finalPath, chapters);
    } else if (QFileInfo::exists(finalPath)) {
        // Finalized just before the stop, but not journaled yet: check it reads, and adopt it.
        if (auto count = media::countPackets(finalPath); count && count->videoPackets > 0)
            finalized = media::FinalizedRecording{finalPath, QFileInfo(finalPath).size(), count->duration,
                                                  count->videoPackets, count->audioPackets};
        else
            finalized = fail(ErrorCode::FormatError, QStringLiteral("%1 cannot be read back").arg(QDir::toNativeSeparators(finalPath)));
    } else {
        finalized = fail(ErrorCode::NotFound, QStringLiteral("the recording %1 is missing")
                                                  .arg(QDir::toNativeSeparators(fragmentedPath)));
    }

    if (finalized) {
        if (!chapters.isEmpty() && chapters.last().end <= chapters.last().start)
            chapters.last().end = finalized->duration;
        recovered.recordingPath = finalized->path;
        recovered.finalized = true;
        recovered.recorded = finalized->duration;
        if (auto added = sessions.addMediaFile(recovered.id, {QStringLiteral("recording"), QDir::cleanPath(finalized->path),
                                                              finalized->bytes, sha256OfFile(finalized->path),
                                                              clock.wallNow().toUTC()});
            !added)
            recovered.problem = added.error();
    } else {
        recovered.problem = finalized.error();
    }
    if (QFileInfo::exists(sidecarPath)) {
        const auto written = media::updateSidecarEnd(sidecarPath, QStringLiteral("failed"), QLatin1String(kInterruptedReason),
                                                     recovered.finalized ? finalPath : QString(), chapters);
        if (written) {
            (void)sessions.addMediaFile(recovered.id, {QStringLiteral("sidecar"), QDir::cleanPath(sidecarPath),
                                                       QFileInfo(sidecarPath).size(), sha256OfFile(sidecarPath),
                                                       clock.wallNow().toUTC()});
        } else if (!recovered.problem) {
            recovered.problem = written.error();
        }
    }
}

} // namespace

Result<QList<RecoveredSession>> recoverInterruptedSessions(storage::Journal &journal, const Clock &clock)
{
    auto open = journal.sessions().unfinished();
    if (!open)
        return std::unexpected(open.error());
    QList<RecoveredSession> recoveredSessions;
    for (const auto &id : *open) {
        auto claim = storage::SessionClaim::take(journal.dataDirectory(), id);
        if (!claim)
            continue; // being recorded by a running DualRec (or its lock cannot be written: not ours to judge)
        auto record = journal.sessions().find(id);
        auto events = journal.sessions().events(id);
        auto files = journal.sessions().mediaFiles(id);
        if (!record || !*record || !events || !files)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("session %1 cannot be read back from the journal").arg(id.toString()));

        RecoveredSession recovered;
        recovered.id = id;
        recovered.applicationNo = (*record)->applicationNo;
        recovered.agentId = (*record)->agentId;
        recovered.interruptedIn = (*record)->state;
        closeRecording(journal, clock, *files, *events, recovered);

        workflow::SessionEvent failed;
        failed.type = workflow::SessionEventType::StateChanged;
        failed.wallTime = clock.wallNow();
        failed.monotonic = events->isEmpty() ? nanoseconds(0) : events->last().monotonic;
        failed.from = recovered.interruptedIn;
        failed.to = workflow::SessionState::Failed;
        failed.trigger = workflow::SessionTrigger::Fail;
        failed.detail = QLatin1String(kInterruptedReason);
        if (auto appended = journal.sessions().appendEvents(id, events->size(), {failed}); !appended)
            return std::unexpected(appended.error());

        QString detail = recovered.recordingPath.isEmpty()
                             ? QStringLiteral("no recording")
                             : QStringLiteral("recording %1 (%2)")
                                   .arg(QDir::toNativeSeparators(recovered.recordingPath),
                                        recovered.finalized ? QStringLiteral("finalized")
                                                            : QStringLiteral("not finalized"));
        if (recovered.problem)
            detail += QStringLiteral("; ") + recovered.problem->toString();
        (void)journal.audit().append(QStringLiteral("system"), storage::AuditAction::SessionRecovered, id.toString(), detail);
        recoveredSessions.append(recovered);
    }
    // Locks left by processes that died after their session ended: taking one over removes it.
    const QDir locks(QFileInfo(storage::SessionClaim::lockPath(journal.dataDirectory(), workflow::SessionId())).absolutePath());
    for (const auto &name : locks.entryList({QStringLiteral("*.lock")}, QDir::Files)) {
        const auto id = workflow::SessionId::fromString(QFileInfo(name).completeBaseName());
        if (!id.isNull())
            (void)storage::SessionClaim::take(journal.dataDirectory(), id);
    }
    return recoveredSessions;
}

} // namespace dualrec::live
