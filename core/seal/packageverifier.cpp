// Reading a sealed package (docs/package-format.md, "Verifying"): verifyPackage(),
// checkPackageTimestamp() and openPackage() of package.h.
#include "core/seal/package.h"

#include "core/seal/mp4walker.h"
#include "core/seal/packageformat.h"
#include "core/seal/packagetar.h"
#include "core/seal/timestamp.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <openssl/pem.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace dualrec::seal {

using namespace packageformat;

namespace {

using tar::Member;
using tar::readMembers;
constexpr qint64 kIoBlock = 1024 * 1024;
constexpr qint64 kMaxManifestSize = 16 * 1024 * 1024;
constexpr qint64 kMaxHeaderMemberSize = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// A source BIO over a byte range of a Qt file (the package's ciphertext members).

struct IoState {
    QIODevice *device = nullptr;
    qint64 remaining = 0; ///< bytes left in the range
};

int ioRead(BIO *bio, char *data, int size)
{
    auto *state = static_cast<IoState *>(BIO_get_data(bio));
    if (state->remaining <= 0)
        return 0;
    const qint64 done = state->device->read(data, std::min<qint64>(size, state->remaining));
    if (done <= 0)
        return -1;
    state->remaining -= done;
    return int(done);
}

long ioCtrl(BIO *bio, int command, long, void *)
{
    auto *state = static_cast<IoState *>(BIO_get_data(bio));
    switch (command) {
    case BIO_CTRL_FLUSH:
        return 1;
    case BIO_CTRL_EOF:
        return state->remaining <= 0 ? 1 : 0;
    default:
        return 0;
    }
}

int ioCreate(BIO *bio)
{
    BIO_set_init(bio, 1);
    return 1;
}

const BIO_METHOD *ioMethod()
{
    static BIO_METHOD *method = [] {
        BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "dualrec qiodevice");
        BIO_meth_set_read(m, ioRead);
        BIO_meth_set_ctrl(m, ioCtrl);
        BIO_meth_set_create(m, ioCreate);
        return m;
    }();
    return method;
}

/// `state` must outlive the BIO.
ossl::BioPtr ioBio(IoState &state)
{
    ossl::BioPtr bio(BIO_new(ioMethod()));
    if (bio)
        BIO_set_data(bio.get(), &state);
    return bio;
}

/// A sink BIO that only hashes (and counts) what it is given: decrypting in memory.
struct HashSink {
    Mp4Walker *mp4 = nullptr; ///< also walked as an MP4 when set
    ossl::Sha256 hash;
    qint64 size = 0;
    QFile *file = nullptr; ///< also written here when set
    bool failed = false;
};

int hashWrite(BIO *bio, const char *data, int size)
{
    auto *sink = static_cast<HashSink *>(BIO_get_data(bio));
    sink->hash.addData(QByteArrayView(data, size));
    sink->size += size;
    if (sink->mp4)
        sink->mp4->feed(data, size);
    if (sink->file && sink->file->write(data, size) != size) {
        sink->failed = true;
        return -1;
    }
    return size;
}

long hashCtrl(BIO *, int command, long, void *)
{
    return command == BIO_CTRL_FLUSH ? 1 : 0;
}

const BIO_METHOD *hashMethod()
{
    static BIO_METHOD *method = [] {
        BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "dualrec hash sink");
        BIO_meth_set_write(m, hashWrite);
        BIO_meth_set_ctrl(m, hashCtrl);
        BIO_meth_set_create(m, ioCreate);
        return m;
    }();
    return method;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Verifying.

bool VerifyReport::ok() const
{
    if (checks.isEmpty())
        return false;
    for (const auto &check : checks) {
        if (!check.ok)
            return false;
    }
    return true;
}

QString VerifyReport::firstFailure() const
{
    for (const auto &check : checks) {
        if (!check.ok)
            return check.part + QStringLiteral(": ") + check.detail;
    }
    return {};
}

