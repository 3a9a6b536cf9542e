#include "core/storage/journal.h"

#include "core/storage/schema.h"
#include "core/storage/sidecarindex.h"
#include "core/seal/keystore.h"
#include "core/util/freespace.h"
#include "core/util/owneronly.h"

#include <QCryptographicHash>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace dualrec::storage {

namespace {

constexpr auto kLastFullCheckKey = "last_full_check_utc";
constexpr auto kPersonalDataKeyIdKey = "personal_data_key_id";
constexpr auto kReportedIntegrityKey = "integrity_break_reported";

struct CheckOutcome {
    bool damaged = false;
    QString damage;
};

/// Runs quick_check or integrity_check. A failure to even read the file as a database counts
/// as damage; a failure to open the file at all (permissions, disk) is an error.
Result<CheckOutcome> checkIntegrity(Database &database, bool full)
{
    auto query = database.run(full ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check"));
    if (!query) {
        if (query.error().code == ErrorCode::DataCorrupt)
            return CheckOutcome{true, query.error().detail};
        return std::unexpected(query.error());
    }
    QStringList lines;
    while (query->next())
        lines.append(query->value(0).toString());
    if (lines == QStringList{QStringLiteral("ok")})
        return CheckOutcome{};
    return CheckOutcome{true, lines.mid(0, 5).join(QStringLiteral("; "))};
}

QDateTime lastFullCheck(Database &database)
{
    auto query = database.run(QStringLiteral("SELECT value FROM maintenance WHERE key = ?"), {QLatin1String(kLastFullCheckKey)});
    if (!query || !query->next())
        return {};
    return QDateTime::fromString(query->value(0).toString(), Qt::ISODateWithMs);
}

/// Copies the journal and its WAL aside into damaged/, then removes them.
Result<QString> setAside(const QString &dataDirectory, const QString &databasePath, const QString &anchorPath,
                         const QDateTime &now)
{
    const QDir damagedDir(QDir(dataDirectory).filePath(QStringLiteral("damaged")));
    if (!QDir().mkpath(damagedDir.path()))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(damagedDir.path()));
    const auto stamp = now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const auto copy = damagedDir.filePath(QStringLiteral("journal-%1.sqlite").arg(stamp));
    for (const auto *suffix : {"", "-wal", "-shm"}) {
        const QString source = databasePath + QLatin1String(suffix);
        if (!QFile::exists(source))
            continue;
        if (!QFile::copy(source, copy + QLatin1String(suffix)))
            return fail(ErrorCode::IoError, QStringLiteral("cannot copy the damaged journal %1 aside").arg(source));
        QFile::remove(source);
    }
    if (QFile::exists(anchorPath)) {
        QFile::copy(anchorPath, copy + QStringLiteral(".audit-anchor"));
        QFile::remove(anchorPath);
    }
    return copy;
}


QString personalDataKeyId(const seal::SecretKey &key)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("dualrec personal-data key id\n"));
    hash.addData(key.bytes());
    return QString::fromLatin1(hash.result().left(8).toHex());
}

struct PersonalDataKey {
    seal::SecretKey key;
    bool moved = false; ///< the raw key file was moved into the hierarchy now
};

