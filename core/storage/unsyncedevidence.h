#pragma once

#include "core/storage/evidencestate.h"
#include "core/util/result.h"

#include <QMap>
#include <QString>

namespace dualrec::storage {

/// True while this computer holds a session's evidence and the insurer has not acknowledged it
/// (recording .. uploading): removing the data folder, or the computer, would lose it.
[[nodiscard]] bool evidenceAwaitsInsurer(EvidenceState state);

/// The sessions of one journal whose evidence the insurer has not acknowledged yet.
struct UnsyncedEvidence final {
    QMap<EvidenceState, int> sessionsByState; ///< only states for which evidenceAwaitsInsurer() holds
    int unknownStates = 0; ///< sessions in a state this version does not know (a newer DualRec wrote it): counted as waiting

    /// Recorded but not sealed yet (recording, recorded, stored) plus unknown states.
    [[nodiscard]] int notSealed() const;
    /// Sealed, waiting for or in the middle of their upload.
    [[nodiscard]] int sealedNotAcknowledged() const;
    [[nodiscard]] int total() const { return notSealed() + sealedNotAcknowledged(); }
};

/// Reads the evidence lifecycle (`sessions.evidence_state`) of the journal at `databasePath`
/// read-only: no device key, no migration, no write (an uninstaller runs it, possibly as another
/// user: SQLite gives any WAL index it has to create the database file's owner). NotFound when
/// the file does not exist; IoError / FormatError naming the file when it cannot be read or has
/// no evidence lifecycle (a journal older than migration 0006).
///
/// Thread contract: reentrant (its own short-lived connection per call).
[[nodiscard]] Result<UnsyncedEvidence> readUnsyncedEvidence(const QString &databasePath);

} // namespace dualrec::storage
