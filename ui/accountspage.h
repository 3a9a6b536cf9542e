#pragma once

#include "core/storage/accountadministration.h"
#include "core/util/clock.h"

#include <QWidget>

class QComboBox;
class QFutureWatcherBase;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace dualrec::ui {

/// Accounts, for supervisors and branch IT: the list (name, login, licence number, role, state)
/// and, for the selected account, a new password, unlock and disable/enable; the form below
/// creates an account or changes the selected one's name, licence number and role. The rules
/// and the audit rows are core's (storage::AccountAdministration); the page binds and shows the
/// first problem of the form in field order. Password hashing (PBKDF2) runs in the thread pool;
/// meanwhile the buttons say so and do nothing. GUI thread only.
class AccountsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsPage)

public:
    AccountsPage(storage::AccountAdministration &accounts, const Clock &clock, QWidget *parent = nullptr);

    /// Shows the accounts for `actor` (the login the audit rows name).
    void open(const QString &actor);
    /// True while a password is being hashed.
    [[nodiscard]] bool hashing() const { return m_hashing != nullptr; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void load();
    void onSelectionChanged();
    void newAccount();
    void saveForm();
    void resetPassword();
    void unlockSelected();
    void toggleDisabled();
    void showMessage(const QString &text, bool problem);
    void showError(const Error &error);
    void updateButtons();
    [[nodiscard]] std::optional<storage::User> selectedUser() const;
    /// Hashes `password` in the pool and calls `then` with the hash on the GUI thread.
    void hashThen(const QString &password, std::function<void(const Result<QString> &)> then);

    storage::AccountAdministration &m_accounts;
    const Clock &m_clock;
    QString m_actor;
    QList<storage::User> m_users;
    QFutureWatcherBase *m_hashing = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_selectedTitle = nullptr;
    QLabel *m_newPasswordLabel = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLabel *m_newRepeatLabel = nullptr;
    QLineEdit *m_newRepeat = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_disable = nullptr;

    QLabel *m_formTitle = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLineEdit *m_login = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_licenceLabel = nullptr;
    QLineEdit *m_licence = nullptr;
    QLabel *m_roleLabel = nullptr;
    QComboBox *m_role = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_new = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace dualrec::ui
