#pragma once

#include "core/storage/sessionrecord.h"
#include "core/util/result.h"

namespace dualrec::storage {

/// What a recording's sidecar file (`*.dualrec.json`, written beside every recording) says
/// about its session: enough to put the session back into a rebuilt journal.
/// Format: docs/journal.md.
struct SidecarSession final {
    SessionRecord record;
    QList<MediaFile> media;
};

[[nodiscard]] Result<SidecarSession> readSidecar(const QString &path);
/// Every sidecar file under `folder`, recursively, sorted.
[[nodiscard]] QStringList findSidecars(const QString &folder);

} // namespace dualrec::storage
