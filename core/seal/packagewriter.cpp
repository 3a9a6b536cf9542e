// Writing a sealed package (docs/package-format.md): writePackage() of package.h.
#include "core/seal/package.h"

#include "core/seal/encryptedfile.h"
#include "core/seal/packagefile.h"
#include "core/seal/packageformat.h"
#include "core/seal/packagetar.h"
#include "core/seal/serialworker.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

#include <openssl/pem.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <vector>

namespace dualrec::seal {

using namespace packageformat;

namespace {

using tar::kBlock;
using tar::padding;
using tar::tarHeader;

/// Sealing reads, encrypts and hashes in blocks of this size, several blocks in flight at once
/// (kPipelineDepth): what the pipeline holds stays a few MiB whatever the file size.
constexpr qint64 kPipelineBlock = 512 * 1024;
constexpr int kPipelineDepth = 4;

/// The package file being written by a thread of its own: every byte is hashed (the package's
/// SHA-256) on its way to the disk, in the order given, and written by PackageFile (direct I/O
/// where the OS allows).
/// Thread contract: every method from the owner's thread; writing and hashing happen in the
/// worker's thread, in order.
class PackageOutput final
{
public:
    explicit PackageOutput(QString path) : m_path(std::move(path)) {}
    PackageOutput(const PackageOutput &) = delete;
    PackageOutput &operator=(const PackageOutput &) = delete;

    [[nodiscard]] Result<void> open()
    {
        auto file = PackageFile::create(m_path);
        if (!file)
            return std::unexpected(file.error());
        m_file = std::move(*file);
        return {};
    }

    /// Queues `bytes` (kept until written).
    void write(QByteArray bytes)
    {
        m_worker.submit([this, bytes = std::move(bytes)] { put(bytes); });
    }
    /// Queues `bytes`, which the caller keeps unchanged until `done` is called (in the worker's
    /// thread, written or not).
    void write(QByteArrayView bytes, std::function<void()> done)
    {
        m_worker.submit([this, bytes, done = std::move(done)] {
            put(bytes);
            done();
        });
    }
    /// A write failed (asked between blocks, to stop early).
    [[nodiscard]] bool failed() const { return m_failed.load(std::memory_order_acquire); }
    /// Until everything queued is written: the first error, if any.
    [[nodiscard]] Result<void> drain()
    {
        m_worker.wait();
        if (m_failed.load(std::memory_order_acquire))
            return std::unexpected(m_error);
        return {};
    }
    /// drain(), then to the disk (fsync) and closed.
    [[nodiscard]] Result<void> finish()
    {
        if (auto drained = drain(); !drained)
            return drained;
        return m_file->finish();
    }
    /// Bytes written; the package's SHA-256 (once, after drain()).
    [[nodiscard]] qint64 size() const { return m_file->size(); }
    [[nodiscard]] QByteArray sha256() { return m_hash.result(); }
    /// Stops and removes the file.
    void abandon()
    {
        m_worker.wait();
        m_file.reset();
        QFile::remove(m_path);
    }

private:
    void put(QByteArrayView bytes)
    {
        if (m_failed.load(std::memory_order_relaxed))
            return;
        if (auto written = m_file->write(bytes); !written) {
            m_error = written.error();
            m_failed.store(true, std::memory_order_release);
            return;
        }
        m_hash.addData(bytes);
    }

