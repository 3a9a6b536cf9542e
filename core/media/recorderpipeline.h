#pragma once

// Internal to core/media: the Recorder's FFmpeg state, shared by Recorder::open() (which sets
// it up) and the RecorderWorker (which drives it on the encoder thread).

#include "core/ffmpeg/avhandles.h"
#include "core/media/evidenceio.h"
#include "core/media/recorder.h"
#include "core/media/videofilter.h"

#include <chrono>

namespace dualrec::media {

/// All FFmpeg state; touched only by the encoder thread after open().
struct Recorder::Pipeline {
    /// The encrypted file under `output` (null: plaintext, opened by FFmpeg itself). Declared
    /// first: the muxer goes before its AVIOContext.
    std::unique_ptr<EncryptedOutput> encrypted;
    OutputContextPtr output;
    AVStream *videoStream = nullptr;
    AVStream *audioStream = nullptr;
    CodecContextPtr video;
    CodecContextPtr audio;
    // Video filter graph (scale/pad to the output size, watermark, pixel format), rebuilt when
    // the input's size or format changes.
    VideoFilter filter;
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
    std::chrono::steady_clock::time_point lastSpaceCheck{};
    std::chrono::steady_clock::time_point lastSync{};
    qint64 bytesAtSpaceCheck = 0;
    bool trailerWritten = false;
};

} // namespace dualrec::media
