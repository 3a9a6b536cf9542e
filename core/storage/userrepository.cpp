#include "core/storage/userrepository.h"

#include "core/storage/accountrules.h"
#include "core/util/text.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace dualrec::storage {

namespace {

/// The form a login is stored and looked up in (NFKC, case-folded: "ALICE" is "alice").
QString loginKey(const QString &login)
{
    return normalizedLogin(login).value_or(login.trimmed());
}

/// Printable, normalisable login and display name (issue 15, finding 9).
Result<void> checkAccountText(const QString &login, const QString &displayName)
{
    if (auto normal = normalizedLogin(login); !normal)
        return std::unexpected(normal.error());
    if (const auto at = firstUnprintable(displayName))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the display name contains an invisible or control character (%1)")
                                                    .arg(describeUnprintable(displayName, *at)));
    return {};
}

QString utc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

const QString kUserColumns = QStringLiteral("id, login, display_name, role, licence_no, disabled, locked_until_utc");
/// What an account's seal covers, then the seal (columns after kUserColumns in list() and find()).
const QString kSealColumns =
    QStringLiteral("id, login, display_name, role, password_hash, licence_no, disabled, created_at_utc, seal");
constexpr int kSealColumnCount = 8;

/// A row read with kUserColumns, from column `first` on.
User userFrom(const QSqlQuery &query, int first = 0)
{
    User user;
    user.id = query.value(first).toLongLong();
    user.login = query.value(first + 1).toString();
    user.displayName = query.value(first + 2).toString();
    user.role = userRoleFromName(query.value(first + 3).toString());
    user.licenceNo = query.value(first + 4).toString();
    user.disabled = query.value(first + 5).toInt() != 0;
    if (const auto text = query.value(first + 6).toString(); !text.isEmpty())
        user.lockedUntil = QDateTime::fromString(text, Qt::ISODateWithMs);
    return user;
}

bool validLicenceNo(const QString &licenceNo)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z-]{1,40}$"));
    return pattern.match(licenceNo).hasMatch();
}

} // namespace

const char *accountProblemName(AccountProblem problem)
{
    switch (problem) {
    case AccountProblem::MissingLogin:
        return "missing_login";
    case AccountProblem::LoginHasSpaces:
        return "login_has_spaces";
    case AccountProblem::LoginTooLong:
        return "login_too_long";
    case AccountProblem::LoginTaken:
        return "login_taken";
    case AccountProblem::MissingDisplayName:
        return "missing_display_name";
    case AccountProblem::BadLicenceNo:
        return "bad_licence_no";
    case AccountProblem::MissingRole:
        return "missing_role";
    case AccountProblem::PasswordTooShort:
        return "password_too_short";
    case AccountProblem::PasswordsDiffer:
        return "passwords_differ";
    case AccountProblem::UnknownAccount:
        return "unknown_account";
    case AccountProblem::LastSupervisor:
        return "last_supervisor";
    case AccountProblem::OwnAccount:
        return "own_account";
    case AccountProblem::Invalid:
        return "invalid";
    }
    return "invalid";
}

Error UserRepository::errorOf(AccountProblem problem, const QString &login) const
{
    QString detail;
    auto code = ErrorCode::InvalidArgument;
    switch (problem) {
    case AccountProblem::MissingLogin:
        detail = QStringLiteral("an account needs a login");
        break;
    case AccountProblem::LoginHasSpaces:
        detail = QStringLiteral("the login must not contain spaces");
        break;
    case AccountProblem::LoginTooLong:
        detail = QStringLiteral("the login is longer than %1 characters").arg(kMaximumLoginLength);
        break;
    case AccountProblem::LoginTaken:
        detail = QStringLiteral("the login %1 is taken").arg(login);
        break;
    case AccountProblem::MissingDisplayName:
        detail = QStringLiteral("an account needs a display name");
        break;
    case AccountProblem::BadLicenceNo:
        detail = QStringLiteral("the licence number must be 1 to 40 letters, digits or hyphens");
        break;
    case AccountProblem::MissingRole:
        detail = QStringLiteral("an account needs a role");
        break;
    case AccountProblem::PasswordTooShort:
        detail = QStringLiteral("the password is shorter than %1 characters").arg(m_policy.minimumPasswordLength);
        break;
    case AccountProblem::PasswordsDiffer:
        detail = QStringLiteral("the two passwords differ");
        break;
    case AccountProblem::UnknownAccount:
        code = ErrorCode::NotFound;
        detail = QStringLiteral("no account %1").arg(login);
        break;
    case AccountProblem::LastSupervisor:
        code = ErrorCode::InvalidState;
        detail = QStringLiteral("%1 is the last enabled supervisor or IT account; create another one first").arg(login);
        break;
    case AccountProblem::OwnAccount:
        code = ErrorCode::InvalidState;
        detail = QStringLiteral("%1 cannot disable the account they are signed in with").arg(login);
        break;
    case AccountProblem::Invalid:
        detail = QStringLiteral("invalid account");
        break;
    }
    return Error{code, detail};
}

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
    auto query = m_database->run(QStringLiteral("SELECT ") + kUserColumns + u',' + kSealColumns
                                 + QStringLiteral(" FROM users ORDER BY login"));
    if (!query)
        return std::unexpected(query.error());
    QList<User> users;
    while (query->next()) {
        users.append(userFrom(*query));
        users.last().confirmed = seal::sameMac(sealOf(*query, 7).toLatin1(), query->value(7 + kSealColumnCount).toString().toLatin1());
    }
    return users;
}

