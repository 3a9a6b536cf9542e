#include "core/seal/timestamp.h"

#include "core/seal/opensslhandles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

#include <cstring>
#include <ctime>

namespace dualrec::seal {

namespace {

using TsReqPtr = std::unique_ptr<TS_REQ, ossl::Deleter<TS_REQ, TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, ossl::Deleter<TS_RESP, TS_RESP_free>>;
using TsImprintPtr = std::unique_ptr<TS_MSG_IMPRINT, ossl::Deleter<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>>;
using AlgorPtr = std::unique_ptr<X509_ALGOR, ossl::Deleter<X509_ALGOR, X509_ALGOR_free>>;
using IntegerPtr = std::unique_ptr<ASN1_INTEGER, ossl::Deleter<ASN1_INTEGER, ASN1_INTEGER_free>>;

void freeBareStack(STACK_OF(X509) *stack)
{
    sk_X509_free(stack);
}
using BareCertStackPtr = std::unique_ptr<STACK_OF(X509), ossl::Deleter<STACK_OF(X509), freeBareStack>>;

QString nameOf(const X509_NAME *name)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return QStringLiteral("(unreadable name)");
    return QString::fromUtf8(ossl::bioBytes(bio.get()));
}

QString hexOf(const ASN1_INTEGER *integer)
{
    if (!integer)
        return {};
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || i2a_ASN1_INTEGER(bio.get(), integer) <= 0)
        return {};
    return QString::fromLatin1(ossl::bioBytes(bio.get())).toLower();
}

/// Critical extended key usage with timeStamping and nothing else (RFC 3161 2.3), key usage
/// (when present) only digitalSignature / nonRepudiation.
bool isTsaCertificate(X509 *certificate)
{
    const uint32_t flags = X509_get_extension_flags(certificate);
    if (!(flags & EXFLAG_XKUSAGE) || X509_get_extended_key_usage(certificate) != XKU_TIMESTAMP)
        return false;
    const int at = X509_get_ext_by_NID(certificate, NID_ext_key_usage, -1);
    if (at < 0 || !X509_EXTENSION_get_critical(X509_get_ext(certificate, at)))
        return false;
    if (flags & EXFLAG_KUSAGE) {
        const uint32_t usage = X509_get_key_usage(certificate);
        if ((usage & ~uint32_t(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) || !(usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)))
            return false;
    }
    return true;
}

} // namespace

QString timestampPath(const QString &packagePath)
{
    return packagePath + QLatin1String(kTimestampSuffix);
}

QString TimestampInfo::describe() const
{
    return QStringLiteral("%1 UTC by %2").arg(time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), tsaSubject);
}

