#pragma once

#include "core/storage/database.h"
#include "core/storage/schema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <catch2/catch_test_macros.hpp>

namespace dualrec::test {

/// Raw SQL on a journal file through a separate connection: what an attacker or a damaged disk
/// can do behind the repositories' back. Tests only.
class RawSql final
{
public:
    explicit RawSql(const QString &path)
        : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
    }
    ~RawSql()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawSql(const RawSql &) = delete;
    RawSql &operator=(const RawSql &) = delete;

    void exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        INFO(sql.toStdString());
        REQUIRE(query.exec(sql));
    }
    QStringList column(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        INFO(sql.toStdString());
        REQUIRE(query.exec(sql));
        QStringList values;
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }
    QString value(const QString &sql)
    {
        const auto values = column(sql);
        return values.value(0);
    }

private:
    QString m_name;
};

/// Fails exactly the n-th statement (counting from 0), then lets everything pass.
class FailNth final : public storage::FaultInjector
{
public:
    explicit FailNth(int n) : m_n(n) {}
    std::optional<Error> beforeStatement(QStringView sql) override
    {
        if (m_seen++ == m_n)
            return Error{ErrorCode::IoError, QStringLiteral("injected fault at statement %1: ").arg(m_n) + sql.left(40)};
        return std::nullopt;
    }
    [[nodiscard]] int seen() const { return m_seen; }
    [[nodiscard]] bool fired() const { return m_seen > m_n; }

private:
    int m_n;
    int m_seen = 0;
};

} // namespace dualrec::test
