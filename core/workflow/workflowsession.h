#pragma once

#include "core/util/clock.h"
#include "core/util/result.h"
#include "core/workflow/scriptplan.h"
#include "core/workflow/sessionevent.h"
#include "core/workflow/sessionid.h"
#include "core/workflow/sessionstate.h"

#include <QObject>

#include <memory>
#include <optional>

namespace dualrec::workflow {

/// Who is in frame, as the presence guard sees it.
struct PresenceFacts final {
    bool agent = false;
    bool policyholder = false;
    bool allParties = false; ///< also the insured / guardian where the sale has them

    friend bool operator==(const PresenceFacts &, const PresenceFacts &) = default;
};

enum class Answer : quint8 { Invalid = 0, Yes, No };

/// A requirement of the current step that is not met yet.
enum class UnmetRequirement : quint8 { Invalid = 0, Presence, Duration, Answer, CloseUp };

[[nodiscard]] const char *unmetRequirementName(UnmetRequirement requirement);

/// What happened in one step so far.
struct StepRun final {
    Answer answer = Answer::Invalid;
    int snapshots = 0;
    std::chrono::milliseconds countedTime{0};  ///< time that counts towards min_duration
    std::chrono::milliseconds violationTime{0}; ///< running time with the presence requirement unmet
    bool completed = false;
};

/// The workflow engine of one session: walks the plan's steps in order, enforces each step's
/// requirements and the session state machine (sessionstate.h), and timestamps every
/// transition and step event with both clocks.
///
/// Requirements are evaluated from facts other parts feed in (presence, answers, snapshots,
/// time), so the engine runs the same with a camera, a file or a test.
///
/// Time counts towards a step's min_duration only while the session runs (not paused) and the
/// step's presence requirement is met: the step's clock stops while someone is out of frame.
///
/// Thread contract: lives in one thread (normally the GUI thread); not thread-safe.
class WorkflowSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowSession)

public:
    /// Fails when the plan does not start with consent or has no steps.
    [[nodiscard]] static Result<std::unique_ptr<WorkflowSession>> create(SessionId id, ScriptPlan plan,
                                                                         const Clock &clock,
                                                                         SessionId previous = {});

    /// A new session for the same plan, linked to this one. Only after this session ended as
    /// failed, aborted or finished (QC may reject a finished one); a refusal cannot be re-recorded.
    [[nodiscard]] Result<std::unique_ptr<WorkflowSession>> reRecord(SessionId newId) const;

    [[nodiscard]] const SessionId &id() const { return m_id; }
    [[nodiscard]] const SessionId &previousSession() const { return m_previous; }
    [[nodiscard]] const ScriptPlan &plan() const { return m_plan; }
    [[nodiscard]] SessionState state() const { return m_state; }
    [[nodiscard]] const QList<SessionEvent> &events() const { return m_events; }
    /// The clock's monotonic time at creation: event times (SessionEvent::monotonic) count from it.
    [[nodiscard]] std::chrono::nanoseconds createdMonotonic() const { return m_createdMonotonic; }
    /// Index of the step being recorded; steps().size() once all are done.
    [[nodiscard]] qsizetype currentStep() const { return m_current; }
    [[nodiscard]] const StepRun &stepRun(qsizetype index) const { return m_runs.at(index); }
    [[nodiscard]] PresenceFacts presence() const { return m_presence; }

    /// Requirements of the current step that are unmet now (empty: it may be completed).
    [[nodiscard]] QList<UnmetRequirement> unmetRequirements() const;
    /// Time still needed for the current step's min_duration (zero when met).
    [[nodiscard]] std::chrono::milliseconds remainingDuration() const;
    /// Time counted for the current step so far, up to now.
    [[nodiscard]] std::chrono::milliseconds countedTime() const;
    /// Refreshes the time-dependent state and signals requirementsChanged when it changed; call
    /// it from a timer while a step runs.
    void tick();

    Result<void> start();
    Result<void> pause(const QString &reason);
    Result<void> resume();
    Result<void> abort(const QString &reason);
    Result<void> fail(const QString &reason);

    void setPresence(PresenceFacts facts);
    /// The customer's answer to the current step. "No" to consent ends the session as refused;
    /// "no" elsewhere keeps the step open until a "yes" follows. A "yes" counts only while the
    /// step's presence requirement holds (else RequirementsUnmet, nothing recorded): an answer
    /// with the customer out of the picture proves nothing. A "no" is always taken.
    Result<void> recordAnswer(Answer answer);
    /// A snapshot of the close-up for the current step was taken; `reference` names it. Counts
    /// only while the step's presence requirement holds, like a "yes".
    Result<void> recordSnapshot(const QString &reference);
    /// Whether the current step's presence requirement holds now (true between steps).
    [[nodiscard]] bool presenceMet() const;
    /// Completes the current step when every requirement is met; otherwise fails with
    /// RequirementsUnmet and records the attempt.
    Result<void> completeCurrentStep();

Q_SIGNALS:
    void stateChanged(dualrec::workflow::SessionState from, dualrec::workflow::SessionState to);
    void eventRecorded(const dualrec::workflow::SessionEvent &event);
    void currentStepChanged(qsizetype index);
    void requirementsChanged();

private:
    WorkflowSession(SessionId id, ScriptPlan plan, const Clock &clock, SessionId previous);

    [[nodiscard]] bool running() const;
    [[nodiscard]] std::chrono::milliseconds sinceMark() const;
    void settleClocks();
    Result<void> transition(SessionTrigger trigger, const QString &reason);
    void record(SessionEvent event);
    void startStep(qsizetype index);
    [[nodiscard]] QString currentStepId() const;

    SessionId m_id;
    SessionId m_previous;
    ScriptPlan m_plan;
    const Clock *m_clock;
    std::chrono::nanoseconds m_createdMonotonic{0};

    SessionState m_state = SessionState::Created;
    SessionState m_pausedFrom = SessionState::Invalid;
    qsizetype m_current = 0;
    QList<StepRun> m_runs;
    QList<SessionEvent> m_events;
    PresenceFacts m_presence;
    bool m_presenceWasMet = false;
    /// Monotonic time up to which the current step's clocks have been settled.
    std::chrono::nanoseconds m_mark{0};
    QList<UnmetRequirement> m_lastUnmet;
};

} // namespace dualrec::workflow
