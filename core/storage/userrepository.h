#pragma once

#include "core/seal/passwordhash.h"
#include "core/seal/secretkey.h"
#include "core/storage/accountrules.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

class QSqlQuery;

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
    QString licenceNo;     ///< 执业证号, stated on camera by agents; may be empty (then no recording can start)
    bool disabled = false; ///< a disabled account cannot sign in; its sessions stay
    QDateTime lockedUntil; ///< UTC; invalid or in the past: not locked
    /// The account's keyed seal holds: DualRec made or changed it. False: the row was inserted or
    /// changed straight in the database (it cannot sign in; the start-up check reports it).
    bool confirmed = true;

    [[nodiscard]] bool lockedAt(const QDateTime &now) const { return lockedUntil.isValid() && now.toUTC() < lockedUntil; }
};

/// Why an account's fields are not acceptable, in the order the fields are asked for (login,
/// name, licence number, role, password, repetition); forms show the first one.
enum class AccountProblem : quint8 {
    Invalid = 0,
    MissingLogin,
    LoginHasSpaces,
    LoginTooLong,   ///< more than kMaximumLoginLength characters
    LoginTaken,
    MissingDisplayName,
    BadLicenceNo,   ///< not 1 to 40 letters, digits or hyphens
    MissingRole,
    PasswordTooShort,
    PasswordsDiffer,
    UnknownAccount,
    LastSupervisor, ///< the change would leave no enabled supervisor or IT account to manage the others
    OwnAccount,     ///< a supervisor cannot disable the account they are signed in with
};

[[nodiscard]] const char *accountProblemName(AccountProblem problem);


/// The fields of a new account as a form or the command line gives them.
struct NewAccount final {
    QString login;
    QString displayName;
    QString licenceNo; ///< may be empty
    UserRole role = UserRole::Invalid;
    QString password;
    QString repeatedPassword; ///< checked against `password`
};

/// What `user set` / the accounts page change; unset members stay as they are.
struct AccountChanges final {
    std::optional<QString> displayName;
    std::optional<QString> licenceNo;
    std::optional<UserRole> role;
};

enum class LoginResult : quint8 {
    Invalid = 0,
    Accepted,
    Rejected,  ///< unknown login or wrong password (not told apart, on purpose)
    LockedOut, ///< too many failures: the account is locked until `lockedUntil`
    Disabled,  ///< the right password, but the account is disabled (told only after a correct password)
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

/// An account whose keyed seal does not hold (UserRepository::checkSeals()).
struct AccountSealProblem final {
    QString login;
    QString role;    ///< as stored
    QString problem; ///< stable English: what differs
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
    /// The account `login`; NotFound when there is none.
    [[nodiscard]] Result<User> find(const QString &login);
    /// The first problem of `account`'s fields in field order (see AccountProblem), nullopt when
    /// it can be created. Reads whether the login is taken; no hashing.
    [[nodiscard]] Result<std::optional<AccountProblem>> checkNewAccount(const NewAccount &account);
    /// The problem of a password and its repetition against the policy, if any.
    [[nodiscard]] std::optional<AccountProblem> checkPassword(const QString &password, const QString &repeated) const;
    /// Changes name, licence number or role. Refuses (InvalidState, LastSupervisor) to take the
    /// last enabled supervisor or IT account's right to manage accounts.
    [[nodiscard]] Result<User> update(const QString &login, const AccountChanges &changes);
    /// Replaces the password hash (made by seal::hashPassword, maybe in a worker) and unlocks.
    [[nodiscard]] Result<void> setPasswordHash(const QString &login, const QString &passwordHash);
    /// Ends a lockout and clears the failure count.
    [[nodiscard]] Result<void> unlock(const QString &login);
    /// A disabled account cannot sign in. Refuses to disable the last enabled supervisor or IT account.
    [[nodiscard]] Result<void> disable(const QString &login);
    [[nodiscard]] Result<void> enable(const QString &login);
    /// The error a problem is reported with (InvalidArgument; LastSupervisor: InvalidState).
    [[nodiscard]] Error errorOf(AccountProblem problem, const QString &login = {}) const;
    /// Creates an account. Fails with InvalidArgument for an empty or taken login, an empty
    /// display name, an invalid role or a password shorter than the policy's minimum.
    [[nodiscard]] Result<User> add(const QString &login, const QString &displayName, UserRole role,
                                   const QString &password, const QString &licenceNo = {});
    /// add() with the password already hashed by seal::hashPassword() (which may run in a worker:
    /// it is the slow part). The caller has checked the password against the policy.
    [[nodiscard]] Result<User> addHashed(const QString &login, const QString &displayName, UserRole role,
                                         const QString &passwordHash, const QString &licenceNo = {});
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

    /// The key of the accounts' seals: HMAC-SHA256 over what makes an account (id, login, name,
    /// role, password hash, licence number, disabled, created), not over the failure count.
    /// Set by Journal before any other thread uses the repository.
    void setIntegrityKey(seal::SecretKey key) { m_key = std::move(key); }
    /// Every account whose seal does not hold (inserted or changed outside DualRec).
    [[nodiscard]] Result<QList<AccountSealProblem>> checkSeals();
    /// Seals every account as it is now (an older journal at the upgrade); the logins and roles sealed.
    [[nodiscard]] Result<QStringList> sealAll();

    /// The file that says this data folder has had accounts; written (once) after an account is
    /// added. Set by Journal before any other thread uses the repository.
    void setAccountsMarker(const QString &path) { m_accountsMarker = path; }
    /// True when the marker exists: no first-run account may be offered even with no accounts.
    [[nodiscard]] bool hadAccounts() const;
    /// Writes the marker now (accounts exist); an error only when it cannot be written.
    [[nodiscard]] Result<void> markAccountsExist() const;

private:
    /// The fields every account needs (login, display name, licence number, role) in field order.
    [[nodiscard]] static std::optional<AccountProblem> checkFields(const QString &login, const QString &displayName,
                                                                   const QString &licenceNo, UserRole role);
    /// True when another enabled supervisor or IT account than `login` exists.
    [[nodiscard]] Result<bool> anotherManagerThan(const QString &login);
    [[nodiscard]] Result<void> changeOne(const QString &login, const QString &sql, const QVariantList &values);
    /// Rewrites the seal of the account stored under `key` (its login as stored).
    [[nodiscard]] Result<void> reseal(const QString &key);
    /// The seal the columns of `query` (id, login, display_name, role, password_hash, licence_no,
    /// disabled, created_at_utc from `first` on) call for.
    [[nodiscard]] QString sealOf(const QSqlQuery &query, int first) const;
    std::optional<seal::SecretKey> m_key;
    std::shared_ptr<Database> m_database;
    const Clock *m_clock;
    AccountPolicy m_policy;
    QString m_dummyHash; ///< verified against for unknown logins: well-formed, costs the same, matches nothing
    QString m_accountsMarker; ///< empty: no marker (a bare repository in tests)
};

} // namespace dualrec::storage
