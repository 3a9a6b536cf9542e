#include "core/live/recordingrun.h"

#include "core/media/diskspace.h"
#include "core/qc/audioscan.h"
#include "core/seal/evidencefile.h"
#include "core/util/filedigest.h"
#include "core/workflow/eventdetail.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace dualrec::live {

using namespace std::chrono;

Result<std::unique_ptr<RecordingRun>> RecordingRun::open(workflow::WorkflowSession &session, nanoseconds origin,
                                                         RecordingRequest request, LiveCapture &capture,
                                                         media::RecordingJournal &journal, const Clock &clock)
{
    const QDir folder(request.folder);
    if (!QDir().mkpath(folder.absolutePath()) || !QFileInfo(folder.absolutePath()).isWritable())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write to ") + QDir::toNativeSeparators(folder.absolutePath()));
    const auto needed = media::requiredBytes(request.settings.encoder, request.plannedDuration,
                                             request.settings.minimumFreeBytes);
    if (auto space = media::checkFreeSpace(folder.absolutePath(), needed); !space)
        return fail(ErrorCode::DiskFull, QStringLiteral("not enough free space to start: ") + space.error().detail);

    std::unique_ptr<RecordingRun> run(new RecordingRun(session, origin, capture, journal, clock));
    const auto sessionId = session.id().toString();
    const auto base = folder.absoluteFilePath(sessionId);
    auto settings = std::move(request.settings);
    settings.origin = origin;
    settings.outputPath = base + QStringLiteral(".recording.mp4");
    settings.watermark.agentId = request.agentId;
    settings.watermark.applicationNumber = request.applicationNumber;
    settings.watermark.sessionId = sessionId;
    auto recorder = media::Recorder::open(settings, clock);
    if (!recorder)
        return std::unexpected(recorder.error());
    run->m_recorder = std::move(*recorder);

    auto &sidecar = run->m_sidecar;
    sidecar.sessionId = sessionId;
    sidecar.templateId = request.templateId;
    sidecar.templateVersion = request.templateVersion;
    sidecar.products = request.products;
    sidecar.applicationNumber = request.applicationNumber;
    sidecar.agentId = request.agentId;
    sidecar.source = capture.description();
    sidecar.fragmentedFile = settings.outputPath;
    sidecar.finalFile = base + QStringLiteral(".mp4");
    sidecar.encoder = settings.encoder;
    sidecar.watermark = settings.watermark;
    sidecar.description = run->m_recorder->description();
    run->m_sidecarPath = base + QStringLiteral(".json");
    run->writeSidecar();
    run->m_start = {sessionId, request.templateId, request.templateVersion, request.applicationNumber,
                    request.agentId, request.products, folder.absolutePath(), {}};
    capture.setRecorder(run->m_recorder.get());
    return run;
}

Result<void> RecordingRun::start()
{
    auto started = m_journal.claimSession(m_sidecar.sessionId);
    if (started)
        started = m_capture.start();
    if (!started) {
        m_finished = true;
        m_capture.setRecorder(nullptr);
        (void)m_recorder->close();
        QFile::remove(m_sidecar.fragmentedFile);
        QFile::remove(m_sidecarPath);
        return started;
    }
    m_start.events = m_session.events();
    report(m_journal.sessionStarted(m_start));
    report(m_journal.mediaFile(m_sidecar.sessionId, media::RecordingJournal::FileKind::Fragmented, m_sidecar.fragmentedFile, 0));
    connect(&m_session, &workflow::WorkflowSession::eventRecorded, this, &RecordingRun::onEvent);
    connect(&m_watch, &QTimer::timeout, this, &RecordingRun::watch);
    m_watch.start(100);
    return {};
}

RecordingRun::RecordingRun(workflow::WorkflowSession &session, nanoseconds origin, LiveCapture &capture,
                           media::RecordingJournal &journal, const Clock &clock)
    : m_session(session), m_origin(origin), m_capture(capture), m_journal(journal), m_clock(clock)
{
}

RecordingRun::~RecordingRun()
{
    if (m_recorder && !m_finished)
        (void)finish(QStringLiteral("closed"));
    if (m_finalizer.joinable()) {
        // Destroyed while finalizing in the background: wait, and journal the result here.
        m_finalizer.join();
        if (m_finalizing) {
            m_finalizing = false;
            (void)conclude(*m_closing); // nobody is left to tell: the journal and sidecar say it
        }
    }
}

void RecordingRun::writeSidecar()
{
    report(media::writeSidecar(m_sidecarPath, m_sidecar, m_recorder->settings().keys.get()));
}

