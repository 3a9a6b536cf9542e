#pragma once

#include "core/seal/devicekeys.h"
#include "core/storage/sessionrecord.h"
#include "core/util/result.h"

namespace dualrec::storage {

/// What a recording's sidecar file (`<session-id>.json` beside every recording, written by
/// core/media at the start and the end of a recording) says about its session: enough to put
/// the session back into a rebuilt journal. Format: docs/recording.md; fields read: docs/journal.md.
struct SidecarSession final {
    SessionRecord record;
    QList<MediaFile> media;
    /// The sidecar named an end state; false: it never said how the session ended (record.state
    /// is then Failed, for a rebuilt journal).
    bool ended = false;
};

inline constexpr auto kSidecarFormat = "dualrec-recording/1";

/// An encrypted sidecar is read with `keys` (seal::readEvidenceFile).
[[nodiscard]] Result<SidecarSession> readSidecar(const QString &path, const seal::DeviceKeys *keys = nullptr);
/// Every recording sidecar under `folder`, recursively, sorted (JSON files of kSidecarFormat,
/// encrypted or not; one that cannot be read is listed too, readSidecar() says why).
[[nodiscard]] QStringList findSidecars(const QString &folder, const seal::DeviceKeys *keys = nullptr);

} // namespace dualrec::storage
