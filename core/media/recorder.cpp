#include "core/media/recorder.h"

#include "core/media/filesync.h"

#include "core/media/avhandles.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
}

#include <QFileInfo>
#include <QStorageInfo>

namespace dualrec::media {

using namespace std::chrono;
using capture::PixelFormat;

const char *watermarkPositionName(WatermarkPosition position)
{
    switch (position) {
    case WatermarkPosition::Invalid: return "invalid";
    case WatermarkPosition::TopLeft: return "top-left";
    case WatermarkPosition::TopRight: return "top-right";
    case WatermarkPosition::BottomLeft: return "bottom-left";
    case WatermarkPosition::BottomRight: return "bottom-right";
    }
    return "unknown";
}

namespace {

constexpr AVRational kMicroseconds{1, 1'000'000};

AVPixelFormat toAv(PixelFormat format)
{
    switch (format) {
    case PixelFormat::I420: return AV_PIX_FMT_YUV420P;
    case PixelFormat::Nv12: return AV_PIX_FMT_NV12;
    case PixelFormat::Bgra: return AV_PIX_FMT_BGRA;
    case PixelFormat::Invalid: return AV_PIX_FMT_NONE;
    }
    return AV_PIX_FMT_NONE;
}

/// drawtext expands "%{...}" and treats "\" as an escape: user text must not trigger either.
QString escapeDrawtext(const QString &text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('{') || c == QLatin1Char('}'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

/// The platform's hardware H.264 encoders, tried in order before libx264. Each takes NV12
/// frames from system memory. VAAPI is not listed: it needs frames uploaded to the GPU
/// (hwupload), which this pipeline does not do yet; QSV covers Intel GPUs.
QList<const char *> hardwareEncoders()
{
#if defined(Q_OS_MACOS)
    return {"h264_videotoolbox"};
#elif defined(Q_OS_WIN)
    return {"h264_nvenc", "h264_qsv", "h264_mf"};
#else
    return {"h264_nvenc", "h264_qsv"};
#endif
}

/// The software fallback: libx264 (GPL, as in Debian's FFmpeg) or, in an LGPL-only build,
/// Cisco's libopenh264 (BSD) through an FFmpeg configured without --enable-gpl.
#ifdef DUALREC_LGPL_ONLY
constexpr const char *kSoftwareEncoder = "libopenh264";
#else
constexpr const char *kSoftwareEncoder = "libx264";
#endif

} // namespace

/// All FFmpeg state; touched only by the encoder thread after open().
struct Recorder::Pipeline {
    OutputContextPtr output;
    AVStream *videoStream = nullptr;
    AVStream *audioStream = nullptr;
    CodecContextPtr video;
    CodecContextPtr audio;
    // Video filter graph (scale/pad to the output size, watermark, pixel format), rebuilt when
    // the input's size or format changes.
    FilterGraphPtr graph;
    AVFilterContext *source = nullptr;
    AVFilterContext *sink = nullptr;
    int graphInput[3] = {0, 0, -1};
    qint64 lastVideoPts = -1;
    // Audio: converted to float planar mono at the output rate, cut into encoder frames.
    SwrPtr resampler;
    int resamplerInput[2] = {0, 0};
    AudioFifoPtr fifo;
    qint64 audioNext = 0; ///< output-rate sample index of the next sample to enter the fifo
    qint64 audioPts = 0;  ///< ... of the next sample to encode
    bool audioStarted = false;
    PacketPtr packet = allocPacket();
    FramePtr frame = allocFrame();
    FramePtr filtered = allocFrame();
    steady_clock::time_point lastSpaceCheck{};
    steady_clock::time_point lastSync{};
    qint64 bytesAtSpaceCheck = 0;
    bool trailerWritten = false;
};

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
    const auto &encoder = settings.encoder;
    if (encoder.width <= 0 || encoder.height <= 0 || encoder.width % 2 || encoder.height % 2
        || encoder.framesPerSecond <= 0 || encoder.videoBitrate <= 0 || encoder.audioBitrate <= 0 || encoder.sampleRate <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("encoder settings: size must be even and positive, rates positive"));
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
    QList<const char *> candidates;
    if (s.encoder.hardware == HardwareEncoding::Auto)
        candidates = hardwareEncoders();
    candidates.append(kSoftwareEncoder);
    QStringList tried;
    for (const char *name : std::as_const(candidates)) {
        const AVCodec *codec = avcodec_find_encoder_by_name(name);
        if (!codec)
            continue;
        CodecContextPtr context(avcodec_alloc_context3(codec));
        const bool software = qstrcmp(name, kSoftwareEncoder) == 0;
        context->width = s.encoder.width;
        context->height = s.encoder.height;
        context->time_base = {1, s.encoder.framesPerSecond};
        context->framerate = {s.encoder.framesPerSecond, 1};
        context->pix_fmt = software ? AV_PIX_FMT_YUV420P : AV_PIX_FMT_NV12;
        context->gop_size = s.encoder.framesPerSecond; // 1 s: a fragment (and so a crash bound) per second
        context->keyint_min = s.encoder.framesPerSecond;
        context->bit_rate = s.encoder.videoBitrate;
        context->rc_max_rate = s.encoder.videoBitrate * 5 / 4;
        context->rc_buffer_size = s.encoder.videoBitrate;
        context->sample_aspect_ratio = {1, 1};
        // No B-frames: a fragmented MP4 has no edit list, so the B-frame reorder delay would
        // push the picture late against the sound; without them pts == dts from frame 0.
        context->max_b_frames = 0;
        context->thread_count = s.encoder.threads;
        if (p.output->oformat->flags & AVFMT_GLOBALHEADER)
            context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        AVDictionary *options = nullptr;
        if (software && qstrcmp(name, "libx264") == 0) {
            av_dict_set(&options, "preset", s.encoder.softwarePreset.toUtf8().constData(), 0);
            av_dict_set(&options, "profile", "high", 0);
        }
        // Probing hardware encoders that cannot open logs errors; they are expected here.
        const int level = av_log_get_level();
        if (!software)
            av_log_set_level(AV_LOG_QUIET);
        const int rc = avcodec_open2(context.get(), codec, &options);
        av_log_set_level(level);
        av_dict_free(&options);
        if (rc >= 0) {
            p.video = std::move(context);
            recorder->m_description.videoEncoder = QString::fromLatin1(name);
            break;
        }
        tried.append(QString::fromLatin1(name) + QStringLiteral(" (") + avErrorText(rc) + QLatin1Char(')'));
    }
    if (!p.video)
        return fail(ErrorCode::InternalError, QStringLiteral("no H.264 encoder opens: ") + tried.join(QStringLiteral(", ")));

    const AVCodec *aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!aac)
        return fail(ErrorCode::InternalError, QStringLiteral("no AAC encoder"));
    p.audio.reset(avcodec_alloc_context3(aac));
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

