#include "core/qc/audioscan.h"

#include "core/ffmpeg/avhandles.h"
#include "core/media/evidenceio.h"

#include <cmath>

namespace dualrec::qc {

using namespace std::chrono;

namespace {

/// Sample `index` of channel `channel` of a decoded frame, as a float (1.0 = full scale).
double sampleAt(const AVFrame &frame, int channel, int index, int channels)
{
    const auto format = AVSampleFormat(frame.format);
    const bool planar = av_sample_fmt_is_planar(format) != 0;
    const int plane = planar ? channel : 0;
    const int position = planar ? index : index * channels + channel;
    const auto *data = frame.extended_data[plane];
    switch (av_get_packed_sample_fmt(format)) {
    case AV_SAMPLE_FMT_FLT:
        return reinterpret_cast<const float *>(data)[position];
    case AV_SAMPLE_FMT_DBL:
        return reinterpret_cast<const double *>(data)[position];
    case AV_SAMPLE_FMT_S16:
        return reinterpret_cast<const int16_t *>(data)[position] / 32768.0;
    case AV_SAMPLE_FMT_S32:
        return reinterpret_cast<const int32_t *>(data)[position] / 2147483648.0;
    case AV_SAMPLE_FMT_U8:
        return (data[position] - 128) / 128.0;
    default:
        return 0.0;
    }
}

/// Merges window flags into ranges.
class RangeBuilder final
{
public:
    void add(bool flagged, milliseconds start, milliseconds end)
    {
        if (flagged) {
            if (!m_open || start > m_current.end + milliseconds(1))
                close();
            if (!m_open)
                m_current = {start, end};
            m_current.end = end;
            m_open = true;
        } else {
            close();
        }
    }
    std::vector<TimeRange> finish(milliseconds minimum)
    {
        close();
        std::vector<TimeRange> kept;
        for (const auto &range : m_ranges) {
            if (range.end - range.start >= minimum)
                kept.push_back(range);
        }
        return kept;
    }

private:
    void close()
    {
        if (m_open)
            m_ranges.push_back(m_current);
        m_open = false;
    }
    std::vector<TimeRange> m_ranges;
    TimeRange m_current;
    bool m_open = false;
};

} // namespace

Result<AudioInput> scanAudio(const QString &path, const seal::DeviceKeys *keys, const AudioScanOptions &options)
{
    auto opened = media::openMediaInput(path, keys);
    if (!opened)
        return fail(opened.error().code, QStringLiteral("\"%1\": %2").arg(path, opened.error().detail));
    auto format = std::move(*opened);
    AudioInput result;
    result.analysed = true;
    const AVCodec *codec = nullptr;
    const int streamIndex = av_find_best_stream(format.get(), AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
    if (streamIndex == AVERROR_STREAM_NOT_FOUND)
        return result; // no sound track
    if (streamIndex < 0 || !codec)
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": its sound track has no decoder here").arg(path));
    AVStream *stream = format->streams[streamIndex];
    media::CodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder || avcodec_parameters_to_context(decoder.get(), stream->codecpar) < 0)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("\"%1\": no memory for the sound decoder").arg(path));
    decoder->thread_count = 1;
    if (const int rc = avcodec_open2(decoder.get(), codec, nullptr); rc < 0)
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": the sound decoder cannot open it: %2").arg(path, media::avErrorText(rc)));
    result.hasTrack = true;

    const int64_t origin = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
    RangeBuilder silent;
    RangeBuilder clipped;
    const double silenceLevel = std::pow(10.0, options.silenceDbfs / 20.0);
    // The current window: its start (in samples since the origin), sums.
    int sampleRate = 0;
    int64_t windowStart = -1;
    int64_t windowSamples = 0;
    int64_t windowLength = 0;
    double sumSquares = 0;
    int64_t clippedSamples = 0;
    int64_t nextSample = 0; ///< where the next frame starts without a time stamp
    const auto toTime = [&](int64_t samples) { return milliseconds(samples * 1000 / std::max(1, sampleRate)); };
    const auto closeWindow = [&] {
        if (windowSamples == 0)
            return;
        const double rms = std::sqrt(sumSquares / double(windowSamples));
        const auto start = toTime(windowStart);
        const auto end = toTime(windowStart + windowLength);
        silent.add(rms < silenceLevel, start, end);
        clipped.add(double(clippedSamples) >= options.clipFraction * double(windowSamples), start, end);
        windowSamples = 0;
        sumSquares = 0;
        clippedSamples = 0;
    };

    media::PacketPtr packet = media::allocPacket();
    media::FramePtr frame = media::allocFrame();
    if (!packet || !frame)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("\"%1\": no memory for decoding").arg(path));
    const auto consume = [&] {
        sampleRate = frame->sample_rate > 0 ? frame->sample_rate : decoder->sample_rate;
        windowLength = std::max<int64_t>(1, int64_t(sampleRate) * options.window.count() / 1000);
        const int channels = std::max(1, frame->ch_layout.nb_channels);
        int64_t first = nextSample;
        if (frame->pts != AV_NOPTS_VALUE)
            first = av_rescale_q(frame->pts - origin, stream->time_base, AVRational{1, sampleRate});
        first = std::max<int64_t>(first, 0);
        for (int i = 0; i < frame->nb_samples; ++i) {
            const int64_t at = first + i;
            if (windowStart < 0 || at >= windowStart + windowLength || at < windowStart) {
                closeWindow();
                windowStart = at - at % windowLength;
            }
            for (int c = 0; c < channels; ++c) {
                const double value = sampleAt(*frame, c, i, channels);
                sumSquares += value * value;
                clippedSamples += std::abs(value) >= options.clipLevel ? 1 : 0;
                ++windowSamples;
            }
        }
        nextSample = first + frame->nb_samples;
    };
    const auto receive = [&] {
        while (avcodec_receive_frame(decoder.get(), frame.get()) >= 0) {
            consume();
            av_frame_unref(frame.get());
        }
    };
    for (;;) {
        const int rc = av_read_frame(format.get(), packet.get());
        if (rc < 0)
            break; // end, or the container cannot be read on (the video check reports that)
        if (packet->stream_index == streamIndex && avcodec_send_packet(decoder.get(), packet.get()) >= 0)
            receive();
        av_packet_unref(packet.get());
    }
    avcodec_send_packet(decoder.get(), nullptr);
    receive();
    closeWindow();
    result.silent = silent.finish(options.minSilence);
    result.clipped = clipped.finish(milliseconds(0));
    return result;
}

} // namespace dualrec::qc
