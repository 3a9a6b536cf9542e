#include "core/media/videofilter.h"

#include "core/media/watermark.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <QList>

namespace dualrec::media {

AVPixelFormat avPixelFormat(capture::PixelFormat format)
{
    switch (format) {
    case capture::PixelFormat::I420: return AV_PIX_FMT_YUV420P;
    case capture::PixelFormat::Nv12: return AV_PIX_FMT_NV12;
    case capture::PixelFormat::Bgra: return AV_PIX_FMT_BGRA;
    case capture::PixelFormat::Invalid: return AV_PIX_FMT_NONE;
    }
    return AV_PIX_FMT_NONE;
}

bool VideoFilter::accepts(const capture::VideoFrame &frame) const
{
    return graph && inputWidth == frame.width && inputHeight == frame.height && inputFormat == frame.format;
}

Result<void> VideoFilter::rebuild(const capture::VideoFrame &frame, const RecorderSettings &settings,
                                  const RecorderDescription &description, AVPixelFormat outputFormat)
{
    graph.reset(avfilter_graph_alloc());
    if (!graph)
        return std::unexpected(outOfMemory(QStringLiteral("video filter graph")));
    graph->nb_threads = 1;
    const auto create = [&](const char *filter, const char *name, const QString &args) -> Result<AVFilterContext *> {
        AVFilterContext *context = nullptr;
        const int rc = avfilter_graph_create_filter(&context, avfilter_get_by_name(filter), name,
                                                    args.isEmpty() ? nullptr : args.toUtf8().constData(), nullptr,
                                                    graph.get());
        if (rc < 0)
            return std::unexpected(avError(rc, QStringLiteral("filter %1").arg(QLatin1String(filter))));
        return context;
    };
    const int w = settings.encoder.width;
    const int h = settings.encoder.height;
    auto in = create("buffer", "in",
                     QStringLiteral("video_size=%1x%2:pix_fmt=%3:time_base=1/1000000:pixel_aspect=1/1")
                         .arg(frame.width).arg(frame.height).arg(int(avPixelFormat(frame.format))));
    auto scale = create("scale", "scale", QStringLiteral("%1:%2:force_original_aspect_ratio=decrease").arg(w).arg(h));
    auto pad = create("pad", "pad", QStringLiteral("%1:%2:(ow-iw)/2:(oh-ih)/2").arg(w).arg(h));
    auto format = create("format", "format", QLatin1String(av_get_pix_fmt_name(outputFormat)));
    auto out = create("buffersink", "out", {});
    for (const auto *made : {&in, &scale, &pad, &format, &out}) {
        if (!*made)
            return std::unexpected(made->error());
    }
    QList<AVFilterContext *> chain{*in, *scale, *pad};
    if (settings.watermark.enabled) {
        auto text = addWatermarkFilter(*graph, settings.watermark, description.watermarkTemplate,
                                       description.watermarkFontSize);
        if (!text)
            return std::unexpected(text.error());
        chain.append(*text);
    }
    chain.append(*format);
    chain.append(*out);
    for (qsizetype i = 0; i + 1 < chain.size(); ++i) {
        if (int rc = avfilter_link(chain[i], 0, chain[i + 1], 0); rc < 0)
            return std::unexpected(avError(rc, QStringLiteral("link filters")));
    }
    if (int rc = avfilter_graph_config(graph.get(), nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("configure filters")));
    source = *in;
    sink = *out;
    inputWidth = frame.width;
    inputHeight = frame.height;
    inputFormat = frame.format;
    return {};
}

} // namespace dualrec::media
