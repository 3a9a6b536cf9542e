// Closing what a stopped DualRec left behind (live::recoverInterruptedSessions), in-process and
// deterministic: claims held and released, a recording that was still being finalized, a session
// that ended properly, and a session the journal cannot make sense of. The real crash (kill -9
// of `dualrec record`) is in tests/app/test_record.cpp.
#include "core/live/interruptedsessions.h"
#include "core/media/finalizer.h"
#include "core/storage/sessionclaim.h"
#include "core/util/filedigest.h"
#include "tests/support/mediatools.h"
#include "tests/support/testclock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;
using Kind = live::RecoveredSession::Kind;

namespace {

struct Folder {
    QTemporaryDir directory;
    test::ManualClock clock;
    std::unique_ptr<storage::Journal> journal;

    Folder()
    {
        REQUIRE(directory.isValid());
        auto opened = storage::Journal::open(directory.path(), clock);
        REQUIRE(opened.has_value());
        journal = std::move(*opened);
    }

    /// A session row in `state`, with a Created event and (when given) a state change into it.
    workflow::SessionId addSession(const QString &applicationNo, workflow::SessionState state)
    {
        storage::SessionRecord record;
        record.id = workflow::SessionId::generate();
        record.applicationNo = applicationNo;
        record.agentId = QStringLiteral("agent01");
        record.templateId = QStringLiteral("traditional-life");
        record.state = state;
        record.createdAt = clock.wallNow();
        REQUIRE(journal->sessions().create(record).has_value());
        workflow::SessionEvent created;
        created.type = workflow::SessionEventType::Created;
        created.wallTime = clock.wallNow();
        REQUIRE(journal->sessions().appendEvents(record.id, 0, {created}).has_value());
        return record.id;
    }

    workflow::SessionState stateOf(const workflow::SessionId &id) const
    {
        const auto record = journal->sessions().find(id);
        REQUIRE(record.has_value());
        REQUIRE(record->has_value());
        return (*record)->state;
    }
};

} // namespace

TEST_CASE("an open session is closed only once no running DualRec holds it")
{
    Folder folder;
    const auto id = folder.addSession(QStringLiteral("OPEN-1"), workflow::SessionState::Steps);
    {
        auto held = storage::SessionClaim::take(folder.journal->dataDirectory(), id);
        REQUIRE(held.has_value());
        // A second claim on the same session is refused, and says by whom.
        const auto second = storage::SessionClaim::take(folder.journal->dataDirectory(), id);
        REQUIRE_FALSE(second.has_value());
        CHECK(second.error().code == ErrorCode::InvalidState);
        CHECK(second.error().detail.contains(QString::number(QCoreApplication::applicationPid())));

        const auto whileHeld = live::recoverInterruptedSessions(*folder.journal, folder.clock);
        REQUIRE(whileHeld.has_value());
        CHECK(whileHeld->isEmpty());
        CHECK(folder.stateOf(id) == workflow::SessionState::Steps);
    }
    CHECK_FALSE(QFile::exists(storage::SessionClaim::lockPath(folder.journal->dataDirectory(), id)));

    folder.clock.advance(5min);
    const auto released = live::recoverInterruptedSessions(*folder.journal, folder.clock);
    REQUIRE(released.has_value());
    REQUIRE(released->size() == 1);
    const auto &closed = released->first();
    CHECK(closed.kind == Kind::Interrupted);
    CHECK(closed.applicationNo == QLatin1String("OPEN-1"));
    CHECK(closed.stateFound == workflow::SessionState::Steps);
    CHECK(closed.recordingPath.isEmpty());
    CHECK_FALSE(closed.problem);
    CHECK(folder.stateOf(id) == workflow::SessionState::Failed);
    const auto events = folder.journal->sessions().events(id);
    REQUIRE(events.has_value());
    REQUIRE(events->size() == 2);
    CHECK(events->last().from == workflow::SessionState::Steps);
    CHECK(events->last().detail == QLatin1String(live::kInterruptedReason));
    // Dated when the session was last alive (its last event), not when it was found.
    CHECK(events->last().wallTime == events->first().wallTime);

    const auto again = live::recoverInterruptedSessions(*folder.journal, folder.clock);
    REQUIRE(again.has_value());
    CHECK(again->isEmpty());
}

