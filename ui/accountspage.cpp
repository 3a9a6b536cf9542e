#include "ui/accountspage.h"
#include "ui/errortext.h"

#include "core/seal/passwordhash.h"
#include "ui/pagestyle.h"
#include "ui/workflowtext.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace dualrec::ui {

namespace {

enum Column : int { NameColumn = 0, LoginColumn, LicenceColumn, RoleColumn, StateColumn, ColumnCount };

QLineEdit *passwordEdit(QWidget *parent, const char *name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

AccountsPage::AccountsPage(storage::AccountAdministration &accounts, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_accounts(accounts), m_clock(clock)
{
    setObjectName(QStringLiteral("accountsPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    auto *lower = new QHBoxLayout;
    // The selected account: a new password, unlock, disable / enable.
    auto *selected = new QGroupBox(this);
    auto *selectedLayout = new QVBoxLayout(selected);
    m_selectedTitle = new QLabel(selected);
    m_selectedTitle->setObjectName(QStringLiteral("accountsSelected"));
    m_selectedTitle->setWordWrap(true);
    selectedLayout->addWidget(m_selectedTitle);
    auto *resetForm = new QFormLayout;
    m_newPasswordLabel = new QLabel(selected);
    m_newPassword = passwordEdit(selected, "accountsNewPassword");
    m_newRepeatLabel = new QLabel(selected);
    m_newRepeat = passwordEdit(selected, "accountsNewRepeat");
    m_newPasswordLabel->setBuddy(m_newPassword);
    m_newRepeatLabel->setBuddy(m_newRepeat);
    resetForm->addRow(m_newPasswordLabel, m_newPassword);
    resetForm->addRow(m_newRepeatLabel, m_newRepeat);
    selectedLayout->addLayout(resetForm);
    auto *actions = new QHBoxLayout;
    m_reset = new QPushButton(selected);
    m_reset->setObjectName(QStringLiteral("accountsReset"));
    m_unlock = new QPushButton(selected);
    m_unlock->setObjectName(QStringLiteral("accountsUnlock"));
    m_disable = new QPushButton(selected);
    m_disable->setObjectName(QStringLiteral("accountsDisable"));
    for (auto *button : {m_reset, m_unlock, m_disable})
        actions->addWidget(button);
    selectedLayout->addLayout(actions);
    selectedLayout->addStretch(1);
    lower->addWidget(selected, 1);

    // Create an account, or change the selected one.
    auto *formBox = new QGroupBox(this);
    auto *formLayout = new QVBoxLayout(formBox);
    m_formTitle = new QLabel(formBox);
    m_formTitle->setObjectName(QStringLiteral("accountsFormTitle"));
    pageStyle::enlarge(m_formTitle, 1.1, true);
    formLayout->addWidget(m_formTitle);
    auto *form = new QFormLayout;
    m_loginLabel = new QLabel(formBox);
    m_login = new QLineEdit(formBox);
    m_login->setObjectName(QStringLiteral("accountsLogin"));
    m_nameLabel = new QLabel(formBox);
    m_name = new QLineEdit(formBox);
    m_name->setObjectName(QStringLiteral("accountsName"));
    m_licenceLabel = new QLabel(formBox);
    m_licence = new QLineEdit(formBox);
    m_licence->setObjectName(QStringLiteral("accountsLicence"));
    m_roleLabel = new QLabel(formBox);
    m_role = new QComboBox(formBox);
    m_role->setObjectName(QStringLiteral("accountsRole"));
    m_passwordLabel = new QLabel(formBox);
    m_password = passwordEdit(formBox, "accountsPassword");
    m_repeatLabel = new QLabel(formBox);
    m_repeat = passwordEdit(formBox, "accountsRepeat");
    const std::pair<QLabel *, QWidget *> rows[] = {{m_loginLabel, m_login},     {m_nameLabel, m_name},
                                                   {m_licenceLabel, m_licence}, {m_roleLabel, m_role},
                                                   {m_passwordLabel, m_password}, {m_repeatLabel, m_repeat}};
    for (const auto &[label, field] : rows) {
        label->setBuddy(field);
        form->addRow(label, field);
    }
    formLayout->addLayout(form);
    auto *formButtons = new QHBoxLayout;
    m_save = new QPushButton(formBox);
    m_save->setObjectName(QStringLiteral("accountsSave"));
    m_new = new QPushButton(formBox);
    m_new->setObjectName(QStringLiteral("accountsNew"));
    formButtons->addWidget(m_save);
    formButtons->addWidget(m_new);
    formButtons->addStretch(1);
    formLayout->addLayout(formButtons);
    lower->addWidget(formBox, 1);
    layout->addLayout(lower);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    pageStyle::enlarge(m_message, 1.1);
    layout->addWidget(m_message);

    setTabOrder(m_table, m_newPassword);
    setTabOrder(m_newPassword, m_newRepeat);
    setTabOrder(m_newRepeat, m_reset);
    setTabOrder(m_reset, m_unlock);
    setTabOrder(m_unlock, m_disable);
    setTabOrder(m_disable, m_login);
    setTabOrder(m_login, m_name);
    setTabOrder(m_name, m_licence);
    setTabOrder(m_licence, m_role);
    setTabOrder(m_role, m_password);
    setTabOrder(m_password, m_repeat);
    setTabOrder(m_repeat, m_save);
    setTabOrder(m_save, m_new);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccountsPage::onSelectionChanged);
    connect(m_save, &QPushButton::clicked, this, &AccountsPage::saveForm);
    connect(m_new, &QPushButton::clicked, this, &AccountsPage::newAccount);
    connect(m_reset, &QPushButton::clicked, this, &AccountsPage::resetPassword);
    connect(m_unlock, &QPushButton::clicked, this, &AccountsPage::unlockSelected);
    connect(m_disable, &QPushButton::clicked, this, &AccountsPage::toggleDisabled);
    retranslateUi();
}

void AccountsPage::open(const QString &actor)
{
    m_actor = actor;
    m_message->clear();
    load();
    newAccount();
}

void AccountsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AccountsPage::retranslateUi()
{
    m_title->setText(tr("Accounts"));
    m_hint->setText(tr("Agents sign in with their own account. The name and the licence number are read out in "
                       "every recording: an agent without a licence number cannot start a recording. Every change "
                       "here is written to the audit log."));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Login"), tr("Licence number"), tr("Role"), tr("State")});
    m_table->setAccessibleName(tr("Accounts"));
    m_newPasswordLabel->setText(tr("Ne&w password:"));
    m_newRepeatLabel->setText(tr("Repeat new password:"));
    m_newPassword->setAccessibleName(tr("New password"));
    m_newRepeat->setAccessibleName(tr("Repeat new password"));
    m_reset->setText(tr("Se&t new password"));
    m_unlock->setText(tr("&Unlock"));
    m_loginLabel->setText(tr("&Login:"));
    m_nameLabel->setText(tr("&Name:"));
    m_licenceLabel->setText(tr("L&icence number (执业证号):"));
    m_roleLabel->setText(tr("R&ole:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_repeatLabel->setText(tr("&Repeat password:"));
    m_login->setAccessibleName(tr("Login"));
    m_name->setAccessibleName(tr("Name"));
    m_licence->setAccessibleName(tr("Licence number"));
    m_role->setAccessibleName(tr("Role"));
    m_password->setAccessibleName(tr("Password"));
    m_repeat->setAccessibleName(tr("Repeat password"));
    m_new->setText(tr("New account"));
    m_message->setAccessibleName(tr("Accounts message"));
    const auto current = m_role->currentData();
    m_role->clear();
    for (auto role : {storage::UserRole::Agent, storage::UserRole::Supervisor, storage::UserRole::It})
        m_role->addItem(WorkflowText::userRole(role), int(role));
    if (current.isValid())
        m_role->setCurrentIndex(m_role->findData(current));
    load();
    updateButtons();
}

void AccountsPage::load()
{
    const auto selected = selectedUser();
    const auto list = m_accounts.users().list();
    if (!list) {
        showError(list.error());
        return;
    }
    m_users = *list;
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_users.size()));
    const auto now = m_clock.wallNow();
    int selectRow = -1;
    for (int row = 0; row < m_users.size(); ++row) {
        const auto &user = m_users.at(row);
        QString state = tr("Active");
        if (user.disabled)
            state = tr("Disabled");
        else if (user.lockedAt(now))
            state = tr("Locked until %1").arg(QLocale().toString(user.lockedUntil.toLocalTime().time(), QLocale::ShortFormat));
        QString licence = user.licenceNo;
        if (licence.isEmpty())
            licence = user.role == storage::UserRole::Agent ? tr("missing: cannot record") : tr("none");
        const QString cells[] = {user.displayName, user.login, licence, WorkflowText::userRole(user.role), state};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
        if (selected && selected->login == user.login)
            selectRow = row;
    }
    if (selectRow >= 0)
        m_table->selectRow(selectRow);
    else
        m_table->clearSelection();
    updateButtons(); // the selected account's state may have changed
}

std::optional<storage::User> AccountsPage::selectedUser() const
{
    const auto rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty() || rows.first().row() >= m_users.size())
        return std::nullopt;
    return m_users.at(rows.first().row());
}

void AccountsPage::onSelectionChanged()
{
    const auto user = selectedUser();
    if (user) {
        m_login->setText(user->login);
        m_name->setText(user->displayName);
        m_licence->setText(user->licenceNo);
        m_role->setCurrentIndex(m_role->findData(int(user->role)));
    }
    m_newPassword->clear();
    m_newRepeat->clear();
    updateButtons();
}

void AccountsPage::newAccount()
{
    m_table->clearSelection();
    for (auto *edit : {m_login, m_name, m_licence, m_password, m_repeat, m_newPassword, m_newRepeat})
        edit->clear();
    m_role->setCurrentIndex(m_role->findData(int(storage::UserRole::Agent)));
    updateButtons();
}

void AccountsPage::updateButtons()
{
    const auto user = selectedUser();
    const bool busy = hashing();
    const bool editing = user.has_value();
    m_login->setReadOnly(editing);
    for (QWidget *widget : {static_cast<QWidget *>(m_passwordLabel), static_cast<QWidget *>(m_password),
                            static_cast<QWidget *>(m_repeatLabel), static_cast<QWidget *>(m_repeat)})
        widget->setVisible(!editing);
    m_formTitle->setText(editing ? tr("Change the account of %1").arg(user->displayName) : tr("Create an account"));
    if (busy)
        m_save->setText(tr("Creating the account…"));
    else
        m_save->setText(editing ? tr("&Save changes") : tr("&Create account"));
    m_save->setEnabled(!busy);
    m_selectedTitle->setText(editing ? tr("Selected: %1 (%2)").arg(user->displayName, user->login)
                                     : tr("Select an account in the list to set a new password, unlock or disable it."));
    for (QWidget *widget : {static_cast<QWidget *>(m_newPassword), static_cast<QWidget *>(m_newRepeat),
                            static_cast<QWidget *>(m_reset), static_cast<QWidget *>(m_disable)})
        widget->setEnabled(editing && !busy);
    const bool locked = editing && user->lockedAt(m_clock.wallNow());
    m_unlock->setEnabled(locked && !busy);
    m_unlock->setToolTip(editing && !locked ? tr("This account is not locked.") : QString());
    m_disable->setText(editing && user->disabled ? tr("&Enable") : tr("&Disable"));
    if (busy)
        m_reset->setText(tr("Setting the password…"));
    else
        m_reset->setText(tr("Se&t new password"));
    // Screen readers get the button texts without the mnemonic marks.
    for (auto *button : {m_save, m_new, m_reset, m_unlock, m_disable}) {
        QString name = button->text();
        name.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));
        name.remove(u'&');
        name.remove(u'…');
        button->setAccessibleName(name);
    }
}

void AccountsPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #a61b1b;") : QStringLiteral("color: #1b6e2e;"));
}

