#pragma once

#include "core/capture/mediaframe.h"
#include "core/util/result.h"

#include <stop_token>

namespace dualrec::capture {

/// Where a source delivers what it captures (the recorder implements it).
///
/// Thread contract: the deliver methods are called from the source's own thread (a camera
/// callback, a decoder thread) and must never block: a sink queues and drops (counting the
/// drops) when it cannot keep up. Only sources that are not live (a file or synthetic source
/// running as fast as possible) call awaitCapacity(), which may block until the sink has room.
class CaptureSink
{
public:
    virtual ~CaptureSink() = default;
    virtual void deliverVideo(VideoFrame frame) = 0;
    virtual void deliverAudio(AudioChunk chunk) = 0;
    virtual void deliverEvent(SourceEvent event) = 0;
    /// Blocks until the sink can take more or `stop` is requested. Non-live sources only.
    virtual void awaitCapacity(const std::stop_token &stop) { Q_UNUSED(stop) }
};

/// A camera + microphone, a file played as if live, or the synthetic test source. Timestamps
/// come from the Clock the source was constructed with, which the recorder shares.
///
/// Thread contract: start() and stop() are called from one thread (the owner's); delivery
/// happens on the source's own thread or the owner's event loop (camera). stop() returns only
/// when no delivery is in progress or will follow. Destroying a started source stops it.
class CaptureSource
{
public:
    virtual ~CaptureSource() = default;
    /// Starts delivering to `sink`, which must outlive the capture (until stop()).
    virtual Result<void> start(CaptureSink &sink) = 0;
    virtual void stop() = 0;
    /// What is recording, for logs and the sidecar ("synthetic 1280x720@25", a file path, a camera).
    [[nodiscard]] virtual QString description() const = 0;
};

} // namespace dualrec::capture
