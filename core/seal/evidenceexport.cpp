#include "core/seal/evidenceexport.h"

#include "core/seal/encryptedfile.h"
#include "core/storage/journal.h"
#include "core/util/filedigest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace dualrec::seal {

namespace {

constexpr qint64 kBlock = 1024 * 1024;

Error failure(ErrorCode code, const QString &detail)
{
    return Error{code, detail};
}

/// Writes the plain content of `source` to `target` (through a temporary file, synced, renamed)
/// and returns the SHA-256 of what it wrote.
Result<QString> writePlainCopy(const QString &source, const DeviceKeys &keys, const QString &target,
                               const std::function<void(qint64 done, qint64 total)> &copied)
{
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return std::unexpected(failure(ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(target, out.errorString())));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto put = [&](const QByteArray &block) -> Result<void> {
        hash.addData(block);
        if (out.write(block) != block.size()) {
            const bool full = out.error() == QFileDevice::ResourceError;
            return std::unexpected(failure(full ? ErrorCode::DiskFull : ErrorCode::IoError,
                                           QStringLiteral("cannot write %1: %2").arg(target, out.errorString())));
        }
        return {};
    };
    if (looksEncrypted(source)) {
        auto reader = EncryptedReader::open(source, keys);
        if (!reader)
            return std::unexpected(reader.error());
        for (qint64 offset = 0; offset < (*reader)->size();) {
            auto block = (*reader)->read(offset, kBlock);
            if (!block)
                return std::unexpected(block.error());
            if (block->isEmpty())
                return std::unexpected(failure(ErrorCode::DataCorrupt, QStringLiteral("%1 ends before its stated size").arg(source)));
            if (auto written = put(*block); !written)
                return std::unexpected(written.error());
            offset += block->size();
            copied(offset, (*reader)->size());
        }
    } else {
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly))
            return std::unexpected(failure(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(source, in.errorString())));
        while (!in.atEnd()) {
            const QByteArray block = in.read(kBlock);
            if (block.isEmpty() && in.error() != QFileDevice::NoError)
                return std::unexpected(failure(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(source, in.errorString())));
            if (auto written = put(block); !written)
                return std::unexpected(written.error());
            copied(in.pos(), in.size());
        }
    }
    if (!out.commit())
        return std::unexpected(failure(ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(target, out.errorString())));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

