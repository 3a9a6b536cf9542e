#include "core/sync/evidencefollow.h"

namespace dualrec::sync {

Result<bool> followUpload(storage::SessionRepository &sessions, const workflow::SessionId &id, storage::EvidenceState target,
                          const QDateTime &at, const QString &actor)
{
    const auto current = sessions.evidenceState(id);
    if (!current || (*current != storage::EvidenceState::Sealed && *current != storage::EvidenceState::Uploading
                     && *current != storage::EvidenceState::Acknowledged))
        return false;
    if (*current == target)
        return false;
    auto moved = sessions.adoptEvidence(id, target, at, actor);
    if (!moved)
        return std::unexpected(moved.error());
    return true;
}

void followEvidence(SyncScheduler &scheduler, storage::SessionRepository &sessions, const Clock &clock, const QString &actor,
                    std::function<void(const workflow::SessionId &, const Error &)> problem)
{
    const auto follow = [&sessions, &clock, actor, problem](const workflow::SessionId &id, storage::EvidenceState target) {
        if (auto moved = followUpload(sessions, id, target, clock.wallNow(), actor); !moved && problem)
            problem(id, moved.error());
    };
    QObject::connect(&scheduler, &SyncScheduler::uploadStarted, &scheduler,
                     [follow](const workflow::SessionId &id) { follow(id, storage::EvidenceState::Uploading); });
    QObject::connect(&scheduler, &SyncScheduler::acknowledged, &scheduler,
                     [follow](const workflow::SessionId &id) { follow(id, storage::EvidenceState::Acknowledged); });
    QObject::connect(&scheduler, &SyncScheduler::purged, &scheduler,
                     [follow](const workflow::SessionId &id) { follow(id, storage::EvidenceState::Purged); });
}

} // namespace dualrec::sync
