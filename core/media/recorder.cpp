#include "core/media/recorder.h"
#include "core/media/watermarkfont.h"

#include "core/ffmpeg/avhandles.h"
#include "core/ffmpeg/ondemand.h"
#include "core/media/recorderpipeline.h"
#include "core/media/recorderworker.h"
#include "core/media/videoencoder.h"
#include "core/media/watermark.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <QFileInfo>

namespace dualrec::media {

using namespace std::chrono;

Recorder::Recorder(RecorderSettings settings, const Clock &clock)
    : m_settings(std::move(settings)), m_clock(clock), m_pipeline(std::make_unique<Pipeline>())
{
}

Recorder::~Recorder()
{
    if (m_thread.joinable())
        (void)close();
}

milliseconds Recorder::toTimeline(nanoseconds timestamp) const
{
    return duration_cast<milliseconds>(timestamp - m_settings.origin);
}

milliseconds Recorder::timelineNow() const
{
    return toTimeline(m_clock.monotonicNow());
}

Result<std::unique_ptr<Recorder>> Recorder::open(RecorderSettings settings, const Clock &clock)
{
    if (auto libraries = ffmpeg::load(); !libraries)
        return std::unexpected(libraries.error());
    const auto &encoder = settings.encoder;
    if (encoder.width <= 0 || encoder.height <= 0 || encoder.width % 2 || encoder.height % 2
        || encoder.framesPerSecond <= 0 || encoder.videoBitrate <= 0 || encoder.audioBitrate <= 0 || encoder.sampleRate <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("encoder settings: size must be even and positive, rates positive"));
    if (settings.watermark.enabled && settings.watermark.fontPath.isEmpty()) {
        settings.watermark.fontPath = findWatermarkFont();
        if (settings.watermark.fontPath.isEmpty())
            return fail(ErrorCode::NotFound, QStringLiteral("no font with Chinese characters for the watermark on this computer (looked for %1); "
                                                             "install one or name a font file")
                                                 .arg(watermarkFontCandidates().join(QStringLiteral(", "))));
    }
    if (settings.watermark.enabled && !QFileInfo(settings.watermark.fontPath).isReadable())
        return fail(ErrorCode::NotFound, QStringLiteral("watermark font not readable: %1").arg(settings.watermark.fontPath));

    // FFmpeg logs encoder statistics at "info" level to stderr; a recorder reports through
    // Result values instead, so only warnings and errors stay (process-wide setting).
    if (av_log_get_level() > AV_LOG_WARNING)
        av_log_set_level(AV_LOG_WARNING);
    std::unique_ptr<Recorder> recorder(new Recorder(std::move(settings), clock));
    auto &p = *recorder->m_pipeline;
    const auto &s = recorder->m_settings;
    const auto path = s.outputPath.toUtf8();

    AVFormatContext *raw = nullptr;
    if (int rc = avformat_alloc_output_context2(&raw, nullptr, "mp4", path.constData()); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("create MP4 muxer")));
    p.output.reset(raw);

    // Video: hardware encoders first (when allowed), libx264 as the fallback.
    auto videoEncoder = openVideoEncoder(s.encoder, *p.output->oformat);
    if (!videoEncoder)
        return std::unexpected(videoEncoder.error());
    p.video = std::move(videoEncoder->context);
    recorder->m_description.videoEncoder = videoEncoder->name;

