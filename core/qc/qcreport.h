#pragma once

#include "core/qc/sessionqc.h"
#include "core/storage/qcrepository.h"
#include "core/storage/sessionrecord.h"
#include "core/util/result.h"
#include "core/workflow/scriptplan.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>
#include <vector>

namespace dualrec::seal {
class DeviceKeys;
}
namespace dualrec::storage {
class QcRepository;
class SessionRepository;
class UserRepository;
} // namespace dualrec::storage
namespace dualrec::workflow {
class TemplateLibrary;
}

namespace dualrec::qc {

/// What the presence guard saw in one stretch of the recording, as the report shows it.
enum class PresenceState : quint8 {
    Invalid = 0,
    Everyone,     ///< the agent and the customer, nobody else
    CustomerAway, ///< the agent only
    AgentAway,    ///< the customer only
    NobodyThere,  ///< no face at all (or a covered camera)
    ThirdPerson,  ///< more than two faces
};

struct ReportPresenceRun final {
    TimeRange range;
    PresenceState state = PresenceState::Invalid;
};

/// One step of the session as the report lists it.
struct ReportStep final {
    qsizetype planIndex = -1; ///< index in the plan; -1: the plan is unknown or does not have the step
    QString id;
    TimeRange range;
    bool completed = false;
    std::chrono::milliseconds minDuration{0};
    bool answerRequired = false;
    int failReasons = 0;   ///< reasons of this step that fail the check
    int reviewReasons = 0; ///< reasons of this step that ask for review
};

/// One reason of the automatic verdict, and the moment of the recording the report shows for it.
struct ReportReason final {
    QcReason reason;
    /// Where the report takes its picture (on the recording's timeline); unset: no picture (past
    /// kMaxReportPictures, or a reason with nothing to see).
    std::optional<std::chrono::milliseconds> pictureAt;
};

/// At most this many pictures in one report (fail reasons first, then review, each in time order).
inline constexpr int kMaxReportPictures = 12;

/// Everything a session's QC report shows, from the journal: who, what, when, the steps with
/// their times, the presence timeline, the speech heard, the automatic verdict with its reasons
/// and the moments to show, the supervisors' spot-checks. No personal data of the customer.
struct QcReportModel final {
    workflow::SessionId sessionId;
    QString applicationNo;
    QString agentLogin;
    QString agentName;    ///< the account's display name; empty when the account is gone
    QString agentLicence; ///< 执业证号; may be empty
    QList<storage::ProductRef> products;
    QString templateId;
    QString templateVersion;
    std::optional<workflow::ScriptPlan> plan; ///< unset: the templates no longer have it
    workflow::SessionState state = workflow::SessionState::Created;
    QDateTime createdAt;  ///< UTC
    QDateTime finishedAt; ///< UTC; invalid while not ended
    std::chrono::milliseconds length{0}; ///< the session's timeline, first to last event
    std::vector<ReportStep> steps;
    std::vector<TimeRange> pauses;
    /// The presence timeline from the guard's checks; empty: the guard never ran (then
    /// presenceUnmet from the steps' events is all there is).
    std::vector<ReportPresenceRun> presence;
    /// Where a step's presence requirement was unmet (the session's events).
    std::vector<TimeRange> presenceUnmet;
    storage::SpeechAnalysis speech;
    QcOutcome outcome = QcOutcome::Pending; ///< the latest automatic verdict; Pending: none computed
    QDateTime verdictAt;                     ///< UTC; invalid without a verdict
    std::vector<ReportReason> reasons;       ///< in the verdict's order (time order)
    QList<storage::QcVerdictRecord> spotChecks; ///< oldest first
    QHash<QString, QString> people; ///< login -> display name of the agent and the reviewers
    QString recordingPath;   ///< the finalized recording, else the fragmented one; empty: none registered
    QString recordingSha256; ///< of the finalized recording (empty for a fragmented one)

    /// The times pictures are taken at, once each, ascending.
    [[nodiscard]] std::vector<std::chrono::milliseconds> pictureTimes() const;
};

/// Where the report shows a reason: the middle of its time range, or for a recording gap the
/// last moment before it (the gap itself has no picture). Unset for a reason without a range.
[[nodiscard]] std::optional<std::chrono::milliseconds> pictureMoment(const QcReason &reason);

/// The presence state of a run of the stored timeline.
[[nodiscard]] PresenceState presenceStateOf(const storage::PresenceRun &run);

/// The journal's repositories the report reads. Each is thread-safe.
struct ReportSources final {
    storage::SessionRepository &sessions;
    storage::QcRepository &qc;
    storage::UserRepository &users;
    const workflow::TemplateLibrary &library;
};

/// The report of session `id`. NotFound (naming the session) when the journal does not have it;
/// a read error of the journal as it is. Thread-safe as the repositories are.
[[nodiscard]] Result<QcReportModel> buildQcReport(const ReportSources &sources, const workflow::SessionId &id);

/// A still of the recording, decoded in memory: packed RGB888 (`width` * 3 bytes a line).
struct ReportPicture final {
    std::chrono::milliseconds at{0}; ///< the moment asked for
    std::chrono::milliseconds shown{0}; ///< the frame's own time
    int width = 0;
    int height = 0;
    QByteArray rgb;
};

/// Stills of a recording at `times` (the recording's timeline), each scaled to `width` pixels
/// (aspect kept), decoded in memory through the device keys (an encrypted recording is never
/// written out in clear). A moment past the end gives the last frame. Fails, naming the file,
/// when it cannot be opened or has no decodable video. Thread contract: reentrant.
[[nodiscard]] Result<std::vector<ReportPicture>> grabPictures(const QString &path, const std::vector<std::chrono::milliseconds> &times,
                                                              const seal::DeviceKeys *keys, int width = 320);

} // namespace dualrec::qc
