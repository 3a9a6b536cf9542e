#pragma once

// Tests only: a data folder with a real recording in it, made the way branch IT makes one
// (`dualrec record` with the built-in demo source, as a separate process), its accounts added
// with `dualrec user add`, and the audit rows the export and report tests look at.
#include "tests/support/clirun.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <catch2/catch_test_macros.hpp>

namespace dualrec::test {

/// How the demo recording is made; the defaults are a short, fast traditional-life sale.
struct DemoRecording {
    QString applicationNo = QStringLiteral("P2026-0042");
    QString agent = QStringLiteral("A-007");
    QString templateId = QStringLiteral("traditional-life");
    QString size = QStringLiteral("320x240");
    int seconds = 2;
    bool fast = true;   ///< --pace fast (the steps' minimum times are not waited for)
    QStringList extra;  ///< more arguments, e.g. --presence guard or --templates DIR
};

/// The recording made and its session.
struct RecordedDemo {
    QString recording; ///< the finalized (encrypted) MP4
    QString sessionId;
};

/// `dualrec record --source demo --answers auto` into `dataFolder` (recordings in its recordings/
/// folder); the data folder's device key in the file store under it, as the fixtures keep theirs.
inline RecordedDemo recordDemo(const QString &dataFolder, const DemoRecording &how = {})
{
    QStringList arguments{QStringLiteral("record"), QStringLiteral("--data-dir"), dataFolder, QStringLiteral("--out"),
                          QDir(dataFolder).filePath(QStringLiteral("recordings")), QStringLiteral("--source"), QStringLiteral("demo"),
                          QStringLiteral("--template"), how.templateId, QStringLiteral("--application-no"), how.applicationNo,
                          QStringLiteral("--agent"), how.agent, QStringLiteral("--duration"), QString::number(how.seconds),
                          QStringLiteral("--answers"), QStringLiteral("auto"), QStringLiteral("--size"), how.size};
    if (how.fast)
        arguments << QStringLiteral("--pace") << QStringLiteral("fast");
    const auto recorded = runDualrec(arguments + how.extra, {}, 180000);
    INFO(recorded.out.toStdString() << recorded.err.toStdString());
    REQUIRE(recorded.exitCode == 0);
    const auto match = QRegularExpression(QStringLiteral("^recording: (.*)$"), QRegularExpression::MultilineOption).match(recorded.out);
    REQUIRE(match.hasMatch());
    const QString recording = QDir::cleanPath(match.captured(1).trimmed());
    REQUIRE(QFileInfo::exists(recording));
    return {recording, QFileInfo(recording).completeBaseName()};
}

/// `dualrec user add LOGIN --role ROLE [--name NAME]` with the password on standard input.
inline void addAccount(const QString &dataFolder, const QString &login, const QString &role, const QByteArray &password,
                       const QString &name = {})
{
    QStringList arguments{QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role};
    if (!name.isEmpty())
        arguments << QStringLiteral("--name") << name;
    const auto added = runDualrec(arguments + QStringList{QStringLiteral("--data-dir"), dataFolder}, password + '\n');
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
}

/// The audit rows of action "export" as "actor|detail" lines, oldest first (read straight from
/// the journal's SQLite file, as an auditor would).
inline QStringList exportAudit(const QString &dataFolder)
{
    const QString connection = QStringLiteral("test-export-audit");
    QStringList rows;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QDir(dataFolder).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("SELECT actor, detail FROM audit_log WHERE action = 'export' ORDER BY seq")));
        while (query.next())
            rows.append(query.value(0).toString() + u'|' + query.value(1).toString());
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

} // namespace dualrec::test
