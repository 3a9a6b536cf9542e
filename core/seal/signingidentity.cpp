#include "core/seal/signingidentity.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>
#include <QUuid>

#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace dualrec::seal {

namespace {

constexpr int kMarkerFormat = 1;
constexpr int kValidityDays = 30 * 365;

QString markerPath(const QString &dataFolder)
{
    return QDir(dataFolder).filePath(SigningIdentity::markerName());
}

bool hasPackages(const QString &dataFolder)
{
    const QDir packages(QDir(dataFolder).filePath(QStringLiteral("packages")));
    return packages.exists() && !packages.entryList({QStringLiteral("*.dualrec")}, QDir::Files).isEmpty();
}

Result<void> addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot make certificate extension %1: %2").arg(QLatin1String(value), ossl::lastError()));
    const int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    if (added != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot add certificate extension: %1").arg(ossl::lastError()));
    return {};
}

/// A self-signed certificate for `key`, valid from an hour ago for kValidityDays; `keyUsage`
/// in OpenSSL's configuration syntax.
Result<ossl::X509Ptr> makeCertificate(EVP_PKEY *key, const QByteArray &commonName, const char *keyUsage)
{
    ossl::X509Ptr certificate(X509_new());
    if (!certificate)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("no certificate object"));
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("no random serial number: %1").arg(ossl::lastError()));
    serialBytes[0] &= 0x7f; // positive
    serialBytes[0] |= 0x01; // and of full length
    BIGNUM *serial = BN_bin2bn(serialBytes, sizeof serialBytes, nullptr);
    const bool serialSet = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate.get()));
    BN_free(serial);
    X509_NAME *name = X509_get_subject_name(certificate.get());
    if (!serialSet || X509_set_version(certificate.get(), 2) != 1
        || X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("DualRec"), -1, -1, 0) != 1
        || X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(commonName.constData()),
                                      int(commonName.size()), -1, 0)
               != 1
        || X509_set_issuer_name(certificate.get(), name) != 1 || !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600)
        || !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), kValidityDays, 0, nullptr)
        || X509_set_pubkey(certificate.get(), key) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot fill in the certificate: %1").arg(ossl::lastError()));
    for (const auto &[nid, value] : {std::pair{NID_basic_constraints, "critical,CA:FALSE"},
                                     std::pair{NID_key_usage, keyUsage},
                                     std::pair{NID_subject_key_identifier, "hash"}}) {
        if (auto added = addExtension(certificate.get(), nid, value); !added)
            return std::unexpected(added.error());
    }
    if (X509_sign(certificate.get(), key, EVP_sha256()) <= 0)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot sign the certificate: %1").arg(ossl::lastError()));
    return certificate;
}

QByteArray pemOfKey(EVP_PKEY *key)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return ossl::bioBytes(bio.get());
}

QByteArray pemOfCertificate(X509 *certificate)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return {};
    return ossl::bioBytes(bio.get());
}

Result<void> writeSmallFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

} // namespace

QString certificateSha256(X509 *certificate)
{
    unsigned char *der = nullptr;
    const int size = i2d_X509(certificate, &der);
    if (size <= 0)
        return {};
    const auto digest = QCryptographicHash::hash(QByteArrayView(der, size), QCryptographicHash::Sha256);
    OPENSSL_free(der);
    return QString::fromLatin1(digest.toHex());
}

SigningIdentity::SigningIdentity(ossl::PkeyPtr key, ossl::X509Ptr certificate, QString backend)
    : m_key(std::move(key)), m_certificate(std::move(certificate)), m_backend(std::move(backend))
{
}

QString SigningIdentity::recordedBackend(const QString &dataFolder)
{
    QFile file(markerPath(dataFolder));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.read(64 * 1024)).object().value(QStringLiteral("key_store")).toString();
}

