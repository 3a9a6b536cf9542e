#pragma once

#include "core/seal/passwordhash.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace dualrec::storage {

/// What a local account may do. Agents record; supervisors also review history and change
/// settings; IT accounts are supervisors created by branch IT. Names are stable (stored).
enum class UserRole : quint8 { Invalid = 0, Agent, Supervisor, It };

[[nodiscard]] const char *userRoleName(UserRole role);
[[nodiscard]] UserRole userRoleFromName(QStringView name);
/// Supervisors and IT may see the history and the settings.
[[nodiscard]] constexpr bool canSupervise(UserRole role)
{
    switch (role) {
    case UserRole::Supervisor:
    case UserRole::It:
        return true;
    case UserRole::Agent:
    case UserRole::Invalid:
        return false;
    }
    return false;
}

struct User final {
    qint64 id = 0;
    QString login;
    QString displayName;
    UserRole role = UserRole::Invalid;
};

enum class LoginResult : quint8 {
    Invalid = 0,
    Accepted,
    Rejected,  ///< unknown login or wrong password (not told apart, on purpose)
    LockedOut, ///< too many failures: the account is locked until `lockedUntil`
};

struct LoginOutcome final {
    LoginResult result = LoginResult::Invalid;
    std::optional<User> user;   ///< Accepted only
    QDateTime lockedUntil;      ///< LockedOut only (UTC)
    int attemptsLeft = 0;       ///< Rejected for a known login: failures left before the lock
};

/// The lockout rule and the hashing work factor.
struct AccountPolicy final {
    int maxFailures = 5;                      ///< consecutive failures that lock an account
    std::chrono::minutes lockFor{15};
    int hashIterations = seal::kDefaultPasswordIterations;
    int minimumPasswordLength = 8;
};

/// Local accounts: agents, supervisors and IT. Passwords are stored only as salted
/// PBKDF2-HMAC-SHA256 hashes (core/seal/passwordhash.h). After `maxFailures` consecutive wrong
/// passwords the account is locked for `lockFor`; a correct password afterwards resets the
/// count. The only place with SQL about users.
/// Thread contract: thread-safe (each thread uses its own connection); authenticate() and add()
/// take PBKDF2 time.
class UserRepository final
{
public:
    UserRepository(std::shared_ptr<Database> database, const Clock &clock, AccountPolicy policy = {});

    [[nodiscard]] const AccountPolicy &policy() const { return m_policy; }

    [[nodiscard]] Result<qint64> count();
    [[nodiscard]] Result<QList<User>> list();
    /// Creates an account. Fails with InvalidArgument for an empty or taken login, an empty
    /// display name, an invalid role or a password shorter than the policy's minimum.
    [[nodiscard]] Result<User> add(const QString &login, const QString &displayName, UserRole role,
                                   const QString &password);
    /// Sets a new password and unlocks the account (branch IT's reset).
    [[nodiscard]] Result<void> setPassword(const QString &login, const QString &password);
    /// Checks a login and password and keeps the failure count. An unknown login costs the same
    /// hashing time as a known one.
    [[nodiscard]] Result<LoginOutcome> authenticate(const QString &login, const QString &password);

private:
    std::shared_ptr<Database> m_database;
    const Clock *m_clock;
    AccountPolicy m_policy;
    QString m_dummyHash; ///< verified against for unknown logins
};

} // namespace dualrec::storage