    p.videoStream = avformat_new_stream(p.output.get(), nullptr);
    p.audioStream = avformat_new_stream(p.output.get(), nullptr);
    if (!p.videoStream || !p.audioStream)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot add streams"));
    avcodec_parameters_from_context(p.videoStream->codecpar, p.video.get());
    avcodec_parameters_from_context(p.audioStream->codecpar, p.audio.get());
    p.videoStream->time_base = p.video->time_base;
    p.videoStream->avg_frame_rate = p.video->framerate;
    p.audioStream->time_base = p.audio->time_base;

    if (int rc = avio_open(&p.output->pb, path.constData(), AVIO_FLAG_WRITE); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("create %1").arg(s.outputPath), ErrorCode::IoError));
    // Crash safety: an empty moov up front, a fragment per keyframe, every packet flushed to
    // the file. The interleaver may hold packets back at most half a second.
    p.output->flags |= AVFMT_FLAG_FLUSH_PACKETS;
    p.output->max_interleave_delta = 500'000;
    AVDictionary *muxerOptions = nullptr;
    av_dict_set(&muxerOptions, "movflags", "+frag_keyframe+empty_moov+default_base_moof", 0);
    av_dict_set(&p.output->metadata, "comment", "DualRec recording", 0);
    const int header = avformat_write_header(p.output.get(), &muxerOptions);
    av_dict_free(&muxerOptions);
    if (header < 0)
        return std::unexpected(avError(header, QStringLiteral("write MP4 header")));
    avio_flush(p.output->pb);

