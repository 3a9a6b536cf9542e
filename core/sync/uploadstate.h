#pragma once

#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace dualrec::sync {

/// Where one sealed package is on its way to the insurer (stored as a name in uploads.state).
/// The coarse evidence lifecycle (sealed → uploading → acknowledged → purged) is the session's;
/// this is the upload's own detail. SyncScheduler announces the transitions the lifecycle
/// follows (uploadStarted, acknowledged, purged).
enum class UploadState : quint8 {
    Invalid = 0,
    Queued,       ///< waiting for its turn (or for next_attempt_utc after a failure)
    Uploading,    ///< an upload URL exists on the server; bytes are (or were) going out
    Blocked,      ///< stopped until a person acts: credentials refused, server not trusted,
                  ///< the package changed after it was queued, the server refuses its size
    Acknowledged, ///< the server holds the full length with the package's SHA-256
    Purged,       ///< acknowledged and then deleted locally by the retention rule
};

[[nodiscard]] const char *uploadStateName(UploadState state);
[[nodiscard]] std::optional<UploadState> uploadStateFromName(QStringView name);

} // namespace dualrec::sync
