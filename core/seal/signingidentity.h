#pragma once

#include "core/seal/keystore.h"
#include "core/seal/opensslhandles.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace dualrec::seal {

/// This device's signing identity (docs/security.md, docs/package-format.md): an ECDSA P-256 key
/// pair and a self-signed X.509 certificate, made on first use and kept together in the device's
/// key store (the OS key store, else an owner-only file; see KeyStore), beside the device key.
/// The data folder records which key it uses in `device-signing.json` (no secret in it) and keeps
/// a public copy of the certificate in `device-certificate.pem`. As with the device key, the
/// marker decides whether the identity is new: a folder whose marker names a key the store no
/// longer has is an error that changes nothing, never a reason to make a new key; so is a folder
/// that already holds sealed packages but no marker.
///
/// Thread contract: open() from one thread (it may talk to the OS key store); the object is then
/// immutable and its const methods are thread-safe.
class SigningIdentity final
{
public:
    [[nodiscard]] static QString markerName() { return QStringLiteral("device-signing.json"); }
    [[nodiscard]] static QString certificateFileName() { return QStringLiteral("device-certificate.pem"); }

    /// Reads the identity of `dataFolder`, making it when the folder has none yet.
    [[nodiscard]] static Result<SigningIdentity> open(const QString &dataFolder, KeyStore &store);
    /// Which store the folder's marker says holds the key ("file", "Secret Service", ...); empty
    /// when the folder has no signing identity yet. Reads only the marker.
    [[nodiscard]] static QString recordedBackend(const QString &dataFolder);

    SigningIdentity(SigningIdentity &&) noexcept = default;
    SigningIdentity &operator=(SigningIdentity &&) noexcept = default;

    [[nodiscard]] const QString &backendName() const { return m_backend; }
    [[nodiscard]] QByteArray certificatePem() const;
    [[nodiscard]] QByteArray certificateDer() const;
    /// SHA-256 of the certificate's DER, lower-case hex: the device's identity in manifests.
    [[nodiscard]] QString certificateSha256() const;
    [[nodiscard]] QString subject() const;
    /// A PKCS#10 certificate signing request (PEM) for the insurer to enrol this device.
    [[nodiscard]] Result<QByteArray> certificateRequestPem() const;
    /// A detached CMS SignedData (RFC 5652, DER) over `content`: ECDSA P-256 with SHA-256, the
    /// certificate included, a signing-time attribute.
    [[nodiscard]] Result<QByteArray> signDetached(const QByteArray &content) const;

private:
    SigningIdentity(ossl::PkeyPtr key, ossl::X509Ptr certificate, QString backend);
    ossl::PkeyPtr m_key;
    ossl::X509Ptr m_certificate;
    QString m_backend;
};

/// An insurer's key pair made up on the spot, for `dualrec self-test` to seal a package and
/// open it again on a computer that has no real insurer key. Never used to seal evidence.
struct ThrowawayRecipient final {
    QByteArray certificatePem; ///< self-signed, EC P-256, key agreement
    QByteArray privateKeyPem;  ///< unencrypted PKCS#8; lives only in memory
};
[[nodiscard]] Result<ThrowawayRecipient> makeThrowawayRecipient();

/// SHA-256 of a certificate's DER encoding, lower-case hex.
[[nodiscard]] QString certificateSha256(X509 *certificate);

} // namespace dualrec::seal