    const AVCodec *aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!aac)
        return fail(ErrorCode::InternalError, QStringLiteral("no AAC encoder"));
    if (!p.packet || !p.frame || !p.filtered)
        return std::unexpected(outOfMemory(QStringLiteral("encoder frames")));
    p.audio.reset(avcodec_alloc_context3(aac));
    if (!p.audio)
        return std::unexpected(outOfMemory(QStringLiteral("AAC encoder context")));
    p.audio->sample_fmt = AV_SAMPLE_FMT_FLTP;
    p.audio->sample_rate = s.encoder.sampleRate;
    p.audio->ch_layout = AV_CHANNEL_LAYOUT_MONO;
    p.audio->bit_rate = s.encoder.audioBitrate;
    p.audio->time_base = {1, s.encoder.sampleRate};
    if (p.output->oformat->flags & AVFMT_GLOBALHEADER)
        p.audio->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (int rc = avcodec_open2(p.audio.get(), aac, nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("open AAC encoder")));
    p.fifo.reset(av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, 1, p.audio->frame_size * 4));
    if (!p.fifo)
        return std::unexpected(outOfMemory(QStringLiteral("audio FIFO")));

    p.videoStream = avformat_new_stream(p.output.get(), nullptr);
    p.audioStream = avformat_new_stream(p.output.get(), nullptr);
    if (!p.videoStream || !p.audioStream)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot add streams"));
    avcodec_parameters_from_context(p.videoStream->codecpar, p.video.get());
    avcodec_parameters_from_context(p.audioStream->codecpar, p.audio.get());
    p.videoStream->time_base = p.video->time_base;
    p.videoStream->avg_frame_rate = p.video->framerate;
    p.audioStream->time_base = p.audio->time_base;

    if (s.keys) {
        // Encrypted as written: the muxer writes into an append-only encrypted file; each
        // fragment becomes one sealed chunk (RecorderWorker::writePackets). No mfra trailer
        // (skip_trailer): it is the only part of a fragmented MP4 written with a seek back.
        auto encrypted = EncryptedOutput::create(s.outputPath, *s.keys);
        if (!encrypted)
            return std::unexpected(encrypted.error());
        p.encrypted = std::move(*encrypted);
        p.output->pb = p.encrypted->context();
        p.output->flags |= AVFMT_FLAG_CUSTOM_IO;
    } else if (int rc = avio_open(&p.output->pb, path.constData(), AVIO_FLAG_WRITE); rc < 0) {
        return std::unexpected(avError(rc, QStringLiteral("create %1").arg(s.outputPath), ErrorCode::IoError));
    }
    // Crash safety: an empty moov up front, a fragment per keyframe, every packet flushed to
    // the file. The interleaver may hold packets back at most half a second.
    p.output->flags |= AVFMT_FLAG_FLUSH_PACKETS;
    p.output->max_interleave_delta = 500'000;
    AVDictionary *muxerOptions = nullptr;
    av_dict_set(&muxerOptions, "movflags",
                s.keys ? "+frag_keyframe+empty_moov+default_base_moof+skip_trailer" : "+frag_keyframe+empty_moov+default_base_moof", 0);
    av_dict_set(&p.output->metadata, "comment", "DualRec recording", 0);
    const int header = avformat_write_header(p.output.get(), &muxerOptions);
    av_dict_free(&muxerOptions);
    if (header < 0)
        return std::unexpected(avError(header, QStringLiteral("write MP4 header")));
    avio_flush(p.output->pb);
    if (p.encrypted) {
        if (auto sealed = p.encrypted->seal(); !sealed)
            return std::unexpected(sealed.error());
    }

    // The watermark: the capture time comes from each frame's timestamp, so it is the time the
    // frame was taken, not when it was encoded.
    const auto now = clock.monotonicNow();
    recorder->m_description.wallOrigin =
        clock.wallNow().addMSecs(-duration_cast<milliseconds>(now - s.origin).count());
    if (s.watermark.enabled) {
        recorder->m_description.watermarkTemplate = watermarkTemplate(s.watermark, recorder->m_description.wallOrigin);
        recorder->m_description.watermarkFontSize = watermarkFontSize(s.encoder.height);
        recorder->m_description.watermarkFont = s.watermark.fontPath;
    }

    recorder->m_thread = std::jthread([r = recorder.get()] { r->run(); });
    return recorder;
}

void Recorder::deliverVideo(capture::VideoFrame frame)
{
    std::lock_guard lock(m_mutex);
    ++m_statistics.framesReceived;
    if (m_closing || m_failure || m_paused)
        return;
    if (m_queuedVideo >= m_settings.videoQueueFrames) {
        // Never block the capture callback: drop the frame and say so in the log.
        ++m_statistics.framesDropped;
        const auto at = toTimeline(frame.timestamp);
        m_continuity.add(GapReason::DroppedFrames, at, at + milliseconds(1000 / m_settings.encoder.framesPerSecond), 1,
                         QStringLiteral("encoder queue full"));
        return;
    }
    ++m_queuedVideo;
    m_queue.emplace_back(std::move(frame));
    m_wake.notify_one();
}

