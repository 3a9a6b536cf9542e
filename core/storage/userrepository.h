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

/// The first part of a sign-in split so that the PBKDF2 work can leave the thread that owns the
/// database connection: UserRepository::prepareLogin() reads the account (fast),
/// verifyPassword() hashes (slow, pure, thread-safe), UserRepository::finishLogin() keeps the
/// failure count (fast). A value: copy it into a worker freely.
struct LoginAttempt final {
    QString login;                       ///< trimmed
    qint64 userId = 0;                   ///< 0: unknown login (verified against a dummy hash all the same)
    QString storedHash;                  ///< the account's hash, or the dummy hash
    std::optional<LoginOutcome> decided; ///< set when no password can change the outcome (locked)

    /// True when `password` matches the stored hash. Thread-safe; takes PBKDF2 time.
    [[nodiscard]] bool verifyPassword(const QString &password) const;
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
    /// add() with the password already hashed by seal::hashPassword() (which may run in a worker:
    /// it is the slow part). The caller has checked the password against the policy.
    [[nodiscard]] Result<User> addHashed(const QString &login, const QString &displayName, UserRole role,
                                         const QString &passwordHash);
    /// Sets a new password and unlocks the account (branch IT's reset).
    [[nodiscard]] Result<void> setPassword(const QString &login, const QString &password);
    /// Checks a login and password and keeps the failure count. An unknown login costs the same
    /// hashing time as a known one. Takes PBKDF2 time on the calling thread: the GUI uses
    /// prepareLogin() / LoginAttempt::verifyPassword() / finishLogin() instead.
    [[nodiscard]] Result<LoginOutcome> authenticate(const QString &login, const QString &password);
    /// Reads what a sign-in of `login` needs; no hashing. When the account is locked the
    /// attempt is already decided (LockedOut) and needs no password check.
    [[nodiscard]] Result<LoginAttempt> prepareLogin(const QString &login);
    /// Records the outcome of `attempt`'s password check: resets the failure count on a match,
    /// otherwise counts one failure and locks the account at the policy's limit. Re-reads the
    /// count inside one transaction, so attempts finished in any order are each counted once.
    [[nodiscard]] Result<LoginOutcome> finishLogin(const LoginAttempt &attempt, bool passwordMatches);

    /// The file that says this data folder has had accounts; written (once) after an account is
    /// added. Set by Journal before any other thread uses the repository.
    void setAccountsMarker(const QString &path) { m_accountsMarker = path; }
    /// True when the marker exists: no first-run account may be offered even with no accounts.
    [[nodiscard]] bool hadAccounts() const;
    /// Writes the marker now (accounts exist); an error only when it cannot be written.
    [[nodiscard]] Result<void> markAccountsExist() const;

private:
    /// The fields every account needs (login, display name, role); stable English errors.
    [[nodiscard]] static Result<void> checkAccount(const QString &login, const QString &displayName, UserRole role);
    std::shared_ptr<Database> m_database;
    const Clock *m_clock;
    AccountPolicy m_policy;
    QString m_dummyHash; ///< verified against for unknown logins: well-formed, costs the same, matches nothing
    QString m_accountsMarker; ///< empty: no marker (a bare repository in tests)
};

} // namespace dualrec::storage