void RecordingRun::report(const Result<void> &written)
{
    if (!written)
        Q_EMIT journalProblem(written.error());
}

void RecordingRun::onEvent(const workflow::SessionEvent &event)
{
    if (m_finished)
        return;
    report(m_journal.sessionEvent(m_sidecar.sessionId, event));
    const auto at = duration_cast<milliseconds>(event.monotonic);
    if (event.type == workflow::SessionEventType::StepStarted) {
        const auto &step = m_session.plan().steps().at(event.stepIndex);
        m_chapters.append({step.id, step.definition.title, at, at});
    } else if (event.type == workflow::SessionEventType::StepCompleted && !m_chapters.isEmpty()) {
        m_chapters.last().end = at;
    } else {
        return;
    }
    // Keep the sidecar current, so that after a crash it still names the steps and gaps
    // recorded up to then (the fragmented file holds the pictures).
    m_sidecar.chapters = m_chapters;
    m_sidecar.gaps = m_recorder->continuity().gaps();
    m_sidecar.statistics = m_recorder->statistics();
    writeSidecar();
}

void RecordingRun::watch()
{
    if (m_finished)
        return;
    if (auto broken = m_recorder->failure()) {
        if (!m_failureReported) {
            m_failureReported = true;
            if (!workflow::isEndState(m_session.state()))
                (void)m_session.fail(workflow::sessionReasonText(workflow::SessionReason::RecordingFailed, broken->detail));
            Q_EMIT failed(*broken);
        }
        return;
    }
    // A lost camera or microphone pauses the session until it is back.
    bool lost = false;
    for (const auto &gap : m_recorder->continuity().gaps())
        lost = lost || (gap.open && (gap.reason == media::GapReason::VideoLost || gap.reason == media::GapReason::AudioLost));
    if (lost && !m_pausedForDevice && !workflow::isEndState(m_session.state())) {
        m_pausedForDevice = m_session.pause(workflow::sessionReasonText(workflow::SessionReason::DeviceLost)).has_value();
        Q_EMIT deviceLost();
    } else if (!lost && m_pausedForDevice) {
        m_pausedForDevice = false;
        (void)m_session.resume();
        Q_EMIT deviceRestored();
    }
}

RecordingOutcome RecordingRun::finish(const QString &stopReason, const vision::PresenceTimeline *timeline)
{
    if (m_finished)
        return finishedOutcome();
    detach(timeline);
    m_stopReason = stopReason;
    auto closing = closeAndFinalize(m_chapters, m_sidecar.fragmentedFile, m_sidecar.finalFile);
    return conclude(closing);
}

void RecordingRun::finishInBackground(const QString &stopReason, const vision::PresenceTimeline *timeline)
{
    if (m_finished) {
        QMetaObject::invokeMethod(this, [this, outcome = finishedOutcome()] { Q_EMIT done(outcome); }, Qt::QueuedConnection);
        return;
    }
    detach(timeline);
    m_stopReason = stopReason;
    // Closing the recorder (it drains and joins its encoder), finalizing (a copy of the whole
    // file) and hashing run in a worker thread, so a window stays responsive; the sidecar and
    // the journal are written back in the owner's thread.
    m_finalizing = true;
    m_finalizer = std::jthread([this, chapters = m_chapters, fragmented = m_sidecar.fragmentedFile,
                                final = m_sidecar.finalFile] {
        m_closing = closeAndFinalize(chapters, fragmented, final);
        QMetaObject::invokeMethod(this, [this] {
            if (!m_finalizing)
                return;
            m_finalizing = false;
            const auto outcome = conclude(*m_closing);
            Q_EMIT done(outcome);
        }, Qt::QueuedConnection);
    });
}

RecordingOutcome RecordingRun::finishedOutcome() const
{
    RecordingOutcome outcome;
    outcome.sidecarPath = m_sidecarPath;
    outcome.recordingPath = m_sidecar.finalFile.isEmpty() ? m_sidecar.fragmentedFile : m_sidecar.finalFile;
    outcome.finalized = !m_sidecar.finalFile.isEmpty();
    outcome.videoPackets = m_videoPackets;
    return outcome;
}

void RecordingRun::detach(const vision::PresenceTimeline *timeline)
{
    m_finished = true;
    m_watch.stop();
    m_capture.setRecorder(nullptr);
    if (timeline) {
        // The presence timeline the guard saw, on the recording's timeline, into the journal.
        auto finished = *timeline;
        finished.finish(m_clock.monotonicNow());
        QList<media::RecordingJournal::PresenceRun> runs;
        for (const auto &segment : finished.segments()) {
            runs.append({duration_cast<milliseconds>(segment.start - m_origin),
                         duration_cast<milliseconds>(segment.end - m_origin), segment.sample.faces,
                         segment.sample.agent, segment.sample.customer});
        }
        report(m_journal.presenceTimeline(m_sidecar.sessionId, runs));
    }
}