TEST_CASE("a recording still being finalized when DualRec stopped is finalized at the next start")
{
    Folder folder;
    const auto recordings = QDir(folder.directory.filePath(QStringLiteral("recordings")));
    REQUIRE(QDir().mkpath(recordings.path()));

    // Ended properly (Finished), but the process stopped during finalizing: only the fragmented
    // file is journaled.
    const auto unsaved = folder.addSession(QStringLiteral("SAVING-1"), workflow::SessionState::Finished);
    const auto fragmented = recordings.filePath(unsaved.toString() + QStringLiteral(".recording.mp4"));
    test::makeTestClip(fragmented, 25, 2, 48000, 1,
                       {QStringLiteral("-movflags"), QStringLiteral("+frag_keyframe+empty_moov+default_base_moof")});
    REQUIRE(folder.journal->sessions()
                .addMediaFile(unsaved, {storage::MediaRole::RecordingFragmented, fragmented, 0, QString(), folder.clock.wallNow()})
                .has_value());
    // A final file half-written by the stopped process does not get in the way.
    const auto final = recordings.filePath(unsaved.toString() + QStringLiteral(".mp4"));
    {
        QFile partial(final + QStringLiteral(".tmp"));
        REQUIRE(partial.open(QIODevice::WriteOnly));
        partial.write(QByteArray(1000, 'x'));
    }

    // Ended and saved properly: nothing to do, though its lock file is free.
    const auto saved = folder.addSession(QStringLiteral("SAVED-1"), workflow::SessionState::Aborted);
    REQUIRE(folder.journal->sessions()
                .addMediaFile(saved, {storage::MediaRole::RecordingFragmented, recordings.filePath(QStringLiteral("x.recording.mp4")), 0,
                                      QString(), folder.clock.wallNow()})
                .has_value());
    REQUIRE(folder.journal->sessions()
                .addMediaFile(saved, {storage::MediaRole::Recording, recordings.filePath(QStringLiteral("x.mp4")), 1, QStringLiteral("ab"),
                                      folder.clock.wallNow()})
                .has_value());

    // A session whose state the journal cannot make sense of: reported, and the others go on.
    const auto broken = folder.addSession(QStringLiteral("BROKEN-1"), workflow::SessionState::Steps);
    REQUIRE(folder.journal->database()
                .run(QStringLiteral("UPDATE sessions SET state = 'bogus' WHERE id = ?"), {broken.toString()})
                .has_value());

    const auto recovered = live::recoverInterruptedSessions(*folder.journal, folder.clock);
    REQUIRE(recovered.has_value());
    REQUIRE(recovered->size() == 2);
    const auto byId = [&](const workflow::SessionId &id) {
        const auto it = std::ranges::find_if(*recovered, [&](const live::RecoveredSession &r) { return r.id == id; });
        REQUIRE(it != recovered->cend());
        return *it;
    };

    const auto savedNow = byId(unsaved);
    CHECK(savedNow.kind == Kind::RecordingSaved);
    CHECK(savedNow.finalized);
    CHECK(savedNow.recordingPath == final);
    CHECK(savedNow.recorded >= 1900ms);
    CHECK_FALSE(savedNow.problem);
    CHECK(folder.stateOf(unsaved) == workflow::SessionState::Finished); // its ending stands
    CHECK_FALSE(QFile::exists(fragmented));
    const auto count = media::countPackets(final);
    REQUIRE(count.has_value());
    CHECK(count->videoPackets == 50);
    const auto files = folder.journal->sessions().mediaFiles(unsaved);
    REQUIRE(files.has_value());
    CHECK(std::ranges::any_of(*files, [&](const storage::MediaFile &file) {
        return file.role == storage::MediaRole::Recording && file.path == final && file.sha256 == sha256OfFile(final).value_or(QStringLiteral("unreadable"));
    }));

    const auto brokenNow = byId(broken);
    CHECK(brokenNow.kind == Kind::NotClosed);
    REQUIRE(brokenNow.problem);
    CHECK(brokenNow.problem->code == ErrorCode::DataCorrupt);

    // Next start: the finalized one is done; the broken one is reported again, untouched.
    const auto again = live::recoverInterruptedSessions(*folder.journal, folder.clock);
    REQUIRE(again.has_value());
    REQUIRE(again->size() == 1);
    CHECK(again->first().id == broken);
}

TEST_CASE("finalizing stopped on request leaves the fragmented recording as it was")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto fragmented = dir.filePath(QStringLiteral("s.recording.mp4"));
    test::makeTestClip(fragmented, 25, 2, 48000, 1,
                       {QStringLiteral("-movflags"), QStringLiteral("+frag_keyframe+empty_moov+default_base_moof")});
    const auto before = sha256OfFile(fragmented);
    REQUIRE(before.has_value());
    const auto final = dir.filePath(QStringLiteral("s.mp4"));

    std::stop_source stop;
    stop.request_stop();
    const auto stopped = media::finalizeRecording(fragmented, final, {}, stop.get_token());
    REQUIRE_FALSE(stopped.has_value());
    CHECK(stopped.error().code == ErrorCode::Cancelled);
    CHECK(sha256OfFile(fragmented) == before);
    CHECK_FALSE(QFile::exists(final));
    CHECK_FALSE(QFile::exists(final + QStringLiteral(".tmp")));

    // Not stopped: the same file finalizes.
    const auto done = media::finalizeRecording(fragmented, final, {});
    REQUIRE(done.has_value());
    CHECK(done->videoPackets == 50);
    CHECK_FALSE(QFile::exists(fragmented));
}