    // The watermark: the capture time comes from each frame's timestamp, so it is the time the
    // frame was taken, not when it was encoded.
    const auto now = clock.monotonicNow();
    recorder->m_description.wallOrigin =
        clock.wallNow().addMSecs(-duration_cast<milliseconds>(now - s.origin).count());
    if (s.watermark.enabled) {
        const auto &w = s.watermark;
        const double epoch = double(recorder->m_description.wallOrigin.toMSecsSinceEpoch()) / 1000.0;
        recorder->m_description.watermarkTemplate =
            QStringLiteral("%{pts:localtime:%1:%Y-%m-%d %H\\:%M\\:%S %z}\n").arg(epoch, 0, 'f', 3)
            + escapeDrawtext(w.agentLabel + QLatin1Char(' ') + w.agentId + QStringLiteral("  ") + w.applicationLabel
                             + QLatin1Char(' ') + w.applicationNumber)
            + QLatin1Char('\n') + escapeDrawtext(w.sessionLabel + QLatin1Char(' ') + w.sessionId);
        recorder->m_description.watermarkFontSize = std::max(12, s.encoder.height / 24);
    }

    recorder->m_thread = std::jthread([r = recorder.get()](std::stop_token stop) { r->run(stop); });
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
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
    m_continuity.closeAll(timelineNow());
    std::lock_guard lock(m_mutex);
    if (m_failure)
        return std::unexpected(*m_failure);
    return m_statistics;
}

// ---- encoder thread -------------------------------------------------------------------------

namespace {

struct Worker {
    Recorder::Pipeline &p;
    const RecorderSettings &s;
    const RecorderDescription &description;
    ContinuityLog &continuity;
    RecorderStatistics &statistics; // written under the recorder's mutex by the callers below
    std::mutex &mutex;

