#include "core/seal/package.h"

#include "core/seal/encryptedfile.h"
#include "core/seal/mp4walker.h"
#include "core/seal/packagefile.h"
#include "core/seal/packagetar.h"
#include "core/seal/serialworker.h"
#include "core/seal/timestamp.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>

#include <openssl/pem.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <cmath>
#include <optional>
#include <vector>

namespace dualrec::seal {

namespace {

using tar::kBlock;
using tar::Member;
using tar::padding;
using tar::readMembers;
using tar::tarHeader;
constexpr qint64 kIoBlock = 1024 * 1024;
constexpr qint64 kMaxManifestSize = 16 * 1024 * 1024;
constexpr qint64 kMaxHeaderMemberSize = 1024 * 1024;
const QString kManifestName = QStringLiteral("manifest.json");
const QString kSignatureName = QStringLiteral("manifest.json.p7s");

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

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
// BIOs over Qt files: a sink that counts what it writes, and a source limited to a byte range.

struct IoState {
    QIODevice *device = nullptr;
    qint64 remaining = -1; ///< source: bytes left in the range; -1 for a sink
    qint64 written = 0;
    std::function<bool()> keepGoing;
};

int ioWrite(BIO *bio, const char *data, int size)
{
    auto *state = static_cast<IoState *>(BIO_get_data(bio));
    if (state->keepGoing && !state->keepGoing())
        return -1;
    const qint64 done = state->device->write(data, size);
    if (done != size)
        return -1;
    state->written += done;
    return int(done);
}

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
        BIO_meth_set_write(m, ioWrite);
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

/// SHA-256 of a key's SubjectPublicKeyInfo (DER), lower-case hex: names a recipient's key.
QString publicKeySha256(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int size = i2d_PUBKEY(key, &der);
    if (size <= 0)
        return {};
    ossl::Sha256 hash;
    hash.addData(QByteArrayView(der, size));
    OPENSSL_free(der);
    return hex(hash.result());
}

bool validMemberFileName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$"));
    return valid.match(name).hasMatch();
}

QString memberBase(qsizetype index)
{
    return QStringLiteral("files/%1").arg(index + 1, 2, 10, QLatin1Char('0'));
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
    IoState sourceState{&package, content.size, 0, {}};
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

struct Layout {
    QList<Member> members;
    qint64 mtime = -1;
};

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