void AccountsPage::showError(const Error &error)
{
    // The known refusals in the reader's language; anything else with core's detail.
    for (int value = int(storage::AccountProblem::MissingLogin); value <= int(storage::AccountProblem::OwnAccount);
         ++value) {
        const auto problem = storage::AccountProblem(value);
        const auto user = selectedUser();
        const QString login = user ? user->login : m_login->text().trimmed();
        if (m_accounts.users().errorOf(problem, login) == error || m_accounts.users().errorOf(problem, m_actor) == error) {
            showMessage(WorkflowText::accountProblem(problem, m_accounts.users().policy().minimumPasswordLength), true);
            return;
        }
    }
    showMessage(ErrorText::describe(tr("The change was not made."), error), true);
}

void AccountsPage::hashThen(const QString &password, std::function<void(const Result<QString> &)> then)
{
    const int iterations = m_accounts.users().policy().hashIterations;
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    m_hashing = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, then = std::move(then)] {
        const auto hash = watcher->result();
        watcher->deleteLater();
        m_hashing = nullptr;
        then(hash);
        updateButtons();
    });
    watcher->setFuture(QtConcurrent::run([password, iterations] { return seal::hashPassword(password, iterations); }));
    updateButtons();
}

void AccountsPage::saveForm()
{
    if (hashing())
        return;
    const int minimum = m_accounts.users().policy().minimumPasswordLength;
    const auto role = storage::UserRole(m_role->currentData().toInt());
    if (const auto user = selectedUser()) {
        storage::AccountChanges changes;
        changes.displayName = m_name->text();
        changes.licenceNo = m_licence->text();
        changes.role = role;
        const auto changed = m_accounts.change(m_actor, user->login, changes);
        if (!changed) {
            showError(changed.error());
            return;
        }
        load();
        showMessage(tr("The account of %1 is saved.").arg(changed->displayName), false);
        return;
    }
    const storage::NewAccount account{m_login->text(), m_name->text(), m_licence->text(), role, m_password->text(),
                                      m_repeat->text()};
    const auto problem = m_accounts.users().checkNewAccount(account);
    if (!problem) {
        showError(problem.error());
        return;
    }
    if (*problem) {
        showMessage(WorkflowText::accountProblem(**problem, minimum), true);
        QLineEdit *field = m_login;
        switch (**problem) {
        case storage::AccountProblem::MissingDisplayName: field = m_name; break;
        case storage::AccountProblem::BadLicenceNo: field = m_licence; break;
        case storage::AccountProblem::PasswordTooShort: field = m_password; break;
        case storage::AccountProblem::PasswordsDiffer: field = m_repeat; break;
        default: break;
        }
        field->setFocus();
        return;
    }
    m_message->clear();
    hashThen(account.password, [this, account](const Result<QString> &hash) {
        const auto user = hash ? m_accounts.create(m_actor, account, *hash) : Result<storage::User>(std::unexpected(hash.error()));
        if (!user) {
            showError(user.error());
            return;
        }
        newAccount();
        load();
        showMessage(tr("The account of %1 is created. They can sign in with the login \"%2\".")
                        .arg(user->displayName, user->login),
                    false);
    });
}

