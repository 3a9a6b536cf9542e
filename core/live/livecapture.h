#pragma once

#include "core/capture/capturesource.h"
#include "core/util/rateslots.h"
#include "core/vision/presenceguard.h"
#include "core/voice/promptmixer.h"

#include <QObject>

#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>

namespace dualrec::live {

/// How often the live consumers get something, by capture time.
struct LiveOptions final {
    double previewsPerSecond = 10.0; ///< 0: no preview pictures
    int previewWidth = 640;          ///< preview pictures are scaled to this width (aspect kept)
    double levelsPerSecond = 10.0;   ///< microphone level reports
    /// Width of the guard's copy: the guard's second pass runs at 640 px (vision::AnalyzerConfig),
    /// its first pass scales this copy down itself.
    int analysisWidth = 640;
};

/// Hears the microphone alone, before the voice broadcast's prompt is mixed into the recorder's
/// copy (live::SpeechMonitor). Thread contract: called on the capture thread; must not block.
class MicrophoneListener
{
public:
    virtual ~MicrophoneListener() = default;
    virtual void microphoneAudio(const capture::AudioChunk &chunk) = 0;
};

/// The one capture source of the app, and everything that watches it: from pre-flight to the
/// end of a recording the camera (or demo source, or file) runs into this hub, which
///  - hands every frame and audio chunk to the recorder while one is attached (setRecorder),
///  - offers a small copy of a frame to the presence guard whenever it wants one (the guard
///    keeps its own rate),
///  - publishes a scaled BGRA preview picture and the microphone's peak level a few times a
///    second, and the source's events (camera lost/back, end of input).
/// Without a guard only the preview, levels and recorder path run.
///
/// Thread contract: construct, start, stop, destroy in one thread (the owner's, normally the GUI
/// thread). The signals are emitted from the capture thread: connect with queued (or automatic)
/// connections. setRecorder(), setMicrophoneListener() and latestFrame() are thread-safe. Conversions for preview and
/// guard run on the capture thread only for the frames they use; nothing here waits on a consumer.
class LiveCapture final : public QObject, private capture::CaptureSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveCapture)

public:
    LiveCapture(std::unique_ptr<capture::CaptureSource> source, std::unique_ptr<vision::PresenceGuard> guard,
                LiveOptions options = {}, QObject *parent = nullptr);
    ~LiveCapture() override;

    /// Starts the source. Starting a running capture does nothing.
    [[nodiscard]] Result<void> start();
    /// Stops the source; returns when no delivery is in progress.
    void stop();
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] QString description() const { return m_source->description(); }
    /// Null when the capture runs without a presence guard.
    [[nodiscard]] vision::PresenceGuard *guard() const { return m_guard.get(); }

    /// From now on frames and audio also go to `sink` (null: to no recorder). Returns when no
    /// delivery to the previous sink is in progress, so that one may be closed afterwards.
    void setRecorder(capture::CaptureSink *sink);
    /// From now on every audio chunk also goes, unmixed, to `listener` (null: to none). Returns
    /// when no delivery to the previous listener is in progress, so it may be destroyed.
    void setMicrophoneListener(MicrophoneListener *listener);
    /// The newest full-size frame (for a snapshot); invalid before the first.
    [[nodiscard]] capture::VideoFrame latestFrame() const;
    /// Where the voice broadcast says what it plays: the recorder's copy of the sound gets the
    /// prompt mixed in; the level meter (and any other listener) hears the microphone alone.
    [[nodiscard]] voice::PromptMixer &promptMixer() { return m_promptMixer; }
    /// The last event the source reported (lost, restored, ended); nothing before the first.
    [[nodiscard]] std::optional<capture::SourceEvent> lastEvent() const;

    /// A frame as a BGRA picture `width` pixels wide (aspect kept); invalid when it cannot be converted.
    [[nodiscard]] static capture::VideoFrame toBgra(const capture::VideoFrame &frame, int width);
    /// Peak level of 16-bit samples in dB full scale (-inf for silence is reported as -120).
    [[nodiscard]] static double peakDbfs(const capture::AudioChunk &chunk);

Q_SIGNALS:
    /// A BGRA preview picture (LiveOptions::previewWidth wide).
    void previewReady(const dualrec::capture::VideoFrame &picture);
    /// The loudest sample since the last report, in dBFS (-120 .. 0).
    void audioLevel(double peakDbfs);
    void sourceEvent(const dualrec::capture::SourceEvent &event);

private:
    void deliverVideo(capture::VideoFrame frame) override;
    void deliverAudio(capture::AudioChunk chunk) override;
    void deliverEvent(capture::SourceEvent event) override;
    void awaitCapacity(const std::stop_token &stop) override;


    std::unique_ptr<capture::CaptureSource> m_source;
    std::unique_ptr<vision::PresenceGuard> m_guard;
    LiveOptions m_options;
    bool m_running = false;

    std::shared_mutex m_recorderMutex; ///< shared while delivering, exclusive while swapping
    capture::CaptureSink *m_recorder = nullptr;
    MicrophoneListener *m_microphoneListener = nullptr;

    voice::PromptMixer m_promptMixer;

    mutable std::mutex m_latestMutex;
    capture::VideoFrame m_latest;
    std::optional<capture::SourceEvent> m_lastEvent;

    // Capture thread only.
    RateSlots m_previewSlots{m_options.previewsPerSecond};
    RateSlots m_levelSlots{m_options.levelsPerSecond};
    double m_peak = -120.0;
};

} // namespace dualrec::live

Q_DECLARE_METATYPE(dualrec::capture::VideoFrame)
Q_DECLARE_METATYPE(dualrec::capture::SourceEvent)
