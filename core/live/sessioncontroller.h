#pragma once

#include "core/live/recordingrun.h"
#include "core/live/speechmonitor.h"
#include "core/qc/sessionqc.h"
#include "core/storage/evidencestate.h"
#include "core/storage/journal.h"
#include "core/vision/presencecheck.h"
#include "core/vision/presencepolicy.h"
#include "core/workflow/saleform.h"
#include "core/workflow/workflowsession.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace dualrec::storage {
class SessionClaim;
class SessionJournaler;
}
namespace dualrec::vision {
class PresenceMonitor;
}

namespace dualrec::live {

class JournalBridge;

/// Everything one session needs to start: the sale (as the agent typed it, or as
/// `dualrec record` was told), the plan and scope decision checked from it, who records, and
/// how. The window and `dualrec record` fill the same struct; they differ only in how they
/// present the session.
struct SessionSetup final {
    workflow::SaleForm form;
    workflow::ScriptPlan plan;
    std::optional<workflow::ScopeDecision> scope; ///< nullopt: no scope decision was made (the session row says so)
    QString agentId;
    media::RecorderSettings recording;
    QString recordingFolder; ///< default: <data folder>/recordings
    /// How long the session may take (free space for it is required before it starts); default:
    /// the script's minimum durations plus five minutes.
    std::optional<std::chrono::seconds> plannedDuration;
    vision::PolicyConfig presence;
    /// The speech check on the microphone (answers, level, clipping) while the session records.
    SpeechSettings speech;
};

/// The journal row a setup gives: every fact of the sale form (policyholder and insured
/// encrypted, channel, province, products, scope decision) and the template as
/// "id@version" of each source. Pure.
[[nodiscard]] storage::SessionRecord sessionRecordOf(const SessionSetup &setup, const workflow::SessionId &id,
                                                     const QDateTime &createdAt);

/// Owns one recording session from "start" to "recording safely stored": the workflow session,
/// the session's claim in the data folder, the journaler (session row, events, audit), the
/// presence monitor and the recording run (recorder, sidecar, chapters, media files), and moves
/// the session's evidence lifecycle (storage::EvidenceState) as the recording opens, closes and
/// is stored. Sealing and sync attach to evidenceChanged(): a session reaching
/// EvidenceState::Stored may be sealed.
///
/// Thread contract: owner's thread (normally the GUI thread); the journal, clock and capture
/// must outlive the controller. The finalizing runs in a worker thread (RecordingRun).
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    /// Creates the session, claims it and writes its journal row (and the audit entry). The
    /// session is not started: the caller opens its recording, shows it, then calls
    /// session().start(). On an error nothing stays claimed.
    [[nodiscard]] static Result<std::unique_ptr<SessionController>> create(SessionSetup setup, storage::Journal &journal,
                                                                           const Clock &clock);
    /// Opens and starts the session's recording from `capture` (which must outlive the
    /// controller); a source made for this session counts its time from
    /// session().createdMonotonic(). Without a call the session runs without a recording. On an
    /// error the files are removed and the session is failed with the reason (the journal says
    /// what happened); call once, before session().start().
    [[nodiscard]] Result<void> openRecording(LiveCapture &capture);
    ~SessionController() override;

    [[nodiscard]] workflow::WorkflowSession &session() { return *m_session; }
    [[nodiscard]] const workflow::WorkflowSession &session() const { return *m_session; }
    [[nodiscard]] vision::PresenceMonitor &presence() { return *m_monitor; }
    /// Null without a capture.
    [[nodiscard]] RecordingRun *recording() { return m_run.get(); }
    /// The speech check on the capture's microphone; null without a recording, when
    /// SpeechSettings::enabled is false, or when it could not start (speechUnavailable() says why).
    [[nodiscard]] SpeechMonitor *speech() { return m_speech.get(); }
    [[nodiscard]] std::optional<Error> speechUnavailable() const { return m_speechError; }
    [[nodiscard]] const SessionSetup &setup() const { return m_setup; }
    [[nodiscard]] storage::EvidenceState evidence() const { return m_evidence; }

    /// One check of who is in the picture (connect the presence guard's or the live feed's
    /// checks here); presenceProblemChanged() says what the banner should say.
    void addPresenceCheck(const dualrec::vision::PresenceCheck &check);

