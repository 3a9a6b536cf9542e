#pragma once

#include "core/seal/devicekeys.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"

#include <QString>
#include <QTextStream>

#include <expected>
#include <functional>
#include <memory>

namespace dualrec::app {

/// What a command that takes evidence out of a data folder (`export`, `qc --report`) says in its
/// own words around the shared sign-in: translated by the command, in its context.
struct SupervisorCommandWords final {
    QString nothingDone;   ///< the clause "nothing was exported" / "no report was written"
    QString roleRefused;   ///< the whole sentence for an account that may not; %1 is the login
    QString auditRefusal;  ///< the audit detail's start for a refusal, "refused: " (machine text)
};

/// The data folder opened for a supervisor or IT who signed in.
struct SupervisorAccess final {
    std::shared_ptr<const seal::DeviceKeys> keys; ///< null: the folder has no device key
    std::unique_ptr<storage::Journal> journal;
    storage::User user;
};

/// Whether `dataDirectory` holds a journal; says so with `say` when not (a mistyped --data-dir
/// must not quietly create a data folder).
[[nodiscard]] bool hasJournal(const QString &dataDirectory, const std::function<void(const QString &)> &say);

/// The part `export` and `qc --report` share: reads the password of `login` from the first line
/// of `in`, opens the folder's existing device keys and its journal, stops on a journal that was
/// damaged (and restored), and signs `login` in; only supervisors and IT pass. Every refusal of
/// the account is audited (action export, subject `sessionId`). On failure it has said why with
/// `say` (and the journal's start-up report on `err`) and returns the exit code: 1 refused, 2
/// wrong input, Application::kExitJournalDamaged. Thread contract: the thread that runs the
/// command; takes PBKDF2 time.
[[nodiscard]] std::expected<SupervisorAccess, int> signInSupervisor(const QString &dataDirectory, const QString &login,
                                                                     const QString &sessionId, QTextStream &in, QTextStream &err,
                                                                     const std::function<void(const QString &)> &say,
                                                                     const SupervisorCommandWords &words, const Clock &clock);

} // namespace dualrec::app
