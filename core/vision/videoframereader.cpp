#include "core/vision/videoframereader.h"

#include "core/media/evidenceio.h"

#include <QFile>
#include <QFileInfo>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <memory>

namespace dualrec::vision {

using std::chrono::nanoseconds;

namespace {

struct CodecFreer {
    void operator()(AVCodecContext *context) const { avcodec_free_context(&context); }
};
struct PacketFreer {
    void operator()(AVPacket *packet) const { av_packet_free(&packet); }
};
struct FrameFreer {
    void operator()(AVFrame *frame) const { av_frame_free(&frame); }
};
struct ScaleFreer {
    void operator()(SwsContext *context) const { sws_freeContext(context); }
};

QString avText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

/// Collects the issues, merging those that touch or overlap.
class Issues final
{
public:
    void add(nanoseconds start, nanoseconds end, const QString &detail)
    {
        end = std::max(end, start);
        if (!m_list.empty() && start <= m_list.back().end) {
            m_list.back().end = std::max(m_list.back().end, end);
            return;
        }
        m_list.push_back({start, end, detail});
    }
    std::vector<DecodeIssue> take()
    {
        std::ranges::sort(m_list, {}, &DecodeIssue::start);
        std::vector<DecodeIssue> merged;
        for (auto &issue : m_list) {
            if (!merged.empty() && issue.start <= merged.back().end)
                merged.back().end = std::max(merged.back().end, issue.end);
            else
                merged.push_back(std::move(issue));
        }
        return merged;
    }

private:
    std::vector<DecodeIssue> m_list;
};

} // namespace

Result<VideoFileInfo> readVideoFrames(const QString &path, const FrameSink &sink, const seal::DeviceKeys *keys)
{
    const QFileInfo file(path);
    if (!file.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("\"%1\": no such file").arg(path));
    if (!file.isFile() || !file.isReadable())
        return fail(ErrorCode::IoError, QStringLiteral("\"%1\": not a readable file").arg(path));

    // An encrypted recording (docs/security.md) is read through the device keys, never copied.
    auto opened = media::openMediaInput(path, keys);
    if (!opened) {
        if (opened.error().code == ErrorCode::FormatError)
            return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": cannot be opened as video: %2").arg(path, opened.error().detail));
        return fail(opened.error().code, QStringLiteral("\"%1\": %2").arg(path, opened.error().detail));
    }
    media::MediaInput format = std::move(*opened);
    const AVCodec *codec = nullptr;
    const int streamIndex = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (streamIndex < 0 || !codec)
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": no video stream the decoder can open").arg(path));
    AVStream *stream = format->streams[streamIndex];
    std::unique_ptr<AVCodecContext, CodecFreer> decoder(avcodec_alloc_context3(codec));
    if (!decoder || avcodec_parameters_to_context(decoder.get(), stream->codecpar) < 0)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("\"%1\": no memory for the decoder").arg(path));
    // Strict: a damaged bitstream is an error we report, not something to conceal quietly.
    decoder->err_recognition = AV_EF_CRCCHECK | AV_EF_BITSTREAM | AV_EF_BUFFER | AV_EF_EXPLODE;
    decoder->thread_count = 1;
    if (const int rc = avcodec_open2(decoder.get(), codec, nullptr); rc < 0)
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": the video decoder cannot open it: %2").arg(path, avText(rc)));

    VideoFileInfo info;
    info.width = decoder->width;
    info.height = decoder->height;
    const AVRational rate = av_guess_frame_rate(format.get(), stream, nullptr);
    info.framesPerSecond = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
    const nanoseconds frameDuration = info.framesPerSecond > 0
        ? nanoseconds(static_cast<qint64>(std::llround(1e9 / info.framesPerSecond)))
        : nanoseconds(40'000'000);
    const auto timeOf = [&](int64_t pts) {
        const int64_t origin = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
        return nanoseconds(av_rescale_q(pts - origin, stream->time_base, AVRational{1, 1'000'000'000}));
    };
    const auto lengthOf = [&](int64_t duration) {
        return nanoseconds(av_rescale_q(duration, stream->time_base, AVRational{1, 1'000'000'000}));
    };

    std::unique_ptr<AVPacket, PacketFreer> packet(av_packet_alloc());
    std::unique_ptr<AVFrame, FrameFreer> frame(av_frame_alloc());
    if (!packet || !frame)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("\"%1\": no memory for decoding").arg(path));
    std::unique_ptr<SwsContext, ScaleFreer> scaler;
    cv::Mat bgr;
    Issues issues;
    nanoseconds last{-1};
    nanoseconds lastPacketEnd{0};
    std::vector<std::pair<nanoseconds, nanoseconds>> packetSpans; ///< of packets with a time
    std::vector<nanoseconds> frameTimes;                           ///< of frames that came out
    bool stopped = false;

    const auto deliver = [&]() -> bool {
        auto timestamp = frame->best_effort_timestamp != AV_NOPTS_VALUE ? timeOf(frame->best_effort_timestamp)
                                                                         : last + frameDuration;
        // Time never runs backwards: a missing or repeated time is the previous one plus a frame.
        if (timestamp <= last && info.frames > 0)
            timestamp = last + frameDuration;
        if (frame->best_effort_timestamp != AV_NOPTS_VALUE)
            frameTimes.push_back(timeOf(frame->best_effort_timestamp));
        if (frame->decode_error_flags != 0 || (frame->flags & AV_FRAME_FLAG_CORRUPT) != 0)
            issues.add(timestamp, timestamp + frameDuration, QStringLiteral("frame decoded with errors"));
        last = timestamp;
        ++info.frames;
        if (frame->width != info.width || frame->height != info.height || !scaler) {
            info.width = frame->width;
            info.height = frame->height;
            scaler.reset(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), frame->width,
                                        frame->height, AV_PIX_FMT_BGR24, SWS_BILINEAR, nullptr, nullptr, nullptr));
            if (!scaler)
                return false;
            bgr.create(frame->height, frame->width, CV_8UC3);
        }
        uint8_t *planes[1] = {bgr.data};
        const int strides[1] = {static_cast<int>(bgr.step)};
        sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
        return sink(bgr, timestamp);
    };
    const auto receive = [&]() {
        for (;;) {
            const int rc = avcodec_receive_frame(decoder.get(), frame.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return;
            if (rc < 0) {
                issues.add(std::max(last, nanoseconds(0)), lastPacketEnd, QStringLiteral("decoding failed: %1").arg(avText(rc)));
                return;
            }
            const bool goOn = deliver();
            av_frame_unref(frame.get());
            if (!goOn) {
                stopped = true;
                return;
            }
        }
    };

    for (;;) {
        const int rc = av_read_frame(format.get(), packet.get());
        if (rc == AVERROR_EOF)
            break;
        if (rc < 0) {
            // The container cannot be read on: everything after the last good point is lost.
            const nanoseconds promised = format->duration > 0 ? nanoseconds(format->duration * 1000) : lastPacketEnd;
            issues.add(lastPacketEnd, std::max(promised, lastPacketEnd + frameDuration),
                       QStringLiteral("the file cannot be read on: %1").arg(avText(rc)));
            break;
        }
        if (packet->stream_index != streamIndex) {
            av_packet_unref(packet.get());
            continue;
        }
        const nanoseconds packetStart = packet->pts != AV_NOPTS_VALUE ? timeOf(packet->pts)
                                        : packet->dts != AV_NOPTS_VALUE ? timeOf(packet->dts)
                                                                        : lastPacketEnd;
        const nanoseconds packetEnd = packetStart + (packet->duration > 0 ? lengthOf(packet->duration) : frameDuration);
        lastPacketEnd = std::max(lastPacketEnd, packetEnd);
        if (packet->pts != AV_NOPTS_VALUE)
            packetSpans.emplace_back(packetStart, packetEnd);
        if ((packet->flags & AV_PKT_FLAG_CORRUPT) != 0)
            issues.add(packetStart, packetEnd, QStringLiteral("packet marked corrupt by the demuxer"));
        const int sent = avcodec_send_packet(decoder.get(), packet.get());
        av_packet_unref(packet.get());
        if (sent < 0 && sent != AVERROR(EAGAIN))
            issues.add(packetStart, packetEnd, QStringLiteral("the decoder rejected a packet: %1").arg(avText(sent)));
        receive();
        if (stopped)
            break;
    }
    if (!stopped) {
        avcodec_send_packet(decoder.get(), nullptr);
        receive();
    }
    if (info.frames == 0)
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": no video frame could be decoded").arg(path));
    info.end = last + frameDuration;
    if (!stopped) {
        // A tail the container promises but no frame covers.
        const nanoseconds promised = std::max(lastPacketEnd, stream->duration > 0 ? lengthOf(stream->duration) : nanoseconds(0));
        if (promised - info.end > frameDuration * 3 / 2) {
            issues.add(info.end, promised, QStringLiteral("no frame decoded at the end"));
            info.end = promised;
        }
    }
    if (!stopped) {
        // Packets whose frame never came out (the decoder dropped what it could not decode).
        std::ranges::sort(packetSpans);
        std::ranges::sort(frameTimes);
        const nanoseconds tolerance = frameDuration / 2;
        auto next = frameTimes.cbegin();
        for (const auto &[start, end] : packetSpans) {
            while (next != frameTimes.cend() && *next < start - tolerance)
                ++next;
            if (next == frameTimes.cend() || *next > start + tolerance)
                issues.add(start, end, QStringLiteral("a frame did not decode"));
        }
    }
    info.issues = issues.take();
    return info;
}

} // namespace dualrec::vision
