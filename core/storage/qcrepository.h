#pragma once

#include "core/storage/auditlog.h"
#include "core/storage/database.h"
#include "core/storage/storedenums.h"
#include "core/storage/userrepository.h"
#include "core/workflow/sessionid.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace dualrec::storage {

/// Who gave a verdict. Names are stable (stored in qc_verdicts.source).
enum class QcSource : quint8 { Invalid = 0, Automatic, Supervisor };

[[nodiscard]] const char *qcSourceName(QcSource source); ///< "automatic" / "supervisor"

/// One reason of a stored verdict: an automatic reason (kind, severity "fail"/"review", step,
/// time range) or a supervisor's reason code (severity "fail" or "pass", no time range).
struct QcReasonRecord final {
    QString kind;
    QString severity;
    QString stepId;
    std::optional<std::chrono::milliseconds> start;
    std::optional<std::chrono::milliseconds> end;
    QString detail;
    QString party{}; ///< a presence reason's party: "agent", "customer"; empty for other reasons
    friend bool operator==(const QcReasonRecord &, const QcReasonRecord &) = default;
};

struct QcVerdictRecord final {
    qint64 id = 0;
    workflow::SessionId sessionId;
    StoredVerdict verdict = StoredVerdict::Invalid; ///< automatic: pass, needs review, fail; supervisor: pass, fail
    QcSource source = QcSource::Invalid;
    QString reviewer; ///< the supervisor's login (empty for automatic)
    QString notes;
    QString stepId; ///< a spot-check of one step; empty: the whole session
    QDateTime at;   ///< UTC
    QList<QcReasonRecord> reasons;
};

/// What a supervisor found on a spot-check.
struct SpotCheck final {
    bool passed = false;
    QString stepId;          ///< empty: the whole session
    QStringList reasonCodes; ///< kSpotCheckReasonCodes; at least one when failed
    QString notes;
};

/// The reason codes a supervisor may give: the automatic reasons' kinds plus what only a person
/// hears or sees (stable, stored).
[[nodiscard]] const QStringList &spotCheckReasonCodes();

/// The sessions' QC verdicts: the automatic verdict computed when a session ends and the
/// supervisors' spot-checks, each with its reasons, and the review queue's sample.
/// sessions.qc_verdict holds the latest automatic verdict, sessions.qc_review the supervisors'
/// result ("", "pass", "fail"). Thread contract: thread-safe (each thread uses its own connection).
class QcRepository final
{
public:
    QcRepository(std::shared_ptr<Database> database, AuditLog &audit);

    /// Stores an automatic verdict with its reasons and makes it the session's verdict (one
    /// transaction). NotFound for an unknown session, InvalidArgument for Pending or Invalid.
    [[nodiscard]] Result<qint64> recordAutomatic(const workflow::SessionId &id, StoredVerdict verdict,
                                                 const QList<QcReasonRecord> &reasons, const QDateTime &at);
    /// Stores a supervisor's spot-check and audits it. AccessDenied unless `reviewer` may
    /// supervise (agents never can), InvalidArgument for a failed check without a reason code or
    /// an unknown code, NotFound for an unknown session. A failed check (of the session or one
    /// step) makes the session's review result "fail"; a passed check of the whole session makes
    /// it "pass"; a passed check of one step leaves an earlier result as it was.
    [[nodiscard]] Result<qint64> recordSpotCheck(const workflow::SessionId &id, const SpotCheck &check, const User &reviewer,
                                                 const QDateTime &at);
    /// Every verdict of the session, oldest first.
    [[nodiscard]] Result<QList<QcVerdictRecord>> verdicts(const workflow::SessionId &id);

    /// Whether a session falls into the review queue's random sample of passed sessions at
    /// `percent` (0 to 100): decided by the random part of its id, so the sample never changes.
    [[nodiscard]] static bool sampled(const workflow::SessionId &id, double percent);
    /// The SQL condition of sampled() on column `idColumn` (for the history query).
    [[nodiscard]] static QString sampleCondition(const QString &idColumn, double percent);

private:
    std::shared_ptr<Database> m_database;
    AuditLog &m_audit;
};

} // namespace dualrec::storage