Result<EvidenceExport> exportSessionEvidence(storage::Journal &journal, const workflow::SessionId &id, const DeviceKeys &keys,
                                             const QString &outputFolder, const QString &actor, const Clock &clock,
                                             const ExportProgress &progress)
{
    auto record = journal.sessions().find(id);
    if (!record)
        return std::unexpected(record.error());
    if (!record->has_value())
        return std::unexpected(failure(ErrorCode::NotFound, QStringLiteral("there is no session %1 in the journal").arg(id.toString())));
    auto media = journal.sessions().mediaFiles(id);
    if (!media)
        return std::unexpected(media.error());

    // The files to copy: the growing fragmented file is left out once the final one exists.
    QList<storage::MediaFile> files;
    for (const auto &file : std::as_const(*media)) {
        if (file.role == storage::MediaRole::RecordingFragmented && !QFileInfo::exists(file.path))
            continue;
        files.append(file);
    }
    if (files.isEmpty())
        return std::unexpected(failure(ErrorCode::NotFound, QStringLiteral("session %1 has no recorded files to export").arg(id.toString())));

    const QFileInfo out(outputFolder);
    if (!out.isDir())
        return std::unexpected(failure(ErrorCode::InvalidArgument, QStringLiteral("%1 is not a folder").arg(outputFolder)));
    const QString folder = QDir(out.absoluteFilePath()).filePath(id.toString());
    if (QFileInfo::exists(folder))
        return std::unexpected(failure(ErrorCode::InvalidState, QStringLiteral("%1 exists already; an export never overwrites").arg(folder)));

    const auto refuse = [&](const Error &error) -> Result<EvidenceExport> {
        QDir(folder).removeRecursively();
        // The refusal is evidence too: someone tried to take these files out.
        auto audited = journal.audit().append(actor, storage::AuditAction::Export, id.toString(),
                                              QStringLiteral("refused: %1").arg(error.detail));
        if (!audited)
            return std::unexpected(Error{error.code, error.detail + QStringLiteral("; the refusal could not be audited either: ") + audited.error().detail});
        return std::unexpected(error);
    };
    if (!QDir().mkpath(folder))
        return std::unexpected(failure(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(folder)));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    EvidenceExport result;
    result.folder = folder;
    QStringList names;
    QJsonArray listed;
    int lastPercent = -1;
    const auto report = [&](qsizetype index, qint64 done, qint64 total) {
        const int percent = int((double(index) + (total > 0 ? double(done) / double(total) : 1.0)) * 100.0 / double(files.size()));
        if (progress && percent != lastPercent) {
            lastPercent = percent;
            progress(std::min(percent, 100));
        }
    };
    report(0, 0, 1);
    for (qsizetype index = 0; index < files.size(); ++index) {
        const auto &file = files.at(index);
        const QString role = storage::mediaRoleName(file.role); // as the export's manifest names it
        if (!QFileInfo(file.path).isFile())
            return refuse(failure(ErrorCode::NotFound, QStringLiteral("the session's %1 file %2 is missing").arg(role, file.path)));
        QString name = QFileInfo(file.path).fileName();
        for (int n = 2; names.contains(name); ++n)
            name = QStringLiteral("%1-%2").arg(n).arg(QFileInfo(file.path).fileName());
        names.append(name);
        const QString target = QDir(folder).filePath(name);
        auto plain = writePlainCopy(file.path, keys, target, [&](qint64 done, qint64 total) { report(index, done, total); });
        if (!plain)
            return refuse(plain.error());
        // The journal keeps the digest of the stored bytes (or, for files from before encryption
        // at rest, of the plain content): either way it must match what was copied.
        if (!file.sha256.isEmpty() && file.sha256 != *plain) {
            auto stored = sha256OfFile(file.path);
            if (!stored)
                return refuse(stored.error());
            if (*stored != file.sha256)
                return refuse(failure(ErrorCode::DataCorrupt,
                                      QStringLiteral("the %1 file %2 does not match the journal's SHA-256 (journal %3, file %4); it may have been altered")
                                          .arg(role, file.path, file.sha256, *stored)));
        }
        const qint64 size = QFileInfo(target).size();
        result.files.append({file.role, target, size, *plain});
        listed.append(QJsonObject{{QStringLiteral("role"), role},
                                  {QStringLiteral("name"), name},
                                  {QStringLiteral("size"), size},
                                  {QStringLiteral("sha256"), *plain}});
    }
    const QDateTime at = clock.wallNow().toUTC();
    const QJsonObject manifest{{QStringLiteral("format"), QStringLiteral("dualrec-export")},
                               {QStringLiteral("format_version"), 1},
                               {QStringLiteral("session"), id.toString()},
                               {QStringLiteral("exported_by"), actor},
                               {QStringLiteral("exported_at"), at.toString(Qt::ISODateWithMs)},
                               {QStringLiteral("files"), listed}};
    QSaveFile manifestFile(QDir(folder).filePath(QStringLiteral("export.json")));
    if (!manifestFile.open(QIODevice::WriteOnly) || manifestFile.write(QJsonDocument(manifest).toJson()) < 0 || !manifestFile.commit())
        return refuse(failure(ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(manifestFile.fileName(), manifestFile.errorString())));

    auto audited = journal.audit().append(actor, storage::AuditAction::Export, id.toString(),
                                          QStringLiteral("%1 files to %2").arg(result.files.size()).arg(folder));
    if (!audited) {
        // An export nobody can trace must not stay behind.
        QDir(folder).removeRecursively();
        return std::unexpected(audited.error());
    }
    return result;
}

} // namespace dualrec::seal