    QString m_path;
    std::unique_ptr<PackageFile> m_file;
    ossl::Sha256 m_hash;
    Error m_error;
    std::atomic<bool> m_failed{false};
    SerialWorker m_worker; ///< last: destroyed (drained) first
};

// ---------------------------------------------------------------------------------------------
// Plaintext sources: a plain file, an at-rest encrypted file, or bytes in memory.

class PlainSource
{
public:
    virtual ~PlainSource() = default;
    [[nodiscard]] virtual qint64 size() const = 0;
    /// Exactly `size` bytes from `offset` into `data` (fewer: the file changed, an error).
    [[nodiscard]] virtual Result<void> readInto(qint64 offset, char *data, qint64 size) = 0;
};

class FileSource final : public PlainSource
{
public:
    explicit FileSource(const QString &path) : m_file(path) {}
    Result<void> open()
    {
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return fail(m_file.exists() ? ErrorCode::IoError : ErrorCode::NotFound,
                        QStringLiteral("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString()));
        m_size = m_file.size();
        return {};
    }
    [[nodiscard]] qint64 size() const override { return m_size; }
    Result<void> readInto(qint64 offset, char *data, qint64 size) override
    {
        if (m_file.pos() != offset && !m_file.seek(offset))
            return fail(ErrorCode::IoError, QStringLiteral("cannot seek in %1").arg(m_file.fileName()));
        if (offset + size > m_size || m_file.read(data, size) != size)
            return fail(ErrorCode::IoError, QStringLiteral("%1 changed or could not be read while it was sealed").arg(m_file.fileName()));
        return {};
    }

private:
    QFile m_file;
    qint64 m_size = 0;
};

class EncryptedSource final : public PlainSource
{
public:
    explicit EncryptedSource(std::unique_ptr<EncryptedReader> reader) : m_reader(std::move(reader)) {}
    [[nodiscard]] qint64 size() const override { return m_reader->size(); }
    Result<void> readInto(qint64 offset, char *data, qint64 size) override
    {
        auto read = m_reader->readInto(offset, data, size);
        if (!read)
            return std::unexpected(read.error());
        if (*read != size)
            return fail(ErrorCode::IoError, QStringLiteral("an encrypted file ended at byte %1 while it was sealed").arg(offset + *read));
        return {};
    }

private:
    std::unique_ptr<EncryptedReader> m_reader;
};

class MemorySource final : public PlainSource
{
public:
    explicit MemorySource(QByteArray data) : m_data(std::move(data)) {}
    [[nodiscard]] qint64 size() const override { return m_data.size(); }
    Result<void> readInto(qint64 offset, char *data, qint64 size) override
    {
        if (offset < 0 || size < 0 || offset + size > m_data.size())
            return fail(ErrorCode::InternalError, QStringLiteral("read past the end of an input in memory"));
        std::memcpy(data, m_data.constData() + offset, size_t(size));
        return {};
    }

private:
    QByteArray m_data;
};

Result<std::unique_ptr<PlainSource>> openSource(const PackageInput &input, const PackageWriteOptions &options)
{
    if (input.path.isEmpty())
        return std::make_unique<MemorySource>(input.data);
    if (looksEncrypted(input.path)) {
        if (!options.deviceKeys)
            return fail(ErrorCode::InvalidState, QStringLiteral("%1 is encrypted at rest, and no device keys were given").arg(input.path));
        auto keys = options.deviceKeys();
        if (!keys)
            return std::unexpected(keys.error());
        auto reader = EncryptedReader::open(input.path, **keys);
        if (!reader)
            return fail(reader.error().code, QStringLiteral("%1: %2").arg(input.path, reader.error().detail));
        if (!(*reader)->complete())
            return fail(ErrorCode::DataCorrupt, QStringLiteral("%1 is encrypted at rest but was never finished (no final chunk; "
                                                               "%2 bytes torn): finalize it before sealing")
                                                    .arg(input.path)
                                                    .arg((*reader)->tornBytes()));
        return std::make_unique<EncryptedSource>(std::move(*reader));
    }
    auto source = std::make_unique<FileSource>(input.path);
    if (auto opened = source->open(); !opened)
        return std::unexpected(opened.error());
    return source;
}

// ---------------------------------------------------------------------------------------------
// Recipients.

Result<std::vector<ossl::X509Ptr>> loadCertificates(const QList<QByteArray> &pems, const QString &what)
{
    std::vector<ossl::X509Ptr> certificates;
    for (qsizetype i = 0; i < pems.size(); ++i) {
        ossl::BioPtr bio = ossl::memoryBio(pems[i]);
        int inThisFile = 0;
        while (X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            certificates.emplace_back(certificate);
            ++inThisFile;
        }
        ERR_clear_error();
        if (inThisFile == 0)
            return fail(ErrorCode::FormatError, QStringLiteral("%1 %2 holds no PEM certificate").arg(what).arg(i + 1));
    }
    return certificates;
}

Result<void> addRecipient(CMS_ContentInfo *cms, X509 *certificate)
{
    CMS_RecipientInfo *recipient = CMS_add1_recipient_cert(cms, certificate, CMS_KEY_PARAM);
    if (!recipient)
        return fail(ErrorCode::FormatError, QStringLiteral("certificate \"%1\" cannot be a recipient: %2")
                                                .arg(QString::fromUtf8(X509_NAME_oneline(X509_get_subject_name(certificate), nullptr, 0)),
                                                     ossl::lastError()));
    EVP_PKEY_CTX *context = CMS_RecipientInfo_get0_pkey_ctx(recipient);
    EVP_PKEY *key = X509_get0_pubkey(certificate);
    if (context && key && EVP_PKEY_is_a(key, "EC")) {
        // ECDH with the X9.63 KDF over SHA-256, not the SHA-1 default.
        if (EVP_PKEY_CTX_set_ecdh_kdf_md(context, EVP_sha256()) <= 0)
            return fail(ErrorCode::InternalError, QStringLiteral("cannot set the ECDH KDF digest: %1").arg(ossl::lastError()));
    } else if (context && key && EVP_PKEY_is_a(key, "RSA")) {
        if (EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) <= 0
            || EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) <= 0)
            return fail(ErrorCode::InternalError, QStringLiteral("cannot set RSA-OAEP: %1").arg(ossl::lastError()));
    } else {
        return fail(ErrorCode::FormatError, QStringLiteral("recipient certificates must hold an EC or RSA key"));
    }
    return {};
}

struct SealedMember {
    QString sha256;          ///< plaintext
    QString encryptedSha256; ///< the .bin member
    QString headerSha256;    ///< the .cms member
    qint64 size = 0;
};

/// A member of bytes in memory: its header, content and padding, queued on `out`.
void writeMember(PackageOutput &out, const QString &name, const QByteArray &content, qint64 mtime)
{
    out.write(tarHeader(name, content.size(), mtime));
    out.write(content);
    out.write(QByteArray(padding(content.size()), '\0'));
}

/// Whether an input encrypted at rest is, byte for byte as stored, what a journal row from before
/// content digests describes.
bool storedBytesMatch(const PackageInput &input)
{
    if (input.path.isEmpty() || !looksEncrypted(input.path))
        return false;
    QFile stored(input.path);
    QCryptographicHash storedHash(QCryptographicHash::Sha256);
    if (!stored.open(QIODevice::ReadOnly) || !storedHash.addData(&stored))
        return false;
    return hex(storedHash.result()) == input.expectedSha256;
}

/// Encrypts one input as the members NAME.bin (ciphertext) and NAME.cms (the CMS header with
/// the recipients and the GCM tag), in one pass that also hashes the plaintext and the ciphertext.
/// A pipeline of kPipelineDepth blocks: this thread reads (and decrypts an at-rest file) and
/// encrypts block n while one worker hashes its plaintext, another its ciphertext, and the
/// package's writer writes (and hashes) it, each on a core of its own where there is one.
Result<SealedMember> sealOne(PackageOutput &out, const QString &member, const PackageInput &input, const std::vector<ossl::X509Ptr> &recipients,
                             const PackageWriteOptions &options, qint64 &done, qint64 total)
{
    auto source = openSource(input, options);
    if (!source)
        return std::unexpected(source.error());
    const qint64 size = (*source)->size();
    if (size > kMaxMemberSize)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("%1 is larger than a package member may be (8 GiB)").arg(input.name));

