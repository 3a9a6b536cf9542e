#pragma once

#include "core/seal/devicekeys.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <chrono>
#include <stop_token>

namespace dualrec::media {

/// A chapter of the recording: one workflow step, on the recording's timeline.
struct ChapterMark final {
    QString id;    ///< the step id
    QString title; ///< the step's title as shown to the agent
    std::chrono::milliseconds start{0};
    std::chrono::milliseconds end{0};
};

struct FinalizedRecording final {
    QString path;
    qint64 bytes = 0;
    std::chrono::milliseconds duration{0};
    qint64 videoPackets = 0;
    qint64 audioPackets = 0;
};

/// Turns the fragmented recording into the final MP4 in-process (libavformat, stream copy, no
/// re-encoding): seekable, moov in front (faststart), the step chapters embedded. The result is
/// verified by reading it back (same packet counts); only then is `fragmentedPath` removed. On
/// any failure the fragmented file stays as it is (it plays) and a partial output is deleted.
/// A stop requested through `stop` ends the copy early the same way (ErrorCode::Cancelled).
///
/// With `keys`, the fragmented file may be encrypted (read through EncryptedInput) and the final
/// file is written encrypted: the muxer's output goes into memory up to the first packet and
/// after the last (the MP4 header and the moov), the media data into an encrypted temporary
/// file; faststart is then done here (the moov placed in front, its chunk offsets shifted) and
/// the final file written through an EncryptedWriter in one pass. No plaintext reaches the disk.
[[nodiscard]] Result<FinalizedRecording> finalizeRecording(const QString &fragmentedPath, const QString &finalPath,
                                                           const QList<ChapterMark> &chapters, std::stop_token stop = {},
                                                           const seal::DeviceKeys *keys = nullptr);

/// Packets per stream type and duration of a media file, read with libavformat.
struct MediaCount final {
    qint64 videoPackets = 0;
    qint64 audioPackets = 0;
    std::chrono::milliseconds duration{0};
};
/// An encrypted file is read with `keys`.
[[nodiscard]] Result<MediaCount> countPackets(const QString &path, const seal::DeviceKeys *keys = nullptr);

/// The chapters embedded in a media file, in order (titles only: the MP4 chapter track has no
/// step ids; the sidecar has them).
[[nodiscard]] Result<QList<ChapterMark>> readChapters(const QString &path, const seal::DeviceKeys *keys = nullptr);

} // namespace dualrec::media
