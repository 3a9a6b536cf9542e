#include "core/capture/filesource.h"

#include "core/ffmpeg/avhandles.h"
#include "core/ffmpeg/ondemand.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/imgutils.h>
}

namespace dualrec::capture {

using namespace std::chrono;
using namespace dualrec::media;

namespace {

constexpr int kOutputRate = 48000;

/// Everything the decoder thread owns, opened before the thread starts so that errors are
/// reported by start().
struct Decoder {
    InputContextPtr input;
    int videoIndex = -1;
    int audioIndex = -1;
    CodecContextPtr video;
    CodecContextPtr audio;
    SwsPtr scaler;
    SwrPtr resampler;
    int scaledFor[3] = {0, 0, -1}; // width, height, format the scaler was made for
};

Result<CodecContextPtr> openDecoder(AVFormatContext *input, int index)
{
    const auto *parameters = input->streams[index]->codecpar;
    const AVCodec *codec = avcodec_find_decoder(parameters->codec_id);
    if (!codec)
        return fail(ErrorCode::FormatError, QStringLiteral("no decoder for stream %1").arg(index));
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context)
        return std::unexpected(outOfMemory(QStringLiteral("decoder context")));
    if (int rc = avcodec_parameters_to_context(context.get(), parameters); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("decoder parameters")));
    context->pkt_timebase = input->streams[index]->time_base;
    if (int rc = avcodec_open2(context.get(), codec, nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("open decoder"), ErrorCode::FormatError));
    return context;
}

} // namespace

FileSource::FileSource(QString path, Pace pace, const Clock &clock, bool loop)
    : m_path(std::move(path)), m_pace(pace), m_loop(loop), m_clock(clock)
{
}

FileSource::~FileSource()
{
    stop();
}

QString FileSource::description() const
{
    return QStringLiteral("file %1").arg(m_path);
}

void FileSource::stop()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
    m_thread = {};
}

