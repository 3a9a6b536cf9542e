#include "ui/loginpage.h"
#include "ui/errortext.h"

#include "core/seal/passwordhash.h"
#include "ui/pagestyle.h"
#include "ui/workflowtext.h"

#include <QEvent>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace dualrec::ui {

LoginPage::LoginPage(storage::UserRepository &users, storage::AuditLog &audit, QWidget *parent)
    : QWidget(parent), m_users(users), m_audit(audit)
{
    setObjectName(QStringLiteral("loginPage"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("loginBox"));
    pageStyle::keepSize(box, pageStyle::Extent::MaximumWidth, 38);
    auto *layout = new QVBoxLayout(box);
    m_title = new QLabel(box);
    m_title->setObjectName(QStringLiteral("loginTitle"));
    pageStyle::makeHeading(m_title, 1.8);
    m_hint = new QLabel(box);
    m_hint->setObjectName(QStringLiteral("loginHint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);

    auto *form = new QFormLayout;
    m_loginLabel = new QLabel(box);
    m_login = new QLineEdit(box);
    m_login->setObjectName(QStringLiteral("loginName"));
    m_nameLabel = new QLabel(box);
    m_displayName = new QLineEdit(box);
    m_displayName->setObjectName(QStringLiteral("loginDisplayName"));
    m_passwordLabel = new QLabel(box);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeatLabel = new QLabel(box);
    m_repeat = new QLineEdit(box);
    m_repeat->setObjectName(QStringLiteral("loginRepeatPassword"));
    m_repeat->setEchoMode(QLineEdit::Password);
    for (auto *edit : {m_login, m_displayName, m_password, m_repeat})
        pageStyle::enlarge(edit, 1.3);
    m_loginLabel->setBuddy(m_login);
    m_nameLabel->setBuddy(m_displayName);
    m_passwordLabel->setBuddy(m_password);
    m_repeatLabel->setBuddy(m_repeat);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_nameLabel, m_displayName);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_repeatLabel, m_repeat);
    layout->addLayout(form);

    m_submit = new QPushButton(box);
    m_submit->setObjectName(QStringLiteral("loginButton"));
    m_submit->setDefault(true);
    m_submit->setAutoDefault(true);
    pageStyle::enlarge(m_submit, 1.3);
    layout->addWidget(m_submit);
    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    pageStyle::enlarge(m_message, 1.15);
    layout->addWidget(m_message);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 2);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    setTabOrder(m_login, m_displayName);
    setTabOrder(m_displayName, m_password);
    setTabOrder(m_password, m_repeat);
    setTabOrder(m_repeat, m_submit);

    connect(m_submit, &QPushButton::clicked, this, &LoginPage::onSubmit);
    for (auto *edit : {m_login, m_displayName, m_password, m_repeat})
        connect(edit, &QLineEdit::returnPressed, this, &LoginPage::onSubmit);
    reset();
}

void LoginPage::reset()
{
    // A check still running is dropped: its result must not sign anybody in after a reset.
    delete m_check;
    m_check = nullptr;
    const auto accounts = m_users.count();
    // A folder that has had accounts never offers the first account again (its journal was
    // damaged or replaced): whoever sits at the laptop must not become a supervisor.
    const bool accountsLost = accounts && *accounts == 0 && m_users.hadAccounts();
    m_firstRun = accounts && *accounts == 0 && !accountsLost;
    for (auto *edit : {m_login, m_displayName, m_password, m_repeat})
        edit->clear();
    for (QWidget *widget : {static_cast<QWidget *>(m_nameLabel), static_cast<QWidget *>(m_displayName),
                            static_cast<QWidget *>(m_repeatLabel), static_cast<QWidget *>(m_repeat)})
        widget->setVisible(m_firstRun);
    m_messageSource.clear();
    m_message->clear();
    if (!accounts)
        showMessage(ErrorText::describe(tr("The account list cannot be read."), accounts.error()), true);
    else if (accountsLost)
        showMessage(tr("This computer had user accounts, but none can be found now. Ask branch IT to restore them."),
                    true);
    retranslateUi();
    m_login->setFocus();
}

void LoginPage::audit(const Result<qint64> &appended)
{
    if (!appended)
        Q_EMIT auditFailed(appended.error());
}

void LoginPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LoginPage::retranslateUi()
{
    m_title->setText(m_firstRun ? tr("Create the first supervisor account") : tr("Sign in"));
    m_hint->setText(m_firstRun ? tr("No account exists on this computer yet. The first account is a supervisor: "
                                    "after signing in, it creates the agents' accounts under \"Accounts\".")
                               : tr("Sign in with your own account. After 5 wrong passwords the account is locked "
                                    "for 15 minutes."));
    m_loginLabel->setText(tr("&Login:"));
    m_nameLabel->setText(tr("&Name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_repeatLabel->setText(tr("&Repeat password:"));
    showVerifying();
    m_login->setAccessibleName(tr("Login"));
    m_displayName->setAccessibleName(tr("Name"));
    m_password->setAccessibleName(tr("Password"));
    m_repeat->setAccessibleName(tr("Repeat password"));
    m_message->setAccessibleName(tr("Sign-in message"));
}

void LoginPage::showVerifying()
{
    m_submit->setEnabled(!verifying());
    if (verifying()) {
        m_submit->setText(m_firstRun ? tr("Creating the account…") : tr("Verifying…"));
        m_submit->setAccessibleName(m_firstRun ? tr("Creating the account") : tr("Verifying the password"));
    } else {
        m_submit->setText(m_firstRun ? tr("&Create account") : tr("&Sign in"));
        m_submit->setAccessibleName(m_firstRun ? tr("Create account") : tr("Sign in"));
    }
}

void LoginPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #a61b1b;") : QStringLiteral("color: #1b6e2e;"));
}

void LoginPage::onSubmit()
{
    if (verifying())
        return; // a second click or Enter while the password is checked does nothing
    if (m_firstRun)
        createFirstAccount();
    else
        signIn();
}

void LoginPage::signIn()
{
    const auto login = m_login->text().trimmed();
    if (login.isEmpty() || m_password->text().isEmpty()) {
        showMessage(tr("Enter your login and password."), true);
        return;
    }
    const auto attempt = m_users.prepareLogin(login);
    const QString password = m_password->text();
    m_password->clear();
    if (!attempt) {
        showMessage(ErrorText::describe(tr("Signing in failed."), attempt.error()), true);
        return;
    }
    if (attempt->decided) { // locked: no password can change that, nothing to check
        finishSignIn(*attempt, false);
        return;
    }
    m_message->clear();
    auto *check = new QFutureWatcher<bool>(this);
    m_check = check;
    connect(check, &QFutureWatcherBase::finished, this, [this, check, attempt = *attempt] {
        const bool matches = check->result();
        check->deleteLater();
        m_check = nullptr;
        showVerifying();
        finishSignIn(attempt, matches);
    });
    // The check works on copies only: when the page goes first, it ends on its own unobserved
    // (PBKDF2 cannot be interrupted; it is bounded by the policy's work factor).
    check->setFuture(QtConcurrent::run([attempt = *attempt, password] { return attempt.verifyPassword(password); }));
    showVerifying();
}

void LoginPage::finishSignIn(const storage::LoginAttempt &attempt, bool passwordMatches)
{
    const auto &login = attempt.login;
    const auto outcome = m_users.finishLogin(attempt, passwordMatches);
    if (!outcome) {
        showMessage(ErrorText::describe(tr("Signing in failed."), outcome.error()), true);
        return;
    }
    switch (outcome->result) {
    case storage::LoginResult::Accepted:
        audit(m_audit.append(login, storage::AuditAction::Login, login, QStringLiteral("accepted")));
        m_message->clear();
        Q_EMIT loggedIn(*outcome->user);
        return;
    case storage::LoginResult::Rejected:
        audit(m_audit.append(login, storage::AuditAction::Login, login, QStringLiteral("rejected")));
        showMessage(tr("Login or password is wrong. Please try again."), true);
        m_password->setFocus();
        return;
    case storage::LoginResult::LockedOut:
        audit(m_audit.append(login, storage::AuditAction::Login, login, QStringLiteral("locked")));
        showMessage(tr("This account is locked after too many wrong passwords. Try again after %1, or ask "
                       "branch IT to reset the password.")
                        .arg(QLocale().toString(outcome->lockedUntil.toLocalTime().time(), QLocale::ShortFormat)),
                    true);
        return;
    case storage::LoginResult::Disabled:
        audit(m_audit.append(login, storage::AuditAction::Login, login, QStringLiteral("disabled")));
        showMessage(tr("This account is disabled. Ask your supervisor or branch IT to enable it."), true);
        return;
    case storage::LoginResult::Invalid:
        break;
    }
}

void LoginPage::createFirstAccount()
{
    // The fields are judged in the order they are asked for: the first problem is shown and its
    // field gets the focus.
    const storage::NewAccount account{m_login->text(), m_displayName->text(), QString(), storage::UserRole::Supervisor,
                                      m_password->text(), m_repeat->text()};
    const auto problem = m_users.checkNewAccount(account);
    if (!problem) {
        showMessage(ErrorText::describe(tr("The account was not created."), problem.error()), true);
        return;
    }
    if (*problem) {
        showMessage(WorkflowText::accountProblem(**problem, m_users.policy().minimumPasswordLength), true);
        QLineEdit *field = m_login;
        switch (**problem) {
        case storage::AccountProblem::MissingDisplayName: field = m_displayName; break;
        case storage::AccountProblem::PasswordTooShort: field = m_password; break;
        case storage::AccountProblem::PasswordsDiffer: field = m_repeat; break;
        default: break;
        }
        field->setFocus();
        return;
    }
    if (const auto login = storage::normalizedLogin(m_login->text()); !login) {
        showMessage(tr("The login must be one word of letters, digits or symbols, without spaces or invisible "
                       "characters, at most %n character(s).",
                       nullptr, storage::kMaximumLoginLength),
                    true);
        return;
    }
    if (const auto weak = storage::checkPassword(m_password->text(), m_users.policy().minimumPasswordLength)) {
        showMessage(passwordProblemText(*weak), true);
        return;
    }
    const QString login = m_login->text();
    const QString displayName = m_displayName->text();
    const QString password = m_password->text();
    const int iterations = m_users.policy().hashIterations;
    m_message->clear();
    auto *hashing = new QFutureWatcher<Result<QString>>(this);
    m_check = hashing;
    connect(hashing, &QFutureWatcherBase::finished, this, [this, hashing, login, displayName] {
        const auto hash = hashing->result();
        hashing->deleteLater();
        m_check = nullptr;
        showVerifying();
        finishFirstAccount(login, displayName, hash);
    });
    hashing->setFuture(QtConcurrent::run([password, iterations] { return seal::hashPassword(password, iterations); }));
    showVerifying();
}

QString LoginPage::passwordProblemText(storage::PasswordProblem problem) const
{
    switch (problem) {
    case storage::PasswordProblem::TooShort:
        return tr("The password needs at least %n character(s), not counting spaces at either end.", nullptr,
                  m_users.policy().minimumPasswordLength);
    case storage::PasswordProblem::TooLong:
        return tr("The password may have at most %n character(s).", nullptr, storage::kMaximumPasswordLength);
    case storage::PasswordProblem::Unprintable:
        return tr("The password contains an invisible or control character.");
    case storage::PasswordProblem::NoLetter:
        return tr("The password needs at least one letter.");
    case storage::PasswordProblem::NoNonLetter:
        return tr("The password needs at least one digit, space or symbol besides the letters.");
    case storage::PasswordProblem::Invalid:
        break;
    }
    return {};
}

void LoginPage::finishFirstAccount(const QString &login, const QString &displayName, const Result<QString> &hash)
{
    const auto user = hash ? m_users.addHashed(login, displayName, storage::UserRole::Supervisor, *hash)
                           : Result<storage::User>(std::unexpected(hash.error()));
    if (!user) {
        showMessage(ErrorText::describe(tr("The account was not created."), user.error()), true);
        return;
    }
    audit(m_audit.append(user->login, storage::AuditAction::SettingsChange, QStringLiteral("users"),
                         QStringLiteral("first supervisor account created")));
    const auto created = user->login;
    reset();
    m_login->setText(created);
    showMessage(tr("The account was created. Please sign in."), false);
    m_password->setFocus();
}

} // namespace dualrec::ui