Result<TimestampQuery> makeTimestampQuery(const QByteArray &manifestSha256)
{
    if (manifestSha256.size() != 32)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a timestamp is requested over a SHA-256 (32 bytes), not %1 bytes")
                                                    .arg(manifestSha256.size()));
    TimestampQuery query;
    unsigned char random[8];
    if (RAND_bytes(random, sizeof random) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("no random nonce: %1").arg(ossl::lastError()));
    for (const unsigned char byte : random)
        query.nonce = (query.nonce << 8) | byte;
    query.nonce &= 0x7fffffffffffffffULL;
    query.nonce |= 1; // never 0 (0 means "no nonce to check")

    TsReqPtr request(TS_REQ_new());
    TsImprintPtr imprint(TS_MSG_IMPRINT_new());
    AlgorPtr algorithm(X509_ALGOR_new());
    IntegerPtr nonce(ASN1_INTEGER_new());
    if (!request || !imprint || !algorithm || !nonce)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("no memory for a timestamp query"));
    X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
    QByteArray digest = manifestSha256;
    if (TS_REQ_set_version(request.get(), 1) != 1 || TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1
        || TS_MSG_IMPRINT_set_msg(imprint.get(), reinterpret_cast<unsigned char *>(digest.data()), int(digest.size())) != 1
        || TS_REQ_set_msg_imprint(request.get(), imprint.get()) != 1 || ASN1_INTEGER_set_uint64(nonce.get(), query.nonce) != 1
        || TS_REQ_set_nonce(request.get(), nonce.get()) != 1 || TS_REQ_set_cert_req(request.get(), 1) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot build the timestamp query: %1").arg(ossl::lastError()));
    unsigned char *der = nullptr;
    const int size = i2d_TS_REQ(request.get(), &der);
    if (size <= 0)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot encode the timestamp query: %1").arg(ossl::lastError()));
    query.der = QByteArray(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return query;
}

Result<TimestampInfo> checkTimestampReply(const QByteArray &reply, const QByteArray &manifestSha256, quint64 nonce, const QByteArray &tsaCaPem)
{
    ERR_clear_error();
    const auto *p = reinterpret_cast<const unsigned char *>(reply.constData());
    TsRespPtr response(d2i_TS_RESP(nullptr, &p, long(reply.size())));
    if (!response || p != reinterpret_cast<const unsigned char *>(reply.constData()) + reply.size()) {
        ERR_clear_error();
        return fail(ErrorCode::FormatError, QStringLiteral("it is not one RFC 3161 timestamp reply (DER TimeStampResp)%1")
                                                .arg(response ? QStringLiteral(": %1 bytes follow it").arg(reply.constData() + reply.size() - reinterpret_cast<const char *>(p))
                                                              : QString()));
    }
    // Strict: exactly the DER encoding of what was parsed (no byte outside the encoding).
    unsigned char *der = nullptr;
    const int derSize = i2d_TS_RESP(response.get(), &der);
    const bool canonical = derSize == reply.size() && std::memcmp(der, reply.constData(), size_t(derSize)) == 0;
    OPENSSL_free(der);
    if (!canonical)
        return fail(ErrorCode::FormatError, QStringLiteral("it is not in canonical DER (altered)"));

    const ASN1_INTEGER *status = TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response.get()));
    const long statusValue = status ? ASN1_INTEGER_get(status) : -1;
    if (statusValue != 0 && statusValue != 1) // granted, grantedWithMods
        return fail(ErrorCode::InvalidState, QStringLiteral("the TSA did not grant a timestamp (PKIStatus %1)").arg(statusValue));
    PKCS7 *token = TS_RESP_get_token(response.get());
    TS_TST_INFO *info = TS_RESP_get_tst_info(response.get());
    if (!token || !info || !PKCS7_type_is_signed(token))
        return fail(ErrorCode::FormatError, QStringLiteral("the reply holds no signed timestamp token"));

    // The signer: one certificate in the token, and a TSA's.
    BareCertStackPtr signers(PKCS7_get0_signers(token, nullptr, 0));
    if (!signers || sk_X509_num(signers.get()) != 1) {
        ERR_clear_error();
        return fail(ErrorCode::FormatError, QStringLiteral("the token does not carry its signer's certificate (one signer expected)"));
    }
    X509 *signer = sk_X509_value(signers.get(), 0);
    TimestampInfo result;
    result.tsaSubject = nameOf(X509_get_subject_name(signer));
    // Strict about the fields the signature does not cover: the signer's identifier names its
    // certificate's issuer byte for byte (OpenSSL alone compares names ignoring case), and the
    // signature algorithm is the one of the digest and key used.
    PKCS7_SIGNER_INFO *signerInfo = sk_PKCS7_SIGNER_INFO_value(PKCS7_get_signer_info(token), 0);
    {
        const auto derOf = [](const X509_NAME *name) {
            unsigned char *bytes = nullptr;
            const int size = i2d_X509_NAME(name, &bytes);
            QByteArray out = size > 0 ? QByteArray(reinterpret_cast<const char *>(bytes), size) : QByteArray();
            OPENSSL_free(bytes);
            return out;
        };
        X509_ALGOR *digestAlgorithm = nullptr;
        X509_ALGOR *signatureAlgorithm = nullptr;
        PKCS7_SIGNER_INFO_get0_algs(signerInfo, nullptr, &digestAlgorithm, &signatureAlgorithm);
        const ASN1_OBJECT *digestObject = nullptr;
        const ASN1_OBJECT *signatureObject = nullptr;
        X509_ALGOR_get0(&digestObject, nullptr, nullptr, digestAlgorithm);
        X509_ALGOR_get0(&signatureObject, nullptr, nullptr, signatureAlgorithm);
        const int digestNid = OBJ_obj2nid(digestObject);
        const int signatureNid = OBJ_obj2nid(signatureObject);
        int impliedDigest = NID_undef;
        int impliedKey = NID_undef;
        const bool combined = OBJ_find_sigid_algs(signatureNid, &impliedDigest, &impliedKey) == 1;
        const bool algorithmsAgree = combined ? impliedDigest == digestNid
                                              : (signatureNid == NID_rsaEncryption || signatureNid == NID_X9_62_id_ecPublicKey);
        // CMS versions (RFC 5652 5.1, 5.3): SignedData 3 (its content is not id-data), SignerInfo 1.
        const bool versionsHold = ASN1_INTEGER_get(token->d.sign->version) == 3 && signerInfo && ASN1_INTEGER_get(signerInfo->version) == 1;
        if (!versionsHold || !signerInfo || !signerInfo->issuer_and_serial
            || derOf(signerInfo->issuer_and_serial->issuer) != derOf(X509_get_issuer_name(signer)) || !algorithmsAgree)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("its signer information does not match the certificate of \"%1\" or "
                                                               "its digest (altered)")
                                                    .arg(result.tsaSubject));
    }
    if (!isTsaCertificate(signer))
        return fail(ErrorCode::AccessDenied, QStringLiteral("it is signed by \"%1\", which is not a TSA certificate (its extended key usage "
                                                            "must be timeStamping only, and critical)")
                                                 .arg(result.tsaSubject));

    const ASN1_GENERALIZEDTIME *genTime = TS_TST_INFO_get_time(info);
    std::tm tm{};
    if (!genTime || ASN1_TIME_to_tm(genTime, &tm) != 1)
        return fail(ErrorCode::FormatError, QStringLiteral("the token's time is unreadable"));
    result.time = QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
    result.serial = hexOf(TS_TST_INFO_get_serial(info));

    // The signature, against the signer's own certificate (its purpose and the ESS binding too).
    const auto verifyAgainst = [&](X509_STORE *store) {
        X509_VERIFY_PARAM *parameters = X509_STORE_get0_param(store);
        X509_VERIFY_PARAM_set_time(parameters, result.time.toSecsSinceEpoch()); // valid when it was made
        const bool ok = TS_RESP_verify_signature(token, nullptr, store, nullptr) == 1;
        ERR_clear_error();
        return ok;
    };
    {
        ossl::X509StorePtr pinned(X509_STORE_new());
        if (!pinned || X509_STORE_add_cert(pinned.get(), signer) != 1)
            return fail(ErrorCode::OutOfMemory, QStringLiteral("no memory to check the timestamp"));
        X509_STORE_set_flags(pinned.get(), X509_V_FLAG_PARTIAL_CHAIN);
        if (!verifyAgainst(pinned.get()))
            return fail(ErrorCode::DataCorrupt, QStringLiteral("its signature does not verify with the certificate of \"%1\" (altered, or "
                                                               "not signed by the certificate it carries)")
                                                    .arg(result.tsaSubject));
    }
    if (!tsaCaPem.isEmpty()) {
        ossl::X509StorePtr trusted(X509_STORE_new());
        ossl::BioPtr bio = ossl::memoryBio(tsaCaPem);
        int loaded = 0;
        while (X509 *ca = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            X509_STORE_add_cert(trusted.get(), ca);
            X509_free(ca);
            ++loaded;
        }
        ERR_clear_error();
        if (loaded == 0)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("the TSA CA file holds no PEM certificate"));
        if (!verifyAgainst(trusted.get()))
            return fail(ErrorCode::AccessDenied, QStringLiteral("the TSA certificate \"%1\" is not issued by a trusted TSA CA (untrusted: "
                                                                "none of the %2 certificate(s) given issued it)")
                                                     .arg(result.tsaSubject)
                                                     .arg(loaded));
        result.issuerChecked = true;
    }

    // What it dates: this manifest's SHA-256.
    TS_MSG_IMPRINT *imprint = TS_TST_INFO_get_msg_imprint(info);
    const ASN1_OBJECT *algorithm = nullptr;
    X509_ALGOR_get0(&algorithm, nullptr, nullptr, TS_MSG_IMPRINT_get_algo(imprint));
    const ASN1_OCTET_STRING *message = TS_MSG_IMPRINT_get_msg(imprint);
    const QByteArray stamped = message ? QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(message)), ASN1_STRING_length(message))
                                       : QByteArray();
    if (OBJ_obj2nid(algorithm) != NID_sha256 || stamped != manifestSha256)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("its message imprint does not match this package's manifest (SHA-256 %1; the "
                                                           "token dates %2: it was made for another package)")
                                                .arg(QString::fromLatin1(manifestSha256.toHex()),
                                                     OBJ_obj2nid(algorithm) == NID_sha256 ? QString::fromLatin1(stamped.toHex())
                                                                                          : QStringLiteral("a digest of another kind")));
    if (nonce != 0) {
        uint64_t got = 0;
        const ASN1_INTEGER *answered = TS_TST_INFO_get_nonce(info);
        if (!answered || ASN1_INTEGER_get_uint64(&got, answered) != 1 || got != nonce) {
            ERR_clear_error();
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the reply's nonce is not the request's (a replayed or mixed-up answer)"));
        }
    }
    return result;
}

Result<void> writeTimestampFile(const QString &packagePath, const QByteArray &reply)
{
    const QString path = timestampPath(packagePath);
    const QString part = path + QStringLiteral(".part");
    QFile out(part);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create %1: %2").arg(part, out.errorString()));
    if (out.write(reply) != reply.size() || !out.flush()) {
        out.close();
        QFile::remove(part);
        return fail(out.error() == QFileDevice::ResourceError ? ErrorCode::DiskFull : ErrorCode::IoError,
                    QStringLiteral("cannot write %1: %2").arg(part, out.errorString()));
    }
#ifndef Q_OS_WIN
    if (::fsync(out.handle()) != 0) {
        out.close();
        QFile::remove(part);
        return fail(ErrorCode::IoError, QStringLiteral("cannot sync %1 to the disk").arg(part));
    }
#endif
    out.close();
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        return fail(ErrorCode::IoError, QStringLiteral("cannot move %1 into place").arg(path));
    }
    return {};
}

} // namespace dualrec::seal
