#pragma once

#include "core/media/continuitylog.h"
#include "core/media/finalizer.h"
#include "core/media/recorder.h"
#include "core/media/recordersettings.h"

namespace dualrec::media {

/// Everything the sidecar JSON next to a recording holds: who and what was recorded, how it was
/// encoded, what the watermark drew, the chapter marks (same as embedded in the MP4) and the
/// continuity log. Written at the start (so a crashed recording has one too) and at the end.
struct SidecarData final {
    QString sessionId;
    QString templateId;
    QString templateVersion;
    QList<std::pair<QString, QString>> products; ///< code, name
    QString applicationNumber;
    QString agentId;
    QString source;
    QString state = QStringLiteral("recording"); ///< recording, finished, aborted, refused, failed
    QString stateDetail;
    QString fragmentedFile;
    QString finalFile;
    EncoderSettings encoder;
    WatermarkSettings watermark;
    RecorderDescription description;
    QList<ChapterMark> chapters;
    QList<Gap> gaps;
    RecorderStatistics statistics;
};

/// The watermark's lines as drawn on a frame captured at `when` (the sidecar's proof of what
/// was burned in; the picture shows the same text).
[[nodiscard]] QStringList watermarkLines(const WatermarkSettings &watermark, const QDateTime &when);

/// Writes the sidecar atomically, encrypted with `keys` (seal::writeEvidenceFile; null: plaintext,
/// media-layer tests only).
Result<void> writeSidecar(const QString &path, const SidecarData &data, const seal::DeviceKeys *keys = nullptr);

/// The chapter marks a sidecar holds (the recording keeps them current at every step, so a
/// crashed recording's sidecar names the steps recorded until then).
[[nodiscard]] Result<QList<ChapterMark>> readSidecarChapters(const QString &path, const seal::DeviceKeys *keys = nullptr);

/// Rewrites the sidecar of a recording that was interrupted and finalized afterwards: its
/// state and detail, the final file's name (empty: not finalized) and the chapters as
/// embedded. Everything else in it stays as the recording wrote it. Atomic (QSaveFile).
Result<void> updateSidecarEnd(const QString &path, const QString &state, const QString &detail,
                              const QString &finalFile, const QList<ChapterMark> &chapters,
                              const seal::DeviceKeys *keys = nullptr);

} // namespace dualrec::media
