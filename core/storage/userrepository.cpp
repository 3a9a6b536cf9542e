#include "core/storage/userrepository.h"

#include "core/storage/accountrules.h"
#include "core/util/text.h"

#include <QFileInfo>
#include <QSaveFile>

namespace dualrec::storage {

namespace {

QString utc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

const char *userRoleName(UserRole role)
{
    switch (role) {
    case UserRole::Agent:
        return "agent";
    case UserRole::Supervisor:
        return "supervisor";
    case UserRole::It:
        return "it";
    case UserRole::Invalid:
        return "invalid";
    }
    return "invalid";
}

UserRole userRoleFromName(QStringView name)
{
    for (auto role : {UserRole::Agent, UserRole::Supervisor, UserRole::It}) {
        if (name == QLatin1String(userRoleName(role)))
            return role;
    }
    return UserRole::Invalid;
}

UserRepository::UserRepository(std::shared_ptr<Database> database, const Clock &clock, AccountPolicy policy)
    : m_database(std::move(database)), m_clock(&clock), m_policy(policy),
      m_dummyHash(seal::unmatchableHash(policy.hashIterations))
{
}

Result<qint64> UserRepository::count()
{
    auto query = m_database->run(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!query)
        return std::unexpected(query.error());
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<QList<User>> UserRepository::list()
{
    auto query = m_database->run(QStringLiteral("SELECT id, login, display_name, role FROM users ORDER BY login"));
    if (!query)
        return std::unexpected(query.error());
    QList<User> users;
    while (query->next()) {
        users.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                      userRoleFromName(query->value(3).toString())});
    }
    return users;
}

Result<void> UserRepository::checkAccount(const QString &login, const QString &displayName, UserRole role)
{
    if (login.trimmed().isEmpty() || displayName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a login and a display name"));
    if (auto normal = normalizedLogin(login); !normal)
        return std::unexpected(normal.error());
    if (const auto at = firstUnprintable(displayName))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the display name contains an invisible or control character (%1)")
                                                    .arg(describeUnprintable(displayName, *at)));
    if (role == UserRole::Invalid)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a role"));
    return {};
}

Result<User> UserRepository::add(const QString &login, const QString &displayName, UserRole role,
                                  const QString &password)
{
    // Checked before the (slow) hashing, so a bad form fails at once.
    if (auto valid = checkAccount(login, displayName, role); !valid)
        return std::unexpected(valid.error());
    if (auto good = requireGoodPassword(password, m_policy.minimumPasswordLength); !good)
        return std::unexpected(good.error());
    auto hash = seal::hashPassword(password, m_policy.hashIterations);
    if (!hash)
        return std::unexpected(hash.error());
    return addHashed(login, displayName, role, *hash);
}

Result<User> UserRepository::addHashed(const QString &login, const QString &displayName, UserRole role,
                                       const QString &passwordHash)
{
    if (auto valid = checkAccount(login, displayName, role); !valid)
        return std::unexpected(valid.error());
    // Stored normalised (NFKC, case-folded): "ALICE" and "alice" are one login.
    const auto trimmedLogin = normalizedLogin(login).value_or(QString());
    if (passwordHash.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a password hash"));
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    {
        // Compared in normal form, so accounts stored before logins were normalised count too.
        auto existing = m_database->run(QStringLiteral("SELECT login FROM users"));
        if (!existing)
            return std::unexpected(existing.error());
        while (existing->next()) {
            const auto stored = existing->value(0).toString();
            if (normalizedLogin(stored).value_or(stored) == trimmedLogin)
                return fail(ErrorCode::InvalidArgument, QStringLiteral("the login %1 is taken").arg(trimmedLogin));
        }
    }
    qint64 id = 0;
    {
        auto inserted = m_database->run(
            QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, failed_attempts, created_at_utc) "
                           "VALUES (?,?,?,?,0,?)"),
            {trimmedLogin, displayName.trimmed(), QLatin1String(userRoleName(role)), passwordHash, utc(m_clock->wallNow())});
        if (!inserted)
            return std::unexpected(inserted.error());
        id = inserted->lastInsertId().toLongLong();
    }
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    if (auto marked = markAccountsExist(); !marked)
        return std::unexpected(marked.error());
    return User{id, trimmedLogin, displayName.trimmed(), role};
}

bool UserRepository::hadAccounts() const
{
    return !m_accountsMarker.isEmpty() && QFileInfo::exists(m_accountsMarker);
}

Result<void> UserRepository::markAccountsExist() const
{
    if (m_accountsMarker.isEmpty() || QFileInfo::exists(m_accountsMarker))
        return {};
    QSaveFile file(m_accountsMarker);
    if (!file.open(QIODevice::WriteOnly)
        || file.write("This DualRec data folder has local accounts. If the journal has none, it was damaged or "
                      "replaced: restore it; never create a first account here.\n") < 0
        || !file.commit())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write the accounts marker %1: %2").arg(m_accountsMarker, file.errorString()));
    return {};
}