    /// Whether a close-up may be taken now (the rule the window asks before it takes the
    /// picture): InvalidState once the session has ended, RequirementsUnmet while someone the
    /// current step needs is out of the picture (the session would not count it).
    [[nodiscard]] Result<void> snapshotAllowed() const;
    /// Saves a close-up picture (already encoded as JPEG) beside the recording, journals it
    /// with its SHA-256 and counts it for the current step. Refused as snapshotAllowed() says,
    /// writing nothing.
    [[nodiscard]] Result<QString> addSnapshot(const QByteArray &jpeg);

    /// Ends the recording once the session has ended: the speech check stops and its ranges are
    /// journaled (SessionRepository::saveSpeech), the file is closed and finalized in a worker
    /// thread; finished() follows in the owner's thread. Without a recording, finished()
    /// is emitted before finish() returns. Calling it twice does nothing.
    void finish(const QString &stopReason);
    /// Speech heard from the customer's side (voice activity on the microphone), for the
    /// verdict's "no audible answer" reason. The controller's own speech check sets it when the
    /// session ends; without either, speech counts as not analysed and that reason is never
    /// given. Call before finish().
    void setSpeech(qc::SpeechInput speech) { m_speechInput = std::move(speech); }
    /// Where the customer's answer window of a step begins (the prompt's playback ended), on the
    /// recording's timeline; default: the step's start.
    void setAnswerWindowStart(const QString &stepId, std::chrono::milliseconds at) { m_answerWindows.insert(stepId, at); }
    /// The automatic QC verdict, computed and journaled (qc_verdicts, sessions.qc_verdict) just
    /// before finished(); nullopt before.
    [[nodiscard]] const std::optional<qc::QcVerdict> &qcVerdict() const { return m_verdict; }

    /// Between finish() and finished().
    [[nodiscard]] bool finishing() const { return m_finishing; }
    [[nodiscard]] bool done() const { return m_done; }

Q_SIGNALS:
    void presenceProblemChanged(dualrec::vision::PresenceProblem problem);
    /// A write to the journal failed: the session goes on (the recording is the evidence).
    void journalFailed(const dualrec::Error &error);
    void recordingFailed(const dualrec::Error &error);
    void deviceLost();
    void deviceRestored();
    /// The session's evidence moved in its lifecycle (journaled).
    void evidenceChanged(const dualrec::workflow::SessionId &id, dualrec::storage::EvidenceState state);
    /// The recording is closed, finalized (or kept fragmented, see the outcome) and journaled;
    /// no outcome for a session without a recording.
    void finished(const std::optional<dualrec::live::RecordingOutcome> &outcome);

private:
    SessionController(SessionSetup setup, storage::Journal &journal, const Clock &clock);
    void advance(storage::EvidenceStep step, const QString &detail = {});
    void onRecordingDone(const RecordingOutcome &outcome);
    /// Stops the speech check and journals what it heard (the session has ended).
    void finishSpeech();
    /// Computes and journals the verdict (owner's thread; the sound was decoded in the worker).
    void judge(const RecordingOutcome *outcome);

    SessionSetup m_setup;
    storage::Journal &m_journal;
    const Clock &m_clock;
    std::unique_ptr<workflow::WorkflowSession> m_session;
    std::unique_ptr<storage::SessionClaim> m_claim;
    std::unique_ptr<storage::SessionJournaler> m_journaler;
    std::unique_ptr<vision::PresenceMonitor> m_monitor;
    std::unique_ptr<JournalBridge> m_bridge; ///< declared before m_run: outlives it
    std::unique_ptr<RecordingRun> m_run;
    LiveCapture *m_capture = nullptr;          ///< the recording's capture (outlives the controller)
    std::unique_ptr<SpeechMonitor> m_speech;   ///< listens to m_capture's microphone while it records
    std::optional<Error> m_speechError;
    storage::EvidenceState m_evidence = storage::EvidenceState::NoRecording;
    qc::SpeechInput m_speechInput; ///< from the speech check (finishSpeech) or setSpeech()
    QHash<QString, std::chrono::milliseconds> m_answerWindows;
    std::optional<qc::QcVerdict> m_verdict;
    int m_snapshots = 0;
    bool m_finishing = false;
    bool m_done = false;
};

} // namespace dualrec::live