    Result<void> writePackets(AVCodecContext *codec, AVStream *stream)
    {
        while (true) {
            const int rc = avcodec_receive_packet(codec, p.packet.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return {};
            if (rc < 0)
                return std::unexpected(avError(rc, QStringLiteral("encode")));
            av_packet_rescale_ts(p.packet.get(), codec->time_base, stream->time_base);
            p.packet->stream_index = stream->index;
            const int written = av_interleaved_write_frame(p.output.get(), p.packet.get());
            if (written < 0)
                return std::unexpected(avError(written, QStringLiteral("write %1").arg(s.outputPath), ErrorCode::IoError));
            if (p.output->pb->error < 0)
                return std::unexpected(avError(p.output->pb->error, QStringLiteral("write %1").arg(s.outputPath), ErrorCode::IoError));
        }
    }

    Result<void> buildGraph(const capture::VideoFrame &frame)
    {
        p.graph.reset(avfilter_graph_alloc());
        p.graph->nb_threads = 1;
        const auto create = [&](const char *filter, const char *name, const QString &args) -> Result<AVFilterContext *> {
            AVFilterContext *context = nullptr;
            const int rc = avfilter_graph_create_filter(&context, avfilter_get_by_name(filter), name,
                                                        args.isEmpty() ? nullptr : args.toUtf8().constData(), nullptr,
                                                        p.graph.get());
            if (rc < 0)
                return std::unexpected(avError(rc, QStringLiteral("filter %1").arg(QLatin1String(filter))));
            return context;
        };
        const int w = s.encoder.width;
        const int h = s.encoder.height;
        auto source = create("buffer", "in",
                             QStringLiteral("video_size=%1x%2:pix_fmt=%3:time_base=1/1000000:pixel_aspect=1/1")
                                 .arg(frame.width).arg(frame.height).arg(int(toAv(frame.format))));
        auto scale = create("scale", "scale", QStringLiteral("%1:%2:force_original_aspect_ratio=decrease").arg(w).arg(h));
        auto pad = create("pad", "pad", QStringLiteral("%1:%2:(ow-iw)/2:(oh-ih)/2").arg(w).arg(h));
        auto format = create("format", "format", QLatin1String(av_get_pix_fmt_name(p.video->pix_fmt)));
        auto sink = create("buffersink", "out", {});
        for (const auto *made : {&source, &scale, &pad, &format, &sink}) {
            if (!*made)
                return std::unexpected(made->error());
        }
        QList<AVFilterContext *> chain{*source, *scale, *pad};
        if (s.watermark.enabled) {
            AVFilterContext *text = avfilter_graph_alloc_filter(p.graph.get(), avfilter_get_by_name("drawtext"), "watermark");
            if (!text)
                return fail(ErrorCode::InternalError, QStringLiteral("drawtext filter missing (FFmpeg without freetype?)"));
            const int size = description.watermarkFontSize;
            const int margin = size / 2;
            const bool right = s.watermark.position == WatermarkPosition::TopRight || s.watermark.position == WatermarkPosition::BottomRight;
            const bool bottom = s.watermark.position == WatermarkPosition::BottomLeft || s.watermark.position == WatermarkPosition::BottomRight;
            const auto x = right ? QStringLiteral("w-tw-%1").arg(margin) : QString::number(margin);
            const auto y = bottom ? QStringLiteral("h-th-%1").arg(margin) : QString::number(margin);
            av_opt_set(text, "fontfile", s.watermark.fontPath.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "text", description.watermarkTemplate.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "fontsize", QByteArray::number(size).constData(), AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "fontcolor", "white", AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "box", "1", AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "boxcolor", "black@0.55", AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "boxborderw", QByteArray::number(std::max(2, size / 6)).constData(), AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "line_spacing", QByteArray::number(size / 5).constData(), AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "x", x.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
            av_opt_set(text, "y", y.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
            if (int rc = avfilter_init_str(text, nullptr); rc < 0)
                return std::unexpected(avError(rc, QStringLiteral("watermark (font %1)").arg(s.watermark.fontPath)));
            chain.append(text);
        }
        chain.append(*format);
        chain.append(*sink);
        for (qsizetype i = 0; i + 1 < chain.size(); ++i) {
            if (int rc = avfilter_link(chain[i], 0, chain[i + 1], 0); rc < 0)
                return std::unexpected(avError(rc, QStringLiteral("link filters")));
        }
        if (int rc = avfilter_graph_config(p.graph.get(), nullptr); rc < 0)
            return std::unexpected(avError(rc, QStringLiteral("configure filters")));
        p.source = *source;
        p.sink = *sink;
        p.graphInput[0] = frame.width;
        p.graphInput[1] = frame.height;
        p.graphInput[2] = int(frame.format);
        return {};
    }

    Result<void> encodeVideo(AVFrame *frame)
    {
        if (int rc = avcodec_send_frame(p.video.get(), frame); rc < 0 && rc != AVERROR_EOF)
            return std::unexpected(avError(rc, QStringLiteral("encode video")));
        return writePackets(p.video.get(), p.videoStream);
    }

    Result<void> video(const capture::VideoFrame &frame, nanoseconds origin)
    {
        if (!frame.isValid())
            return {};
        const auto micros = duration_cast<microseconds>(frame.timestamp - origin).count();
        if (micros < 0)
            return {};
        if (!p.graph || p.graphInput[0] != frame.width || p.graphInput[1] != frame.height || p.graphInput[2] != int(frame.format)) {
            if (auto built = buildGraph(frame); !built)
                return built;
        }
        AVFrame *in = p.frame.get();
        av_frame_unref(in);
        in->width = frame.width;
        in->height = frame.height;
        in->format = toAv(frame.format);
        in->pts = micros;
        av_image_fill_arrays(in->data, in->linesize, reinterpret_cast<const uint8_t *>(frame.data.constData()),
                             AVPixelFormat(in->format), frame.width, frame.height, 1);
        // Not reference counted: buffersrc copies the picture.
        if (int rc = av_buffersrc_write_frame(p.source, in); rc < 0)
            return std::unexpected(avError(rc, QStringLiteral("filter video")));
        av_frame_unref(in);
        while (av_buffersink_get_frame(p.sink, p.filtered.get()) >= 0) {
            AVFrame *out = p.filtered.get();
            const qint64 pts = av_rescale_q_rnd(out->pts, kMicroseconds, p.video->time_base,
                                                AVRounding(AV_ROUND_NEAR_INF | AV_ROUND_PASS_MINMAX));
            if (pts <= p.lastVideoPts) {
                std::lock_guard lock(mutex);
                ++statistics.framesSkipped;
                av_frame_unref(out);
                continue;
            }
            if (p.lastVideoPts >= 0 && pts > p.lastVideoPts + 1) {
                const auto frameMs = 1000 / s.encoder.framesPerSecond;
                const milliseconds start((p.lastVideoPts + 1) * 1000 / s.encoder.framesPerSecond);
                const milliseconds end(pts * 1000 / s.encoder.framesPerSecond);
                if (!continuity.explained(start, end) && end - start >= milliseconds(frameMs))
                    continuity.add(GapReason::DroppedFrames, start, end, pts - p.lastVideoPts - 1,
                                   QStringLiteral("no frames from the source"));
            }
            p.lastVideoPts = pts;
            out->pts = pts;
            out->pict_type = AV_PICTURE_TYPE_NONE;
            auto encoded = encodeVideo(out);
            av_frame_unref(out);
            if (!encoded)
                return encoded;
            std::lock_guard lock(mutex);
            ++statistics.framesEncoded;
            statistics.videoDuration = milliseconds((pts + 1) * 1000 / s.encoder.framesPerSecond);
        }
        return {};
    }

    Result<void> encodeAudioFrames(bool flush)
    {
        const int frameSize = p.audio->frame_size;
        while (av_audio_fifo_size(p.fifo.get()) >= frameSize || (flush && av_audio_fifo_size(p.fifo.get()) > 0)) {
            const int count = std::min(frameSize, av_audio_fifo_size(p.fifo.get()));
            FramePtr frame = allocFrame();
            frame->nb_samples = frameSize; // a short last frame is padded with silence
            frame->format = AV_SAMPLE_FMT_FLTP;
            frame->sample_rate = p.audio->sample_rate;
            av_channel_layout_copy(&frame->ch_layout, &p.audio->ch_layout);
            if (av_frame_get_buffer(frame.get(), 0) < 0)
                return fail(ErrorCode::InternalError, QStringLiteral("out of memory (audio frame)"));
            av_samples_set_silence(frame->data, 0, frameSize, 1, AV_SAMPLE_FMT_FLTP);
            av_audio_fifo_read(p.fifo.get(), reinterpret_cast<void **>(frame->data), count);
            // The encoder stamps its packets initial_padding earlier than the frames; starting
            // there keeps the first packet at zero (no negative time for the muxer to shift).
            frame->pts = p.audioPts + p.audio->initial_padding;
            p.audioPts += frameSize;
            if (int rc = avcodec_send_frame(p.audio.get(), frame.get()); rc < 0)
                return std::unexpected(avError(rc, QStringLiteral("encode audio")));
            if (auto written = writePackets(p.audio.get(), p.audioStream); !written)
                return written;
            std::lock_guard lock(mutex);
            statistics.audioSamples += frameSize;
        }
        return {};
    }

    void addSilence(qint64 samples)
    {
        std::vector<float> zeros(size_t(std::min<qint64>(samples, 48000)), 0.0f);
        while (samples > 0) {
            const int n = int(std::min<qint64>(samples, qint64(zeros.size())));
            void *planes[1] = {zeros.data()};
            av_audio_fifo_write(p.fifo.get(), planes, n);
            samples -= n;
            p.audioNext += n;
            (void)encodeAudioFrames(false);
        }
    }

    Result<void> audio(const capture::AudioChunk &chunk, nanoseconds origin)
    {
        const int rate = s.encoder.sampleRate;
        const auto frames = chunk.frameCount();
        if (frames <= 0)
            return {};
        if (!p.resampler || p.resamplerInput[0] != chunk.sampleRate || p.resamplerInput[1] != chunk.channels) {
            AVChannelLayout inLayout;
            av_channel_layout_default(&inLayout, chunk.channels);
            SwrContext *swr = nullptr;
            const int rc = swr_alloc_set_opts2(&swr, &p.audio->ch_layout, AV_SAMPLE_FMT_FLTP, rate, &inLayout,
                                               AV_SAMPLE_FMT_S16, chunk.sampleRate, 0, nullptr);
            if (rc < 0 || swr_init(swr) < 0) {
                swr_free(&swr);
                return fail(ErrorCode::FormatError, QStringLiteral("cannot convert audio of %1 Hz, %2 channels")
                                                         .arg(chunk.sampleRate).arg(chunk.channels));
            }
            p.resampler.reset(swr);
            p.resamplerInput[0] = chunk.sampleRate;
            p.resamplerInput[1] = chunk.channels;
        }
        // The AAC encoder's priming samples (initial_padding) come first in the decoded output,
        // and a fragmented MP4 carries no edit list to hide them: shifting the input earlier by
        // that much puts every sample at its own time again.
        const qint64 expected = duration_cast<microseconds>(chunk.timestamp - origin).count() * rate / 1'000'000
                                - p.audio->initial_padding;
        if (expected + qint64(frames) * rate / chunk.sampleRate <= 0)
            return {};
        // Both streams start at zero: silence up to the first sound. Afterwards the audio is
        // continuous; a hole of more than 40 ms is filled with silence (and logged, unless a
        // pause or a lost device explains it), an overlap is trimmed.
        const qint64 tolerance = rate * 40 / 1000;
        qint64 skip = 0;
        if (!p.audioStarted) {
            p.audioStarted = true;
            if (expected > 0)
                addSilence(expected);
            else
                skip = -expected;
        } else if (expected > p.audioNext + tolerance) {
            const qint64 hole = expected - p.audioNext;
            const milliseconds start(p.audioNext * 1000 / rate);
            const milliseconds end(expected * 1000 / rate);
            if (!continuity.explained(start, end))
                continuity.add(GapReason::AudioMissing, start, end, hole, QStringLiteral("no audio from the source"));
            addSilence(hole);
            std::lock_guard lock(mutex);
            statistics.silenceSamples += hole;
        } else if (expected < p.audioNext - tolerance) {
            skip = p.audioNext - expected;
        }
        const int capacity = swr_get_out_samples(p.resampler.get(), int(frames));
        std::vector<float> converted(size_t(std::max(capacity, 1)));
        uint8_t *outPlanes[1] = {reinterpret_cast<uint8_t *>(converted.data())};
        const auto *input = reinterpret_cast<const uint8_t *>(chunk.samples.constData());
        const int produced = swr_convert(p.resampler.get(), outPlanes, capacity, &input, int(frames));
        if (produced <= 0)
            return {};
        const int start = int(std::min<qint64>(skip, produced));
        void *planes[1] = {converted.data() + start};
        av_audio_fifo_write(p.fifo.get(), planes, produced - start);
        p.audioNext += produced - start;
        return encodeAudioFrames(false);
    }

    Result<void> finish()
    {
        if (p.trailerWritten)
            return {};
        p.trailerWritten = true;
        Result<void> result;
        if (auto flushed = encodeVideo(nullptr); !flushed)
            result = flushed;
        if (auto tail = encodeAudioFrames(true); !tail && result)
            result = tail;
        avcodec_send_frame(p.audio.get(), nullptr);
        if (auto flushed = writePackets(p.audio.get(), p.audioStream); !flushed && result)
            result = flushed;
        if (int rc = av_write_trailer(p.output.get()); rc < 0 && result)
            result = std::unexpected(avError(rc, QStringLiteral("finish %1").arg(s.outputPath), ErrorCode::IoError));
        if (p.output->pb) {
            avio_flush(p.output->pb);
            if (p.output->pb->error < 0 && result)
                result = std::unexpected(avError(p.output->pb->error, QStringLiteral("finish %1").arg(s.outputPath), ErrorCode::IoError));
            avio_closep(&p.output->pb);
        }
        return result;
    }
};

} // namespace

void Recorder::run(const std::stop_token &stop)
{
    Worker worker{*m_pipeline, m_settings, m_description, m_continuity, m_statistics, m_mutex};
    const auto directory = QFileInfo(m_settings.outputPath).absolutePath();
    Q_UNUSED(stop)
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
        // Free space, once a second: stop cleanly while there is still room to finish the file.
        // (Every 256 KiB as well: a non-live source can fill the disk faster than once a second.)
        const auto now = steady_clock::now();
        const qint64 written = m_pipeline->output->pb ? avio_tell(m_pipeline->output->pb) : 0;
        if (now - m_pipeline->lastSpaceCheck >= seconds(1) || written - m_pipeline->bytesAtSpaceCheck >= 256 * 1024) {
            m_pipeline->lastSpaceCheck = now;
            m_pipeline->bytesAtSpaceCheck = written;
            QStorageInfo storage(directory);
            storage.refresh();
            if (storage.isValid() && storage.bytesAvailable() < m_settings.minimumFreeBytes) {
                setFailure(Error{ErrorCode::DiskFull, QStringLiteral("only %1 bytes free on %2; recording stopped")
                                                          .arg(storage.bytesAvailable()).arg(storage.rootPath())});
                break;
            }
            std::lock_guard lock(m_mutex);
            m_statistics.bytesWritten = written;
        }
        // Once a second, the fragments written so far go from the page cache to the disk: a
        // power cut then loses at most about the last second (kill -9 loses nothing written).
        if (now - m_pipeline->lastSync >= seconds(1)) {
            m_pipeline->lastSync = now;
            if (auto synced = syncFileToDisk(m_settings.outputPath); !synced) {
                setFailure(synced.error());
                break;
            }
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