Result<void> FileSource::start(CaptureSink &sink)
{
    if (auto libraries = ffmpeg::load(); !libraries)
        return std::unexpected(libraries.error());
    if (m_thread.joinable())
        return fail(ErrorCode::InvalidState, QStringLiteral("file source already started"));
    auto decoder = std::make_shared<Decoder>();
    AVFormatContext *raw = nullptr;
    const auto utf8 = m_path.toUtf8();
    if (int rc = avformat_open_input(&raw, utf8.constData(), nullptr, nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("open %1").arg(m_path), ErrorCode::NotFound));
    decoder->input.reset(raw);
    if (int rc = avformat_find_stream_info(raw, nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("read %1").arg(m_path), ErrorCode::FormatError));
    decoder->videoIndex = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    decoder->audioIndex = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (decoder->videoIndex < 0)
        return fail(ErrorCode::FormatError, QStringLiteral("%1 has no video stream").arg(m_path));
    auto video = openDecoder(raw, decoder->videoIndex);
    if (!video)
        return std::unexpected(video.error());
    decoder->video = std::move(*video);
    if (decoder->audioIndex >= 0) {
        auto audio = openDecoder(raw, decoder->audioIndex);
        if (!audio)
            return std::unexpected(audio.error());
        decoder->audio = std::move(*audio);
        AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
        SwrContext *swr = nullptr;
        if (int rc = swr_alloc_set_opts2(&swr, &mono, AV_SAMPLE_FMT_S16, kOutputRate, &decoder->audio->ch_layout,
                                         decoder->audio->sample_fmt, decoder->audio->sample_rate, 0, nullptr);
            rc < 0 || swr_init(swr) < 0) {
            swr_free(&swr);
            return fail(ErrorCode::FormatError, QStringLiteral("cannot convert the audio of %1").arg(m_path));
        }
        decoder->resampler.reset(swr);
    }

    const auto origin = m_clock.monotonicNow();
    m_thread = std::jthread([this, decoder, origin, &sink](std::stop_token stop) {
        auto *input = decoder->input.get();
        const auto startOf = [input](int index) {
            const auto *stream = input->streams[index];
            return stream->start_time == AV_NOPTS_VALUE ? 0 : av_rescale_q(stream->start_time, stream->time_base, {1, 1'000'000});
        };
        const qint64 firstMicros = std::min(startOf(decoder->videoIndex),
                                            decoder->audioIndex >= 0 ? startOf(decoder->audioIndex) : startOf(decoder->videoIndex));
        qint64 audioSamplesOut = -1;
        nanoseconds loopOffset{0};  // added to media times after each restart (looping)
        nanoseconds videoEnd{0};    // end of the last video frame delivered, media time
        auto packet = allocPacket();
        auto frame = allocFrame();
        if (!packet || !frame) {
            sink.deliverEvent({SourceEventType::Failed, m_clock.monotonicNow(), outOfMemory(QStringLiteral("decoder frames")).detail});
            return;
        }

        const auto pace = [&](nanoseconds when) {
            if (m_pace == Pace::RealTime) {
                const auto wait = when - m_clock.monotonicNow();
                if (wait > nanoseconds::zero())
                    std::this_thread::sleep_for(wait);
            } else {
                sink.awaitCapacity(stop);
            }
        };
        const auto timeOf = [&](const AVFrame *f, int index) {
            const auto pts = f->best_effort_timestamp == AV_NOPTS_VALUE ? 0 : f->best_effort_timestamp;
            const auto micros = av_rescale_q(pts, input->streams[index]->time_base, {1, 1'000'000}) - firstMicros;
            return origin + loopOffset + microseconds(std::max<qint64>(0, micros));
        };
        const auto emitVideo = [&](const AVFrame *f) {
            const int width = f->width & ~1;
            const int height = f->height & ~1;
            if (width <= 0 || height <= 0)
                return;
            if (decoder->scaledFor[0] != f->width || decoder->scaledFor[1] != f->height || decoder->scaledFor[2] != f->format) {
                decoder->scaler.reset(sws_getContext(f->width, f->height, AVPixelFormat(f->format), width, height,
                                                     AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr));
                decoder->scaledFor[0] = f->width;
                decoder->scaledFor[1] = f->height;
                decoder->scaledFor[2] = f->format;
            }
            if (!decoder->scaler)
                return;
            VideoFrame out;
            out.timestamp = timeOf(f, decoder->videoIndex);
            const auto frameDuration = f->pkt_duration > 0
                                           ? nanoseconds(av_rescale_q(f->pkt_duration, input->streams[decoder->videoIndex]->time_base, {1, 1'000'000'000}))
                                           : nanoseconds(40'000'000);
            videoEnd = std::max(videoEnd, out.timestamp - origin + frameDuration);
            out.format = PixelFormat::I420;
            out.width = width;
            out.height = height;
            out.data.resize(frameBytes(PixelFormat::I420, width, height));
            auto *y = reinterpret_cast<uint8_t *>(out.data.data());
            uint8_t *planes[4] = {y, y + width * height, y + width * height + (width / 2) * (height / 2), nullptr};
            int strides[4] = {width, width / 2, width / 2, 0};
            pace(out.timestamp);
            sws_scale(decoder->scaler.get(), f->data, f->linesize, 0, height, planes, strides);
            sink.deliverVideo(std::move(out));
        };
        const auto emitAudio = [&](const AVFrame *f) {
            const auto capacity = swr_get_out_samples(decoder->resampler.get(), f->nb_samples);
            AudioChunk chunk;
            chunk.sampleRate = kOutputRate;
            chunk.channels = 1;
            chunk.samples.resize(std::max(0, capacity) * 2);
            auto *out = reinterpret_cast<uint8_t *>(chunk.samples.data());
            const int converted = swr_convert(decoder->resampler.get(), &out, capacity,
                                              const_cast<const uint8_t **>(f->extended_data), f->nb_samples);
            if (converted <= 0)
                return;
            chunk.samples.resize(converted * 2);
            const auto at = timeOf(f, decoder->audioIndex);
            if (audioSamplesOut < 0)
                audioSamplesOut = duration_cast<microseconds>(at - origin).count() * kOutputRate / 1'000'000;
            // Continuous audio: the chunk's time follows from the samples delivered so far.
            chunk.timestamp = origin + nanoseconds(audioSamplesOut * 1'000'000'000LL / kOutputRate);
            audioSamplesOut += converted;
            sink.deliverAudio(std::move(chunk));
        };
        const auto drain = [&](AVCodecContext *codec, int index) {
            while (avcodec_receive_frame(codec, frame.get()) == 0) {
                if (index == decoder->videoIndex)
                    emitVideo(frame.get());
                else
                    emitAudio(frame.get());
                av_frame_unref(frame.get());
            }
        };

        while (!stop.stop_requested()) {
            const int rc = av_read_frame(input, packet.get());
            if (rc < 0 && m_loop && videoEnd > nanoseconds::zero()) {
                // Loop: finish this pass, then start again right after its last frame.
                avcodec_send_packet(decoder->video.get(), nullptr);
                drain(decoder->video.get(), decoder->videoIndex);
                avcodec_flush_buffers(decoder->video.get());
                if (decoder->audio)
                    avcodec_flush_buffers(decoder->audio.get());
                if (av_seek_frame(input, -1, 0, AVSEEK_FLAG_BACKWARD) < 0)
                    break;
                loopOffset = videoEnd;
                continue;
            }
            if (rc < 0)
                break;
            AVCodecContext *codec = packet->stream_index == decoder->videoIndex ? decoder->video.get()
                                    : packet->stream_index == decoder->audioIndex ? decoder->audio.get()
                                                                                  : nullptr;
            if (codec && avcodec_send_packet(codec, packet.get()) >= 0)
                drain(codec, packet->stream_index);
            av_packet_unref(packet.get());
        }
        if (stop.stop_requested())
            return;
        avcodec_send_packet(decoder->video.get(), nullptr);
        drain(decoder->video.get(), decoder->videoIndex);
        if (decoder->audio) {
            avcodec_send_packet(decoder->audio.get(), nullptr);
            drain(decoder->audio.get(), decoder->audioIndex);
        }
        sink.deliverEvent({SourceEventType::EndOfInput, m_clock.monotonicNow(), QStringLiteral("end of file")});
    });
    return {};
}

} // namespace dualrec::capture
