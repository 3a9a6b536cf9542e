#pragma once

#include "core/storage/auditlog.h"
#include "core/storage/userrepository.h"

namespace dualrec::storage {

/// What a supervisor, IT or `dualrec user` does to accounts, each change written to the audit
/// log with who did it (`actor`: a login, or "cli" for the command line). The window's accounts
/// page and the `user` command both go through here, so neither can change an account without
/// an audit row. Creating an account and resetting a password take a password hash made by
/// seal::hashPassword() (slow on purpose): the window makes it in a worker, the command line on
/// its own thread (createWithPassword / resetPassword).
/// Thread contract: as UserRepository and AuditLog (thread-safe); the hashing variants take
/// PBKDF2 time on the calling thread.
class AccountAdministration final
{
public:
    AccountAdministration(UserRepository &users, AuditLog &audit) : m_users(users), m_audit(audit) {}

    [[nodiscard]] UserRepository &users() { return m_users; }

    /// Creates `account` (its password already checked and hashed).
    [[nodiscard]] Result<User> create(const QString &actor, const NewAccount &account, const QString &passwordHash);
    /// Checks `account` in field order, hashes its password and creates it.
    [[nodiscard]] Result<User> createWithPassword(const QString &actor, const NewAccount &account);
    [[nodiscard]] Result<User> change(const QString &actor, const QString &login, const AccountChanges &changes);
    /// Sets a new password (hash) and unlocks the account.
    [[nodiscard]] Result<void> setPasswordHash(const QString &actor, const QString &login, const QString &passwordHash);
    /// Checks the password against the policy, hashes it and sets it.
    [[nodiscard]] Result<void> resetPassword(const QString &actor, const QString &login, const QString &password);
    [[nodiscard]] Result<void> unlock(const QString &actor, const QString &login);
    /// Refuses the actor's own account (OwnAccount) and the last supervisor (LastSupervisor).
    [[nodiscard]] Result<void> disable(const QString &actor, const QString &login);
    [[nodiscard]] Result<void> enable(const QString &actor, const QString &login);

private:
    /// Appends the audit row of a change that happened; a failed append is the caller's error
    /// (the change is made: it is reported, not hidden).
    [[nodiscard]] Result<void> audited(const QString &actor, const QString &login, const QString &what);

    UserRepository &m_users;
    AuditLog &m_audit;
};

} // namespace dualrec::storage