namespace {

QByteArray readRange(QFile &file, const Member &member)
{
    if (!file.seek(member.offset))
        return {};
    return file.read(member.size);
}

/// Strict checks of the manifest against the schema (docs/manifest.schema.json); empty: valid.
QString manifestProblem(const QJsonObject &manifest)
{
    const auto needString = [&](const QJsonObject &object, const QString &key, const QString &where) -> QString {
        if (!object.value(key).isString() || object.value(key).toString().isEmpty())
            return QStringLiteral("%1.%2: expected a non-empty string").arg(where, key);
        return {};
    };
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    if (manifest.value(QStringLiteral("format")).toString() != QLatin1String(kPackageFormat))
        return QStringLiteral("$.format: expected \"%1\"; found %2")
            .arg(QLatin1String(kPackageFormat), QString::fromUtf8(QJsonDocument(QJsonArray{manifest.value(QStringLiteral("format"))}).toJson(QJsonDocument::Compact)));
    for (const auto &key : {QStringLiteral("session"), QStringLiteral("device"), QStringLiteral("retention")}) {
        if (!manifest.value(key).isObject())
            return QStringLiteral("$.%1: expected an object").arg(key);
    }
    for (const auto &key : {QStringLiteral("steps"), QStringLiteral("events"), QStringLiteral("files"), QStringLiteral("recipients")}) {
        if (!manifest.value(key).isArray())
            return QStringLiteral("$.%1: expected an array").arg(key);
    }
    if (auto p = needString(manifest, QStringLiteral("sealed_at"), QStringLiteral("$")); !p.isEmpty())
        return p;
    const auto session = manifest.value(QStringLiteral("session")).toObject();
    for (const auto &key : {QStringLiteral("id"), QStringLiteral("application_no"), QStringLiteral("agent_id"), QStringLiteral("template_id"),
                            QStringLiteral("state")}) {
        if (auto p = needString(session, key, QStringLiteral("$.session")); !p.isEmpty())
            return p;
    }
    const auto device = manifest.value(QStringLiteral("device")).toObject();
    if (!sha.match(device.value(QStringLiteral("certificate_sha256")).toString()).hasMatch())
        return QStringLiteral("$.device.certificate_sha256: expected 64 lower-case hex digits");
    if (auto p = needString(device, QStringLiteral("app_version"), QStringLiteral("$.device")); !p.isEmpty())
        return p;
    const auto files = manifest.value(QStringLiteral("files")).toArray();
    if (files.isEmpty())
        return QStringLiteral("$.files: expected at least one file");
    QStringList names;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString where = QStringLiteral("$.files[%1]").arg(i);
        if (!files[i].isObject())
            return where + QStringLiteral(": expected an object");
        const auto file = files[i].toObject();
        if (file.value(QStringLiteral("member")).toString() != memberBase(i))
            return QStringLiteral("%1.member: expected \"%2\"").arg(where, memberBase(i));
        if (!validMemberFileName(file.value(QStringLiteral("name")).toString()))
            return where + QStringLiteral(".name: expected a plain file name (letters, digits, '.', '_', '-')");
        if (names.contains(file.value(QStringLiteral("name")).toString()))
            return where + QStringLiteral(".name: appears twice");
        names.append(file.value(QStringLiteral("name")).toString());
        if (auto p = needString(file, QStringLiteral("role"), where); !p.isEmpty())
            return p;
        const double size = file.value(QStringLiteral("size")).toDouble(-1);
        if (!file.value(QStringLiteral("size")).isDouble() || size < 0 || size > double(kMaxMemberSize) || size != std::floor(size))
            return where + QStringLiteral(".size: expected a whole number of bytes");
        for (const auto &key : {QStringLiteral("sha256"), QStringLiteral("encrypted_sha256"), QStringLiteral("header_sha256")}) {
            if (!sha.match(file.value(key).toString()).hasMatch())
                return QStringLiteral("%1.%2: expected 64 lower-case hex digits").arg(where, key);
        }
    }
    const auto recipients = manifest.value(QStringLiteral("recipients")).toArray();
    if (recipients.isEmpty())
        return QStringLiteral("$.recipients: expected at least one recipient");
    return {};
}