/// The journal's personal-data key: derived from the device key, or (a folder made before) the
/// old raw key, kept wrapped by the device key. Checked against the id the journal recorded, or
/// against a stored ciphertext, so a missing or different key is an error, never a new key.
Result<PersonalDataKey> personalDataKey(const QString &dataDirectory, const seal::DeviceKeys &keys, Database &database)
{
    const QString legacyPath = QDir(dataDirectory).filePath(QStringLiteral("keys/customer-data.key"));
    const QString wrappedPath = Journal::wrappedPersonalDataKeyPath(dataDirectory);
    std::optional<seal::SecretKey> key;
    bool moved = false;
    QString source;
    if (QFileInfo::exists(wrappedPath)) {
        QFile file(wrappedPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::IoError, QStringLiteral("cannot read the wrapped personal-data key %1: %2").arg(wrappedPath, file.errorString()));
        auto unwrapped = keys.unwrap(file.read(1024));
        if (!unwrapped)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the personal-data key %1 does not open with this folder's device key: %2; "
                                                               "nothing was changed")
                                                    .arg(wrappedPath, unwrapped.error().detail));
        key = std::move(*unwrapped);
        source = wrappedPath;
    } else if (QFileInfo::exists(legacyPath)) {
        // A folder made before the key was derived: its raw key is wrapped by the device key, the
        // wrapped copy checked, and only then the raw file removed.
        const QFileInfo info(legacyPath);
        QFile file(legacyPath);
        if (!info.isFile() || info.size() != seal::SecretKey::kSize || !file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the old personal-data key %1 is not a readable file of %2 bytes; "
                                                               "nothing was changed")
                                                    .arg(legacyPath)
                                                    .arg(seal::SecretKey::kSize));
        auto raw = seal::SecretKey::fromBytes(file.readAll());
        if (!raw)
            return std::unexpected(raw.error());
        auto wrapped = keys.wrap(*raw);
        if (!wrapped)
            return std::unexpected(wrapped.error());
        QSaveFile out(wrappedPath);
        if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
            || out.write(*wrapped) != wrapped->size() || !out.commit())
            return fail(ErrorCode::IoError, QStringLiteral("cannot write the wrapped personal-data key %1: %2").arg(wrappedPath, out.errorString()));
        auto back = keys.unwrap(*wrapped);
        if (!back || back->bytes() != raw->bytes())
            return fail(ErrorCode::InternalError, QStringLiteral("the wrapped personal-data key %1 does not give the key back").arg(wrappedPath));
        if (!QFile::remove(legacyPath))
            return fail(ErrorCode::IoError, QStringLiteral("cannot remove the old raw personal-data key %1 (its wrapped copy is in %2)")
                                                .arg(legacyPath, wrappedPath));
        key = std::move(*raw);
        moved = true;
        source = wrappedPath;
    } else {
        auto derived = keys.derive(seal::DerivedKey::PersonalData);
        if (!derived)
            return std::unexpected(derived.error());
        key = std::move(*derived);
        source = QStringLiteral("the device key");
    }
    const auto id = personalDataKeyId(*key);
    auto recorded = database.run(QStringLiteral("SELECT value FROM maintenance WHERE key = ?"), {QLatin1String(kPersonalDataKeyIdKey)});
    if (!recorded)
        return std::unexpected(recorded.error());
    const QString recordedId = recorded->next() ? recorded->value(0).toString() : QString();
    recorded->finish();
    const auto missing = [&](const QString &expected) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("the personal-data key of the journal in %1 (%2) is missing or different: the key from %3 "
                                   "does not open the customers' data (the old raw key file keys/customer-data.key or its "
                                   "wrapped copy %4 was removed, or the device key was replaced). It is never made again; "
                                   "restore the key file or the device key. Nothing was changed")
                        .arg(dataDirectory, expected, source, QFileInfo(wrappedPath).fileName()));
    };
    if (!recordedId.isEmpty()) {
        if (recordedId != id)
            return std::unexpected(missing(QStringLiteral("id %1").arg(recordedId)));
    } else {
        // No id yet (a journal from before): the key must open the personal data already stored.
        auto sample = database.run(QStringLiteral("SELECT id, customer_pii FROM sessions WHERE length(customer_pii) > 0 LIMIT 1"));
        if (!sample)
            return std::unexpected(sample.error());
        if (sample->next()
            && !seal::decryptAesGcm(*key, sample->value(1).toByteArray(), sample->value(0).toString().toLatin1()))
            return std::unexpected(missing(QStringLiteral("the key that encrypted session %1").arg(sample->value(0).toString())));
        sample->finish();
        auto stored = database.run(QStringLiteral("INSERT OR REPLACE INTO maintenance (key, value) VALUES (?, ?)"),
                                   {QLatin1String(kPersonalDataKeyIdKey), id});
        if (!stored)
            return std::unexpected(stored.error());
    }
    return PersonalDataKey{std::move(*key), moved};
}

} // namespace

QString Journal::wrappedPersonalDataKeyPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("keys/customer-data.wrapped"));
}

QString Journal::databasePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("journal.sqlite"));
}

QString Journal::recordingsPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("recordings"));
}

static QString folderListPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("recording-folders.txt"));
}

QStringList Journal::recordingFolders(const QString &dataDirectory)
{
    QStringList folders{recordingsPath(dataDirectory)};
    QFile list(folderListPath(dataDirectory));
    if (list.open(QIODevice::ReadOnly)) {
        const auto lines = QString::fromUtf8(list.readAll()).split(u'\n', Qt::SkipEmptyParts);
        for (const auto &line : lines) {
            if (!folders.contains(line))
                folders.append(line);
        }
    }
    return folders;
}

