#pragma once

#include "core/storage/accountrules.h"
#include "core/storage/auditlog.h"
#include "core/storage/userrepository.h"

#include <QWidget>

class QFutureWatcherBase;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dualrec::ui {

/// Sign-in of agents and supervisors with local accounts. On the very first run (no account
/// exists) it asks for the first supervisor account instead, so the branch can start without
/// a command line; `dualrec user add` does the same for branch IT. Every attempt is audited.
/// The password check and the first account's hashing (PBKDF2, about half a second on purpose)
/// run in the thread pool, so the window stays live; meanwhile the button says so and further
/// submits do nothing.
/// GUI thread only.
class LoginPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginPage)

public:
    LoginPage(storage::UserRepository &users, storage::AuditLog &audit, QWidget *parent = nullptr);

    /// Empties the fields and picks the mode (first run or sign-in) from the accounts present.
    void reset();
    [[nodiscard]] bool firstRun() const { return m_firstRun; }
    /// True while a password is being checked or hashed (from the submit to the result).
    [[nodiscard]] bool verifying() const { return m_check != nullptr; }

Q_SIGNALS:
    void loggedIn(const dualrec::storage::User &user);
    /// An audit entry could not be written (the window says so).
    void auditFailed(const dualrec::Error &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    [[nodiscard]] QString passwordProblemText(storage::PasswordProblem problem) const;
    void retranslateUi();
    void audit(const Result<qint64> &appended);
    void onSubmit();
    void signIn();
    void finishSignIn(const storage::LoginAttempt &attempt, bool passwordMatches);
    void showVerifying();
    void createFirstAccount();
    void finishFirstAccount(const QString &login, const QString &displayName, const Result<QString> &hash);
    void showMessage(const QString &text, bool problem);

    storage::UserRepository &m_users;
    storage::AuditLog &m_audit;
    bool m_firstRun = false;
    QFutureWatcherBase *m_check = nullptr; ///< the running password check or hashing; null when none

    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLineEdit *m_login = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_message = nullptr;
    QString m_messageSource; ///< kept so a language change does not leave a stale message
};

} // namespace dualrec::ui
