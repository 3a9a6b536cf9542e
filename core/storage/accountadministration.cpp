#include "core/storage/accountadministration.h"

#include "core/seal/passwordhash.h"

namespace dualrec::storage {

Result<void> AccountAdministration::audited(const QString &actor, const QString &login, const QString &what)
{
    auto appended = m_audit.append(actor, AuditAction::AccountChange, login, what);
    if (!appended)
        return fail(appended.error().code,
                    QStringLiteral("the change to account %1 was made but could not be audited: %2")
                        .arg(login, appended.error().detail));
    return {};
}

Result<User> AccountAdministration::create(const QString &actor, const NewAccount &account, const QString &passwordHash)
{
    auto user = m_users.addHashed(account.login, account.displayName, account.role, passwordHash, account.licenceNo);
    if (!user)
        return user;
    if (auto logged = audited(actor, user->login,
                              QStringLiteral("created with role %1%2")
                                  .arg(QLatin1String(userRoleName(user->role)),
                                       user->licenceNo.isEmpty() ? QString()
                                                                 : QStringLiteral(", licence number %1").arg(user->licenceNo)));
        !logged)
        return std::unexpected(logged.error());
    return user;
}

Result<User> AccountAdministration::createWithPassword(const QString &actor, const NewAccount &account)
{
    const auto problem = m_users.checkNewAccount(account);
    if (!problem)
        return std::unexpected(problem.error());
    if (*problem)
        return std::unexpected(m_users.errorOf(**problem, account.login.trimmed()));
    auto hash = seal::hashPassword(account.password, m_users.policy().hashIterations);
    if (!hash)
        return std::unexpected(hash.error());
    return create(actor, account, *hash);
}

Result<User> AccountAdministration::change(const QString &actor, const QString &login, const AccountChanges &changes)
{
    const auto before = m_users.find(login);
    if (!before)
        return std::unexpected(before.error());
    auto after = m_users.update(login, changes);
    if (!after)
        return after;
    QStringList what;
    if (before->displayName != after->displayName)
        what.append(QStringLiteral("display name changed"));
    if (before->licenceNo != after->licenceNo)
        what.append(QStringLiteral("licence number %1 -> %2").arg(before->licenceNo, after->licenceNo));
    if (before->role != after->role)
        what.append(QStringLiteral("role %1 -> %2")
                        .arg(QLatin1String(userRoleName(before->role)), QLatin1String(userRoleName(after->role))));
    if (what.isEmpty())
        return after;
    if (auto logged = audited(actor, after->login, what.join(QStringLiteral("; "))); !logged)
        return std::unexpected(logged.error());
    return after;
}

Result<void> AccountAdministration::setPasswordHash(const QString &actor, const QString &login, const QString &passwordHash)
{
    if (auto set = m_users.setPasswordHash(login, passwordHash); !set)
        return set;
    return audited(actor, login.trimmed(), QStringLiteral("password reset (account unlocked)"));
}

Result<void> AccountAdministration::resetPassword(const QString &actor, const QString &login, const QString &password)
{
    if (const auto problem = m_users.checkPassword(password, password))
        return std::unexpected(m_users.errorOf(*problem, login.trimmed()));
    if (auto found = m_users.find(login); !found) // before the slow hashing
        return std::unexpected(found.error());
    auto hash = seal::hashPassword(password, m_users.policy().hashIterations);
    if (!hash)
        return std::unexpected(hash.error());
    return setPasswordHash(actor, login, *hash);
}

Result<void> AccountAdministration::unlock(const QString &actor, const QString &login)
{
    if (auto done = m_users.unlock(login); !done)
        return done;
    return audited(actor, login.trimmed(), QStringLiteral("unlocked"));
}

Result<void> AccountAdministration::disable(const QString &actor, const QString &login)
{
    if (actor == login.trimmed())
        return std::unexpected(m_users.errorOf(AccountProblem::OwnAccount, actor));
    if (auto done = m_users.disable(login); !done)
        return done;
    return audited(actor, login.trimmed(), QStringLiteral("disabled"));
}

Result<void> AccountAdministration::enable(const QString &actor, const QString &login)
{
    if (auto done = m_users.enable(login); !done)
        return done;
    return audited(actor, login.trimmed(), QStringLiteral("enabled"));
}

} // namespace dualrec::storage