struct SignatureResult {
    bool ok = false;
    QString detail;
    QString signerSha256;
};

SignatureResult checkSignature(const QByteArray &signature, const QByteArray &manifest, const QByteArray &caPem)
{
    SignatureResult result;
    const auto *p = reinterpret_cast<const unsigned char *>(signature.constData());
    ossl::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, long(signature.size())));
    if (!cms || p != reinterpret_cast<const unsigned char *>(signature.constData()) + signature.size()) {
        result.detail = QStringLiteral("manifest.json.p7s is not one DER CMS structure (%1)").arg(ossl::lastError());
        return result;
    }
    // Strict: the bytes are exactly the DER encoding of what was parsed.
    unsigned char *der = nullptr;
    const int derSize = i2d_CMS_ContentInfo(cms.get(), &der);
    const bool canonical = derSize == signature.size() && std::memcmp(der, signature.constData(), size_t(derSize)) == 0;
    OPENSSL_free(der);
    if (!canonical) {
        result.detail = QStringLiteral("manifest.json.p7s is not in canonical DER (altered)");
        return result;
    }
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed || !CMS_is_detached(cms.get())) {
        result.detail = QStringLiteral("manifest.json.p7s is not a detached CMS SignedData");
        return result;
    }
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(cms.get());
    ossl::CertStackPtr certificates(CMS_get1_certs(cms.get()));
    if (sk_CMS_SignerInfo_num(signers) != 1 || !certificates || sk_X509_num(certificates.get()) != 1) {
        result.detail = QStringLiteral("expected exactly one signer and one certificate");
        return result;
    }
    CMS_SignerInfo *signer = sk_CMS_SignerInfo_value(signers, 0);
    if (CMS_unsigned_get_attr_count(signer) > 0) {
        result.detail = QStringLiteral("the signature carries unsigned attributes (added after signing)");
        return result;
    }
    X509_ALGOR *digestAlgorithm = nullptr;
    X509_ALGOR *signatureAlgorithm = nullptr;
    CMS_SignerInfo_get0_algs(signer, nullptr, nullptr, &digestAlgorithm, &signatureAlgorithm);
    const ASN1_OBJECT *digestObject = nullptr;
    X509_ALGOR_get0(&digestObject, nullptr, nullptr, digestAlgorithm);
    X509 *certificate = sk_X509_value(certificates.get(), 0);
    EVP_PKEY *key = X509_get0_pubkey(certificate);
    if (OBJ_obj2nid(digestObject) != NID_sha256 || !key || !EVP_PKEY_is_a(key, "EC") || EVP_PKEY_get_bits(key) != 256) {
        result.detail = QStringLiteral("expected ECDSA P-256 with SHA-256");
        return result;
    }
    result.signerSha256 = certificateSha256(certificate);
    ossl::BioPtr content = ossl::memoryBio(manifest);
    ossl::X509StorePtr store(X509_STORE_new());
    unsigned flags = CMS_BINARY;
    if (caPem.isEmpty()) {
        flags |= CMS_NO_SIGNER_CERT_VERIFY;
    } else {
        ossl::BioPtr caBio = ossl::memoryBio(caPem);
        int loaded = 0;
        while (X509 *ca = PEM_read_bio_X509(caBio.get(), nullptr, nullptr, nullptr)) {
            X509_STORE_add_cert(store.get(), ca);
            X509_free(ca);
            ++loaded;
        }
        ERR_clear_error();
        if (loaded == 0) {
            result.detail = QStringLiteral("the --ca file holds no PEM certificate");
            return result;
        }
        X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
    }
    if (CMS_verify(cms.get(), nullptr, store.get(), content.get(), nullptr, flags) != 1) {
        result.detail = caPem.isEmpty() ? QStringLiteral("the signature does not match the manifest (%1)").arg(ossl::lastError())
                                        : QStringLiteral("the signature does not verify, or its certificate is not enrolled with "
                                                         "the given CA (%1)")
                                              .arg(ossl::lastError());
        return result;
    }
    result.ok = true;
    return result;
}

