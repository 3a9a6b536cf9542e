#pragma once

// RAII for FFmpeg's handles (style P10). Only core/media, the file decoder in core/capture and
// the speech check's resampler in core/audio include this header; nothing else calls av_*.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include "core/util/result.h"

#include <memory>

namespace dualrec::media {

namespace detail {
struct FreeCodecContext { void operator()(AVCodecContext *p) const { avcodec_free_context(&p); } };
struct FreeFrame { void operator()(AVFrame *p) const { av_frame_free(&p); } };
struct FreePacket { void operator()(AVPacket *p) const { av_packet_free(&p); } };
struct FreeFilterGraph { void operator()(AVFilterGraph *p) const { avfilter_graph_free(&p); } };
struct FreeAudioFifo { void operator()(AVAudioFifo *p) const { av_audio_fifo_free(p); } };
struct FreeSwr { void operator()(SwrContext *p) const { swr_free(&p); } };
struct FreeSws { void operator()(SwsContext *p) const { sws_freeContext(p); } };
struct CloseInput { void operator()(AVFormatContext *p) const { avformat_close_input(&p); } };
/// An output context: closes its file (if open, and not a custom AVIOContext, which belongs to
/// its owner) and frees it. Does not write the trailer.
struct FreeOutput {
    void operator()(AVFormatContext *p) const
    {
        if (p->pb && !(p->oformat->flags & AVFMT_NOFILE) && !(p->flags & AVFMT_FLAG_CUSTOM_IO))
            avio_closep(&p->pb);
        avformat_free_context(p);
    }
};
struct FreeDictionary { void operator()(AVDictionary *p) const { av_dict_free(&p); } };
struct UnrefBuffer { void operator()(AVBufferRef *p) const { av_buffer_unref(&p); } };
} // namespace detail

using CodecContextPtr = std::unique_ptr<AVCodecContext, detail::FreeCodecContext>;
using FramePtr = std::unique_ptr<AVFrame, detail::FreeFrame>;
using PacketPtr = std::unique_ptr<AVPacket, detail::FreePacket>;
using FilterGraphPtr = std::unique_ptr<AVFilterGraph, detail::FreeFilterGraph>;
using AudioFifoPtr = std::unique_ptr<AVAudioFifo, detail::FreeAudioFifo>;
using SwrPtr = std::unique_ptr<SwrContext, detail::FreeSwr>;
using SwsPtr = std::unique_ptr<SwsContext, detail::FreeSws>;
using InputContextPtr = std::unique_ptr<AVFormatContext, detail::CloseInput>;
using OutputContextPtr = std::unique_ptr<AVFormatContext, detail::FreeOutput>;
using BufferRefPtr = std::unique_ptr<AVBufferRef, detail::UnrefBuffer>;

/// av_strerror as a QString.
[[nodiscard]] inline QString avErrorText(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

/// Translates an FFmpeg return code into our error at the boundary: ENOSPC/EDQUOT become
/// DiskFull, other I/O errors IoError, everything else `otherwise`.
[[nodiscard]] inline Error avError(int code, const QString &what, ErrorCode otherwise = ErrorCode::InternalError)
{
    ErrorCode mapped = otherwise;
    if (code == AVERROR(ENOSPC) || code == AVERROR(EDQUOT))
        mapped = ErrorCode::DiskFull;
    else if (code == AVERROR(EIO) || code == AVERROR(EACCES) || code == AVERROR(EROFS) || code == AVERROR(EPERM))
        mapped = ErrorCode::IoError;
    return Error{mapped, what + QStringLiteral(": ") + avErrorText(code)};
}

/// An FFmpeg allocation returned null: `what` names it ("AAC encoder context").
[[nodiscard]] inline Error outOfMemory(const QString &what)
{
    return Error{ErrorCode::OutOfMemory, QStringLiteral("cannot allocate ") + what};
}

/// Null when out of memory, like av_frame_alloc / av_packet_alloc.
[[nodiscard]] inline FramePtr allocFrame() { return FramePtr(av_frame_alloc()); }
[[nodiscard]] inline PacketPtr allocPacket() { return PacketPtr(av_packet_alloc()); }

} // namespace dualrec::media
