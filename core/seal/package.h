#pragma once

// The sealed evidence package (docs/package-format.md): one POSIX tar per session holding each
// evidence file encrypted to the insurer's certificates (CMS AuthEnvelopedData, AES-256-GCM,
// the ciphertext detached from its CMS header), the manifest (JSON, docs/manifest.schema.json)
// and the manifest's detached CMS signature by this device's key (ECDSA P-256, SHA-256).
#include "core/seal/devicekeys.h"
#include "core/seal/signingidentity.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace dualrec::seal {

inline constexpr auto kPackageFormat = "dualrec-package/1";
inline constexpr auto kPackageSuffix = ".dualrec";
/// The biggest file a package takes (the tar header's 11 octal digits).
inline constexpr qint64 kMaxMemberSize = 077777777777LL;

/// One evidence file to seal. Read from `path` (plain, or in the encryption-at-rest format,
/// recognised by its magic and opened with the device keys), or from `data` when `path` is empty.
struct PackageInput final {
    QString role; ///< "recording", "sidecar", "snapshot", "customer", ...
    QString name; ///< the file's own name, no folders: [A-Za-z0-9._-], not starting with '.'
    QString path;
    QByteArray data;
    /// The plaintext SHA-256 the journal recorded (lower-case hex); empty: not checked.
    QString expectedSha256;
};

/// What a package writer needs besides the inputs.
struct PackageWriteOptions final {
    /// PEM certificates of the recipients (insurer, regional archive, ...): EC (P-256, P-384) or RSA.
    QList<QByteArray> recipientCertificatesPem;
    /// Opens the device keys when an input is in the at-rest format (called at most once).
    std::function<Result<const DeviceKeys *>()> deviceKeys;
    /// Bytes of plaintext read so far of the total; called between blocks.
    std::function<void(qint64 done, qint64 total)> progress;
    /// Asked between blocks; false stops the writer (ErrorCode::Cancelled, nothing left behind).
    std::function<bool()> keepGoing;
    /// The tar members' modification time (seconds since 1970, UTC): the manifest's sealed_at.
    qint64 sealedAtEpochSeconds = 0;
};

struct WrittenPackage final {
    QString path;
    qint64 size = 0;
    QString sha256;          ///< of the whole package file
    QString manifestSha256;  ///< of manifest.json as stored
    QByteArray signature;    ///< manifest.json.p7s (DER)
    QString certificateSha256;
    QJsonArray recipients;   ///< as in the manifest
};

/// Writes the package to `path` atomically: into `path + ".part"`, synced, then renamed, so a
/// crash never leaves a file under the real name that is not a whole package. `manifest` is the
/// session's part of the manifest; the writer adds "format", "files" and "device.certificate_sha256".
/// One streaming pass per file (hash the plaintext, encrypt, hash the ciphertext): memory stays
/// bounded whatever the file size.
/// Thread contract: a blocking call for a worker thread; `identity` and `options` only read.
[[nodiscard]] Result<WrittenPackage> writePackage(const QString &path, const QList<PackageInput> &inputs, QJsonObject manifest,
                                                  const SigningIdentity &identity, const PackageWriteOptions &options);

/// One line of `dualrec verify`: which part, whether it holds, and why not.
struct VerifyCheck final {
    QString part;
    bool ok = false;
    QString detail;
};

struct VerifyOptions final {
    /// The insurer's private key (PEM): also decrypt in memory and check every plaintext.
    QByteArray insurerKeyPem;
    /// Trusted certificates (PEM): the signer must chain to one of them (enrolment).
    QByteArray caPem;
    /// The TSA's CA certificates (PEM): a `PACKAGE.tsr` must be signed by a TSA they issued.
    QByteArray tsaCaPem{};
    /// Check `PACKAGE.tsr` (when there is none, the check says so and holds).
    bool checkTimestamp = true;
};

struct VerifyReport final {
    QList<VerifyCheck> checks;
    QJsonObject manifest; ///< when it could be read
    QString manifestSha256; ///< of manifest.json as stored, when it could be read
    QByteArray signature;   ///< manifest.json.p7s as stored
    [[nodiscard]] bool ok() const;
    /// The first failed check's part and detail ("" when all hold).
    [[nodiscard]] QString firstFailure() const;
};

/// Checks a package completely (docs/package-format.md, "Verifying"): the tar layout byte for
/// byte, the signature and its certificate, the manifest, each encrypted member's digests and,
/// with the insurer's key, each decrypted file's size and digest (in memory, nothing written).
/// Never throws or crashes on any input. Thread contract: thread-safe (no shared state).
[[nodiscard]] VerifyReport verifyPackage(const QString &path, const VerifyOptions &options);

/// The timestamp check of `verifyPackage()` alone: `<packagePath>.tsr` against the manifest's
/// SHA-256 (`manifestSha256`, 32 raw bytes); none there holds, and says "none yet".
/// Thread contract: reentrant.
[[nodiscard]] VerifyCheck checkPackageTimestamp(const QString &packagePath, const QByteArray &manifestSha256, const QByteArray &tsaCaPem);

/// The insurer's side: verifies the package (not its timestamp: see checkPackageTimestamp()), then decrypts every file into `outputFolder`, each
/// written beside and renamed only once its GCM tag and plaintext digest held; the manifest is
/// written too. Returns the files written. Thread contract: thread-safe.
[[nodiscard]] Result<QStringList> openPackage(const QString &path, const QByteArray &insurerKeyPem, const QString &outputFolder);

} // namespace dualrec::seal