Result<void> Journal::rememberRecordingFolder(const QString &dataDirectory, const QString &folder)
{
    const auto absolute = QDir(folder).absolutePath();
    if (recordingFolders(dataDirectory).contains(absolute))
        return {};
    // Rewritten whole and renamed into place: a full disk leaves the old list, never half a list.
    auto folders = recordingFolders(dataDirectory);
    folders.removeFirst(); // recordingsPath() is implied
    folders.append(absolute);
    QSaveFile list(folderListPath(dataDirectory));
    if (!list.open(QIODevice::WriteOnly) || list.write((folders.join(u'\n') + u'\n').toUtf8()) < 0 || !list.commit())
        return fail(list.error() == QFileDevice::ResourceError ? ErrorCode::DiskFull : ErrorCode::IoError,
                    QStringLiteral("cannot note the recording folder in %1: %2").arg(list.fileName(), list.errorString()));
    return {};
}

QString Journal::accountsMarkerPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("accounts-exist"));
}

QString Journal::spaceReservePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("space-reserve"));
}

namespace {

/// Holds `bytes` back in the reserve file (written, not sparse) while there is room for it
/// twice over; true when the reserve is in place.
bool ensureSpaceReserve(const QString &path, qint64 bytes)
{
    if (bytes <= 0)
        return true;
    if (QFileInfo(path).size() >= bytes)
        return true;
    const auto available = freeBytes(QFileInfo(path).absolutePath());
    if (!available || *available < 2 * bytes)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray chunk(1024 * 1024, '\0');
    for (qint64 written = 0; written < bytes;) {
        const auto n = std::min<qint64>(chunk.size(), bytes - written);
        if (file.write(chunk.constData(), n) != n) {
            file.close();
            QFile::remove(path);
            return false;
        }
        written += n;
    }
    return file.flush();
}

} // namespace

QString JournalStartupReport::describe() const
{
    QStringList parts;
    if (outcome == JournalStartup::Recovered) {
        parts.append(QStringLiteral("the journal was damaged (%1) and was set aside as %2").arg(damage, damagedCopy));
        if (!restoredBackup.isEmpty())
            parts.append(QStringLiteral("it was restored from the backup taken at %1 (%2); %3 session(s) recorded later "
                                        "were re-indexed from their sidecars; audit entries, events, step results and "
                                        "account changes journaled after %1 may be missing")
                             .arg(backupTakenAt.toUTC().toString(Qt::ISODate), restoredBackup)
                             .arg(reindexedSessions));
        else
            parts.append(QStringLiteral("no usable backup: a new journal was started and %1 session(s) were re-indexed "
                                        "from their sidecars; accounts, the audit history, events and step results "
                                        "of earlier sessions are missing")
                             .arg(reindexedSessions));
        if (!unusableBackups.isEmpty())
            parts.append(QStringLiteral("damaged backups skipped: %1").arg(unusableBackups.join(QStringLiteral(", "))));
        if (!unreadableSidecars.isEmpty())
            parts.append(QStringLiteral("unreadable sidecars: %1").arg(unreadableSidecars.join(QStringLiteral(", "))));
    }
    if (accountsLost)
        parts.append(QStringLiteral("this data folder had accounts but the journal has none: branch IT must restore "
                                    "them (no first account can be created here)"));
    return parts.join(QStringLiteral("; "));
}

Journal::Journal(std::shared_ptr<Database> database, seal::SecretKey key, QString anchorPath, const Clock &clock,
                 AccountPolicy accounts)
    : m_database(database), m_sessions(database, std::move(key)), m_audit(database, std::move(anchorPath), clock),
      m_users(database, clock, accounts), m_qc(database, m_audit), m_clock(&clock)
{
}

QStringList JournalStartupReport::integrityProblems() const
{
    QStringList lines;
    for (const auto &found : audit.breaks)
        lines.append(QStringLiteral("audit log: %1").arg(found.problem));
    if (audit.moreBreaks > 0)
        lines.append(QStringLiteral("audit log: %1 more break(s)").arg(audit.moreBreaks));
    for (const auto &account : accountProblems)
        lines.append(QStringLiteral("accounts: %1").arg(account.problem));
    if (oldChainBroken && audit.intact)
        lines.append(QStringLiteral("audit log: %1").arg(integrityUpgrade));
    return lines;
}