Result<User> UserRepository::find(const QString &login)
{
    auto query = m_database->run(QStringLiteral("SELECT ") + kUserColumns + u',' + kSealColumns
                                     + QStringLiteral(" FROM users WHERE login = ?"),
                                 {loginKey(login)});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(errorOf(AccountProblem::UnknownAccount, login.trimmed()));
    auto user = userFrom(*query);
    user.confirmed = seal::sameMac(sealOf(*query, 7).toLatin1(), query->value(7 + kSealColumnCount).toString().toLatin1());
    return user;
}

std::optional<AccountProblem> UserRepository::checkFields(const QString &login, const QString &displayName,
                                                          const QString &licenceNo, UserRole role)
{
    const auto trimmed = login.trimmed();
    if (trimmed.isEmpty())
        return AccountProblem::MissingLogin;
    if (std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isSpace(); }))
        return AccountProblem::LoginHasSpaces;
    if (trimmed.size() > kMaximumLoginLength)
        return AccountProblem::LoginTooLong;
    if (displayName.trimmed().isEmpty())
        return AccountProblem::MissingDisplayName;
    if (!licenceNo.trimmed().isEmpty() && !validLicenceNo(licenceNo.trimmed()))
        return AccountProblem::BadLicenceNo;
    if (role == UserRole::Invalid)
        return AccountProblem::MissingRole;
    return std::nullopt;
}

std::optional<AccountProblem> UserRepository::checkPassword(const QString &password, const QString &repeated) const
{
    if (password.size() < m_policy.minimumPasswordLength)
        return AccountProblem::PasswordTooShort;
    if (password != repeated)
        return AccountProblem::PasswordsDiffer;
    return std::nullopt;
}

Result<std::optional<AccountProblem>> UserRepository::checkNewAccount(const NewAccount &account)
{
    // Field order: the login (and whether it is taken) before the name, the password last.
    const auto fields = checkFields(account.login, account.displayName, account.licenceNo, account.role);
    const bool loginProblem = fields && (*fields == AccountProblem::MissingLogin || *fields == AccountProblem::LoginHasSpaces
                                         || *fields == AccountProblem::LoginTooLong);
    if (loginProblem)
        return fields;
    auto existing = m_database->run(QStringLiteral("SELECT 1 FROM users WHERE login = ?"), {loginKey(account.login)});
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->next())
        return std::optional<AccountProblem>(AccountProblem::LoginTaken);
    if (fields)
        return fields;
    return checkPassword(account.password, account.repeatedPassword);
}

Result<bool> UserRepository::anotherManagerThan(const QString &login)
{
    auto query = m_database->run(QStringLiteral("SELECT COUNT(*) FROM users WHERE login <> ? AND disabled = 0 "
                                                "AND role IN ('supervisor', 'it')"),
                                 {loginKey(login)});
    if (!query)
        return std::unexpected(query.error());
    return query->next() && query->value(0).toLongLong() > 0;
}

Result<void> UserRepository::changeOne(const QString &login, const QString &sql, const QVariantList &values)
{
    {
        auto updated = m_database->run(sql, values + QVariantList{loginKey(login)});
        if (!updated)
            return std::unexpected(updated.error());
        if (updated->numRowsAffected() != 1)
            return std::unexpected(errorOf(AccountProblem::UnknownAccount, login.trimmed()));
    }
    return reseal(loginKey(login));
}