RecordingRun::Closing RecordingRun::closeAndFinalize(QList<media::ChapterMark> chapters, const QString &fragmented,
                                                     const QString &final)
{
    Closing closing;
    closing.workerThread = QThread::currentThread();
    auto closed = m_recorder->close();
    if (QThread::currentThread() == thread())
        Q_EMIT recorderClosed();
    else
        QMetaObject::invokeMethod(this, [this] { Q_EMIT recorderClosed(); }, Qt::QueuedConnection);
    closing.failure = m_recorder->failure();
    if (!closed && !closing.failure)
        closing.failure = closed.error();
    const auto end = m_recorder->timelineNow();
    for (auto &chapter : chapters) {
        if (chapter.end <= chapter.start)
            chapter.end = end;
    }
    closing.chapters = chapters;
    const auto *keys = m_recorder->settings().keys.get();
    if (closing.failure) {
        // A broken recording is not finalized: the fragmented file is the evidence and plays.
        closing.audio = qc::scanAudio(fragmented, keys);
        if (const auto count = media::countPackets(fragmented, keys))
            closing.videoPackets = count->videoPackets;
        return closing;
    }
    closing.finalized = media::finalizeRecording(fragmented, final, chapters, {}, keys);
    if (*closing.finalized) {
        // The content's digest (decrypted): the one the receipt and the sealed manifest carry.
        if (auto digest = seal::evidenceSha256((*closing.finalized)->path, keys))
            closing.digest = *digest;
        closing.audio = qc::scanAudio((*closing.finalized)->path, keys);
        closing.videoPackets = (*closing.finalized)->videoPackets;
    } else {
        closing.audio = qc::scanAudio(fragmented, keys);
        if (const auto count = media::countPackets(fragmented, keys))
            closing.videoPackets = count->videoPackets;
    }
    return closing;
}

RecordingOutcome RecordingRun::conclude(const Closing &closing)
{
    RecordingOutcome outcome;
    outcome.sidecarPath = m_sidecarPath;
    outcome.failure = closing.failure;
    m_chapters = closing.chapters;
    m_sidecar.chapters = m_chapters;
    m_sidecar.gaps = m_recorder->continuity().gaps();
    m_sidecar.statistics = m_recorder->statistics();
    outcome.statistics = m_sidecar.statistics;
    outcome.gaps = m_sidecar.gaps;
    outcome.audio = closing.audio;
    outcome.videoPackets = closing.videoPackets;
    m_videoPackets = closing.videoPackets;
    m_sidecar.state = QLatin1String(workflow::sessionStateName(m_session.state()));
    m_sidecar.stateDetail = m_stopReason;
    outcome.recordingPath = m_sidecar.fragmentedFile;
    complete(outcome, closing.finalized, closing.digest);
    m_lastWorkerThread = closing.workerThread;
    outcome.closedOn = closing.workerThread;
    return outcome;
}

void RecordingRun::complete(RecordingOutcome &outcome, const std::optional<Result<media::FinalizedRecording>> &finalized,
                            const QString &digest)
{
    const auto sessionId = m_sidecar.sessionId;
    if (finalized && *finalized) {
        outcome.recordingPath = (*finalized)->path;
        outcome.finalized = true;
        report(m_journal.mediaFile(sessionId, media::RecordingJournal::FileKind::Final, (*finalized)->path,
                                   (*finalized)->bytes, digest));
    } else {
        if (finalized)
            outcome.finalizeError = finalized->error();
        m_sidecar.finalFile.clear();
    }
    if (auto written = media::writeSidecar(m_sidecarPath, m_sidecar, m_recorder->settings().keys.get()); !written && !outcome.failure)
        outcome.finalizeError = written.error();
    // A recording stopped by a full disk cannot be finalized now (no room for the copy). Its
    // closing sidecar stays out of the journal, which lists the session as left unsaved: the
    // next start finalizes and hashes it once there is space again (live::recoverInterruptedSessions).
    if (!finalized && outcome.failure && outcome.failure->code == ErrorCode::DiskFull)
        return;
    report(m_journal.mediaFile(sessionId, media::RecordingJournal::FileKind::Sidecar, m_sidecarPath,
                               QFileInfo(m_sidecarPath).size(),
                               seal::evidenceSha256(m_sidecarPath, m_recorder->settings().keys.get()).value_or(QString())));
}

} // namespace dualrec::live
