#pragma once

#include "core/live/livecapture.h"
#include "core/media/recorder.h"
#include "core/media/recordingjournal.h"
#include "core/media/sidecar.h"
#include "core/qc/sessionqc.h"
#include "core/vision/presencetimeline.h"
#include "core/workflow/workflowsession.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>
#include <thread>
#include <optional>

namespace dualrec::live {

/// What to record and who for. The recorder settings carry the encoder and the watermark's
/// look; the watermark's agent, application number and session id are filled in from here.
struct RecordingRequest final {
    media::RecorderSettings settings;
    QString folder; ///< where the recording, its fragmented copy and the sidecar go
    QString templateId;
    QString templateVersion;
    QString applicationNumber;
    QString agentId;
    QList<std::pair<QString, QString>> products; ///< code, name
    /// How long the session is expected to take: free space for it (twice: fragmented and
    /// finalized copy) is required before the recording starts.
    std::chrono::seconds plannedDuration{0};
};

/// How a recording ended.
struct RecordingOutcome final {
    QString recordingPath; ///< the finalized MP4, or the fragmented one when it could not be finalized
    QString sidecarPath;
    bool finalized = false;
    std::optional<Error> failure;       ///< the recording broke on the way (disk full, write error)
    std::optional<Error> finalizeError; ///< recorded fine, but finalizing failed (the fragmented file plays)
    media::RecorderStatistics statistics;
    /// The recording's continuity log, as the sidecar has it.
    QList<media::Gap> gaps;
    /// The recording's sound track as decoded after finalizing (in the worker thread), for QC;
    /// none when nothing was written.
    std::optional<Result<qc::AudioInput>> audio;
    /// Video packets in the file kept (read back after finalizing, or counted in the fragmented
    /// file); nullopt when it could not be read at all (missing, empty, not a media file). For
    /// QC: a recording without a picture is no evidence.
    std::optional<qint64> videoPackets;
    /// The thread that closed the recorder, finalized and hashed the file: a worker thread after
    /// finishInBackground() (the thread contract, asserted by tests).
    QThread *closedOn = nullptr;
};

/// One session's recording, from the first frame to the finalized file: the recorder attached
/// to the live capture, the sidecar next to the file (rewritten at every step change so a crash
/// still names the steps), the step chapters from the session's events, the journal told about
/// the session, its events and files, and the rules while it runs: a broken recording fails the
/// session, a lost camera or microphone pauses it until the device is back.
///
/// Used alike by the window and by `dualrec record`. Thread contract: owner's thread (the
/// session's); the session, capture and journal must outlive the run.
class RecordingRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingRun)

public:
    /// Checks the free space, opens the recorder (file created, encoders chosen), writes the first
    /// sidecar and attaches the recorder to `capture`; start() begins the recording. `origin` is the
    /// monotonic time the session was created at: the recording's timeline zero, so the
    /// session's event times are chapter times as they are.
    [[nodiscard]] static Result<std::unique_ptr<RecordingRun>> open(workflow::WorkflowSession &session,
                                                                    std::chrono::nanoseconds origin,
                                                                    RecordingRequest request, LiveCapture &capture,
                                                                    media::RecordingJournal &journal,
                                                                    const Clock &clock);
    /// Claims the session through the journal (no recording without it), starts the capture if it is not running yet (a source started now delivers into the
    /// recorder from its first frame), then tells the journal about the session and starts
    /// following its events. When the source cannot start, the files are removed and nothing is
    /// journaled. Call once, before the session starts.
    [[nodiscard]] Result<void> start();
    /// An unfinished run is finished ("closed") so the file is complete.
    ~RecordingRun() override;

    /// Set when the recording broke; the session has been failed with the reason.
    [[nodiscard]] std::optional<Error> failure() const { return m_recorder->failure(); }
    /// The source ended (a file played to its end) or failed.
    [[nodiscard]] std::optional<capture::SourceEvent> sourceEnded() const { return m_recorder->sourceEnded(); }
    [[nodiscard]] std::chrono::milliseconds timelineNow() const { return m_recorder->timelineNow(); }
    [[nodiscard]] const media::Recorder &recorder() const { return *m_recorder; }
    [[nodiscard]] QString fragmentedPath() const { return m_sidecar.fragmentedFile; }
    [[nodiscard]] QString sidecarPath() const { return m_sidecarPath; }
    [[nodiscard]] bool finished() const { return m_finished; }

    /// Applies the running rules now (also done by an internal 10 Hz timer): fails the session
    /// when the recording broke, pauses it while a device is lost and resumes it when it is back.
    void watch();

    /// Ends the recording: detaches from the capture, stores the presence timeline (if given),
    /// closes the file, finalizes it with the chapters, writes the sidecar and journals the files.
    RecordingOutcome finish(const QString &stopReason, const vision::PresenceTimeline *timeline = nullptr);
    /// The same, with the finalizing (a copy of the whole file) in a background thread;
    /// done() reports the outcome in the owner's thread. Destroying the run waits for it.
    void finishInBackground(const QString &stopReason, const vision::PresenceTimeline *timeline = nullptr);
    /// Between finishInBackground() and done().
    [[nodiscard]] bool finalizing() const { return m_finalizing; }
    /// The thread that closed the recorder, finalized and hashed the file (for tests of the
    /// thread contract: not the owner's after finishInBackground()).
    [[nodiscard]] QThread *closedOnThread() const { return m_lastWorkerThread; }