    ossl::CertStackPtr none(sk_X509_new_null());
    ossl::CmsPtr cms(CMS_encrypt(none.get(), nullptr, EVP_aes_256_gcm(), CMS_DETACHED | CMS_STREAM | CMS_BINARY | CMS_PARTIAL));
    if (!cms)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot start CMS AuthEnvelopedData: %1").arg(ossl::lastError()));
    for (const auto &certificate : recipients) {
        if (auto added = addRecipient(cms.get(), certificate.get()); !added)
            return std::unexpected(added.error());
    }
    // The ciphertext is detached: CMS's cipher BIO only keeps the GCM state (its output goes
    // nowhere); the blocks are encrypted with its context directly, without 4 KiB BIO writes.
    ossl::BioPtr bottom(BIO_new(BIO_s_null()));
    BIO *cipher = bottom ? CMS_dataInit(cms.get(), bottom.get()) : nullptr;
    if (!cipher)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot start encrypting %1: %2").arg(input.name, ossl::lastError()));
    // Frees the BIOs CMS_dataInit pushed on top of ours, whatever happens below.
    const auto freeTop = qScopeGuard([&cipher, &bottom] {
        while (cipher && cipher != bottom.get()) {
            BIO *next = BIO_pop(cipher);
            BIO_free(cipher);
            cipher = next;
        }
    });
    EVP_CIPHER_CTX *gcm = nullptr;
    BIO *cipherBio = BIO_find_type(cipher, BIO_TYPE_CIPHER);
    if (!cipherBio || BIO_get_cipher_ctx(cipherBio, &gcm) != 1 || !gcm)
        return fail(ErrorCode::InternalError, QStringLiteral("no cipher context for %1: %2").arg(input.name, ossl::lastError()));

