#pragma once

#include "core/util/result.h"
#include "core/workflow/enumnames.h"

#include <QVariant>

#include <array>

namespace dualrec::storage {

/// The journal keeps enums as their stable names (readable with the sqlite3 tool); these are
/// the one place where a name becomes a value and back. The API of core/storage uses the enums
/// only; the strings stay in SQL.

/// What a session's file is (media_files.role).
enum class MediaRole : quint8 {
    Invalid = 0,
    Recording,           ///< the finalized recording (its digest is the content's)
    RecordingFragmented, ///< the fragmented recording while it grows, or the one a broken recording left
    Sidecar,             ///< the sidecar JSON beside the recording
    Snapshot,            ///< a close-up picture (JPEG)
};

inline constexpr std::array<workflow::EnumName<MediaRole>, 4> kMediaRoleNames{{
    {MediaRole::Recording, "recording"},
    {MediaRole::RecordingFragmented, "recording-fragmented"},
    {MediaRole::Sidecar, "sidecar"},
    {MediaRole::Snapshot, "snapshot"},
}};

/// The automatic QC verdict of a session (sessions.qc_verdict, qc_verdicts.verdict).
enum class StoredVerdict : quint8 {
    Invalid = 0,
    Pending,     ///< not judged yet
    Pass,
    NeedsReview,
    Fail,
};

inline constexpr std::array<workflow::EnumName<StoredVerdict>, 4> kStoredVerdictNames{{
    {StoredVerdict::Pending, "pending"},
    {StoredVerdict::Pass, "pass"},
    {StoredVerdict::NeedsReview, "needs_review"},
    {StoredVerdict::Fail, "fail"},
}};

[[nodiscard]] inline QString mediaRoleName(MediaRole role)
{
    return workflow::enumToName(kMediaRoleNames, role);
}
[[nodiscard]] inline QString storedVerdictName(StoredVerdict verdict)
{
    return workflow::enumToName(kStoredVerdictNames, verdict);
}

/// Where one sealed package is on its way to the insurer (uploads.state). The coarse evidence
/// lifecycle (sealed → uploading → acknowledged → purged) is the session's; this is the upload's
/// own detail (core/sync drives it: sync::UploadState is this type).
enum class UploadState : quint8 {
    Invalid = 0,
    Queued,       ///< waiting for its turn (or for next_attempt_utc after a failure)
    Uploading,    ///< an upload URL exists on the server; bytes are (or were) going out
    Blocked,      ///< stopped until a person acts: credentials refused, server not trusted,
                  ///< the package changed after it was queued, the server refuses its size
    Acknowledged, ///< the server holds the full length with the package's SHA-256
    Purged,       ///< acknowledged and then deleted locally by the retention rule
};

inline constexpr std::array<workflow::EnumName<UploadState>, 5> kUploadStateNames{{
    {UploadState::Queued, "queued"},
    {UploadState::Uploading, "uploading"},
    {UploadState::Blocked, "blocked"},
    {UploadState::Acknowledged, "acknowledged"},
    {UploadState::Purged, "purged"},
}};

/// The value stored as a name in `table`.`column`. A name this DualRec does not write (a damaged
/// or tampered journal, a newer DualRec's value) is DataCorrupt naming the table, the column and
/// the value, never mapped to something else.
template<typename Enum, std::size_t N>
[[nodiscard]] Result<Enum> enumFromSql(const std::array<workflow::EnumName<Enum>, N> &names, const QVariant &stored,
                                       const char *table, const char *column)
{
    const QString name = stored.toString();
    if (const auto value = workflow::enumFromName(names, name))
        return *value;
    return std::unexpected(Error{ErrorCode::DataCorrupt,
                                 QStringLiteral("the journal's %1.%2 holds \"%3\", which is none of %4")
                                     .arg(QLatin1String(table), QLatin1String(column), name,
                                          workflow::enumNames(names).join(QStringLiteral(", ")))});
}

} // namespace dualrec::storage