Result<SigningIdentity> SigningIdentity::open(const QString &dataFolder, KeyStore &store)
{
    const QString path = markerPath(dataFolder);
    QFile markerFile(path);
    if (!markerFile.exists()) {
        if (hasPackages(dataFolder))
            return fail(ErrorCode::DataCorrupt,
                        QStringLiteral("%1 holds sealed packages but no signing marker (%2): this device's signing key "
                                       "cannot be found; nothing was changed")
                            .arg(dataFolder, markerName()));
        ossl::PkeyPtr key(EVP_EC_gen("P-256"));
        if (!key)
            return fail(ErrorCode::InternalError, QStringLiteral("cannot make an ECDSA P-256 key: %1").arg(ossl::lastError()));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto certificate = makeCertificate(key.get(), QStringLiteral("DualRec device %1 %2").arg(QSysInfo::machineHostName().left(32), id.left(8)).toUtf8(),
                                           "critical,digitalSignature,nonRepudiation");
        if (!certificate)
            return std::unexpected(certificate.error());
        const QByteArray keyPem = pemOfKey(key.get());
        const QByteArray certificatePem = pemOfCertificate(certificate->get());
        if (keyPem.isEmpty() || certificatePem.isEmpty())
            return fail(ErrorCode::InternalError, QStringLiteral("cannot encode the signing key: %1").arg(ossl::lastError()));
        const QString keyName = QStringLiteral("signing-") + id;
        if (!QDir().mkpath(dataFolder))
            return fail(ErrorCode::IoError, QStringLiteral("cannot create the data folder %1").arg(dataFolder));
        // The key (with its certificate) first, then the marker that says the folder has one.
        if (auto stored = store.write(keyName, keyPem + certificatePem); !stored)
            return std::unexpected(stored.error());
        const QString fingerprint = seal::certificateSha256(certificate->get());
        const QJsonObject marker{{QStringLiteral("format"), kMarkerFormat},
                                 {QStringLiteral("key_name"), keyName},
                                 {QStringLiteral("certificate_sha256"), fingerprint},
                                 {QStringLiteral("key_store"), store.backendName()},
                                 {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        if (auto written = writeSmallFile(QDir(dataFolder).filePath(certificateFileName()), certificatePem); !written)
            return std::unexpected(written.error());
        if (auto written = writeSmallFile(path, QJsonDocument(marker).toJson()); !written)
            return std::unexpected(written.error());
        return SigningIdentity(std::move(key), std::move(*certificate), store.backendName());
    }

    if (!markerFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read the signing marker %1: %2").arg(path, markerFile.errorString()));
    const auto marker = QJsonDocument::fromJson(markerFile.read(64 * 1024)).object();
    const QString keyName = marker.value(QStringLiteral("key_name")).toString();
    const QString expected = marker.value(QStringLiteral("certificate_sha256")).toString();
    if (marker.value(QStringLiteral("format")).toInt() != kMarkerFormat || !keyName.startsWith(QLatin1String("signing-"))
        || expected.size() != 64)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("the signing marker %1 is damaged (expected format %2 with key_name "
                                                           "and certificate_sha256); nothing was changed")
                                                .arg(path)
                                                .arg(kMarkerFormat));
    auto stored = store.read(keyName);
    if (!stored)
        return std::unexpected(stored.error());
    const QString keptIn = marker.value(QStringLiteral("key_store")).toString();
    if (!stored->has_value())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("the signing key of %1 (%2) is missing from the key store (%3%4); packages cannot be "
                                   "signed; nothing was changed")
                        .arg(dataFolder, keyName, store.backendName(),
                             keptIn != store.backendName() ? QStringLiteral("; it was kept in the %1").arg(keptIn) : QString()));
    const QByteArray blob = **stored;
    ossl::BioPtr keyBio = ossl::memoryBio(blob);
    ossl::PkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    ossl::BioPtr certificateBio = ossl::memoryBio(blob);
    ossl::X509Ptr certificate(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    if (!key || !certificate || X509_check_private_key(certificate.get(), key.get()) != 1)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("the signing key of %1 in the key store (%2) is damaged: %3")
                                                .arg(dataFolder, store.backendName(), ossl::lastError()));
    const QString fingerprint = seal::certificateSha256(certificate.get());
    if (fingerprint != expected)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("the key store (%1) holds another signing certificate for %2 (%3; "
                                                           "the marker names %4); nothing was changed")
                                                .arg(store.backendName(), dataFolder, fingerprint, expected));
    return SigningIdentity(std::move(key), std::move(certificate), store.backendName());
}

QByteArray SigningIdentity::certificatePem() const
{
    return pemOfCertificate(m_certificate.get());
}

QByteArray SigningIdentity::certificateDer() const
{
    unsigned char *der = nullptr;
    const int size = i2d_X509(m_certificate.get(), &der);
    if (size <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return bytes;
}

QString SigningIdentity::certificateSha256() const
{
    return seal::certificateSha256(m_certificate.get());
}

QString SigningIdentity::subject() const
{
    char buffer[512];
    X509_NAME_oneline(X509_get_subject_name(m_certificate.get()), buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

Result<QByteArray> SigningIdentity::certificateRequestPem() const
{
    ossl::X509ReqPtr request(X509_REQ_new());
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!request || !bio || X509_REQ_set_version(request.get(), 0) != 1
        || X509_REQ_set_subject_name(request.get(), X509_get_subject_name(m_certificate.get())) != 1
        || X509_REQ_set_pubkey(request.get(), m_key.get()) != 1 || X509_REQ_sign(request.get(), m_key.get(), EVP_sha256()) <= 0
        || PEM_write_bio_X509_REQ(bio.get(), request.get()) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot make the certificate signing request: %1").arg(ossl::lastError()));
    return ossl::bioBytes(bio.get());
}

Result<QByteArray> SigningIdentity::signDetached(const QByteArray &content) const
{
    ossl::BioPtr in = ossl::memoryBio(content);
    ossl::CmsPtr cms(CMS_sign(m_certificate.get(), m_key.get(), nullptr, in.get(), CMS_DETACHED | CMS_BINARY));
    ossl::BioPtr out(BIO_new(BIO_s_mem()));
    if (!cms || !out || i2d_CMS_bio(out.get(), cms.get()) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot sign: %1").arg(ossl::lastError()));
    return ossl::bioBytes(out.get());
}

Result<ThrowawayRecipient> makeThrowawayRecipient()
{
    ossl::PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot make an EC P-256 key: %1").arg(ossl::lastError()));
    auto certificate = makeCertificate(key.get(), QByteArrayLiteral("DualRec self-test insurer (throw-away)"), "critical,keyAgreement");
    if (!certificate)
        return std::unexpected(certificate.error());
    ThrowawayRecipient recipient{pemOfCertificate(certificate->get()), pemOfKey(key.get())};
    if (recipient.certificatePem.isEmpty() || recipient.privateKeyPem.isEmpty())
        return fail(ErrorCode::InternalError, QStringLiteral("cannot encode the throw-away key: %1").arg(ossl::lastError()));
    return recipient;
}

} // namespace dualrec::seal