    out.write(tarHeader(member + QStringLiteral(".bin"), size, options.sealedAtEpochSeconds));
    ossl::Sha256 plainHash;
    ossl::Sha256 cipherHash;
    struct Slot {
        QByteArray plain{kPipelineBlock, Qt::Uninitialized};
        QByteArray encrypted{kPipelineBlock, Qt::Uninitialized};
        std::atomic<int> pending{0}; ///< stages still using the slot
    };
    std::array<Slot, kPipelineDepth> slots;
    const auto release = [](Slot &slot) {
        if (slot.pending.fetch_sub(1, std::memory_order_acq_rel) == 1)
            slot.pending.notify_all();
    };
    SerialWorker plainHasher;
    SerialWorker cipherHasher;
    // Before the slots go: nothing may still use them (also on every early return).
    const auto settle = qScopeGuard([&] {
        plainHasher.wait();
        cipherHasher.wait();
        (void)out.drain();
    });
    qint64 encryptedBytes = 0;
    std::size_t next = 0;
    for (qint64 offset = 0; offset < size; ++next) {
        if (options.keepGoing && !options.keepGoing())
            return fail(ErrorCode::Cancelled, QStringLiteral("sealing was stopped"));
        if (out.failed())
            return std::unexpected(out.drain().error());
        Slot &slot = slots[next % slots.size()];
        for (int busy = slot.pending.load(std::memory_order_acquire); busy != 0; busy = slot.pending.load(std::memory_order_acquire))
            slot.pending.wait(busy, std::memory_order_acquire);
        const qint64 length = std::min(kPipelineBlock, size - offset);
        if (auto read = (*source)->readInto(offset, slot.plain.data(), length); !read)
            return std::unexpected(read.error());
        int produced = 0;
        if (EVP_CipherUpdate(gcm, reinterpret_cast<unsigned char *>(slot.encrypted.data()), &produced,
                             reinterpret_cast<const unsigned char *>(slot.plain.constData()), int(length))
                != 1
            || produced != length)
            return fail(ErrorCode::InternalError, QStringLiteral("cannot encrypt %1: %2").arg(input.name, ossl::lastError()));
        encryptedBytes += produced;
        slot.pending.store(3, std::memory_order_release);
        const QByteArrayView plainView(slot.plain.constData(), length);
        const QByteArrayView encryptedView(slot.encrypted.constData(), length);
        plainHasher.submit([&plainHash, &slot, plainView, release] {
            plainHash.addData(plainView);
            release(slot);
        });
        cipherHasher.submit([&cipherHash, &slot, encryptedView, release] {
            cipherHash.addData(encryptedView);
            release(slot);
        });
        out.write(encryptedView, [&slot, release] { release(slot); });
        offset += length;
        done += length;
        if (options.progress)
            options.progress(done, total);
    }
    const bool finished = BIO_flush(cipher) == 1 && CMS_dataFinal(cms.get(), cipher) == 1;
    if (!finished)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot finish encrypting %1: %2").arg(input.name, ossl::lastError()));
    if (encryptedBytes != size)
        return fail(ErrorCode::InternalError, QStringLiteral("encrypting %1 gave %2 bytes for %3").arg(input.name).arg(encryptedBytes).arg(size));
    out.write(QByteArray(padding(size), '\0'));

    ossl::BioPtr headerBio(BIO_new(BIO_s_mem()));
    if (!headerBio || i2d_CMS_bio(headerBio.get(), cms.get()) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("cannot encode the CMS header of %1: %2").arg(input.name, ossl::lastError()));
    const QByteArray header = ossl::bioBytes(headerBio.get());
    writeMember(out, member + QStringLiteral(".cms"), header, options.sealedAtEpochSeconds);
    plainHasher.wait();
    cipherHasher.wait();
    if (auto written = out.drain(); !written)
        return std::unexpected(written.error());

    SealedMember sealed;
    sealed.size = size;
    sealed.sha256 = hex(plainHash.result());
    sealed.encryptedSha256 = hex(cipherHash.result());
    sealed.headerSha256 = hex(QCryptographicHash::hash(header, QCryptographicHash::Sha256));
    // The journal keeps the digest of a file's content (evidenceSha256), or, for a file journaled
    // before content digests, of its encrypted bytes as stored: only then is the stored file read again.
    if (!input.expectedSha256.isEmpty() && input.expectedSha256 != sealed.sha256 && !storedBytesMatch(input))
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1 is not the file the journal recorded: its SHA-256 is %2, the journal "
                                                           "says %3; it was not sealed")
                                                .arg(input.path.isEmpty() ? input.name : input.path, sealed.sha256, input.expectedSha256));
    return sealed;
}

} // namespace

