#pragma once

#include "core/seal/devicekeys.h"
#include "core/storage/storedenums.h"
#include "core/util/clock.h"
#include "core/util/result.h"
#include "core/workflow/sessionid.h"

#include <QList>

#include <functional>
#include <QString>

namespace dualrec::storage {
class Journal;
}

namespace dualrec::seal {

/// One file of an export: a plain (decrypted) copy of a session's evidence file.
struct ExportedFile final {
    storage::MediaRole role = storage::MediaRole::Invalid;
    QString path;        ///< the plain copy
    qint64 sizeBytes = 0;
    QString sha256;      ///< of the plain copy, lower-case hex
};

struct EvidenceExport final {
    QString folder;             ///< <out>/<session id>, made by the export
    QList<ExportedFile> files;
};

/// Writes plain copies of a session's evidence files for legal or complaint handling (issue 12:
/// "export is a permission"): the only place that ever writes plaintext evidence. The caller
/// has checked who asks (a supervisor or IT, with their password); `actor` is audited.
///
/// - The copies go into a new folder `<outputFolder>/<session id>` (owner-only); an existing
///   one is refused, nothing is ever overwritten.
/// - Each file is checked against the journal's digest first (of the stored bytes, or of the
///   plain content for files from before encryption at rest); a file that does not match, a
///   missing file or a chunk that fails authentication stops the export, which then removes
///   what it wrote and names the file.
/// - `export.json` lists the copies with their SHA-256, the session, who exported and when.
/// - Success is written to the audit log (action "export", subject the session, detail the
///   folder and the number of files); so is a refusal after the checks began.
///
/// `progress`, when given, is called on the calling thread with the share copied so far
/// (0 … 100, rising; files counted equally, each by its bytes).
///
/// Thread contract: any one thread; uses `journal` from it. Reads the evidence files, writes
/// only inside the new folder.
using ExportProgress = std::function<void(int percent)>;
[[nodiscard]] Result<EvidenceExport> exportSessionEvidence(storage::Journal &journal, const workflow::SessionId &id,
                                                           const DeviceKeys &keys, const QString &outputFolder,
                                                           const QString &actor, const Clock &clock,
                                                           const ExportProgress &progress = {});

} // namespace dualrec::seal
