#include "app/verifyjournalcommand.h"

#include "app/application.h"
#include "app/devicekeysetup.h"
#include "core/seal/mediacheck.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dualrec::app {

int runVerifyJournal(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const QString dataDirectory = Application::dataDirectory(commandLine);
    const auto refuse = [&](const QString &message) {
        if (commandLine.seal.json)
            out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact)
                << Qt::endl;
        err << "dualrec verify: " << message << Qt::endl;
        return 2;
    };
    // A folder that is only read is never created.
    if (!QFileInfo::exists(storage::Journal::databasePath(dataDirectory)))
        return refuse(QCoreApplication::translate("VerifyJournal", "there is no DualRec journal in %1 (check --data-dir)")
                          .arg(QDir::toNativeSeparators(dataDirectory)));
    auto keys = openDeviceKeys(dataDirectory, KeyOpening::ExistingOnly);
    if (!keys)
        return refuse(deviceKeyProblem(dataDirectory, keys.error()));
    if (!*keys)
        return refuse(QCoreApplication::translate("VerifyJournal", "%1 has a journal but no folder marker (%2): its keys cannot be found")
                          .arg(QDir::toNativeSeparators(dataDirectory), seal::DeviceKeys::markerName()));
    const SystemClock clock;
    storage::Journal::Options options;
    options.evidenceKeys = *keys;
    options.forceFullCheck = true; // SQLite's integrity_check and the whole audit chain
    auto journal = storage::Journal::open(dataDirectory, clock, options);
    if (!journal)
        return refuse(QCoreApplication::translate("VerifyJournal", "cannot open the journal in %1: %2")
                          .arg(QDir::toNativeSeparators(dataDirectory), journal.error().detail));
    const auto &report = (*journal)->startup();
    auto media = seal::checkMediaFiles((*journal)->database(), keys->get());
    if (!media)
        return refuse(QCoreApplication::translate("VerifyJournal", "cannot read the media files of the journal: %1").arg(media.error().detail));

    QStringList breaks;
    if (report.outcome == storage::JournalStartup::Recovered)
        breaks.append(QStringLiteral("journal: %1").arg(report.describe()));
    breaks += report.integrityProblems();
    for (const auto &mismatch : std::as_const(media->mismatches))
        breaks.append(QStringLiteral("media: %1").arg(mismatch.problem));
    if (!report.integrityUpgrade.isEmpty() && !report.oldChainBroken)
        err << "dualrec verify: " << report.integrityUpgrade << Qt::endl;

    if (commandLine.seal.json) {
        QJsonArray auditBreaks;
        for (const auto &found : report.audit.breaks)
            auditBreaks.append(QJsonObject{{QStringLiteral("row"), found.seq}, {QStringLiteral("problem"), found.problem}});
        QJsonArray accounts;
        for (const auto &account : report.accountProblems)
            accounts.append(QJsonObject{{QStringLiteral("login"), account.login},
                                        {QStringLiteral("role"), account.role},
                                        {QStringLiteral("problem"), account.problem}});
        QJsonArray files;
        for (const auto &mismatch : std::as_const(media->mismatches))
            files.append(QJsonObject{{QStringLiteral("row"), mismatch.row},
                                     {QStringLiteral("session"), mismatch.sessionId},
                                     {QStringLiteral("role"), mismatch.role},
                                     {QStringLiteral("path"), mismatch.path},
                                     {QStringLiteral("problem"), mismatch.problem}});
        const QJsonObject result{
            {QStringLiteral("ok"), breaks.isEmpty()},
            {QStringLiteral("data_dir"), QDir(dataDirectory).absolutePath()},
            {QStringLiteral("journal"), report.outcome == storage::JournalStartup::Recovered ? report.describe() : QStringLiteral("ok")},
            {QStringLiteral("audit"), QJsonObject{{QStringLiteral("rows"), report.audit.rows},
                                                  {QStringLiteral("intact"), report.audit.intact && !report.oldChainBroken},
                                                  {QStringLiteral("breaks"), auditBreaks},
                                                  {QStringLiteral("more_breaks"), report.audit.moreBreaks}}},
            {QStringLiteral("accounts"), accounts},
            {QStringLiteral("media"), QJsonObject{{QStringLiteral("files_checked"), media->filesChecked},
                                                  {QStringLiteral("packages_checked"), media->packagesChecked},
                                                  {QStringLiteral("mismatches"), files}}}};
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << (report.audit.intact && !report.oldChainBroken ? "ok     " : "FAILED ")
            << QCoreApplication::translate("VerifyJournal", "audit log: %n row(s) checked", nullptr, int(report.audit.rows)) << Qt::endl;
        out << (report.accountProblems.isEmpty() ? "ok     " : "FAILED ")
            << QCoreApplication::translate("VerifyJournal", "accounts: every account's keyed seal checked") << Qt::endl;
        out << (media->mismatches.isEmpty() ? "ok     " : "FAILED ")
            << QCoreApplication::translate("VerifyJournal", "media: %n file(s) of unsealed sessions re-hashed", nullptr, media->filesChecked)
            << QStringLiteral(", ")
            << QCoreApplication::translate("VerifyJournal", "%n sealed package(s)", nullptr, media->packagesChecked) << Qt::endl;
        for (const auto &line : std::as_const(breaks))
            out << "FAILED " << line << Qt::endl;
    }
    if (!breaks.isEmpty()) {
        err << "dualrec verify: "
            << QCoreApplication::translate("VerifyJournal", "the journal of %1 does not verify: %n problem(s); the first: %2", nullptr,
                                           int(breaks.size()))
                   .arg(QDir::toNativeSeparators(dataDirectory), breaks.first())
            << Qt::endl;
        return 1;
    }
    err << "dualrec verify: " << QCoreApplication::translate("VerifyJournal", "the journal of %1 verifies").arg(QDir::toNativeSeparators(dataDirectory))
        << Qt::endl;
    return 0;
}

} // namespace dualrec::app
