#pragma once

#include "core/seal/secretkey.h"
#include "core/storage/database.h"
#include "core/storage/sessionrecord.h"
#include "core/workflow/sessionevent.h"

#include <memory>

namespace dualrec::storage {

/// Sessions, their products, events, step results and media files. The only place with SQL
/// about sessions. Every method is one transaction: it happens completely or not at all.
/// Thread contract: thread-safe (each thread uses its own connection).
class SessionRepository final
{
public:
    /// `piiKey` encrypts customers' personal data; without it, records carrying personal
    /// data are refused rather than stored in clear.
    SessionRepository(std::shared_ptr<Database> database, std::optional<seal::SecretKey> piiKey);

    [[nodiscard]] Result<void> create(const SessionRecord &record);
    /// Appends timeline events numbered from `firstSeq`, and moves the session's state to the
    /// last state change among them.
    [[nodiscard]] Result<void> appendEvents(const workflow::SessionId &id, qint64 firstSeq,
                                            const QList<workflow::SessionEvent> &events);
    [[nodiscard]] Result<void> addMediaFile(const workflow::SessionId &id, const MediaFile &file);
    /// Stores the session's presence timeline (run-length), replacing any stored before.
    [[nodiscard]] Result<void> savePresenceRuns(const workflow::SessionId &id, const QList<PresenceRun> &runs);
    [[nodiscard]] Result<QList<PresenceRun>> presenceRuns(const workflow::SessionId &id);
    /// Stores the session's speech analysis (analysed must be true; ranges ordered, each with
    /// end > start >= 0), replacing any stored before. InvalidArgument names the bad range.
    [[nodiscard]] Result<void> saveSpeech(const workflow::SessionId &id, const SpeechAnalysis &analysis);
    /// The session's speech; analysed is false when none was stored.
    [[nodiscard]] Result<SpeechAnalysis> speech(const workflow::SessionId &id);

    [[nodiscard]] Result<std::optional<SessionRecord>> find(const workflow::SessionId &id);
    [[nodiscard]] Result<QList<workflow::SessionEvent>> events(const workflow::SessionId &id);
    [[nodiscard]] Result<QList<MediaFile>> mediaFiles(const workflow::SessionId &id);
    /// Sessions a stopped DualRec may have left behind, oldest first: those not in an end state
    /// (being recorded now, or interrupted), and ended ones whose recording was never completed
    /// (a fragmented file journaled, but neither the final recording nor the closing sidecar: the
    /// process stopped while finalizing). Sessions already closed at a start ("session-recovered"
    /// in the audit log) are not listed again.
    [[nodiscard]] Result<QList<workflow::SessionId>> leftBehind();
    /// The session's evidence lifecycle state (NotFound for an unknown session).
    [[nodiscard]] Result<EvidenceState> evidenceState(const workflow::SessionId &id);
    /// The lifecycle's one way forward: applies `step` (nextEvidenceState) to the stored state and
    /// journals the transition, in one transaction. InvalidState, changing nothing, when the
    /// step is not allowed from the stored state (e.g. another process got there first).
    [[nodiscard]] Result<EvidenceState> advanceEvidence(const workflow::SessionId &id, EvidenceStep step,
                                                        const QDateTime &at, const QString &detail = {});
    /// A session put back from its sidecar: moves its evidence along the main path to `target`,
    /// journaling each step with `detail`.
    [[nodiscard]] Result<EvidenceState> adoptEvidence(const workflow::SessionId &id, EvidenceState target,
                                                      const QDateTime &at, const QString &detail);
    /// Where the evidence of a session with these media files stands, as far as the files say:
    /// a journaled recording is stored, a fragmented one alone is still recording.
    [[nodiscard]] static EvidenceState evidenceOfFiles(const QList<MediaFile> &files);
    [[nodiscard]] Result<QList<EvidenceTransition>> evidenceTransitions(const workflow::SessionId &id);
    /// Sessions whose evidence is in one of `states`, oldest first.
    [[nodiscard]] Result<QList<workflow::SessionId>> sessionsWithEvidence(const QList<EvidenceState> &states);
    [[nodiscard]] Result<HistoryPage> history(const HistoryFilter &filter, int offset, int limit);

private:
    std::shared_ptr<Database> m_database;
    std::optional<seal::SecretKey> m_piiKey;
};

} // namespace dualrec::storage
