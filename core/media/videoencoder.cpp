#include "core/media/videoencoder.h"

#include <QList>
#include <QStringList>

namespace dualrec::media {

namespace {

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

Result<OpenedVideoEncoder> openVideoEncoder(const EncoderSettings &settings, const AVOutputFormat &container)
{
    QList<const char *> candidates;
    if (settings.hardware == HardwareEncoding::Auto)
        candidates = hardwareEncoders();
    candidates.append(kSoftwareEncoder);
    QStringList tried;
    for (const char *name : std::as_const(candidates)) {
        const AVCodec *codec = avcodec_find_encoder_by_name(name);
        if (!codec)
            continue;
        CodecContextPtr context(avcodec_alloc_context3(codec));
        if (!context)
            return std::unexpected(outOfMemory(QStringLiteral("%1 encoder context").arg(QLatin1String(name))));
        const bool software = qstrcmp(name, kSoftwareEncoder) == 0;
        context->width = settings.width;
        context->height = settings.height;
        context->time_base = {1, settings.framesPerSecond};
        context->framerate = {settings.framesPerSecond, 1};
        context->pix_fmt = software ? AV_PIX_FMT_YUV420P : AV_PIX_FMT_NV12;
        context->gop_size = settings.framesPerSecond; // 1 s: a fragment (and so a crash bound) per second
        context->keyint_min = settings.framesPerSecond;
        context->bit_rate = settings.videoBitrate;
        context->rc_max_rate = settings.videoBitrate * 5 / 4;
        context->rc_buffer_size = settings.videoBitrate;
        context->sample_aspect_ratio = {1, 1};
        // No B-frames: a fragmented MP4 has no edit list, so the B-frame reorder delay would
        // push the picture late against the sound; without them pts == dts from frame 0.
        context->max_b_frames = 0;
        context->thread_count = settings.threads;
        if (container.flags & AVFMT_GLOBALHEADER)
            context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        AVDictionary *options = nullptr;
        if (software && qstrcmp(name, "libx264") == 0) {
            av_dict_set(&options, "preset", settings.softwarePreset.toUtf8().constData(), 0);
            av_dict_set(&options, "profile", "high", 0);
        }
        // Probing hardware encoders that cannot open logs errors; they are expected here.
        const int level = av_log_get_level();
        if (!software)
            av_log_set_level(AV_LOG_QUIET);
        const int rc = avcodec_open2(context.get(), codec, &options);
        av_log_set_level(level);
        av_dict_free(&options);
        if (rc >= 0)
            return OpenedVideoEncoder{std::move(context), QString::fromLatin1(name)};
        tried.append(QString::fromLatin1(name) + QStringLiteral(" (") + avErrorText(rc) + QLatin1Char(')'));
    }
    return fail(ErrorCode::InternalError, QStringLiteral("no H.264 encoder opens: ") + tried.join(QStringLiteral(", ")));
}

} // namespace dualrec::media
