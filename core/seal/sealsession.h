#pragma once

// Sealing a finished session into its package (docs/package-format.md). Links the journal, so
// it is its own target (DualRec::sealsession) above core/storage; the format itself is in
// package.h (DualRec::seal).
#include "core/seal/keystore.h"
#include "core/seal/package.h"
#include "core/seal/timestampclient.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/workflow/sessionid.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace dualrec::seal {

struct SealRequest final {
    /// The insurer's (and e.g. a regional archive's) certificates, PEM: from the settings or IT
    /// policy (`seal/insurerCertificates`) or `dualrec seal --insurer-cert`. None: the session
    /// is not sealed (ErrorCode::InvalidState, "no insurer certificate").
    QList<QByteArray> insurerCertificatesPem;
    /// The policy term in years when the caller knows it (retention class: ≤ 1 year keeps 5
    /// years, longer 10 years after the contract ends); unknown: the longer class.
    std::optional<int> policyTermYears;
    std::function<void(qint64 done, qint64 total)> progress;
    std::function<bool()> keepGoing;
    /// The timestamp authority (IT policy `seal/tsaUrl`, `seal/tsaCaCertificates`): right after
    /// sealing — and for a session sealed earlier without a timestamp — its token is requested
    /// (timestampSession()). Unset: none is requested. A TSA that fails never fails the sealing.
    TimestampAuthority timestampAuthority;
    /// How asking for the timestamp went (called on the calling thread; not called when no TSA
    /// is set or the package has its timestamp already).
    std::function<void(const Result<TimestampInfo> &)> timestamped;
};

/// Where a session's package lives: `<data>/packages/<SESSION_ID>.dualrec` (what sync uploads;
/// a later RFC 3161 token goes beside it as `<same>.tsr`).
[[nodiscard]] QString packagePath(const QString &dataDirectory, const workflow::SessionId &id);

/// Seals an ended session: its recording, sidecar, snapshots and other journaled files, the
/// customer's name and ID number (an encrypted member, never in the manifest), and the manifest
/// built from the journal (steps, events with wall and monotonic times, presence, QC, continuity,
/// encoder settings, device, retention), signed with this data folder's signing identity (made
/// on first use in `keyStore`) and encrypted to the insurer's certificates. Returns the package
/// path. Already sealed: returns the existing package's path and changes nothing. A package
/// left by a crash between writing and journaling is checked and journaled, or made anew when it
/// does not verify. Files in the at-rest format are read through `deviceKeys`, the data folder's
/// device keys as the composition root opened them (app/devicekeysetup.h; never opened here);
/// null: a folder without them, where a file in the at-rest format is an error naming it.
///
/// Thread contract: blocking (reads every evidence file once); call it from a worker thread,
/// one call per session at a time: a second one for the same session, from any process on this
/// data folder, fails at once with InvalidState and changes nothing. The journal is used from the calling thread (its
/// repositories are thread-safe); `keyStore` is used only from the calling thread (the OS key
/// store needs a QCoreApplication); `deviceKeys` is immutable and may be shared with other
/// threads (DeviceKeys is thread-safe once open); `progress` and `keepGoing` are called on the
/// calling thread.
[[nodiscard]] Result<QString> sealSession(storage::Journal &journal, const QString &dataDirectory, const workflow::SessionId &id,
                                          KeyStore &keyStore, const DeviceKeys *deviceKeys, const Clock &clock,
                                          const SealRequest &request);

/// Gives a sealed session's package its RFC 3161 timestamp: the token over the manifest's
/// SHA-256 (core/seal/timestamp.h) is requested from `authority`, checked, written atomically as
/// `<package>.tsr` beside the package (which never changes) and recorded in the journal (the
/// seals row's timestamp_token). A package that has its token already: its token's facts, nothing
/// asked (a `.tsr` the journal has but the disk lost is written again; one a crash left on disk
/// before the journal had it is checked and recorded, or replaced when it does not hold).
/// InvalidState when the session is not sealed or is being sealed or time-stamped by another
/// process; NotFound when its package is gone; the TSA's errors (NetworkError: try later).
/// Thread contract: blocking (one HTTP request); a thread that may run a QEventLoop.
[[nodiscard]] Result<TimestampInfo> timestampSession(storage::Journal &journal, const QString &dataDirectory, const workflow::SessionId &id,
                                                     const TimestampAuthority &authority);

/// The key store of a data folder: the OS key store where it answers, else owner-only files in
/// `<data>/keys`. Thread contract: as makeKeyStore().
[[nodiscard]] std::unique_ptr<KeyStore> dataFolderKeyStore(const QString &dataDirectory);

} // namespace dualrec::seal