QString UserRepository::sealOf(const QSqlQuery &query, int first) const
{
    if (!m_key)
        return {};
    QByteArray data("dualrec account v1");
    for (int i = first; i < first + kSealColumnCount; ++i) {
        QString field = query.value(i).toString();
        field.replace(u'\\', QStringLiteral("\\\\")).replace(QChar(0x1f), QStringLiteral("\\x1f"));
        data += '\x1f';
        data += field.toUtf8();
    }
    return QString::fromLatin1(seal::hmacSha256(*m_key, data).toHex());
}

Result<void> UserRepository::reseal(const QString &key)
{
    if (!m_key)
        return fail(ErrorCode::InvalidState, QStringLiteral("the accounts have no integrity key"));
    auto query = m_database->run(QStringLiteral("SELECT ") + kSealColumns + QStringLiteral(" FROM users WHERE login = ?"), {key});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(errorOf(AccountProblem::UnknownAccount, key));
    const auto id = query->value(0).toLongLong();
    const auto seal = sealOf(*query, 0);
    query->finish();
    auto updated = m_database->run(QStringLiteral("UPDATE users SET seal = ? WHERE id = ?"), {seal, id});
    if (!updated)
        return std::unexpected(updated.error());
    return {};
}

Result<QList<AccountSealProblem>> UserRepository::checkSeals()
{
    if (!m_key)
        return fail(ErrorCode::InvalidState, QStringLiteral("the accounts have no integrity key"));
    auto query = m_database->run(QStringLiteral("SELECT ") + kSealColumns + QStringLiteral(" FROM users ORDER BY id"));
    if (!query)
        return std::unexpected(query.error());
    QList<AccountSealProblem> problems;
    while (query->next()) {
        const auto stored = query->value(kSealColumnCount).toString();
        if (seal::sameMac(sealOf(*query, 0).toLatin1(), stored.toLatin1()))
            continue;
        const auto login = query->value(1).toString();
        const auto role = query->value(3).toString();
        problems.append({login, role,
                         stored.isEmpty()
                             ? QStringLiteral("account %1 (role %2) has no keyed seal: it was not created by DualRec "
                                              "(inserted straight into the database)")
                                   .arg(login, role)
                             : QStringLiteral("account %1 (role %2) does not match its keyed seal: its login, name, role, "
                                              "password, licence number or state was changed outside DualRec")
                                   .arg(login, role)});
    }
    return problems;
}

Result<QStringList> UserRepository::sealAll()
{
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    QStringList logins;
    QStringList described;
    {
        auto query = m_database->run(QStringLiteral("SELECT login, role FROM users ORDER BY id"));
        if (!query)
            return std::unexpected(query.error());
        while (query->next()) {
            logins.append(query->value(0).toString());
            described.append(QStringLiteral("%1 (%2)").arg(query->value(0).toString(), query->value(1).toString()));
        }
    }
    for (const auto &login : std::as_const(logins)) {
        if (auto sealed = reseal(login); !sealed)
            return std::unexpected(sealed.error());
    }
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return described;
}

Result<User> UserRepository::update(const QString &login, const AccountChanges &changes)
{
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto user = find(login);
    if (!user)
        return std::unexpected(user.error());
    if (changes.displayName)
        user->displayName = changes.displayName->trimmed();
    if (changes.licenceNo)
        user->licenceNo = changes.licenceNo->trimmed();
    const bool wasManager = canSupervise(user->role);
    if (changes.role)
        user->role = *changes.role;
    if (const auto problem = checkFields(user->login, user->displayName, user->licenceNo, user->role))
        return std::unexpected(errorOf(*problem, user->login));
    if (wasManager && !canSupervise(user->role) && !user->disabled) {
        const auto another = anotherManagerThan(user->login);
        if (!another)
            return std::unexpected(another.error());
        if (!*another)
            return std::unexpected(errorOf(AccountProblem::LastSupervisor, user->login));
    }
    if (auto changed = changeOne(user->login,
                                 QStringLiteral("UPDATE users SET display_name = ?, licence_no = ?, role = ? WHERE login = ?"),
                                 {user->displayName, user->licenceNo, QLatin1String(userRoleName(user->role))});
        !changed)
        return std::unexpected(changed.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return *user;
}

Result<void> UserRepository::setPasswordHash(const QString &login, const QString &passwordHash)
{
    if (passwordHash.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a password hash"));
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto changed = changeOne(login,
                                 QStringLiteral("UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until_utc = NULL "
                                                "WHERE login = ?"),
                                 {passwordHash});
        !changed)
        return changed;
    return transaction->commit();
}

Result<void> UserRepository::unlock(const QString &login)
{
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto changed = changeOne(login, QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until_utc = NULL WHERE login = ?"), {});
        !changed)
        return changed;
    return transaction->commit();
}

Result<void> UserRepository::disable(const QString &login)
{
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    const auto user = find(login);
    if (!user)
        return std::unexpected(user.error());
    if (canSupervise(user->role) && !user->disabled) {
        const auto another = anotherManagerThan(user->login);
        if (!another)
            return std::unexpected(another.error());
        if (!*another)
            return std::unexpected(errorOf(AccountProblem::LastSupervisor, user->login));
    }
    if (auto changed = changeOne(login, QStringLiteral("UPDATE users SET disabled = 1 WHERE login = ?"), {}); !changed)
        return changed;
    return transaction->commit();
}

Result<void> UserRepository::enable(const QString &login)
{
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto changed = changeOne(login, QStringLiteral("UPDATE users SET disabled = 0 WHERE login = ?"), {}); !changed)
        return changed;
    return transaction->commit();
}

