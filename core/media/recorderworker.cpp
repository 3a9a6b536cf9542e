#include "core/media/recorderworker.h"

#include "core/media/filesync.h"
#include "core/util/freespace.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/imgutils.h>
}

#include <algorithm>
#include <vector>

namespace dualrec::media {

using namespace std::chrono;

namespace {

constexpr AVRational kMicroseconds{1, 1'000'000};

} // namespace

Result<void> RecorderWorker::writePackets(AVCodecContext *codec, AVStream *stream)
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
        if (p.output->pb->error < 0) {
            if (p.encrypted && p.encrypted->error())
                return std::unexpected(*p.encrypted->error());
            return std::unexpected(avError(p.output->pb->error, QStringLiteral("write %1").arg(s.outputPath), ErrorCode::IoError));
        }
        // What the muxer wrote (a whole fragment at a keyframe) becomes one sealed chunk.
        if (p.encrypted) {
            if (auto sealed = p.encrypted->seal(); !sealed)
                return sealed;
        }
    }
}


Result<void> RecorderWorker::encodeVideo(AVFrame *frame)
{
    if (int rc = avcodec_send_frame(p.video.get(), frame); rc < 0 && rc != AVERROR_EOF)
        return std::unexpected(avError(rc, QStringLiteral("encode video")));
    return writePackets(p.video.get(), p.videoStream);
}

Result<void> RecorderWorker::video(const capture::VideoFrame &frame, nanoseconds origin)
{
    if (!frame.isValid())
        return {};
    const auto micros = duration_cast<microseconds>(frame.timestamp - origin).count();
    if (micros < 0)
        return {};
    if (!p.filter.accepts(frame)) {
        if (auto built = p.filter.rebuild(frame, s, description, p.video->pix_fmt); !built)
            return built;
    }
    AVFrame *in = p.frame.get();
    av_frame_unref(in);
    in->width = frame.width;
    in->height = frame.height;
    in->format = avPixelFormat(frame.format);
    in->pts = micros;
    av_image_fill_arrays(in->data, in->linesize, reinterpret_cast<const uint8_t *>(frame.data.constData()),
                         AVPixelFormat(in->format), frame.width, frame.height, 1);
    // Not reference counted: buffersrc copies the picture.
    if (int rc = av_buffersrc_write_frame(p.filter.source, in); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("filter video")));
    av_frame_unref(in);
    while (av_buffersink_get_frame(p.filter.sink, p.filtered.get()) >= 0) {
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

Result<void> RecorderWorker::encodeAudioFrames(bool flush)
{
    const int frameSize = p.audio->frame_size;
    while (av_audio_fifo_size(p.fifo.get()) >= frameSize || (flush && av_audio_fifo_size(p.fifo.get()) > 0)) {
        const int count = std::min(frameSize, av_audio_fifo_size(p.fifo.get()));
        FramePtr frame = allocFrame();
        if (!frame)
            return std::unexpected(outOfMemory(QStringLiteral("audio frame")));
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

Result<void> RecorderWorker::addSilence(qint64 samples)
{
    std::vector<float> zeros(size_t(std::min<qint64>(samples, 48000)), 0.0f);
    while (samples > 0) {
        const int n = int(std::min<qint64>(samples, qint64(zeros.size())));
        void *planes[1] = {zeros.data()};
        if (av_audio_fifo_write(p.fifo.get(), planes, n) < n)
            return std::unexpected(outOfMemory(QStringLiteral("audio FIFO")));
        samples -= n;
        p.audioNext += n;
        if (auto encoded = encodeAudioFrames(false); !encoded)
            return encoded;
    }
    return {};
}

Result<void> RecorderWorker::audio(const capture::AudioChunk &chunk, nanoseconds origin)
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
        if (expected > 0) {
            if (auto filled = addSilence(expected); !filled)
                return filled;
        } else {
            skip = -expected;
        }
    } else if (expected > p.audioNext + tolerance) {
        const qint64 hole = expected - p.audioNext;
        const milliseconds start(p.audioNext * 1000 / rate);
        const milliseconds end(expected * 1000 / rate);
        if (!continuity.explained(start, end))
            continuity.add(GapReason::AudioMissing, start, end, hole, QStringLiteral("no audio from the source"));
        if (auto filled = addSilence(hole); !filled)
            return filled;
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
    if (av_audio_fifo_write(p.fifo.get(), planes, produced - start) < produced - start)
        return std::unexpected(outOfMemory(QStringLiteral("audio FIFO")));
    p.audioNext += produced - start;
    return encodeAudioFrames(false);
}

Result<void> RecorderWorker::watchStorage(const QString &directory)
{
    // Free space, once a second: stop cleanly while there is still room to finish the file.
    // (Every 256 KiB as well: a non-live source can fill the disk faster than once a second.)
    const auto now = steady_clock::now();
    const qint64 written = p.output->pb ? avio_tell(p.output->pb) : 0;
    if (now - p.lastSpaceCheck >= seconds(1) || written - p.bytesAtSpaceCheck >= 256 * 1024) {
        p.lastSpaceCheck = now;
        p.bytesAtSpaceCheck = written;
        // The system call on the folder itself: fast, and it works where Qt's mount table does not.
        const auto available = freeBytesFromSystem(directory);
        if (available && *available < s.minimumFreeBytes)
            return fail(ErrorCode::DiskFull, QStringLiteral("only %1 bytes free on %2; recording stopped")
                                                 .arg(*available).arg(directory));
        std::lock_guard lock(mutex);
        statistics.bytesWritten = written;
    }
    // Once a second, the fragments written so far go from the page cache to the disk: a
    // power cut then loses at most about the last second (kill -9 loses nothing written).
    if (now - p.lastSync >= seconds(1)) {
        p.lastSync = now;
        if (auto synced = syncFileToDisk(s.outputPath); !synced)
            return synced;
    }
    return {};
}

Result<void> RecorderWorker::finish()
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
    if (p.encrypted && p.output->pb) {
        avio_flush(p.output->pb);
        if (auto finished = p.encrypted->finish(); !finished && result)
            result = finished;
        p.output->pb = nullptr; // owned by p.encrypted
    } else if (p.output->pb) {
        avio_flush(p.output->pb);
        if (p.output->pb->error < 0 && result)
            result = std::unexpected(avError(p.output->pb->error, QStringLiteral("finish %1").arg(s.outputPath), ErrorCode::IoError));
        avio_closep(&p.output->pb);
    }
    return result;
}

} // namespace dualrec::media
