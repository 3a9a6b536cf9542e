#include "core/media/watermark.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <algorithm>

namespace dualrec::media {

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

} // namespace

QString watermarkTemplate(const WatermarkSettings &watermark, const QDateTime &wallOrigin)
{
    const auto &w = watermark;
    const double epoch = double(wallOrigin.toMSecsSinceEpoch()) / 1000.0;
    return QStringLiteral("%{pts:localtime:%1:%Y-%m-%d %H\\:%M\\:%S %z}\n").arg(epoch, 0, 'f', 3)
           + escapeDrawtext(w.agentLabel + QLatin1Char(' ') + w.agentId + QStringLiteral("  ") + w.applicationLabel
                            + QLatin1Char(' ') + w.applicationNumber)
           + QLatin1Char('\n') + escapeDrawtext(w.sessionLabel + QLatin1Char(' ') + w.sessionId);
}

int watermarkFontSize(int outputHeight)
{
    return std::max(12, outputHeight / 24);
}

Result<AVFilterContext *> addWatermarkFilter(AVFilterGraph &graph, const WatermarkSettings &watermark,
                                             const QString &text, int fontSize)
{
    AVFilterContext *filter = avfilter_graph_alloc_filter(&graph, avfilter_get_by_name("drawtext"), "watermark");
    if (!filter)
        return fail(ErrorCode::InternalError, QStringLiteral("drawtext filter missing (FFmpeg without freetype?)"));
    const int size = fontSize;
    const int margin = size / 2;
    const bool right = watermark.position == WatermarkPosition::TopRight || watermark.position == WatermarkPosition::BottomRight;
    const bool bottom = watermark.position == WatermarkPosition::BottomLeft || watermark.position == WatermarkPosition::BottomRight;
    const auto x = right ? QStringLiteral("w-tw-%1").arg(margin) : QString::number(margin);
    const auto y = bottom ? QStringLiteral("h-th-%1").arg(margin) : QString::number(margin);
    av_opt_set(filter, "fontfile", watermark.fontPath.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "text", text.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "fontsize", QByteArray::number(size).constData(), AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "fontcolor", "white", AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "box", "1", AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "boxcolor", "black@0.55", AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "boxborderw", QByteArray::number(std::max(2, size / 6)).constData(), AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "line_spacing", QByteArray::number(size / 5).constData(), AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "x", x.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
    av_opt_set(filter, "y", y.toUtf8().constData(), AV_OPT_SEARCH_CHILDREN);
    if (int rc = avfilter_init_str(filter, nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("watermark (font %1)").arg(watermark.fontPath)));
    return filter;
}

} // namespace dualrec::media
