#include "core/seal/evidencefile.h"

#include "core/seal/encryptedfile.h"
#include "core/util/filedigest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

#include <filesystem>

namespace dualrec::seal {

Result<void> writeEvidenceFile(const QString &path, QByteArrayView data, const DeviceKeys *keys)
{
    if (!keys) {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(data.data(), data.size()) != data.size() || !out.commit())
            return fail(out.error() == QFileDevice::ResourceError ? ErrorCode::DiskFull : ErrorCode::IoError,
                        QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
        return {};
    }
    const QString temporary = path + QStringLiteral(".part");
    QFile::remove(temporary); // a leftover of a crash: encrypted, incomplete, never the only copy
    auto writer = EncryptedWriter::create(temporary, *keys);
    if (!writer)
        return std::unexpected(writer.error());
    auto done = (*writer)->write(data);
    if (done)
        done = (*writer)->finish();
    writer->reset();
    if (!done) {
        QFile::remove(temporary);
        return done;
    }
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(temporary.toStdU16String()), std::filesystem::path(path.toStdU16String()), error);
    if (error) {
        QFile::remove(temporary);
        return fail(ErrorCode::IoError, QStringLiteral("cannot rename %1 to %2: %3")
                                            .arg(temporary, path, QString::fromLocal8Bit(error.message())));
    }
    return {};
}

Result<QByteArray> readEvidenceFile(const QString &path, const DeviceKeys *keys, qint64 maxSize)
{
    if (!looksEncrypted(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
        if (file.size() > maxSize)
            return fail(ErrorCode::FormatError, QStringLiteral("%1 has %2 bytes, more than %3").arg(path).arg(file.size()).arg(maxSize));
        return file.readAll();
    }
    if (!keys)
        return fail(ErrorCode::InvalidState, QStringLiteral("%1 is encrypted and no device key is open to read it").arg(path));
    auto reader = EncryptedReader::open(path, *keys);
    if (!reader)
        return std::unexpected(reader.error());
    if (!(*reader)->complete())
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1 is cut short: it has no final chunk").arg(path));
    if ((*reader)->size() > maxSize)
        return fail(ErrorCode::FormatError, QStringLiteral("%1 has %2 bytes, more than %3").arg(path).arg((*reader)->size()).arg(maxSize));
    return (*reader)->read(0, (*reader)->size());
}

Result<QString> evidenceSha256(const QString &path, const DeviceKeys *keys, const std::function<bool()> &keepGoing)
{
    if (!looksEncrypted(path))
        return sha256OfFile(path, keepGoing);
    if (!keys)
        return fail(ErrorCode::InvalidState, QStringLiteral("%1 is encrypted and no device key is open to read it").arg(path));
    auto reader = EncryptedReader::open(path, *keys);
    if (!reader)
        return std::unexpected(reader.error());
    if (!(*reader)->complete())
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1 is cut short: it has no final chunk").arg(path));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    constexpr qint64 kBlock = 1024 * 1024;
    for (qint64 offset = 0; offset < (*reader)->size(); offset += kBlock) {
        if (keepGoing && !keepGoing())
            return fail(ErrorCode::InvalidState, QStringLiteral("the digest of %1 was cancelled").arg(path));
        auto block = (*reader)->read(offset, kBlock);
        if (!block)
            return std::unexpected(block.error());
        hash.addData(*block);
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<bool> matchesJournalDigest(const QString &path, const QString &expected, const DeviceKeys *keys,
                                  const std::function<bool()> &keepGoing)
{
    const auto wanted = expected.toLower();
    if (looksEncrypted(path)) {
        // Rows from before content digests hold the stored bytes' digest: cheap to try first.
        auto stored = sha256OfFile(path, keepGoing);
        if (!stored)
            return std::unexpected(stored.error());
        if (*stored == wanted)
            return true;
    }
    auto content = evidenceSha256(path, keys, keepGoing);
    if (!content) {
        // Bytes that do not authenticate (altered, cut short, another device's) are not the file
        // the journal describes; only a file that cannot be read at all is an error.
        if (content.error().code == ErrorCode::DataCorrupt)
            return false;
        return std::unexpected(content.error());
    }
    return *content == wanted;
}

} // namespace dualrec::seal