Result<User> UserRepository::add(const QString &login, const QString &displayName, UserRole role,
                                  const QString &password, const QString &licenceNo)
{
    // Checked before the (slow) hashing, so a bad form fails at once.
    if (const auto problem = checkFields(login, displayName, licenceNo, role))
        return std::unexpected(errorOf(*problem, login.trimmed()));
    if (auto valid = checkAccountText(login, displayName); !valid)
        return std::unexpected(valid.error());
    if (auto good = requireGoodPassword(password, m_policy.minimumPasswordLength); !good)
        return std::unexpected(good.error());
    auto hash = seal::hashPassword(password, m_policy.hashIterations);
    if (!hash)
        return std::unexpected(hash.error());
    return addHashed(login, displayName, role, *hash, licenceNo);
}

Result<User> UserRepository::addHashed(const QString &login, const QString &displayName, UserRole role,
                                       const QString &passwordHash, const QString &licenceNo)
{
    if (const auto problem = checkFields(login, displayName, licenceNo, role))
        return std::unexpected(errorOf(*problem, login.trimmed()));
    if (auto valid = checkAccountText(login, displayName); !valid)
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
            QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, failed_attempts, created_at_utc, "
                           "licence_no) VALUES (?,?,?,?,0,?,?)"),
            {trimmedLogin, displayName.trimmed(), QLatin1String(userRoleName(role)), passwordHash, utc(m_clock->wallNow()),
             licenceNo.trimmed()});
        if (!inserted)
            return std::unexpected(inserted.error());
        id = inserted->lastInsertId().toLongLong();
    }
    if (auto sealed = reseal(trimmedLogin); !sealed)
        return std::unexpected(sealed.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    if (auto marked = markAccountsExist(); !marked)
        return std::unexpected(marked.error());
    User user;
    user.id = id;
    user.login = trimmedLogin;
    user.displayName = displayName.trimmed();
    user.role = role;
    user.licenceNo = licenceNo.trimmed();
    return user;
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
    return setPasswordHash(login, *hash);
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
            QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(", password_hash, failed_attempts, ") + kSealColumns
                + QStringLiteral(" FROM users WHERE id = ?"),
            {attempt.userId});
        if (!query)
            return std::unexpected(query.error());
        if (!query->next()) // removed while the password was checked
            return LoginOutcome{LoginResult::Rejected, std::nullopt, {}, 0};
        user = userFrom(*query);
        // A password reset while the old hash was checked: the old password is wrong now.
        if (query->value(7).toString() != attempt.storedHash)
            passwordMatches = false;
        failures = query->value(8).toInt();
        lockedUntil = user.lockedUntil;
        // An account DualRec did not make or change (a row inserted straight into the database)
        // never signs in: told apart from a wrong password nowhere but in the start-up check.
        user.confirmed = seal::sameMac(sealOf(*query, 9).toLatin1(), query->value(9 + kSealColumnCount).toString().toLatin1());
        if (!user.confirmed)
            passwordMatches = false;
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
        if (user.disabled)
            return LoginOutcome{LoginResult::Disabled, std::nullopt, {}, 0};
        user.lockedUntil = {};
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
