#include "core/audio/voiceactivity.h"

#include "core/ffmpeg/avhandles.h"

#include <webrtc/modules/audio_processing/include/audio_processing.h>
#include <webrtc/modules/interface/module_common_types.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>

namespace dualrec::audio {

using namespace std::chrono;

namespace {

/// A chunk further than this from where the previous one ended starts a new run.
constexpr nanoseconds kContinuityTolerance = 50ms;
constexpr nanoseconds kFrameLength = 10ms;
constexpr int kWarmUpFrames = 10;      ///< 100 ms
constexpr int kFramesPerBlock = 10;     ///< 100 ms blocks for the noise floor ...
constexpr std::size_t kFloorBlocks = 30; ///< ... over the last 3 s

webrtc::VoiceDetection::Likelihood likelihoodOf(VadSensitivity sensitivity)
{
    switch (sensitivity) {
    case VadSensitivity::Low:
        return webrtc::VoiceDetection::kVeryLowLikelihood;
    case VadSensitivity::Moderate:
        return webrtc::VoiceDetection::kLowLikelihood;
    case VadSensitivity::High:
        return webrtc::VoiceDetection::kModerateLikelihood;
    case VadSensitivity::Invalid:
        break;
    }
    return webrtc::VoiceDetection::kVeryLowLikelihood;
}

const char *sensitivityName(VadSensitivity sensitivity)
{
    switch (sensitivity) {
    case VadSensitivity::Low:
        return "low";
    case VadSensitivity::Moderate:
        return "moderate";
    case VadSensitivity::High:
        return "high";
    case VadSensitivity::Invalid:
        break;
    }
    return "invalid";
}

/// RMS level of 16-bit samples in dBFS (-120 for silence).
double rmsDbfs(const qint16 *samples, int count)
{
    double sum = 0;
    for (int i = 0; i < count; ++i)
        sum += double(samples[i]) * double(samples[i]);
    const double rms = std::sqrt(sum / std::max(1, count));
    return rms <= 0 ? -120.0 : std::max(-120.0, 20.0 * std::log10(rms / 32768.0));
}

} // namespace

struct VoiceActivityDetector::Impl final {
    VadSettings settings;
    std::unique_ptr<webrtc::AudioProcessing> apm;
    webrtc::AudioFrame frame;

    media::SwrPtr resampler;
    int inputRate = 0;
    int inputChannels = 0;

    bool running = false;         ///< a run of continuous input is open
    nanoseconds runStart{0};      ///< time of the run's first 16 kHz sample
    qint64 runSamples = 0;        ///< 16 kHz samples of the run turned into frames so far
    nanoseconds expectedNext{0};  ///< where the next input chunk should start
    QList<qint16> pending;        ///< 16 kHz samples not yet a whole frame
    qint64 analysedFrames = 0;
    /// The noise floor: the quietest frame of each 100 ms block over the last 3 s (minimum
    /// statistics), dBFS. Speech has pauses between words that fall back to it; a steady sound
    /// becomes the floor within 3 s of starting.
    std::deque<double> blockMinima;
    double blockMinimum = 0;
    int blockFrames = 0;

    // The segment being assembled.
    std::optional<nanoseconds> open;  ///< its first voiced frame's start
    nanoseconds lastVoicedEnd{0};
    nanoseconds voiced{0};
    nanoseconds run{0};        ///< the unbroken voiced run going on
    nanoseconds longestRun{0}; ///< the segment's longest
    QList<SpeechSegment> done;