void Journal::keyAtUpgrade(JournalStartupReport &report)
{
    auto keying = m_audit.keyExistingChain();
    if (!keying) {
        report.integrityUpgrade = QStringLiteral("the audit chain could not be keyed: %1").arg(keying.error().toString());
        return;
    }
    if (keying->keyed) {
        report.integrityUpgrade = QStringLiteral("the audit chain of %1 row(s) verified with the old unkeyed scheme and was keyed")
                                      .arg(keying->rows);
    } else {
        report.oldChainBroken = true;
        report.integrityUpgrade = QStringLiteral("the old audit chain did not verify at the upgrade (row %1: %2); its %3 row(s) "
                                                 "were not keyed")
                                      .arg(keying->oldChain.firstBadSeq)
                                      .arg(keying->oldChain.problem)
                                      .arg(keying->rows);
    }
    auto sealed = m_users.sealAll();
    const QString accounts = sealed ? QStringLiteral("accounts sealed as found at the upgrade: %1")
                                          .arg(sealed->isEmpty() ? QStringLiteral("none") : sealed->join(QStringLiteral(", ")))
                                    : QStringLiteral("the accounts could not be sealed: %1").arg(sealed.error().toString());
    (void)m_audit.append(QStringLiteral("system"), AuditAction::IntegrityUpgrade, QStringLiteral("audit-log"),
                         report.integrityUpgrade + QStringLiteral("; ") + accounts);
}

