#pragma once

// Internal to core/media: the Recorder's choice of H.264 encoder.

#include "core/ffmpeg/avhandles.h"
#include "core/media/recordersettings.h"

namespace dualrec::media {

/// An opened H.264 encoder and the FFmpeg name of the one that opened ("libx264", "h264_nvenc", ...).
struct OpenedVideoEncoder final {
    CodecContextPtr context;
    QString name;
};

/// Opens the first H.264 encoder that works: the platform's hardware encoders first when
/// `settings.hardware` allows them, then the software fallback (libx264, or libopenh264 in an
/// LGPL-only build). Configured for a fragmented MP4: 1 s GOP, no B-frames, and a global
/// header when `container` asks for one. Fails with every candidate's error when none opens.
[[nodiscard]] Result<OpenedVideoEncoder> openVideoEncoder(const EncoderSettings &settings, const AVOutputFormat &container);

} // namespace dualrec::media