Result<void> UserRepository::setPassword(const QString &login, const QString &password)
{
    if (auto good = requireGoodPassword(password, m_policy.minimumPasswordLength); !good)
        return std::unexpected(good.error());
    auto hash = seal::hashPassword(password, m_policy.hashIterations);
    if (!hash)
        return std::unexpected(hash.error());
    auto updated = m_database->run(
        QStringLiteral("UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until_utc = NULL WHERE login = ?"),
        {*hash, normalizedLogin(login).value_or(login.trimmed())});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->numRowsAffected() != 1)
        return fail(ErrorCode::NotFound, QStringLiteral("no account %1").arg(login.trimmed()));
    return {};
}

bool LoginAttempt::verifyPassword(const QString &password) const
{
    return seal::verifyPassword(password, storedHash);
}

Result<LoginOutcome> UserRepository::authenticate(const QString &login, const QString &password)
{
    const auto attempt = prepareLogin(login);
    if (!attempt)
        return std::unexpected(attempt.error());
    if (attempt->decided)
        return *attempt->decided;
    return finishLogin(*attempt, attempt->verifyPassword(password));
}

Result<LoginAttempt> UserRepository::prepareLogin(const QString &login)
{
    LoginAttempt attempt;
    attempt.login = normalizedLogin(login).value_or(login.trimmed());
    auto query = m_database->run(
        QStringLiteral("SELECT id, password_hash, locked_until_utc FROM users WHERE login = ?"), {attempt.login});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next()) {
        attempt.storedHash = m_dummyHash;
        return attempt;
    }
    attempt.userId = query->value(0).toLongLong();
    attempt.storedHash = query->value(1).toString();
    if (const auto text = query->value(2).toString(); !text.isEmpty()) {
        const auto lockedUntil = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (lockedUntil.isValid() && m_clock->wallNow().toUTC() < lockedUntil)
            attempt.decided = LoginOutcome{LoginResult::LockedOut, std::nullopt, lockedUntil, 0};
    }
    return attempt;
}

Result<LoginOutcome> UserRepository::finishLogin(const LoginAttempt &attempt, bool passwordMatches)
{
    if (attempt.decided)
        return *attempt.decided;
    if (attempt.userId == 0)
        return LoginOutcome{LoginResult::Rejected, std::nullopt, {}, 0};
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    User user;
    int failures = 0;
    QDateTime lockedUntil;
    {
        auto query = m_database->run(
            QStringLiteral("SELECT id, login, display_name, role, password_hash, failed_attempts, locked_until_utc "
                           "FROM users WHERE id = ?"),
            {attempt.userId});
        if (!query)
            return std::unexpected(query.error());
        if (!query->next()) // removed while the password was checked
            return LoginOutcome{LoginResult::Rejected, std::nullopt, {}, 0};
        user = {query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                userRoleFromName(query->value(3).toString())};
        // A password reset while the old hash was checked: the old password is wrong now.
        if (query->value(4).toString() != attempt.storedHash)
            passwordMatches = false;
        failures = query->value(5).toInt();
        if (const auto text = query->value(6).toString(); !text.isEmpty())
            lockedUntil = QDateTime::fromString(text, Qt::ISODateWithMs);
    }
    const auto now = m_clock->wallNow().toUTC();
    // Another attempt locked the account while this one was being checked.
    if (lockedUntil.isValid() && now < lockedUntil)
        return LoginOutcome{LoginResult::LockedOut, std::nullopt, lockedUntil, 0};

    if (passwordMatches) {
        {
            auto reset = m_database->run(
                QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until_utc = NULL WHERE id = ?"), {user.id});
            if (!reset)
                return std::unexpected(reset.error());
        }
        if (auto committed = transaction->commit(); !committed)
            return std::unexpected(committed.error());
        return LoginOutcome{LoginResult::Accepted, user, {}, m_policy.maxFailures};
    }
    // A lock that has run out starts a fresh count.
    if (lockedUntil.isValid())
        failures = 0;
    ++failures;
    const bool lock = failures >= m_policy.maxFailures;
    const auto until = now.addSecs(std::chrono::duration_cast<std::chrono::seconds>(m_policy.lockFor).count());
    {
        auto updated = m_database->run(
            QStringLiteral("UPDATE users SET failed_attempts = ?, locked_until_utc = ? WHERE id = ?"),
            {lock ? 0 : failures, lock ? QVariant(utc(until)) : QVariant(QMetaType(QMetaType::QString)), user.id});
        if (!updated)
            return std::unexpected(updated.error());
    }
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    if (lock)
        return LoginOutcome{LoginResult::LockedOut, std::nullopt, until, 0};
    return LoginOutcome{LoginResult::Rejected, std::nullopt, {}, m_policy.maxFailures - failures};
}

} // namespace dualrec::storage
