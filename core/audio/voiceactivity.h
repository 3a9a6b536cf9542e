#pragma once

#include "core/capture/mediaframe.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace dualrec::audio {

/// A stretch of speech: [start, end) on the timeline of the audio it was found in (the capture's
/// monotonic clock for live audio, the signal's start for detectSpeech()).
struct SpeechSegment final {
    std::chrono::nanoseconds start{0};
    std::chrono::nanoseconds end{0};

    [[nodiscard]] std::chrono::nanoseconds length() const { return end - start; }
    friend bool operator==(const SpeechSegment &, const SpeechSegment &) = default;
};

/// How readily a 10 ms frame counts as voiced: WebRTC's VAD likelihood (Low is its most
/// aggressive mode, fewest false alarms; High its most permissive).
enum class VadSensitivity : quint8 { Invalid = 0, Low, Moderate, High };

struct VadSettings final {
    VadSensitivity sensitivity = VadSensitivity::Low;
    /// A candidate stretch counts as speech only with at least this much voiced time in it
    /// (a door, a cough, a click are shorter). A short "是" is about 200-300 ms.
    std::chrono::milliseconds minVoiced{150};
    /// ... and at least one unbroken voiced run this long (a syllable; clatter is shorter).
    std::chrono::milliseconds minRun{100};
    /// Pauses shorter than this inside speech join its parts into one segment.
    std::chrono::milliseconds hangover{300};
    /// Frames whose level (RMS) is below this are never voiced, whatever the VAD says: WebRTC's
    /// VAD adapts to the noise floor and otherwise finds "speech" in near-silence.
    double minLevelDbfs = -55.0;
    /// ... nor frames less than this far above the noise floor (the quietest frames of the last
    /// 3 s): steady sound such as mains hum, a fan or the hall's noise is not speech, however
    /// loud (a steady sound that starts counts for at most its first 3 s).
    double aboveNoiseDb = 9.0;
};

/// Voice activity detection on one audio stream with WebRTC's audio processing module (the
/// VAD of Debian's libwebrtc-audio-processing 0.3: a Gaussian mixture over sub-band energies,
/// no model file). Any input rate and channel count is mixed to mono and resampled to 16 kHz
/// (libswresample), the rate the VAD works at, in 10 ms frames; a high-pass filter (the
/// module's own) removes mains hum below ~80 Hz first. A frame is voiced when the VAD says so
/// and it stands out of the noise floor; voiced frames are joined into segments (hangover,
/// minimum voiced time, minimum level: VadSettings).
///
/// Timing: a chunk's timestamp is the time of its first sample; a chunk that does not follow
/// the previous one (a gap or an overlap of more than 50 ms: a lost device, a looping file) ends
/// any open segment at the last sample before it and starts a new run. Segment times are exact
/// to one 10 ms frame plus the resampler's delay (under 1 ms).
///
/// Thread contract: not thread-safe; one owner thread feeds it (in the app the speech worker,
/// live::SpeechMonitor). Cost: about 0.2 % of one core for live 48 kHz audio (docs/qc.md).
class VoiceActivityDetector final
{
public:
    static constexpr int kSampleRate = 16000;
    static constexpr int kFrameSamples = kSampleRate / 100; ///< 10 ms

    /// Fails (InternalError) when the audio processing module cannot be created or configured.
    [[nodiscard]] static Result<std::unique_ptr<VoiceActivityDetector>> create(VadSettings settings = {});
    ~VoiceActivityDetector();
    VoiceActivityDetector(const VoiceActivityDetector &) = delete;
    VoiceActivityDetector &operator=(const VoiceActivityDetector &) = delete;

    /// Analyses `chunk` (interleaved signed 16-bit). InvalidArgument for a chunk with no rate or
    /// channels; InternalError when the resampler or the VAD fails (the detector is unusable).
    [[nodiscard]] Result<void> process(const capture::AudioChunk &chunk);
    /// Ends the open segment (if any) at the end of the audio processed so far.
    void flush();
    /// Segments completed since the last call, oldest first.
    [[nodiscard]] QList<SpeechSegment> takeSegments();
    /// The segment being heard now, once it has counted as speech (minVoiced reached); its end
    /// is the end of its last voiced frame so far.
    [[nodiscard]] std::optional<SpeechSegment> ongoing() const;
    /// Audio analysed so far (16 kHz frames), and the time of the end of the last frame.
    [[nodiscard]] std::chrono::milliseconds analysed() const;
    [[nodiscard]] std::chrono::nanoseconds position() const;
    /// "webrtc-vad 0.3 low/150/300/-55" (stored with the results: what found them).
    [[nodiscard]] QString description() const;

private:
    struct Impl;
    explicit VoiceActivityDetector(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Runs a fresh detector over a whole mono signal (tests, benchmarks, offline checks); segment
/// times count from the first sample.
[[nodiscard]] Result<QList<SpeechSegment>> detectSpeech(const QByteArray &mono16, int sampleRate, VadSettings settings = {});

} // namespace dualrec::audio