Result<WrittenPackage> writePackage(const QString &path, const QList<PackageInput> &inputs, QJsonObject manifest,
                                    const SigningIdentity &identity, const PackageWriteOptions &options)
{
    if (options.recipientCertificatesPem.isEmpty())
        return fail(ErrorCode::InvalidState, QStringLiteral("no insurer certificate is configured: a package can only be sealed for "
                                                            "a recipient"));
    auto recipients = loadCertificates(options.recipientCertificatesPem, QStringLiteral("insurer certificate"));
    if (!recipients)
        return std::unexpected(recipients.error());
    for (const auto &input : inputs) {
        if (!validMemberFileName(input.name) || input.role.isEmpty())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" (%2) cannot go into a package: names are letters, digits, "
                                                                   "'.', '_', '-'")
                                                        .arg(input.name, input.role));
    }
    const QString partPath = path + QStringLiteral(".part");
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create the folder of %1").arg(path));
    QFile::remove(partPath);
    PackageOutput out(partPath);
    if (auto opened = out.open(); !opened)
        return std::unexpected(opened.error());
    const auto abandon = [&out] { out.abandon(); };

    qint64 total = 0;
    for (const auto &input : inputs)
        total += input.path.isEmpty() ? input.data.size() : QFileInfo(input.path).size();
    qint64 done = 0;
    QJsonArray files;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const auto &input = inputs[i];
        auto sealed = sealOne(out, memberBase(i), input, *recipients, options, done, total);
        if (!sealed) {
            abandon();
            return std::unexpected(sealed.error());
        }
        files.append(QJsonObject{{QStringLiteral("member"), memberBase(i)},
                                 {QStringLiteral("name"), input.name},
                                 {QStringLiteral("role"), input.role},
                                 {QStringLiteral("size"), sealed->size},
                                 {QStringLiteral("sha256"), sealed->sha256},
                                 {QStringLiteral("encrypted_sha256"), sealed->encryptedSha256},
                                 {QStringLiteral("header_sha256"), sealed->headerSha256}});
    }
    QJsonArray recipientList;
    for (const auto &certificate : *recipients) {
        recipientList.append(QJsonObject{
            {QStringLiteral("certificate_sha256"), certificateSha256(certificate.get())},
            {QStringLiteral("public_key_sha256"), publicKeySha256(X509_get0_pubkey(certificate.get()))},
            {QStringLiteral("subject"), QString::fromUtf8(X509_NAME_oneline(X509_get_subject_name(certificate.get()), nullptr, 0))}});
    }
    manifest.insert(QStringLiteral("format"), QLatin1String(kPackageFormat));
    manifest.insert(QStringLiteral("files"), files);
    manifest.insert(QStringLiteral("recipients"), recipientList);
    auto device = manifest.value(QStringLiteral("device")).toObject();
    device.insert(QStringLiteral("certificate_sha256"), identity.certificateSha256());
    manifest.insert(QStringLiteral("device"), device);
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    auto signature = identity.signDetached(manifestBytes);
    if (!signature) {
        abandon();
        return std::unexpected(signature.error());
    }
    writeMember(out, kManifestName, manifestBytes, options.sealedAtEpochSeconds);
    writeMember(out, kSignatureName, *signature, options.sealedAtEpochSeconds);
    out.write(QByteArray(2 * kBlock, '\0'));
    if (auto synced = out.finish(); !synced) {
        abandon();
        return std::unexpected(synced.error());
    }
    const qint64 size = out.size();
    QFile::remove(path);
    if (!QFile::rename(partPath, path)) {
        QFile::remove(partPath);
        return fail(ErrorCode::IoError, QStringLiteral("cannot move %1 into place").arg(path));
    }
    const QString digest = hex(out.sha256());
    WrittenPackage written;
    written.path = path;
    written.size = size;
    written.sha256 = digest;
    written.manifestSha256 = hex(QCryptographicHash::hash(manifestBytes, QCryptographicHash::Sha256));
    written.signature = *signature;
    written.certificateSha256 = identity.certificateSha256();
    written.recipients = recipientList;
    return written;
}


} // namespace dualrec::seal