    [[nodiscard]] nanoseconds frameTime(qint64 sample) const
    {
        return runStart + nanoseconds(sample * 1'000'000'000LL / kSampleRate);
    }

    void closeSegment()
    {
        if (counts())
            done.append({*open, lastVoicedEnd});
        open.reset();
        voiced = nanoseconds(0);
        run = nanoseconds(0);
        longestRun = nanoseconds(0);
    }

    [[nodiscard]] bool counts() const
    {
        return open && voiced >= settings.minVoiced && longestRun >= settings.minRun;
    }

    void decide(bool speech, nanoseconds start)
    {
        const auto end = start + kFrameLength;
        if (speech) {
            if (open && start - lastVoicedEnd >= settings.hangover)
                closeSegment();
            if (!open)
                open = start;
            lastVoicedEnd = end;
            voiced += kFrameLength;
            run += kFrameLength;
            longestRun = std::max(longestRun, run);
        } else {
            run = nanoseconds(0);
            if (open && end - lastVoicedEnd >= settings.hangover)
                closeSegment();
        }
    }

    Result<void> analyseFrames()
    {
        qsizetype used = 0;
        while (pending.size() - used >= kFrameSamples) {
            const auto *samples = pending.constData() + used;
            frame.UpdateFrame(0, 0, samples, kFrameSamples, kSampleRate, webrtc::AudioFrame::kNormalSpeech,
                              webrtc::AudioFrame::kVadUnknown, 1);
            if (const int rc = apm->ProcessStream(&frame); rc != webrtc::AudioProcessing::kNoError)
                return fail(ErrorCode::InternalError, QStringLiteral("voice activity detection failed (webrtc error %1)").arg(rc));
            // The level after the module's high-pass filter: mains hum's fundamental is gone.
            const double level = rmsDbfs(frame.data_, kFrameSamples);
            // The filter's and detector's first frames of a run are a transient: not voiced, not the floor.
            if (runSamples < kWarmUpFrames * kFrameSamples) {
                decide(false, frameTime(runSamples));
                runSamples += kFrameSamples;
                ++analysedFrames;
                used += kFrameSamples;
                continue;
            }
            blockMinimum = blockFrames == 0 ? level : std::min(blockMinimum, level);
            double floor = blockMinimum;
            for (const double minimum : blockMinima)
                floor = std::min(floor, minimum);
            if (++blockFrames == kFramesPerBlock) {
                blockMinima.push_back(blockMinimum);
                if (blockMinima.size() > kFloorBlocks)
                    blockMinima.pop_front();
                blockFrames = 0;
            }
            const bool voice = apm->voice_detection()->stream_has_voice() && level >= settings.minLevelDbfs
                               && level >= floor + settings.aboveNoiseDb;
            decide(voice, frameTime(runSamples));
            runSamples += kFrameSamples;
            ++analysedFrames;
            used += kFrameSamples;
        }
        pending.remove(0, used);
        return {};
    }

    Result<void> openResampler(int rate, int channels)
    {
        AVChannelLayout in{};
        AVChannelLayout out{};
        av_channel_layout_default(&in, channels);
        av_channel_layout_default(&out, 1);
        SwrContext *swr = nullptr;
        const int rc = swr_alloc_set_opts2(&swr, &out, AV_SAMPLE_FMT_S16, kSampleRate, &in, AV_SAMPLE_FMT_S16, rate, 0, nullptr);
        av_channel_layout_uninit(&in);
        av_channel_layout_uninit(&out);
        if (rc < 0 || swr_init(swr) < 0) {
            swr_free(&swr);
            return fail(ErrorCode::InternalError,
                        QStringLiteral("cannot resample %1 Hz, %2 channels to 16 kHz mono for voice detection").arg(rate).arg(channels));
        }
        resampler.reset(swr);
        inputRate = rate;
        inputChannels = channels;
        return {};
    }

    /// Ends the current run: what is left of it is analysed as far as whole frames go.
    void endRun()
    {
        if (!running)
            return;
        closeSegment();
        pending.clear();
        resampler.reset();
        blockMinima.clear();
        blockFrames = 0;
        running = false;
    }
};

VoiceActivityDetector::VoiceActivityDetector(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

VoiceActivityDetector::~VoiceActivityDetector() = default;

Result<std::unique_ptr<VoiceActivityDetector>> VoiceActivityDetector::create(VadSettings settings)
{
    if (settings.sensitivity == VadSensitivity::Invalid || settings.minVoiced < 0ms || settings.hangover < 0ms)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("voice detection settings: sensitivity, minimum voiced time and hangover must be set"));
    auto impl = std::make_unique<Impl>();
    impl->settings = settings;
    impl->apm.reset(webrtc::AudioProcessing::Create());
    if (!impl->apm)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot create WebRTC's audio processing module"));
    auto *vad = impl->apm->voice_detection();
    if (impl->apm->high_pass_filter()->Enable(true) != 0 || vad->Enable(true) != 0
        || vad->set_likelihood(likelihoodOf(settings.sensitivity)) != 0 || vad->set_frame_size_ms(10) != 0)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot configure WebRTC's voice detection"));
    return std::unique_ptr<VoiceActivityDetector>(new VoiceActivityDetector(std::move(impl)));
}

Result<void> VoiceActivityDetector::process(const capture::AudioChunk &chunk)
{
    auto &d = *m_impl;
    if (chunk.sampleRate <= 0 || chunk.channels <= 0 || chunk.channels > 8)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("audio chunk with %1 Hz and %2 channels").arg(chunk.sampleRate).arg(chunk.channels));
    const auto frames = chunk.frameCount();
    if (frames == 0)
        return {};
    const bool follows = d.running && chunk.sampleRate == d.inputRate && chunk.channels == d.inputChannels
                         && std::chrono::abs(chunk.timestamp - d.expectedNext) <= kContinuityTolerance;
    if (!follows) {
        d.endRun();
        if (auto opened = d.openResampler(chunk.sampleRate, chunk.channels); !opened)
            return opened;
        d.running = true;
        d.runStart = chunk.timestamp;
        d.runSamples = 0;
    }
    d.expectedNext = chunk.timestamp + nanoseconds(frames * 1'000'000'000LL / chunk.sampleRate);

    const int capacity = swr_get_out_samples(d.resampler.get(), int(frames));
    if (capacity < 0)
        return fail(ErrorCode::InternalError, QStringLiteral("resampler for voice detection failed"));
    const auto before = d.pending.size();
    d.pending.resize(before + capacity);
    auto *out = reinterpret_cast<uint8_t *>(d.pending.data() + before);
    const auto *in = reinterpret_cast<const uint8_t *>(chunk.samples.constData());
    const int converted = swr_convert(d.resampler.get(), &out, capacity, &in, int(frames));
    if (converted < 0) {
        d.pending.resize(before);
        return fail(ErrorCode::InternalError,
                    QStringLiteral("resampler for voice detection failed: %1").arg(media::avErrorText(converted)));
    }
    d.pending.resize(before + converted);
    return d.analyseFrames();
}

void VoiceActivityDetector::flush()
{
    m_impl->closeSegment();
}

QList<SpeechSegment> VoiceActivityDetector::takeSegments()
{
    return std::exchange(m_impl->done, {});
}

std::optional<SpeechSegment> VoiceActivityDetector::ongoing() const
{
    const auto &d = *m_impl;
    if (!d.counts())
        return std::nullopt;
    return SpeechSegment{*d.open, d.lastVoicedEnd};
}

milliseconds VoiceActivityDetector::analysed() const
{
    return milliseconds(m_impl->analysedFrames * 10);
}

nanoseconds VoiceActivityDetector::position() const
{
    return m_impl->frameTime(m_impl->runSamples);
}

QString VoiceActivityDetector::description() const
{
    const auto &s = m_impl->settings;
    return QStringLiteral("webrtc-vad 0.3 %1/%2/%3/%4/%5/%6")
        .arg(QLatin1String(sensitivityName(s.sensitivity)))
        .arg(s.minVoiced.count())
        .arg(s.minRun.count())
        .arg(s.hangover.count())
        .arg(s.minLevelDbfs, 0, 'f', 0)
        .arg(s.aboveNoiseDb, 0, 'f', 0);
}

Result<QList<SpeechSegment>> detectSpeech(const QByteArray &mono16, int sampleRate, VadSettings settings)
{
    auto detector = VoiceActivityDetector::create(settings);
    if (!detector)
        return std::unexpected(detector.error());
    // In 100 ms chunks, as a microphone delivers them.
    const qsizetype step = qsizetype(sampleRate / 10) * 2;
    for (qsizetype at = 0; at < mono16.size(); at += step) {
        capture::AudioChunk chunk;
        chunk.timestamp = nanoseconds((at / 2) * 1'000'000'000LL / sampleRate);
        chunk.sampleRate = sampleRate;
        chunk.channels = 1;
        chunk.samples = mono16.mid(at, step);
        if (auto processed = (*detector)->process(chunk); !processed)
            return std::unexpected(processed.error());
    }
    (*detector)->flush();
    return (*detector)->takeSegments();
}

} // namespace dualrec::audio