Q_SIGNALS:
    /// The recorder closed the file (it is complete; finalizing follows): in the owner's thread.
    void recorderClosed();
    /// finishInBackground() has finished: the files are in the journal.
    void done(const dualrec::live::RecordingOutcome &outcome);
    /// The recording broke (disk full, write error): what was recorded so far stays playable.
    void failed(const dualrec::Error &error);
    /// A write of the sidecar or the journal failed: the recording goes on (the file is the
    /// evidence), the person is told.
    void journalProblem(const dualrec::Error &error);
    /// The camera or microphone went away (the session is paused) or came back (resumed).
    void deviceLost();
    void deviceRestored();

private:
    RecordingRun(workflow::WorkflowSession &session, std::chrono::nanoseconds origin, LiveCapture &capture,
                 media::RecordingJournal &journal, const Clock &clock);
    void onEvent(const workflow::SessionEvent &event);
    void writeSidecar();
    void report(const Result<void> &written);
    /// What the closing (worker or owner thread) found.
    struct Closing final {
        std::optional<Error> failure;
        QList<media::ChapterMark> chapters; ///< with the open last chapter ended
        std::optional<Result<media::FinalizedRecording>> finalized; ///< none: not finalized (broken recording)
        QString digest;                     ///< SHA-256 of the finalized file
        std::optional<Result<qc::AudioInput>> audio; ///< the sound track of the file kept, for QC
        std::optional<qint64> videoPackets;          ///< in the file kept (RecordingOutcome::videoPackets)
        QThread *workerThread = nullptr;    ///< where the close, finalizing and hashing ran
    };
    RecordingOutcome finishedOutcome() const;
    /// First part of finishing (owner's thread): stops the capture feeding the recorder and
    /// journals the presence timeline.
    void detach(const vision::PresenceTimeline *timeline);
    /// Second part (any thread; the worker's in finishInBackground): closes the recorder,
    /// finalizes the file and hashes it. Touches only the recorder, which nothing else uses now.
    Closing closeAndFinalize(QList<media::ChapterMark> chapters, const QString &fragmented, const QString &final);
    /// Last part (owner's thread): sidecar and journal with the closing's result.
    RecordingOutcome conclude(const Closing &closing);
    void complete(RecordingOutcome &outcome, const std::optional<Result<media::FinalizedRecording>> &finalized,
                  const QString &digest);

    workflow::WorkflowSession &m_session;
    std::chrono::nanoseconds m_origin;
    LiveCapture &m_capture;
    media::RecordingJournal &m_journal;
    const Clock &m_clock;
    std::unique_ptr<media::Recorder> m_recorder;
    media::SidecarData m_sidecar;
    QString m_sidecarPath;
    media::RecordingJournal::SessionStart m_start;
    QList<media::ChapterMark> m_chapters;
    QTimer m_watch;
    bool m_pausedForDevice = false;
    bool m_failureReported = false;
    bool m_finished = false;
    bool m_finalizing = false;
    QString m_stopReason;
    QThread *m_lastWorkerThread = nullptr;
    std::optional<qint64> m_videoPackets; ///< of the closing (finishedOutcome())
    std::optional<Closing> m_closing; ///< written by m_finalizer before it reports
    std::jthread m_finalizer; ///< last member: joined first on destruction
};

} // namespace dualrec::live
