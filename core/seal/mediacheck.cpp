#include "core/seal/mediacheck.h"

#include "core/seal/encryptedfile.h"
#include "core/util/filedigest.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace dualrec::seal {

namespace {

/// SHA-256 of an encrypted file's plaintext (every chunk authenticated on the way).
Result<QString> plaintextSha256(const QString &path, const DeviceKeys &keys)
{
    auto reader = EncryptedReader::open(path, keys);
    if (!reader)
        return std::unexpected(reader.error());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    constexpr qint64 kBlock = 1024 * 1024;
    for (qint64 offset = 0; offset < (*reader)->size(); offset += kBlock) {
        auto block = (*reader)->read(offset, kBlock);
        if (!block)
            return std::unexpected(block.error());
        hash.addData(*block);
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

Result<MediaCheck> checkMediaFiles(storage::Database &database, const DeviceKeys *keys)
{
    MediaCheck check;
    struct Row {
        qint64 id;
        QString session;
        QString role;
        QString path;
        QString sha256;
    };
    QList<Row> rows;
    {
        auto query = database.run(QStringLiteral("SELECT id, session_id, role, path, sha256 FROM media_files WHERE session_id NOT IN "
                                                 "(SELECT session_id FROM seals) ORDER BY id"));
        if (!query)
            return std::unexpected(query.error());
        while (query->next())
            rows.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                         query->value(3).toString(), query->value(4).toString().toLower()});
    }
    for (const auto &row : std::as_const(rows)) {
        const QFileInfo info(row.path);
        if (!info.exists()) {
            if (row.role.endsWith(QLatin1String("-fragmented")))
                continue; // the growing file, replaced by the finalized recording
            check.mismatches.append({row.id, row.session, row.role, row.path,
                                     QStringLiteral("media file row %1 (session %2, %3): the file %4 is missing")
                                         .arg(row.id)
                                         .arg(row.session, row.role, row.path)});
            continue;
        }
        ++check.filesChecked;
        auto stored = sha256OfFile(row.path);
        if (!stored) {
            check.mismatches.append({row.id, row.session, row.role, row.path,
                                     QStringLiteral("media file row %1 (session %2, %3): %4").arg(row.id).arg(row.session, row.role, stored.error().detail)});
            continue;
        }
        if (*stored == row.sha256)
            continue;
        QString plain;
        if (keys && looksEncrypted(row.path)) {
            auto digest = plaintextSha256(row.path, *keys);
            if (digest && *digest == row.sha256)
                continue;
            if (digest)
                plain = QStringLiteral(", of its decrypted content %1").arg(*digest);
            else
                plain = QStringLiteral(" (its content does not decrypt: %1)").arg(digest.error().detail);
        }
        check.mismatches.append({row.id, row.session, row.role, row.path,
                                 QStringLiteral("media file row %1 (session %2, %3): %4 has SHA-256 %5%6, the journal says %7")
                                     .arg(row.id)
                                     .arg(row.session, row.role, row.path, *stored, plain, row.sha256.isEmpty() ? QStringLiteral("nothing") : row.sha256)});
    }

    auto packages = database.run(QStringLiteral("SELECT session_id, package_path, package_sha256 FROM seals WHERE package_path <> '' ORDER BY session_id"));
    if (!packages)
        return std::unexpected(packages.error());
    while (packages->next()) {
        const auto session = packages->value(0).toString();
        const auto path = packages->value(1).toString();
        const auto expected = packages->value(2).toString().toLower();
        if (!QFileInfo::exists(path))
            continue; // uploaded and purged, or never kept
        ++check.packagesChecked;
        auto digest = sha256OfFile(path);
        if (!digest || *digest != expected)
            check.mismatches.append({0, session, QStringLiteral("package"), path,
                                     QStringLiteral("sealed package of session %1: %2 has SHA-256 %3, the journal says %4")
                                         .arg(session, path, digest ? *digest : digest.error().detail, expected)});
    }
    return check;
}

} // namespace dualrec::seal
