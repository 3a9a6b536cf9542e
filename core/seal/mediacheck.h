#pragma once

#include "core/seal/devicekeys.h"
#include "core/storage/database.h"

#include <QList>
#include <QString>

namespace dualrec::seal {

/// One file that does not match the journal.
struct MediaMismatch final {
    qint64 row = 0;    ///< media_files.id (or 0 for a package)
    QString sessionId;
    QString role;      ///< "recording", "sidecar", "snapshot", ..., or "package"
    QString path;
    QString problem;   ///< stable English: what differs (both digests, or that the file is missing)
};

struct MediaCheck final {
    int filesChecked = 0;    ///< media files of unsealed sessions hashed
    int packagesChecked = 0; ///< sealed packages hashed
    QList<MediaMismatch> mismatches;
};

/// Re-hashes every media file of the sessions not sealed yet against `media_files.sha256`, and
/// every sealed package still on disk against `seals.package_sha256`. The journal keeps a
/// file's digest as stored (for a file encrypted at rest: of its encrypted bytes); a recording
/// whose journal digest is of its plaintext is decrypted with `keys` and hashed (as sealing
/// accepts either, packagewriter.cpp). A missing file is a mismatch, except a fragmented recording
/// replaced by its finalized file.
/// Thread contract: any thread that may use `database`; reads only.
[[nodiscard]] Result<MediaCheck> checkMediaFiles(storage::Database &database, const DeviceKeys *keys);

} // namespace dualrec::seal