void Recorder::deliverAudio(capture::AudioChunk chunk)
{
    std::lock_guard lock(m_mutex);
    if (m_closing || m_failure || m_paused)
        return;
    if (m_queue.size() > size_t(m_settings.videoQueueFrames) * 8)
        return; // the encoder is stuck; the hole is filled with silence and logged later
    m_queue.emplace_back(std::move(chunk));
    m_wake.notify_one();
}

void Recorder::deliverEvent(capture::SourceEvent event)
{
    const auto at = toTimeline(event.timestamp);
    switch (event.type) {
    case capture::SourceEventType::VideoLost:
        m_continuity.begin(GapReason::VideoLost, at, event.detail);
        break;
    case capture::SourceEventType::VideoRestored:
        m_continuity.end(GapReason::VideoLost, at);
        break;
    case capture::SourceEventType::AudioLost:
        m_continuity.begin(GapReason::AudioLost, at, event.detail);
        break;
    case capture::SourceEventType::AudioRestored:
        m_continuity.end(GapReason::AudioLost, at);
        break;
    case capture::SourceEventType::EndOfInput:
    case capture::SourceEventType::Failed: {
        std::lock_guard lock(m_mutex);
        m_sourceEnded = event;
        break;
    }
    case capture::SourceEventType::Invalid:
        break;
    }
}

void Recorder::awaitCapacity(const std::stop_token &stop)
{
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested() && !m_closing && !m_failure && m_queuedVideo >= m_settings.videoQueueFrames - 1)
        m_room.wait_for(lock, milliseconds(20));
}

void Recorder::pause(const QString &reason)
{
    std::lock_guard lock(m_mutex);
    if (m_paused)
        return;
    m_paused = true;
    m_continuity.begin(GapReason::Pause, timelineNow(), reason);
}

void Recorder::resume()
{
    std::lock_guard lock(m_mutex);
    if (!m_paused)
        return;
    m_paused = false;
    m_continuity.end(GapReason::Pause, timelineNow());
}

std::optional<Error> Recorder::failure() const
{
    std::lock_guard lock(m_mutex);
    return m_failure;
}

std::optional<capture::SourceEvent> Recorder::sourceEnded() const
{
    std::lock_guard lock(m_mutex);
    return m_sourceEnded;
}

RecorderStatistics Recorder::statistics() const
{
    std::lock_guard lock(m_mutex);
    return m_statistics;
}

void Recorder::setFailure(Error error)
{
    std::lock_guard lock(m_mutex);
    if (!m_failure)
        m_failure = std::move(error);
    m_queue.clear();
    m_queuedVideo = 0;
    m_room.notify_all();
}

Result<RecorderStatistics> Recorder::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        m_wake.notify_all();
        m_room.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
    m_continuity.closeAll(timelineNow());
    std::lock_guard lock(m_mutex);
    if (m_failure)
        return std::unexpected(*m_failure);
    return m_statistics;
}

// ---- encoder thread -------------------------------------------------------------------------

void Recorder::run()
{
    RecorderWorker worker{*m_pipeline, m_settings, m_description, m_continuity, m_statistics, m_mutex};
    const auto directory = QFileInfo(m_settings.outputPath).absolutePath();
    while (true) {
        Item item;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, milliseconds(200), [this] { return !m_queue.empty() || m_closing || m_failure; });
            if (m_failure)
                break;
            if (m_queue.empty()) {
                if (m_closing)
                    break;
            } else {
                item = std::move(m_queue.front());
                m_queue.pop_front();
                if (std::holds_alternative<capture::VideoFrame>(item)) {
                    --m_queuedVideo;
                    m_room.notify_all();
                }
            }
        }
        Result<void> done;
        if (const auto *frame = std::get_if<capture::VideoFrame>(&item))
            done = worker.video(*frame, m_settings.origin);
        else if (const auto *chunk = std::get_if<capture::AudioChunk>(&item))
            done = worker.audio(*chunk, m_settings.origin);
        if (!done) {
            setFailure(done.error());
            break;
        }
        if (auto watched = worker.watchStorage(directory); !watched) {
            setFailure(watched.error());
            break;
        }
    }
    auto finished = worker.finish();
    {
        std::lock_guard lock(m_mutex);
        m_statistics.bytesWritten = QFileInfo(m_settings.outputPath).size();
    }
    if (!finished)
        setFailure(finished.error());
}

} // namespace dualrec::media