void Journal::checkChains(JournalStartupReport &report)
{
    auto audit = m_audit.verifySinceMark(report.fullCheck);
    if (audit) {
        report.audit = *audit;
    } else {
        report.audit.intact = false;
        report.audit.problem = QStringLiteral("the audit log cannot be checked: %1").arg(audit.error().toString());
        report.audit.breaks.append({0, report.audit.problem});
    }
    if (auto seals = m_users.checkSeals())
        report.accountProblems = *seals;
    if (!report.integrityBroken())
        return;
    // Each finding is audited once (the same break is still told at every start): the digests
    // of the findings already audited are kept, the newest 200.
    const auto problems = report.integrityProblems();
    QStringList reported;
    if (auto stored = m_database->run(QStringLiteral("SELECT value FROM maintenance WHERE key = ?"), {QLatin1String(kReportedIntegrityKey)});
        stored && stored->next())
        reported = stored->value(0).toString().split(u' ', Qt::SkipEmptyParts);
    QStringList fresh;
    for (const auto &problem : problems) {
        const auto digest = QString::fromLatin1(QCryptographicHash::hash(problem.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
        if (reported.contains(digest))
            continue;
        reported.append(digest);
        fresh.append(problem);
    }
    if (fresh.isEmpty())
        return;
    (void)m_audit.append(QStringLiteral("system"), AuditAction::IntegrityAlert,
                         report.audit.intact ? QStringLiteral("accounts") : QStringLiteral("audit-row-%1").arg(report.audit.firstBadSeq),
                         fresh.join(QStringLiteral("; ")));
    (void)m_database->run(QStringLiteral("INSERT OR REPLACE INTO maintenance (key, value) VALUES (?, ?)"),
                          {QLatin1String(kReportedIntegrityKey), reported.mid(std::max<qsizetype>(0, reported.size() - 200)).join(u' ')});
}

Result<JournalBackupFile> Journal::backup()
{
    return m_backups->take(*m_database, m_clock->wallNow());
}

void Journal::reindex(JournalStartupReport &report)
{
    QStringList sidecars;
    for (const auto &folder : recordingFolders(m_dataDirectory))
        sidecars += findSidecars(folder, m_evidenceKeys.get());
    for (const auto &sidecar : std::as_const(sidecars)) {
        auto session = readSidecar(sidecar, m_evidenceKeys.get());
        if (!session) {
            report.unreadableSidecars.append(sidecar);
            continue;
        }
        if (auto existing = sessions().find(session->record.id); existing && *existing)
            continue; // in the restored backup, or two sidecars of one session (recording and re-encoded copy)
        // A re-recording's original may not have been re-indexed: keep the link only if it is.
        if (!session->record.previousSession.isNull()) {
            auto previous = sessions().find(session->record.previousSession);
            if (!previous || !*previous)
                session->record.previousSession = {};
        }
        if (auto created = sessions().create(session->record); !created) {
            report.unreadableSidecars.append(sidecar);
            continue;
        }
        for (const auto &media : std::as_const(session->media))
            (void)sessions().addMediaFile(session->record.id, media);
        if (auto adopted = sessions().adoptEvidence(session->record.id, SessionRepository::evidenceOfFiles(session->media),
                                                    QDateTime::currentDateTimeUtc(),
                                                    QStringLiteral("re-indexed from its sidecar %1").arg(sidecar));
            !adopted)
            report.unreadableSidecars.append(sidecar);
        ++report.reindexedSessions;
    }
}

Result<std::unique_ptr<Journal>> Journal::open(const QString &dataDirectory, const Clock &clock, Options options)
{
    if (!QDir().mkpath(dataDirectory))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create the data folder %1").arg(dataDirectory));
    // Owner-only: a folder made by an older version (0755, files 0644) is tightened (audited below).
    // Key files are left to their store, which refuses one that others could read.
    auto tightened = makeOwnerOnly(dataDirectory, {QStringLiteral("keys")});
    if (!tightened)
        return std::unexpected(tightened.error());
    // The journal's keys come from the device keys: the composition root's, else the device key
    // kept in owner-only files (tests of the journal alone; see Options::evidenceKeys).
    std::shared_ptr<const seal::DeviceKeys> deviceKeys = options.evidenceKeys;
    if (!deviceKeys) {
        seal::FileKeyStore store(QDir(dataDirectory).filePath(QStringLiteral("keys")));
        auto opened = seal::DeviceKeys::open(dataDirectory, store);
        if (!opened)
            return std::unexpected(opened.error());
        deviceKeys = std::make_shared<const seal::DeviceKeys>(std::move(*opened));
    }
    auto integrityKey = deviceKeys->derive(seal::DerivedKey::Integrity);
    if (!integrityKey)
        return std::unexpected(integrityKey.error());
    const auto path = databasePath(dataDirectory);
    const QString anchorPath = path + QStringLiteral(".audit-anchor");
    const auto now = clock.wallNow();
    auto backups = std::make_unique<JournalBackups>(QDir(dataDirectory).absolutePath(), options.backupGenerations);

    JournalStartupReport report;
    report.outcome = QFileInfo::exists(path) ? JournalStartup::Healthy : JournalStartup::Created;
    if (report.outcome == JournalStartup::Healthy) {
        CheckOutcome outcome;
        {
            auto existing = Database::open(path, options.faults);
            if (!existing && existing.error().code != ErrorCode::DataCorrupt)
                return std::unexpected(existing.error());
            if (!existing) {
                outcome = {true, existing.error().detail};
            } else {
                const auto last = lastFullCheck(**existing);
                report.fullCheck = options.forceFullCheck || !last.isValid()
                                   || last.daysTo(now) >= options.fullCheckInterval.count();
                auto checked = checkIntegrity(**existing, report.fullCheck);
                if (!checked)
                    return std::unexpected(checked.error());
                outcome = *checked;
            }
        }
        if (outcome.damaged) {
            const auto permissions = QFile::permissions(path);
            auto copy = setAside(dataDirectory, path, anchorPath, now);
            if (!copy)
                return std::unexpected(copy.error());
            report.outcome = JournalStartup::Recovered;
            report.damagedCopy = *copy;
            report.damage = outcome.damage;
            // The newest backup that passes the full check comes back, with its own anchor.
            for (const auto &candidate : backups->list()) {
                if (const auto problem = JournalBackups::damageOf(candidate.path); !problem.isEmpty()) {
                    report.unusableBackups.append(candidate.path);
                    continue;
                }
                if (!QFile::copy(candidate.path, path))
                    return fail(ErrorCode::IoError, QStringLiteral("cannot restore the journal backup %1").arg(candidate.path));
                QFile::setPermissions(path, permissions);
                const QString candidateAnchor = candidate.path + QStringLiteral(".audit-anchor");
                if (QFileInfo::exists(candidateAnchor) && !QFile::copy(candidateAnchor, anchorPath))
                    return fail(ErrorCode::IoError, QStringLiteral("cannot restore the audit anchor of %1").arg(candidate.path));
                report.restoredBackup = candidate.path;
                report.backupTakenAt = candidate.takenAt;
                break;
            }
        }
    }

    auto database = Database::open(path, options.faults);
    if (!database)
        return std::unexpected(database.error());
    auto found = Schema::migrate(**database);
    if (!found)
        return std::unexpected(found.error());
    report.schemaVersionFound = *found;
    auto key = personalDataKey(dataDirectory, *deviceKeys, **database);
    if (!key)
        return std::unexpected(key.error());
    report.personalDataKeyMoved = key->moved;
    report.folderAdopted = deviceKeys->adoption();
    if (tightened->changed())
        report.permissionsTightened =
            QStringLiteral("the data folder %1 was open to other users%2: %3 folder(s) and %4 file(s) were made readable by "
                           "their owner only")
                .arg(QDir::toNativeSeparators(dataDirectory),
                     tightened->folderModeBefore.isEmpty() ? QString() : QStringLiteral(" (mode %1)").arg(tightened->folderModeBefore))
                .arg(tightened->folders)
                .arg(tightened->files);

    std::unique_ptr<Journal> journal(new Journal(*database, std::move(key->key), anchorPath, clock, options.accounts));
    journal->m_audit.setIntegrityKey(*integrityKey);
    journal->m_users.setIntegrityKey(*integrityKey);
    journal->m_dataDirectory = QDir(dataDirectory).absolutePath();
    journal->m_evidenceKeys = options.evidenceKeys;
    journal->m_backups = std::move(backups);
    journal->m_backups->setAnchorText([audit = &journal->m_audit](const QString &line) { return audit->anchorText(line); });
    journal->m_users.setAccountsMarker(accountsMarkerPath(journal->m_dataDirectory));
    // The space reserve comes back when there is room again; the journal gives it up when the
    // disk runs low, before a write transaction.
    const auto reservePath = spaceReservePath(journal->m_dataDirectory);
    report.spaceReserveMissing = !ensureSpaceReserve(reservePath, options.spaceReserveBytes);
    if (options.spaceReserveBytes > 0)
        journal->m_database->setLowSpaceGuard(options.spaceReserveBytes, [reservePath] { QFile::remove(reservePath); });
    if (report.fullCheck && report.outcome == JournalStartup::Healthy) {
        auto stored = journal->m_database->run(QStringLiteral("INSERT OR REPLACE INTO maintenance (key, value) VALUES (?, ?)"),
                                               {QLatin1String(kLastFullCheckKey), now.toUTC().toString(Qt::ISODateWithMs)});
        if (!stored)
            return std::unexpected(stored.error());
    }
    if (report.schemaVersionFound > 0 && report.schemaVersionFound < 10) // before 0010-keyed-integrity
        journal->keyAtUpgrade(report);
    if (report.outcome == JournalStartup::Recovered)
        journal->reindex(report);
    journal->checkChains(report);
    if (report.personalDataKeyMoved)
        (void)journal->audit().append(QStringLiteral("system"), AuditAction::IntegrityUpgrade, QStringLiteral("personal-data-key"),
                                      QStringLiteral("the raw personal-data key file keys/customer-data.key was wrapped by the "
                                                     "device key into %1 and removed")
                                          .arg(QFileInfo(wrappedPersonalDataKeyPath(dataDirectory)).fileName()));
    if (!report.folderAdopted.isEmpty())
        (void)journal->audit().append(QStringLiteral("system"), AuditAction::IntegrityUpgrade, QStringLiteral("folder-marker"),
                                      report.folderAdopted);
    if (!report.permissionsTightened.isEmpty())
        (void)journal->audit().append(QStringLiteral("system"), AuditAction::PermissionsTightened, QStringLiteral("data-folder"),
                                      report.permissionsTightened);
    // Accounts: a folder that has them gets the marker (also for journals older than the marker);
    // a folder that had them and now has none must not look like a first run.
    const auto accounts = journal->m_users.count();
    if (accounts && *accounts > 0) {
        (void)journal->m_users.markAccountsExist();
    } else if (accounts && journal->m_users.hadAccounts()) {
        report.accountsLost = true;
    }
    if (report.needsAttention())
        (void)journal->audit().append(QStringLiteral("system"), AuditAction::JournalRecovered,
                                      report.damagedCopy.isEmpty() ? QStringLiteral("users") : report.damagedCopy,
                                      report.describe());
    // The start-up backup (at most once per interval), of a journal that checked out or was just restored.
    if (report.outcome != JournalStartup::Created) {
        auto taken = journal->m_backups->takeIfOlderThan(*journal->m_database, now,
                                                         report.outcome == JournalStartup::Recovered
                                                             ? std::chrono::hours(0)
                                                             : options.startBackupInterval);
        if (!taken)
            report.backupProblem = taken.error().toString();
    }
    journal->m_startup = report;
    return journal;
}

} // namespace dualrec::storage