struct DecryptResult {
    bool ok = false;
    QString detail;
};

/// Decrypts one file (detached ciphertext from the package) with `key`, into `sink`.
DecryptResult decryptMember(QFile &package, const Member &header, const Member &content, EVP_PKEY *key, HashSink &sink)
{
    const QByteArray headerBytes = readRange(package, header);
    const auto *p = reinterpret_cast<const unsigned char *>(headerBytes.constData());
    ossl::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, long(headerBytes.size())));
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_id_smime_ct_authEnvelopedData)
        return {false, QStringLiteral("%1 is not a CMS AuthEnvelopedData").arg(header.name)};
    if (!package.seek(content.offset))
        return {false, QStringLiteral("cannot seek to %1").arg(content.name)};
    IoState sourceState{&package, content.size};
    ossl::BioPtr source = ioBio(sourceState);
    ossl::BioPtr out(BIO_new(hashMethod()));
    BIO_set_data(out.get(), &sink);
    if (CMS_decrypt(cms.get(), key, nullptr, source.get(), out.get(), CMS_BINARY) != 1 || sink.failed)
        return {false, QStringLiteral("does not decrypt with this key, or its GCM tag fails (%1)").arg(ossl::lastError())};
    return {true, {}};
}

Result<ossl::PkeyPtr> loadKey(const QByteArray &pem)
{
    ossl::BioPtr bio = ossl::memoryBio(pem);
    ossl::PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return fail(ErrorCode::FormatError, QStringLiteral("the insurer key is not a PEM private key (an encrypted key needs its "
                                                           "password removed first): %1")
                                                .arg(ossl::lastError()));
    return key;
}

} // namespace

