#include "core/live/speechmonitor.h"

#include <algorithm>

namespace dualrec::live {

using namespace std::chrono;

namespace {

nanoseconds lengthOf(const capture::AudioChunk &chunk)
{
    return chunk.sampleRate > 0 ? nanoseconds(chunk.frameCount() * 1'000'000'000LL / chunk.sampleRate) : nanoseconds(0);
}

/// `piece` minus every interval in `cuts` (each [start, end)).
QList<audio::SpeechSegment> subtract(audio::SpeechSegment piece, const QList<audio::SpeechSegment> &cuts)
{
    QList<audio::SpeechSegment> pieces{piece};
    for (const auto &cut : cuts) {
        QList<audio::SpeechSegment> next;
        for (const auto &p : pieces) {
            if (cut.end <= p.start || cut.start >= p.end) {
                next.append(p);
                continue;
            }
            if (cut.start > p.start)
                next.append({p.start, cut.start});
            if (cut.end < p.end)
                next.append({cut.end, p.end});
        }
        pieces = next;
    }
    return pieces;
}

} // namespace

Result<std::unique_ptr<SpeechMonitor>> SpeechMonitor::create(workflow::WorkflowSession &session,
                                                             const voice::PromptMixer *prompts, const Clock &clock,
                                                             SpeechSettings settings)
{
    auto detector = audio::VoiceActivityDetector::create(settings.vad);
    if (!detector)
        return std::unexpected(detector.error());
    return std::unique_ptr<SpeechMonitor>(new SpeechMonitor(session, prompts, clock, settings, std::move(*detector)));
}

SpeechMonitor::SpeechMonitor(workflow::WorkflowSession &session, const voice::PromptMixer *prompts, const Clock &clock,
                             SpeechSettings settings, std::unique_ptr<audio::VoiceActivityDetector> detector)
    : m_session(session), m_prompts(prompts), m_clock(clock), m_settings(settings), m_origin(session.createdMonotonic()),
      m_detectorName(detector->description()), m_detector(std::move(detector)), m_check(settings.microphone)
{
    static const int registered = [] {
        qRegisterMetaType<AnswerSpeech>();
        qRegisterMetaType<audio::MicrophoneState>();
        return 0;
    }();
    Q_UNUSED(registered)
    // The steps so far (the session may have started before the monitor), then as they come.
    for (const auto &event : session.events())
        onEvent(event);
    connect(&session, &workflow::WorkflowSession::eventRecorded, this, &SpeechMonitor::onEvent);
    connect(&m_timer, &QTimer::timeout, this, &SpeechMonitor::refresh);
    m_timer.start(250);
    m_worker = std::jthread([this](std::stop_token stop) { run(stop); });
    refresh();
}

SpeechMonitor::~SpeechMonitor()
{
    finish();
}

void SpeechMonitor::microphoneAudio(const capture::AudioChunk &chunk)
{
    const auto length = lengthOf(chunk);
    {
        const std::lock_guard lock(m_mutex);
        if (m_draining)
            return;
        if (m_queued + length > m_settings.maxBacklog) {
            m_droppedNs += length;
            return;
        }
        m_queue.push_back(chunk); // implicitly shared samples: no copy
        m_queued += length;
    }
    m_wake.notify_one();
}

void SpeechMonitor::run(const std::stop_token &stop)
{
    for (;;) {
        capture::AudioChunk chunk;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, stop, [this] { return !m_queue.empty() || m_draining; });
            if (m_queue.empty()) {
                if (m_draining || stop.stop_requested())
                    break;
                continue;
            }
            chunk = std::move(m_queue.front());
            m_queue.pop_front();
            m_queued -= lengthOf(chunk);
        }
        const auto processed = m_outbox.failure ? Result<void>() : m_detector->process(chunk);
        const auto microphone = m_check.feed(chunk);
        const auto segments = m_detector->takeSegments();
        const auto ongoing = m_detector->ongoing();
        bool post = false;
        {
            const std::lock_guard lock(m_mutex);
            if (!processed && !m_outbox.failure)
                m_outbox.failure = processed.error();
            const bool changed = !segments.isEmpty() || ongoing.has_value() != m_outbox.ongoing.has_value()
                                 || microphone != m_outbox.microphone || (!processed && !m_outbox.posted);
            m_outbox.segments.append(segments);
            m_outbox.ongoing = ongoing;
            m_outbox.microphone = microphone;
            m_outbox.analysed = m_detector->analysed();
            if (changed && !m_outbox.posted)
                post = m_outbox.posted = true;
        }
        if (post)
            QMetaObject::invokeMethod(this, &SpeechMonitor::collect, Qt::QueuedConnection);
    }
    // Drained: speech still going on ends with the audio.
    m_detector->flush();
    const std::lock_guard lock(m_mutex);
    m_outbox.segments.append(m_detector->takeSegments());
    m_outbox.ongoing.reset();
    m_outbox.analysed = m_detector->analysed();
}

void SpeechMonitor::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    {
        const std::lock_guard lock(m_mutex);
        m_draining = true;
    }
    m_wake.notify_one();
    if (m_worker.joinable())
        m_worker.join();
    collect();
}

void SpeechMonitor::collect()
{
    Outbox taken;
    {
        const std::lock_guard lock(m_mutex);
        taken.segments = std::exchange(m_outbox.segments, {});
        taken.ongoing = m_outbox.ongoing;
        taken.microphone = m_outbox.microphone;
        taken.failure = m_outbox.failure;
        taken.analysed = m_outbox.analysed;
        m_outbox.posted = false;
        m_dropped = duration_cast<milliseconds>(m_droppedNs);
    }
    m_segments.append(taken.segments);
    m_ongoing = taken.ongoing;
    m_analysed = taken.analysed;
    if (taken.failure && !m_failure) {
        m_failure = taken.failure;
        Q_EMIT failed(*m_failure);
    }
    if (taken.microphone != m_microphone) {
        m_microphone = taken.microphone;
        Q_EMIT microphoneChanged(m_microphone);
    }
    refresh();
}