void AccountsPage::resetPassword()
{
    const auto user = selectedUser();
    if (!user || hashing())
        return;
    if (const auto problem = m_accounts.users().checkPassword(m_newPassword->text(), m_newRepeat->text())) {
        showMessage(WorkflowText::accountProblem(*problem, m_accounts.users().policy().minimumPasswordLength), true);
        return;
    }
    const QString login = user->login;
    const QString name = user->displayName;
    const QString password = m_newPassword->text();
    m_newPassword->clear();
    m_newRepeat->clear();
    m_message->clear();
    hashThen(password, [this, login, name](const Result<QString> &hash) {
        const auto set = hash ? m_accounts.setPasswordHash(m_actor, login, *hash)
                              : Result<void>(std::unexpected(hash.error()));
        if (!set) {
            showError(set.error());
            return;
        }
        load();
        showMessage(tr("%1 has a new password and can sign in with it now.").arg(name), false);
    });
}

void AccountsPage::unlockSelected()
{
    const auto user = selectedUser();
    if (!user || hashing())
        return;
    if (auto done = m_accounts.unlock(m_actor, user->login); !done) {
        showError(done.error());
        return;
    }
    load();
    showMessage(tr("%1 is unlocked and can sign in again.").arg(user->displayName), false);
}

void AccountsPage::toggleDisabled()
{
    const auto user = selectedUser();
    if (!user || hashing())
        return;
    const auto done = user->disabled ? m_accounts.enable(m_actor, user->login) : m_accounts.disable(m_actor, user->login);
    if (!done) {
        showError(done.error());
        return;
    }
    load();
    showMessage(user->disabled ? tr("%1 can sign in again.").arg(user->displayName)
                               : tr("%1 is disabled and can no longer sign in. Their recordings stay.").arg(user->displayName),
                false);
}

} // namespace dualrec::ui
