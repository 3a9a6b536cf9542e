#pragma once

#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace dualrec {

/// What makeOwnerOnly() changed.
struct OwnerOnlyChange final {
    int folders = 0;         ///< folders that were open to others and are 0700 now
    int files = 0;           ///< files that were open to others and are 0600 now
    QString folderModeBefore; ///< the data folder's own mode before, octal ("0755"); empty when it was owner-only
    [[nodiscard]] bool changed() const { return folders > 0 || files > 0; }
};

/// Files the process creates from now on are readable by its user only (POSIX: umask 077, so
/// SQLite, FFmpeg and QSaveFile create 0600 files and 0700 folders). Windows: nothing; the
/// data folder under the user's profile inherits an ACL for the user, SYSTEM and
/// administrators only (docs/security.md). Call once at start, before any thread starts.
void restrictNewFilesToOwner();

/// Takes the group and other permission bits off `folder` and everything below it (symbolic
/// links are not followed; nothing outside the folder is touched). POSIX only; on Windows it
/// changes nothing. An error names the first path that could not be changed. Entries of
/// `folder` named in `leaveAlone` (e.g. "keys": a key file others could read is refused by its
/// store, never quietly made private) are not touched.
/// Thread contract: any thread; not concurrently on the same folder.
[[nodiscard]] Result<OwnerOnlyChange> makeOwnerOnly(const QString &folder, const QStringList &leaveAlone = {});

} // namespace dualrec