VerifyReport verifyPackage(const QString &path, const VerifyOptions &options)
{
    VerifyReport report;
    const auto add = [&report](const QString &part, bool ok, const QString &detail) { report.checks.append({part, ok, detail}); };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        add(QStringLiteral("package"), false, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return report;
    }
    qint64 mtime = -1;
    auto members = readMembers(file, mtime);
    if (!members) {
        add(QStringLiteral("package"), false, members.error().detail);
        return report;
    }
    const qsizetype count = members->size();
    if (count < 4 || (*members)[count - 2].name != kManifestName || (*members)[count - 1].name != kSignatureName) {
        add(QStringLiteral("package"), false, QStringLiteral("expected the members files/NN.bin, files/NN.cms, ..., manifest.json, "
                                                             "manifest.json.p7s in this order"));
        return report;
    }
    const Member manifestMember = (*members)[count - 2];
    const Member signatureMember = (*members)[count - 1];
    if (manifestMember.size > kMaxManifestSize || signatureMember.size > kMaxHeaderMemberSize) {
        add(QStringLiteral("package"), false, QStringLiteral("manifest.json or its signature is implausibly large"));
        return report;
    }
    add(QStringLiteral("package"), true, QStringLiteral("%1 members in a strict POSIX tar").arg(count));

    const QByteArray manifestBytes = readRange(file, manifestMember);
    const QByteArray signatureBytes = readRange(file, signatureMember);
    report.manifestSha256 = hex(QCryptographicHash::hash(manifestBytes, QCryptographicHash::Sha256));
    report.signature = signatureBytes;
    const auto signature = checkSignature(signatureBytes, manifestBytes, options.caPem);
    add(QStringLiteral("signature"), signature.ok,
        signature.ok ? QStringLiteral("manifest.json signed by certificate %1 (ECDSA P-256, SHA-256)").arg(signature.signerSha256)
                     : signature.detail);

    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(manifestBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        add(QStringLiteral("manifest"), false, QStringLiteral("manifest.json is not a JSON object (%1 at byte %2)")
                                                   .arg(parseError.errorString())
                                                   .arg(parseError.offset));
        return report;
    }
    const auto manifest = document.object();
    if (const auto problem = manifestProblem(manifest); !problem.isEmpty()) {
        add(QStringLiteral("manifest"), false, problem);
        return report;
    }
    report.manifest = manifest;
    const auto files = manifest.value(QStringLiteral("files")).toArray();
    add(QStringLiteral("manifest"), true, QStringLiteral("format %1, session %2, %3 files")
                                              .arg(QLatin1String(kPackageFormat),
                                                   manifest.value(QStringLiteral("session")).toObject().value(QStringLiteral("id")).toString())
                                              .arg(files.size()));

    const QString deviceCertificate = manifest.value(QStringLiteral("device")).toObject().value(QStringLiteral("certificate_sha256")).toString();
    if (signature.ok)
        add(QStringLiteral("certificate"), signature.signerSha256 == deviceCertificate,
            signature.signerSha256 == deviceCertificate
                ? (options.caPem.isEmpty() ? QStringLiteral("the manifest names the signer's certificate (self-signed; give --ca to check enrolment)")
                                           : QStringLiteral("the signer's certificate is enrolled with the given CA"))
                : QStringLiteral("signed by certificate %1, but the manifest names the device certificate %2 (re-signed with "
                                 "another key)")
                      .arg(signature.signerSha256, deviceCertificate));

    // Members: exactly files/NN.bin and files/NN.cms per file, in order, then the manifest.
    const QDateTime sealedAt = QDateTime::fromString(manifest.value(QStringLiteral("sealed_at")).toString(), Qt::ISODate);
    if (!sealedAt.isValid() || sealedAt.toSecsSinceEpoch() != mtime) {
        add(QStringLiteral("package"), false, QStringLiteral("the tar members' time is not the manifest's sealed_at (altered)"));
    }
    if (count != 2 * files.size() + 2) {
        add(QStringLiteral("files"), false, QStringLiteral("the manifest lists %1 files; the package holds %2 file members")
                                                .arg(files.size())
                                                .arg(count - 2));
        return report;
    }
    ossl::PkeyPtr key;
    if (!options.insurerKeyPem.isEmpty()) {
        auto loaded = loadKey(options.insurerKeyPem);
        if (!loaded) {
            add(QStringLiteral("insurer key"), false, loaded.error().detail);
            return report;
        }
        key = std::move(*loaded);
        // A key that is none of the recipients' gets that said, not a decryption failure.
        const QString own = publicKeySha256(key.get());
        QStringList subjects;
        bool recipient = false;
        for (const auto &entry : manifest.value(QStringLiteral("recipients")).toArray()) {
            const QString listed = entry.toObject().value(QStringLiteral("public_key_sha256")).toString();
            recipient = recipient || listed == own || listed.isEmpty(); // unlisted: decrypting tells
            subjects.append(entry.toObject().value(QStringLiteral("subject")).toString());
        }
        if (!recipient) {
            add(QStringLiteral("insurer key"), false, QStringLiteral("this key is not a recipient of the package; it was sealed for: %1")
                                                         .arg(subjects.join(QStringLiteral("; "))));
            return report;
        }
    }
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto entry = files[i].toObject();
        const QString base = entry.value(QStringLiteral("member")).toString();
        const QString part = QStringLiteral("%1 (%2)").arg(base, entry.value(QStringLiteral("role")).toString());
        const Member &bin = (*members)[2 * i];
        const Member &cms = (*members)[2 * i + 1];
        if (bin.name != base + QStringLiteral(".bin") || cms.name != base + QStringLiteral(".cms")) {
            add(part, false, QStringLiteral("expected members %1.bin and %1.cms here; found %2 and %3").arg(base, bin.name, cms.name));
            continue;
        }
        const qint64 size = qint64(entry.value(QStringLiteral("size")).toDouble());
        if (bin.size != size) {
            add(part, false, QStringLiteral("%1 has %2 bytes; the manifest says %3").arg(bin.name).arg(bin.size).arg(size));
            continue;
        }
        if (cms.size > kMaxHeaderMemberSize) {
            add(part, false, QStringLiteral("%1 is implausibly large").arg(cms.name));
            continue;
        }
        const QString headerDigest = hex(QCryptographicHash::hash(readRange(file, cms), QCryptographicHash::Sha256));
        if (headerDigest != entry.value(QStringLiteral("header_sha256")).toString()) {
            add(part, false, QStringLiteral("%1 does not match its SHA-256 in the manifest (altered or from another package)").arg(cms.name));
            continue;
        }
        ossl::Sha256 hash;
        file.seek(bin.offset);
        qint64 left = bin.size;
        bool readOk = true;
        while (left > 0) {
            const QByteArray block = file.read(std::min(left, kIoBlock));
            if (block.isEmpty()) {
                readOk = false;
                break;
            }
            hash.addData(block);
            left -= block.size();
        }
        if (!readOk || hex(hash.result()) != entry.value(QStringLiteral("encrypted_sha256")).toString()) {
            add(part, false, QStringLiteral("%1 does not match its SHA-256 in the manifest (altered or from another package)").arg(bin.name));
            continue;
        }
        if (!key) {
            add(part, true, QStringLiteral("encrypted bytes and header match the manifest (%1 bytes)").arg(size));
            continue;
        }
        HashSink sink;
        Mp4Walker mp4;
        const bool isMp4 = entry.value(QStringLiteral("role")).toString() == QLatin1String("recording")
                           && entry.value(QStringLiteral("name")).toString().endsWith(QLatin1String(".mp4"));
        if (isMp4)
            sink.mp4 = &mp4;
        const auto decrypted = decryptMember(file, cms, bin, key.get(), sink);
        if (!decrypted.ok) {
            add(part, false, decrypted.detail);
            continue;
        }
        const bool plainOk = sink.size == size && hex(sink.hash.result()) == entry.value(QStringLiteral("sha256")).toString();
        const QString mp4Problem = isMp4 ? mp4.finish() : QString();
        if (!plainOk)
            add(part, false, QStringLiteral("the decrypted file does not match the manifest's size and SHA-256"));
        else if (!mp4Problem.isEmpty())
            add(part, false, QStringLiteral("decrypted and authenticated, but %1").arg(mp4Problem));
        else
            add(part, true, QStringLiteral("decrypted and authenticated; %1 bytes, SHA-256 %2%3")
                                .arg(size)
                                .arg(entry.value(QStringLiteral("sha256")).toString(),
                                     isMp4 ? QStringLiteral("; MP4 boxes whole, %1 fragments in sequence").arg(mp4.fragments()) : QString()));
    }
    if (options.checkTimestamp)
        report.checks.append(checkPackageTimestamp(path, QCryptographicHash::hash(manifestBytes, QCryptographicHash::Sha256), options.tsaCaPem));
    return report;
}

