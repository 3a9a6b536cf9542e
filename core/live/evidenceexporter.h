#pragma once

#include "core/seal/evidenceexport.h"
#include "core/storage/userrepository.h"
#include "core/util/clock.h"

#include <QObject>

#include <memory>
#include <optional>
#include <thread>

namespace dualrec::storage {
class Journal;
}

namespace dualrec::live {

/// The window's export of a session's evidence (issue 12, "export is a permission"): the same
/// export as `dualrec export` (seal::exportSessionEvidence: plain copies in a new owner-only
/// folder `<folder>/<session id>`, checked against the journal's digests, export.json, audited
/// as action "export"), run in a worker thread with its progress. The person asking is already
/// signed in, but taking decrypted evidence out asks for their password again, as the command
/// does: it is checked in the worker (PBKDF2; a wrong one counts towards the account's lockout),
/// and a wrong password, a locked or disabled account, or one that is not (or no longer) a
/// supervisor's or IT's is refused with AccessDenied and the refusal audited.
///
/// Thread contract: a QObject of the thread that creates it (the GUI thread), which needs an
/// event loop; start() and every signal on that thread. One export at a time. The worker uses
/// the journal (thread-safe: its own SQLite connection) and reads the device keys (immutable).
/// Destroying the exporter waits for an export in flight. `journal` and `clock` must outlive it.
class EvidenceExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvidenceExporter)

public:
    EvidenceExporter(storage::Journal &journal, std::shared_ptr<const seal::DeviceKeys> keys, const Clock &clock,
                     QObject *parent = nullptr);
    ~EvidenceExporter() override;

    /// Starts exporting session `id` into `outputFolder` for `actor`, whose `password` is checked
    /// first; false (nothing started) while another export runs.
    bool start(const workflow::SessionId &id, const QString &outputFolder, const QString &actor, const QString &password);
    [[nodiscard]] bool running() const { return m_running; }

Q_SIGNALS:
    /// 0 … 100, rising.
    void progress(const dualrec::workflow::SessionId &id, int percent);
    /// Done: `error` empty and `exported` says what was written where; or `error` says why not.
    /// `signIn` is what the password check found (Accepted also when the export failed later).
    /// (No Result: Qt's meta-types cannot take std::expected.)
    void finished(const dualrec::workflow::SessionId &id, const dualrec::seal::EvidenceExport &exported,
                  const std::optional<dualrec::Error> &error, dualrec::storage::LoginResult signIn);

private:
    storage::Journal &m_journal;
    std::shared_ptr<const seal::DeviceKeys> m_keys;
    const Clock &m_clock;
    bool m_running = false;
    std::jthread m_worker;
};

} // namespace dualrec::live