void SpeechMonitor::onEvent(const workflow::SessionEvent &event)
{
    if (event.type == workflow::SessionEventType::StepStarted) {
        m_steps.append({event.stepIndex, event.monotonic, std::nullopt});
    } else if (event.type == workflow::SessionEventType::StepCompleted) {
        if (!m_steps.isEmpty() && m_steps.last().index == event.stepIndex)
            m_steps.last().end = event.monotonic;
    } else if (event.type == workflow::SessionEventType::StateChanged && workflow::isEndState(event.to)) {
        if (!m_steps.isEmpty() && !m_steps.last().end)
            m_steps.last().end = event.monotonic; // aborted, refused, failed: the open step ends here
    } else {
        return;
    }
    refresh();
}

QList<voice::PromptMixer::Playback> SpeechMonitor::relativePlaybacks() const
{
    QList<voice::PromptMixer::Playback> relative;
    if (!m_prompts)
        return relative;
    for (const auto &playback : m_prompts->playbacks()) {
        const auto end = playback.end == nanoseconds::max() ? nanoseconds::max() : playback.end - m_origin;
        relative.append({playback.start - m_origin, end});
    }
    return relative;
}

std::optional<nanoseconds> SpeechMonitor::answerWindowStart(const Step &step,
                                                             const QList<voice::PromptMixer::Playback> &playbacks) const
{
    for (const auto &playback : playbacks) {
        if (playback.start >= step.start && (!step.end || playback.start < *step.end)) {
            if (playback.end == nanoseconds::max())
                return std::nullopt; // still playing, end unknown
            return std::max(step.start, playback.end + m_settings.echoTail);
        }
    }
    return step.start;
}

QList<audio::SpeechSegment> SpeechMonitor::counted(const audio::SpeechSegment &segment,
                                                   const QList<voice::PromptMixer::Playback> &playbacks) const
{
    const audio::SpeechSegment relative{segment.start - m_origin, segment.end - m_origin};
    QList<audio::SpeechSegment> cuts;
    for (const auto &playback : playbacks) {
        const auto end = playback.end == nanoseconds::max() ? nanoseconds::max() : playback.end + m_settings.echoTail;
        cuts.append({playback.start, end});
    }
    QList<audio::SpeechSegment> pieces;
    for (const auto &step : m_steps) {
        const auto from = answerWindowStart(step, playbacks);
        if (!from)
            continue;
        const auto to = step.end.value_or(nanoseconds::max());
        const audio::SpeechSegment inside{std::max(relative.start, *from), std::min(relative.end, to)};
        if (inside.end <= inside.start)
            continue;
        for (const auto &piece : subtract(inside, cuts)) {
            if (piece.length() >= m_settings.minPiece)
                pieces.append(piece);
        }
    }
    return pieces;
}

QList<storage::SpeechRange> SpeechMonitor::ranges() const
{
    const auto playbacks = relativePlaybacks();
    auto segments = m_segments;
    if (m_ongoing)
        segments.append(*m_ongoing);
    QList<storage::SpeechRange> ranges;
    for (const auto &segment : segments) {
        for (const auto &piece : counted(segment, playbacks)) {
            const storage::SpeechRange range{duration_cast<milliseconds>(std::max(piece.start, nanoseconds(0))),
                                             duration_cast<milliseconds>(piece.end)};
            if (range.end <= range.start)
                continue;
            // Ordered and disjoint (the journal's rule): touching or overlapping pieces join.
            if (!ranges.isEmpty() && range.start <= ranges.last().end)
                ranges.last().end = std::max(ranges.last().end, range.end);
            else
                ranges.append(range);
        }
    }
    return ranges;
}

storage::SpeechAnalysis SpeechMonitor::analysis() const
{
    storage::SpeechAnalysis analysis;
    analysis.analysed = !m_failure;
    analysis.detector = m_detectorName;
    analysis.analysedAudio = m_analysed;
    analysis.droppedAudio = m_dropped;
    analysis.ranges = ranges();
    return analysis;
}

void SpeechMonitor::refresh()
{
    AnswerSpeech state = AnswerSpeech::NotAnswerStep;
    const auto current = m_session.currentStep();
    const bool running = !m_steps.isEmpty() && !m_steps.last().end && m_steps.last().index == current
                         && current < m_session.plan().steps().size();
    if (m_failure) {
        state = AnswerSpeech::NotAnalysed;
    } else if (running && m_session.plan().steps().at(current).definition.requirements.answerRequired) {
        const auto playbacks = relativePlaybacks();
        const auto &step = m_steps.last();
        const auto from = answerWindowStart(step, playbacks);
        const auto now = m_clock.monotonicNow() - m_origin;
        if (!from || *from > now) {
            state = AnswerSpeech::WaitingForPrompt; // the question is still being asked
        } else {
            auto segments = m_segments;
            if (m_ongoing)
                segments.append(*m_ongoing);
            bool heard = false;
            for (const auto &segment : segments) {
                for (const auto &piece : counted(segment, playbacks))
                    heard = heard || (piece.end > *from && piece.start >= step.start);
            }
            state = heard ? AnswerSpeech::Heard : AnswerSpeech::NotHeard;
        }
    }
    if (state != m_answer) {
        m_answer = state;
        Q_EMIT answerSpeechChanged(m_answer);
    }
}

} // namespace dualrec::live