VerifyCheck checkPackageTimestamp(const QString &packagePath, const QByteArray &manifestSha256, const QByteArray &tsaCaPem)
{
    const QString part = QStringLiteral("timestamp");
    const QString path = timestampPath(packagePath);
    const QFileInfo info(path);
    if (!info.exists())
        return {part, true, QStringLiteral("none yet (no %1 beside the package)").arg(info.fileName())};
    QFile file(path);
    if (!info.isFile() || info.size() > kMaxTimestampSize || !file.open(QIODevice::ReadOnly))
        return {part, false, QStringLiteral("%1 is not a readable file of at most %2 bytes").arg(info.fileName()).arg(kMaxTimestampSize)};
    const auto checked = checkTimestampReply(file.readAll(), manifestSha256, 0, tsaCaPem);
    if (!checked)
        return {part, false, QStringLiteral("%1: %2").arg(info.fileName(), checked.error().detail)};
    return {part, true, QStringLiteral("OK, %1%2")
                            .arg(checked->describe(), checked->issuerChecked ? QStringLiteral(" (issued by a CA in --tsa-ca)")
                                                                             : QStringLiteral(" (who issued the TSA certificate is not checked: "
                                                                                              "give --tsa-ca)"))};
}

Result<QStringList> openPackage(const QString &path, const QByteArray &insurerKeyPem, const QString &outputFolder)
{
    VerifyOptions options;
    options.checkTimestamp = false; // beside the package, not part of it: `dualrec open` reports it
    const auto report = verifyPackage(path, options);
    if (!report.ok())
        return fail(ErrorCode::DataCorrupt, report.firstFailure());
    auto key = loadKey(insurerKeyPem);
    if (!key)
        return std::unexpected(key.error());
    const QString own = publicKeySha256(key->get());
    const auto recipients = report.manifest.value(QStringLiteral("recipients")).toArray();
    if (std::none_of(recipients.begin(), recipients.end(), [&own](const QJsonValue &entry) {
            const QString listed = entry.toObject().value(QStringLiteral("public_key_sha256")).toString();
            return listed == own || listed.isEmpty(); // unlisted: decrypting tells
        }))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("insurer key: this key is not a recipient of the package; nothing was written"));
    if (!QDir().mkpath(outputFolder))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(outputFolder));
    QFile package(path);
    qint64 mtime = 0;
    if (!package.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(path));
    auto members = readMembers(package, mtime);
    if (!members)
        return std::unexpected(members.error());
    QStringList written;
    const auto files = report.manifest.value(QStringLiteral("files")).toArray();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto entry = files[i].toObject();
        const QString target = QDir(outputFolder).filePath(entry.value(QStringLiteral("name")).toString());
        if (QFileInfo::exists(target))
            return fail(ErrorCode::InvalidState, QStringLiteral("%1 exists already; nothing was overwritten").arg(target));
        QFile part(target + QStringLiteral(".part"));
        if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(ErrorCode::IoError, QStringLiteral("cannot create %1: %2").arg(part.fileName(), part.errorString()));
        HashSink sink;
        sink.file = &part;
        const auto decrypted = decryptMember(package, (*members)[2 * i + 1], (*members)[2 * i], key->get(), sink);
        part.close();
        const bool plainOk = decrypted.ok && sink.size == qint64(entry.value(QStringLiteral("size")).toDouble())
                             && hex(sink.hash.result()) == entry.value(QStringLiteral("sha256")).toString();
        if (!plainOk) {
            part.remove();
            return fail(ErrorCode::DataCorrupt, QStringLiteral("%1 (%2): %3; nothing of it was kept")
                                                    .arg(entry.value(QStringLiteral("member")).toString(), entry.value(QStringLiteral("name")).toString(),
                                                         decrypted.ok ? QStringLiteral("the decrypted file does not match the manifest") : decrypted.detail));
        }
        if (!part.rename(target))
            return fail(ErrorCode::IoError, QStringLiteral("cannot move %1 into place").arg(target));
        written.append(target);
    }
    const QString manifestTarget = QDir(outputFolder).filePath(kManifestName);
    QFile manifestOut(manifestTarget);
    const QByteArray manifestBytes = readRange(package, (*members)[members->size() - 2]);
    if (!manifestOut.open(QIODevice::WriteOnly | QIODevice::NewOnly) || manifestOut.write(manifestBytes) != manifestBytes.size())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write %1").arg(manifestTarget));
    written.append(manifestTarget);
    return written;
}

} // namespace dualrec::seal
