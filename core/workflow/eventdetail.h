#pragma once

#include "core/workflow/sessionevent.h"
#include "core/workflow/sessionid.h"
#include "core/workflow/step.h"
#include "core/workflow/workflowsession.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace dualrec::workflow {

/// Why a session changed state, as far as the software knows it. The journal keeps the reason
/// as stable English text (SessionEvent::detail of a StateChanged event); this is the one place
/// that writes it (sessionReasonText) and reads it back (parseSessionReason), so the history
/// can say it in the user's language. A reason the reader does not know is Unknown, its text
/// kept.
enum class SessionReason : quint8 {
    Invalid = 0,
    None,                   ///< no reason given (start, resume, all steps done)
    CustomerAgreed,         ///< consent given
    CustomerDeclined,       ///< consent refused
    PausedByAgent,
    DeviceLost,             ///< the camera or microphone went away: paused by the recording
    CustomerWantsToStop,    ///< abort reasons the agent picks from a list
    CustomerMustLeave,
    EquipmentProblem,
    WrongApplicationDetails,
    AgentsOwnWords,         ///< abort with the agent's own words (text)
    WindowClosed,           ///< the window was closed while recording
    RecordingFailed,        ///< the recording broke (text: technical detail)
    RecordingCouldNotStart, ///< (text: technical detail)
    Interrupted,            ///< DualRec stopped while the session was open; closed at the next start
    CommandInterrupted,     ///< `dualrec record` got a signal
    DurationLimit,          ///< `dualrec record --duration` reached
    SourceEnded,            ///< `dualrec record`: the source ended (text: detail)
    Unknown,                ///< text not written by sessionReasonText (an older or foreign journal)
};

struct ParsedReason final {
    SessionReason reason = SessionReason::Invalid;
    QString text; ///< the free part: the agent's words, a technical detail, or the whole unknown text
};

/// The stable text the journal keeps for `reason` (with `text` for the kinds that carry one).
[[nodiscard]] QString sessionReasonText(SessionReason reason, const QString &text = {});
[[nodiscard]] ParsedReason parseSessionReason(QStringView stored);
/// The code of a listed abort reason ("customer_wants_to_stop", ...), empty for other reasons.
[[nodiscard]] QString abortReasonCode(SessionReason reason);

/// The facts an event's detail carries, parsed from the stable text the journal keeps
/// ("kind=consent presence=met", "counted=11603ms violation=0ms snapshots=1", ...). Fields that
/// the event type does not carry, or that the text does not have, stay unset.
struct EventDetail final {
    // Created
    QString planId;
    QString planVersion;
    QStringList sources;
    SessionId previousSession;
    // StepStarted
    StepKind stepKind = StepKind::Invalid;
    std::optional<bool> presenceMet;
    // PresenceSatisfied / PresenceViolated
    std::optional<PresenceFacts> presence;
    // AnswerRecorded
    Answer answer = Answer::Invalid;
    // SnapshotRecorded
    QString snapshot;
    // StepCompletionRefused
    QList<UnmetRequirement> unmet;
    // StepCompleted
    std::optional<std::chrono::milliseconds> counted;
    std::optional<std::chrono::milliseconds> violation;
    std::optional<int> snapshots;
    // StateChanged
    ParsedReason reason;
};

[[nodiscard]] EventDetail parseEventDetail(const SessionEvent &event);

/// The writers of the detail text, one per event type (the formats parseEventDetail reads).
[[nodiscard]] QString createdDetail(const QString &planId, const QString &planVersion, const QStringList &sources,
                                    const SessionId &previous);
[[nodiscard]] QString stepStartedDetail(StepKind kind, bool presenceMet);
[[nodiscard]] QString presenceDetail(const PresenceFacts &facts);
[[nodiscard]] QString answerDetail(Answer answer);
[[nodiscard]] QString snapshotDetail(const QString &reference);
[[nodiscard]] QString unmetDetail(const QList<UnmetRequirement> &unmet);
[[nodiscard]] QString completedDetail(std::chrono::milliseconds counted, std::chrono::milliseconds violation, int snapshots);

} // namespace dualrec::workflow
