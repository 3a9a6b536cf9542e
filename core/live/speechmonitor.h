#pragma once

#include "core/audio/microphonecheck.h"
#include "core/audio/voiceactivity.h"
#include "core/live/livecapture.h"
#include "core/storage/sessionrecord.h"
#include "core/voice/promptmixer.h"
#include "core/workflow/workflowsession.h"

#include <QObject>
#include <QTimer>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace dualrec::live {

/// How a session listens to its microphone.
struct SpeechSettings final {
    bool enabled = true;
    audio::VadSettings vad;
    audio::MicrophoneCheckSettings microphone;
    /// After a prompt stops playing, the room still echoes it: speech this soon after is not counted.
    std::chrono::milliseconds echoTail{500};
    /// Pieces of speech shorter than this, left over after cutting out a prompt, do not count.
    std::chrono::milliseconds minPiece{100};
    /// Audio waiting for the worker beyond this is dropped (and counted): it never holds up the capture.
    std::chrono::milliseconds maxBacklog{5000};
};

/// Whether the customer has been heard answering in the current step.
enum class AnswerSpeech : quint8 {
    Invalid = 0,
    NotAnalysed,   ///< no speech check runs (it could not start, or the session has no recording)
    NotAnswerStep, ///< the current step asks no answer (or no step is running)
    WaitingForPrompt, ///< the step's prompt is still playing: nobody is expected to answer yet
    NotHeard,      ///< no speech since the step's prompt ended (or since the step began, without a prompt)
    Heard,
};

/// Listens to one session's microphone: voice activity detection (audio::VoiceActivityDetector)
/// and the live microphone check (audio::MicrophoneCheck) on the microphone signal alone — never
/// the recorded mix, which has the voice broadcast's prompt in it — and decides which speech
/// counts as an answer:
///  - only inside a step (between its StepStarted and StepCompleted events),
///  - in a step where a prompt played (voice::PromptMixer::playbacks()), only after the first
///    one ended, and never while any prompt plays or within echoTail after it.
/// A step without a played prompt counts from its start (the agent read the question: the
/// detector cannot tell the agent's voice from the customer's, docs/qc.md).
/// All times on the recording's timeline: milliseconds since the session's creation
/// (WorkflowSession::createdMonotonic(), the origin of the presence runs too).
///
/// Thread contract: constructed, used and destroyed in the owner's thread (the session's, the
/// GUI thread in the window), except microphoneAudio(), which the capture thread calls: it only
/// queues the chunk (never blocks; beyond maxBacklog it drops and counts). The detection runs in
/// a worker thread of its own (std::jthread), which hands its results back through a mutex and
/// a queued call into the owner's thread; signals are emitted there. finish() drains the queue
/// and joins the worker; the destructor does the same.
class SpeechMonitor final : public QObject, public MicrophoneListener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeechMonitor)

public:
    /// `prompts` (may be null: no prompts known) and `clock` (the session's) must outlive the
    /// monitor. Fails when the detector cannot be created (the session then runs without a
    /// speech check and says so).
    [[nodiscard]] static Result<std::unique_ptr<SpeechMonitor>> create(workflow::WorkflowSession &session,
                                                                       const voice::PromptMixer *prompts, const Clock &clock,
                                                                       SpeechSettings settings = {});
    ~SpeechMonitor() override;

    /// Capture thread: queues the microphone's chunk for the worker.
    void microphoneAudio(const capture::AudioChunk &chunk) override;

    /// Stops listening: analyses what is queued, ends speech still going on, joins the worker.
    /// Afterwards analysis() is final. Calling it twice does nothing.
    void finish();

    /// The speech that counts, so far (with speech still going on, up to its last voiced frame).
    [[nodiscard]] QList<storage::SpeechRange> ranges() const;
    /// What the journal keeps: analysed (true unless the detector broke), detector, audio
    /// analysed and dropped, ranges().
    [[nodiscard]] storage::SpeechAnalysis analysis() const;
    [[nodiscard]] AnswerSpeech answerSpeech() const { return m_answer; }
    [[nodiscard]] audio::MicrophoneState microphone() const { return m_microphone; }
    /// Set when the detector failed on the way (the analysis is then not trusted: analysed false).
    [[nodiscard]] std::optional<Error> failure() const { return m_failure; }
    [[nodiscard]] const SpeechSettings &settings() const { return m_settings; }

    /// Re-evaluates answerSpeech() now (also done on every result, step event and 4 times a second).
    void refresh();

Q_SIGNALS:
    void answerSpeechChanged(dualrec::live::AnswerSpeech state);
    void microphoneChanged(const dualrec::audio::MicrophoneState &state);
    /// The detector failed: the session goes on without a speech check.
    void failed(const dualrec::Error &error);

private:
    SpeechMonitor(workflow::WorkflowSession &session, const voice::PromptMixer *prompts, const Clock &clock,
                  SpeechSettings settings, std::unique_ptr<audio::VoiceActivityDetector> detector);
    void run(const std::stop_token &stop);
    void collect(); ///< owner's thread: takes the worker's results
    void onEvent(const workflow::SessionEvent &event);
    struct Step final {
        qsizetype index = -1;
        std::chrono::nanoseconds start{0};                ///< relative to the session's creation
        std::optional<std::chrono::nanoseconds> end;      ///< none while it runs
    };
    /// The counted pieces of `segment` (relative times) given the steps and playbacks.
    [[nodiscard]] QList<audio::SpeechSegment> counted(const audio::SpeechSegment &segment,
                                                      const QList<voice::PromptMixer::Playback> &playbacks) const;
    [[nodiscard]] QList<voice::PromptMixer::Playback> relativePlaybacks() const;
    [[nodiscard]] std::optional<std::chrono::nanoseconds> answerWindowStart(const Step &step,
                                                                             const QList<voice::PromptMixer::Playback> &playbacks) const;

    workflow::WorkflowSession &m_session;
    const voice::PromptMixer *m_prompts;
    const Clock &m_clock;
    SpeechSettings m_settings;
    std::chrono::nanoseconds m_origin;
    QString m_detectorName;

    // Owner's thread.
    QList<Step> m_steps;
    QList<audio::SpeechSegment> m_segments;           ///< finished, absolute monotonic
    std::optional<audio::SpeechSegment> m_ongoing;    ///< absolute monotonic
    AnswerSpeech m_answer = AnswerSpeech::NotAnswerStep;
    audio::MicrophoneState m_microphone;
    std::optional<Error> m_failure;
    std::chrono::milliseconds m_analysed{0};
    std::chrono::milliseconds m_dropped{0};
    bool m_finished = false;
    QTimer m_timer;

    // Shared with the worker, under m_mutex.
    struct Outbox final {
        QList<audio::SpeechSegment> segments;
        std::optional<audio::SpeechSegment> ongoing;
        audio::MicrophoneState microphone;
        std::optional<Error> failure;
        std::chrono::milliseconds analysed{0};
        bool posted = false; ///< a collect() is queued
    };
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::deque<capture::AudioChunk> m_queue;
    std::chrono::nanoseconds m_queued{0};   ///< audio length in m_queue
    std::chrono::nanoseconds m_droppedNs{0};
    bool m_draining = false;
    Outbox m_outbox;

    // Worker only (until joined).
    std::unique_ptr<audio::VoiceActivityDetector> m_detector;
    audio::MicrophoneCheck m_check;
    std::jthread m_worker; ///< last: joined first on destruction
};

} // namespace dualrec::live

Q_DECLARE_METATYPE(dualrec::live::AnswerSpeech)
Q_DECLARE_METATYPE(dualrec::audio::MicrophoneState)