namespace {

/// A sidecar as the recorder writes it at the start ("recording") or the end of a recording.
void writeSidecarFile(const QString &path, const workflow::SessionId &id, const QString &applicationNo, const QString &state,
                      const QString &finalName)
{
    const QJsonObject sidecar{
        {QStringLiteral("format"), QStringLiteral("dualrec-recording/1")},
        {QStringLiteral("session_id"), id.toString()},
        {QStringLiteral("application_no"), applicationNo},
        {QStringLiteral("agent_id"), QStringLiteral("agent01")},
        {QStringLiteral("template_id"), QStringLiteral("traditional-life")},
        {QStringLiteral("template_version"), QStringLiteral("1.0.0")},
        {QStringLiteral("state"), state},
        {QStringLiteral("started_at"), QStringLiteral("2026-11-20T10:00:00.000Z")},
        {QStringLiteral("files"), QJsonObject{{QStringLiteral("fragmented"), QString(id.toString() + QStringLiteral(".recording.mp4"))},
                                              {QStringLiteral("final"), finalName}}}};
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(sidecar).toJson());
}

} // namespace

TEST_CASE("recordings the journal does not know are put back and closed like interrupted sessions")
{
    Folder folder;
    const auto recordings = QDir(folder.directory.filePath(QStringLiteral("recordings")));
    REQUIRE(QDir().mkpath(recordings.path()));
    const QStringList fragmentedFlags{QStringLiteral("-movflags"), QStringLiteral("+frag_keyframe+empty_moov+default_base_moof")};

    // Killed mid-recording, and its rows lost with the write-ahead log: a fragmented file and a
    // sidecar that still says "recording".
    const auto killed = workflow::SessionId::generate();
    const auto fragmented = recordings.filePath(killed.toString() + QStringLiteral(".recording.mp4"));
    test::makeTestClip(fragmented, 25, 2, 48000, 1, fragmentedFlags);
    writeSidecarFile(recordings.filePath(killed.toString() + QStringLiteral(".json")), killed, QStringLiteral("ORPHAN-1"),
                     QStringLiteral("recording"), QString());
    // Ended and finalized, but its rows are gone too.
    const auto ended = workflow::SessionId::generate();
    const auto endedFinal = recordings.filePath(ended.toString() + QStringLiteral(".mp4"));
    test::makeTestClip(endedFinal, 25, 1, 48000, 1);
    writeSidecarFile(recordings.filePath(ended.toString() + QStringLiteral(".json")), ended, QStringLiteral("ORPHAN-2"),
                     QStringLiteral("finished"), ended.toString() + QStringLiteral(".mp4"));

    const auto recovered = live::recoverInterruptedSessions(*folder.journal, folder.clock);
    REQUIRE(recovered.has_value());
    REQUIRE(recovered->size() == 2);
    const auto byId = [&](const workflow::SessionId &id) {
        const auto it = std::ranges::find_if(*recovered, [&](const live::RecoveredSession &r) { return r.id == id; });
        REQUIRE(it != recovered->cend());
        return *it;
    };

    const auto killedNow = byId(killed);
    CHECK(killedNow.kind == Kind::Interrupted);
    CHECK(killedNow.applicationNo == QLatin1String("ORPHAN-1"));
    CHECK(killedNow.finalized);
    CHECK(folder.stateOf(killed) == workflow::SessionState::Failed);
    const auto final = recordings.filePath(killed.toString() + QStringLiteral(".mp4"));
    const auto files = folder.journal->sessions().mediaFiles(killed);
    REQUIRE(files.has_value());
    CHECK(std::ranges::any_of(*files, [&](const storage::MediaFile &file) {
        return file.role == storage::MediaRole::Recording && file.path == final
               && file.sha256 == sha256OfFile(final).value_or(QStringLiteral("unreadable"));
    }));
    QFile sidecar(recordings.filePath(killed.toString() + QStringLiteral(".json")));
    REQUIRE(sidecar.open(QIODevice::ReadOnly));
    CHECK(QJsonDocument::fromJson(sidecar.readAll()).object().value(QStringLiteral("state")).toString() == QLatin1String("failed"));

    const auto endedNow = byId(ended);
    CHECK(endedNow.kind == Kind::Reindexed);
    CHECK(endedNow.finalized);
    CHECK(folder.stateOf(ended) == workflow::SessionState::Finished);
    const auto endedFiles = folder.journal->sessions().mediaFiles(ended);
    REQUIRE(endedFiles.has_value());
    CHECK(std::ranges::any_of(*endedFiles, [&](const storage::MediaFile &file) {
        return file.role == storage::MediaRole::Recording && file.sha256 == sha256OfFile(endedFinal).value_or(QStringLiteral("x"));
    }));
    const auto audit = folder.journal->audit().entries();
    REQUIRE(audit.has_value());
    CHECK(std::ranges::count_if(*audit, [](const storage::AuditEntry &entry) {
              return entry.action == QLatin1String("journal-recovered");
          }) == 2);

    // The next start has nothing more to do.
    const auto again = live::recoverInterruptedSessions(*folder.journal, folder.clock);
    REQUIRE(again.has_value());
    CHECK(again->isEmpty());
}
