#include "core/storage/unsyncedevidence.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace dualrec::storage {

bool evidenceAwaitsInsurer(EvidenceState state)
{
    switch (state) {
    case EvidenceState::Recording:
    case EvidenceState::Recorded:
    case EvidenceState::Stored:
    case EvidenceState::Sealed:
    case EvidenceState::Uploading:
        return true;
    case EvidenceState::Invalid:
    case EvidenceState::NoRecording:
    case EvidenceState::Acknowledged:
    case EvidenceState::Purged:
    case EvidenceState::Missing:
        break;
    }
    return false;
}

int UnsyncedEvidence::notSealed() const
{
    return sessionsByState.value(EvidenceState::Recording) + sessionsByState.value(EvidenceState::Recorded)
           + sessionsByState.value(EvidenceState::Stored) + unknownStates;
}

int UnsyncedEvidence::sealedNotAcknowledged() const
{
    return sessionsByState.value(EvidenceState::Sealed) + sessionsByState.value(EvidenceState::Uploading);
}

namespace {

Result<UnsyncedEvidence> readWith(QSqlDatabase &db, const QString &databasePath)
{
    const QString where = QDir::toNativeSeparators(databasePath);
    if (!db.open())
        return fail(ErrorCode::IoError, QStringLiteral("%1 cannot be opened for reading: %2").arg(where, db.lastError().text()));
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT evidence_state, COUNT(*) FROM sessions GROUP BY evidence_state"))) {
        const QString why = query.lastError().text();
        const bool oldOrForeign = why.contains(QLatin1String("no such"));
        return fail(oldOrForeign ? ErrorCode::FormatError : ErrorCode::IoError,
                    QStringLiteral("%1: the sessions' evidence states cannot be read (%2)").arg(where, why));
    }
    UnsyncedEvidence result;
    while (query.next()) {
        const QString name = query.value(0).toString();
        const int count = query.value(1).toInt();
        const auto state = workflow::enumFromName(kEvidenceStateNames, name);
        if (!state)
            result.unknownStates += count; // a newer version's state: never assume it is safe to lose
        else if (evidenceAwaitsInsurer(*state))
            result.sessionsByState[*state] += count;
    }
    return result;
}

} // namespace

Result<UnsyncedEvidence> readUnsyncedEvidence(const QString &databasePath)
{
    if (!QFileInfo(databasePath).isFile())
        return fail(ErrorCode::NotFound, QStringLiteral("there is no journal at %1").arg(QDir::toNativeSeparators(databasePath)));
    static QAtomicInteger<quint64> serial;
    const QString name = QStringLiteral("dualrec-unsynced-%1").arg(serial.fetchAndAddRelaxed(1));
    Result<UnsyncedEvidence> result = fail(ErrorCode::InternalError, QStringLiteral("not read"));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        result = readWith(db, databasePath);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace dualrec::storage
