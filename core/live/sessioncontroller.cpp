#include "core/live/sessioncontroller.h"

#include "core/ffmpeg/ondemand.h"

#include "core/live/journalbridge.h"
#include "core/qc/sessioninputs.h"
#include "core/seal/evidencefile.h"
#include "core/storage/sessionclaim.h"
#include "core/storage/sessionjournaler.h"
#include "core/util/filedigest.h"
#include "core/vision/presencemonitor.h"
#include "core/workflow/eventdetail.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <thread>

namespace dualrec::live {

using namespace std::chrono;

storage::SessionRecord sessionRecordOf(const SessionSetup &setup, const workflow::SessionId &id, const QDateTime &createdAt)
{
    const auto &form = setup.form;
    storage::SessionRecord record;
    record.id = id;
    record.applicationNo = form.applicationNo;
    record.agentId = setup.agentId;
    if (!form.policyholderName.isEmpty() || !form.policyholderIdNumber.isEmpty() || !form.insuredName.isEmpty())
        record.customer = storage::CustomerData{form.policyholderName, form.policyholderIdNumber, QString(), form.insuredName};
    record.templateId = setup.plan.id();
    record.templateVersion = setup.plan.sources().join(u',');
    for (const auto &product : setup.plan.products())
        record.products.append({product.code, product.name});
    record.scopeRequired = setup.scope ? setup.scope->required : true;
    record.scopeReason = setup.scope ? setup.scope->summary() : QStringLiteral("no scope decision (recorded as required)");
    record.channel = form.channel == workflow::Channel::Invalid ? QString()
                                                                : workflow::enumToName(workflow::kChannelNames, form.channel);
    record.provinceCode = form.provinceCode;
    record.createdAt = createdAt;
    return record;
}

namespace {

/// Crash tests only: DUALREC_TEST_HOLD_AT_EVIDENCE=STATE stops this thread for good right after
/// the session's evidence reached STATE (journaled), so a test can kill the process in exactly
/// that state. Says so on stderr; unset, it costs one environment lookup per transition.
void holdIfAsked(storage::EvidenceState state)
{
    static const auto hold = qEnvironmentVariable("DUALREC_TEST_HOLD_AT_EVIDENCE");
    if (hold.isEmpty() || hold != storage::evidenceStateName(state))
        return;
    std::fprintf(stderr, "dualrec: test hold at evidence state %s\n", qPrintable(hold));
    std::fflush(stderr);
    for (;;)
        std::this_thread::sleep_for(seconds(1));
}

} // namespace

SessionController::SessionController(SessionSetup setup, storage::Journal &journal, const Clock &clock)
    : m_setup(std::move(setup)), m_journal(journal), m_clock(clock)
{
}

SessionController::~SessionController()
{
    // An unfinished recording is closed (the file stays complete); a finalizing in progress is
    // waited for by the run itself.
    if (m_capture)
        m_capture->setMicrophoneListener(nullptr);
    m_speech.reset();
    m_run.reset();
    m_bridge.reset();
}

Result<std::unique_ptr<SessionController>> SessionController::create(SessionSetup setup, storage::Journal &journal,
                                                                     const Clock &clock)
{
    if (setup.agentId.isEmpty() || setup.form.applicationNo.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a session needs an agent and an application number"));
    // FFmpeg is loaded on first use (core/ffmpeg/ondemand.h): before the session's timeline
    // starts, so that the recording does not begin with the libraries' load time. A library that
    // cannot be loaded is reported by the recorder when the recording starts (with the session).
    if (!ffmpeg::load())
        qWarning("dualrec: FFmpeg cannot be loaded; the recording will say why");
    std::unique_ptr<SessionController> controller(new SessionController(std::move(setup), journal, clock));
    auto &self = *controller;
    auto created = workflow::WorkflowSession::create(workflow::SessionId::generate(), self.m_setup.plan, clock);
    if (!created)
        return std::unexpected(created.error());
    self.m_session = std::move(*created);
    const auto id = self.m_session->id();

    // The session is this process's from before its first row: a DualRec starting meanwhile on
    // the same data folder must not close it as interrupted.
    auto claim = storage::SessionClaim::take(journal.dataDirectory(), id);
    if (!claim)
        return std::unexpected(claim.error());
    self.m_claim = std::move(*claim);
    self.m_journaler = std::make_unique<storage::SessionJournaler>(journal.sessions(), journal.audit(), *self.m_session,
                                                                   self.m_setup.agentId);
    if (auto begun = self.m_journaler->begin(sessionRecordOf(self.m_setup, id, clock.wallNow())); !begun)
        return std::unexpected(begun.error());
    connect(self.m_journaler.get(), &storage::SessionJournaler::journalFailed, &self, &SessionController::journalFailed);
    self.m_monitor = std::make_unique<vision::PresenceMonitor>(*self.m_session, self.m_setup.presence);
    connect(self.m_monitor.get(), &vision::PresenceMonitor::problemChanged, &self, &SessionController::presenceProblemChanged);
    return controller;
}

Result<void> SessionController::openRecording(LiveCapture &capture)
{
    if (m_run || m_finishing || m_done || m_session->state() != workflow::SessionState::Created)
        return fail(ErrorCode::InvalidState, QStringLiteral("the recording opens once, before the session starts"));
    const auto &plan = m_setup.plan;
    RecordingRequest request;
    request.settings = m_setup.recording;
    request.folder = m_setup.recordingFolder.isEmpty()
                         ? QDir(m_journal.dataDirectory()).absoluteFilePath(QStringLiteral("recordings"))
                         : m_setup.recordingFolder;
    request.templateId = plan.id();
    request.templateVersion = plan.sources().join(u',');
    request.applicationNumber = m_setup.form.applicationNo;
    request.agentId = m_setup.agentId;
    for (const auto &product : plan.products())
        request.products.append({product.code, product.name});
    milliseconds scriptLength{0};
    for (const auto &step : plan.steps())
        scriptLength += step.definition.requirements.minDuration;
    request.plannedDuration = m_setup.plannedDuration.value_or(duration_cast<seconds>(scriptLength) + minutes(5));

    // The session's event times count from its creation: the recording's timeline zero, so
    // step events are chapter times as they are.
    auto bridge = std::make_unique<JournalBridge>(m_journal, m_journal.dataDirectory(), JournalBridge::SessionRows::WrittenElsewhere);
    auto opened = RecordingRun::open(*m_session, m_session->createdMonotonic(), request, capture, *bridge, m_clock);
    // The speech check hears the microphone from the recording's first chunk: attached before
    // the run starts the capture. A check that cannot start leaves the session without one.
    if (opened && m_setup.speech.enabled) {
        auto speech = SpeechMonitor::create(*m_session, &capture.promptMixer(), m_clock, m_setup.speech);
        if (speech) {
            m_speech = std::move(*speech);
            m_capture = &capture;
            capture.setMicrophoneListener(m_speech.get());
        } else {
            m_speechError = speech.error();
        }
    }
    Result<void> started = opened ? (*opened)->start() : Result<void>(std::unexpected(opened.error()));
    if (!started) {
        if (m_capture)
            m_capture->setMicrophoneListener(nullptr);
        m_speech.reset();
        m_capture = nullptr;
        if (opened)
            opened->reset(); // before its bridge
        (void)m_session->fail(
            workflow::sessionReasonText(workflow::SessionReason::RecordingCouldNotStart, started.error().detail));
        m_journaler->flush(); // the journal says why before the caller hears of it
        m_claim.reset();
        return std::unexpected(started.error());
    }
    m_bridge = std::move(bridge);
    m_run = std::move(*opened);
    advance(storage::EvidenceStep::RecordingOpened, QDir::toNativeSeparators(m_run->fragmentedPath()));
    connect(m_run.get(), &RecordingRun::failed, this, &SessionController::recordingFailed);
    connect(m_run.get(), &RecordingRun::journalProblem, this, &SessionController::journalFailed);
    connect(m_run.get(), &RecordingRun::deviceLost, this, &SessionController::deviceLost);
    connect(m_run.get(), &RecordingRun::deviceRestored, this, &SessionController::deviceRestored);
    connect(m_run.get(), &RecordingRun::recorderClosed, this,
            // The run itself, not m_run: when the controller goes with an unfinished recording, the
            // run closes its file in its destructor, after m_run was already set to null.
            [this, run = m_run.get()] { advance(storage::EvidenceStep::RecordingClosed, run->fragmentedPath()); });
    connect(m_run.get(), &RecordingRun::done, this, &SessionController::onRecordingDone);
    return {};
}

void SessionController::advance(storage::EvidenceStep step, const QString &detail)
{
    const auto id = m_session->id();
    auto moved = m_journal.sessions().advanceEvidence(id, step, m_clock.wallNow(), detail);
    if (!moved) {
        Q_EMIT journalFailed(moved.error());
        return;
    }
    m_evidence = *moved;
    Q_EMIT evidenceChanged(id, m_evidence);
    holdIfAsked(m_evidence);
}

void SessionController::addPresenceCheck(const vision::PresenceCheck &check)
{
    m_monitor->addCheck(check);
}

Result<void> SessionController::snapshotAllowed() const
{
    if (workflow::isEndState(m_session->state()))
        return std::unexpected(Error{ErrorCode::InvalidState, QStringLiteral("the session has ended; no close-up is taken any more")});
    if (!m_session->presenceMet())
        return std::unexpected(Error{ErrorCode::RequirementsUnmet,
                                     QStringLiteral("a close-up counts only while everyone the step needs is in the picture")});
    return {};
}

Result<QString> SessionController::addSnapshot(const QByteArray &jpeg)
{
    if (auto allowed = snapshotAllowed(); !allowed)
        return fail(allowed.error().code, allowed.error().detail);
    if (jpeg.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no picture to save"));
    const QDir folder(m_setup.recordingFolder.isEmpty()
                          ? QDir(m_journal.dataDirectory()).absoluteFilePath(QStringLiteral("recordings"))
                          : m_setup.recordingFolder);
    const QString name = QStringLiteral("%1.snapshot-%2.jpg").arg(m_session->id().toString()).arg(m_snapshots + 1);
    const QString path = folder.absoluteFilePath(name);
    // Encrypted as written, like the recording (docs/security.md): the JPEG exists only in memory.
    if (!QDir().mkpath(folder.absolutePath()))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(folder.absolutePath())));
    if (auto written = seal::writeEvidenceFile(path, jpeg, m_setup.recording.keys.get()); !written)
        return std::unexpected(written.error());
    ++m_snapshots;
    // The content's digest, as for the recording (seal::evidenceSha256): taken from the JPEG in memory.
    const auto digest = QString::fromLatin1(QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex());
    if (auto added = m_journal.sessions().addMediaFile(
            m_session->id(), {storage::MediaRole::Snapshot, QDir::cleanPath(path), QFileInfo(path).size(), digest, m_clock.wallNow().toUTC()});
        !added)
        Q_EMIT journalFailed(added.error());
    if (auto counted = m_session->recordSnapshot(name); !counted)
        return std::unexpected(counted.error());
    return path;
}

void SessionController::finish(const QString &stopReason)
{
    if (m_finishing || m_done)
        return;
    m_finishing = true;
    // The session's last events and its audit entry are committed before it counts as ended.
    m_journaler->flush();
    finishSpeech();
    if (!m_run) {
        judge(nullptr);
        m_claim.reset();
        m_finishing = false;
        m_done = true;
        Q_EMIT finished(std::nullopt);
        return;
    }
    m_run->finishInBackground(stopReason, &m_monitor->policy().timeline());
}

void SessionController::finishSpeech()
{
    if (!m_speech)
        return;
    m_capture->setMicrophoneListener(nullptr);
    m_capture = nullptr; // nothing of the controller touches the capture any more
    m_speech->finish();
    const auto analysis = m_speech->analysis();
    if (!analysis.analysed)
        return; // the detector broke on the way: the journal says nothing rather than "no speech"
    if (auto saved = m_journal.sessions().saveSpeech(m_session->id(), analysis); !saved)
        Q_EMIT journalFailed(saved.error());
    // The verdict's "no audible answer": only speech the check counted (inside a step, after its
    // prompt) is in the ranges, so the answer window may start at the step's start.
    qc::SpeechInput input;
    input.analysed = true;
    for (const auto &range : analysis.ranges)
        input.ranges.push_back({range.start, range.end});
    m_speechInput = std::move(input);
}

void SessionController::onRecordingDone(const RecordingOutcome &outcome)
{
    // Stored only once finalized and hashed. A recording stopped by a full disk, or one that
    // could not be finalized, stays "recorded" (the fragmented file plays): the next start
    // finalizes and hashes one stopped by a full disk once there is room
    // (live::recoverInterruptedSessions).
    if (outcome.finalized)
        advance(storage::EvidenceStep::RecordingStored, QDir::toNativeSeparators(outcome.recordingPath));
    judge(&outcome);
    // The run reports from inside itself: delete it once the report is done.
    m_run.release()->deleteLater();
    m_claim.reset();
    m_finishing = false;
    m_done = true;
    Q_EMIT finished(outcome);
}

void SessionController::judge(const RecordingOutcome *outcome)
{
    qc::QcInput input;
    input.steps = qc::stepsFromEvents(m_session->events(), m_setup.plan);
    for (auto &step : input.steps) {
        if (const auto window = m_answerWindows.constFind(step.id); window != m_answerWindows.constEnd())
            step.answerWindowStart = *window;
    }
    // The guard's defects, open ones closed now, on the recording's timeline.
    auto policy = m_monitor->policy();
    const auto origin = m_session->createdMonotonic();
    policy.finish(m_clock.monotonicNow());
    input.presence = qc::presenceFindings(policy.defects(), origin);
    input.speech = m_speechInput;
    input.length = m_session->events().isEmpty() ? milliseconds(0) : duration_cast<milliseconds>(m_session->events().last().monotonic);
    QString audioProblem;
    // No recording, or one without a picture, is no evidence: the verdict fails (never a pass).
    if (!outcome || outcome->recordingPath.isEmpty() || !QFileInfo::exists(outcome->recordingPath))
        input.recording = qc::RecordingPresence::Missing;
    else if (outcome->videoPackets.value_or(0) <= 0)
        input.recording = qc::RecordingPresence::Empty;
    if (outcome) {
        input.gaps.assign(outcome->gaps.cbegin(), outcome->gaps.cend());
        if (outcome->audio && *outcome->audio)
            input.audio = **outcome->audio;
        else if (outcome->audio)
            audioProblem = outcome->audio->error().detail;
    }
    // A session that ended before its last step (stopped, failed, consent refused) never passes.
    if (m_session->state() != workflow::SessionState::Finished)
        input.unfinished = QLatin1String(workflow::sessionStateName(m_session->state()));
    auto verdict = qc::evaluate(input, m_setup.plan.qcRules());
    if (!audioProblem.isEmpty()) {
        // The sound could not be checked: never a pass on that account.
        verdict.reasons.push_back({qc::QcReasonKind::AudioMissing, workflow::QcSeverity::Review, {}, {milliseconds(0), input.length},
                                   QStringLiteral("the sound track could not be checked: ") + audioProblem});
        if (verdict.outcome == qc::QcOutcome::Pass)
            verdict.outcome = qc::QcOutcome::NeedsReview;
    }
    if (auto stored = m_journal.qc().recordAutomatic(m_session->id(), qc::storedVerdict(verdict.outcome),
                                                     qc::reasonRecords(verdict), m_clock.wallNow());
        !stored)
        Q_EMIT journalFailed(stored.error());
    m_verdict = std::move(verdict);
}

} // namespace dualrec::live
