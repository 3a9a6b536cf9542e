#include "app/usercommand.h"

#include "app/devicekeysetup.h"

#include "app/application.h"
#include "core/storage/accountadministration.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dualrec::app {

namespace {

/// The actor of the audit rows the command line writes: branch IT at the computer.
const QString kActor = QStringLiteral("cli");

QString tr(const char *text)
{
    return QCoreApplication::translate("UserCommand", text);
}

/// 1 for a refusal the operator can fix (bad field, unknown login), 2 for anything else.
int exitCodeOf(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::InvalidState:
        return 1;
    default:
        return 2;
    }
}

QString stateOf(const storage::User &user, const QDateTime &now)
{
    if (!user.confirmed)
        return QStringLiteral("not-confirmed"); // inserted or changed outside DualRec: cannot sign in
    if (user.disabled)
        return QStringLiteral("disabled");
    return user.lockedAt(now) ? QStringLiteral("locked") : QStringLiteral("active");
}

} // namespace

int runUserCommand(const CommandLine &commandLine, QTextStream &in, QTextStream &out, QTextStream &err)
{
    using Mode = CommandLine::Mode;
    const auto dataDirectory = Application::dataDirectory(commandLine);
    const SystemClock clock;
    // Listing reads a data folder: a mistyped --data-dir must not quietly create a new one.
    if (commandLine.mode == CommandLine::Mode::UserList && !QFileInfo::exists(storage::Journal::databasePath(dataDirectory))) {
        err << "dualrec: "
            << QCoreApplication::translate("UserCommand", "user list: there is no DualRec journal in %1 (check --data-dir)")
                   .arg(QDir::toNativeSeparators(dataDirectory))
            << Qt::endl;
        return 2;
    }
    // The device keys first: a new data folder gets its marker before its journal, and a
    // restored journal re-indexes encrypted sidecars with them.
    auto keys = openDeviceKeys(dataDirectory, KeyOpening::CreateForNewFolder);
    if (!keys) {
        err << "dualrec: " << deviceKeyProblem(dataDirectory, keys.error()) << Qt::endl;
        return 2;
    }
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = *keys;
    auto journal = storage::Journal::open(dataDirectory, clock, journalOptions);
    if (!journal) {
        err << "dualrec: " << QCoreApplication::translate("UserCommand", "cannot open the journal in %1: %2").arg(QDir::toNativeSeparators(dataDirectory),
                                                                          journal.error().detail)
            << Qt::endl;
        return 2;
    }
    const bool damaged = Application::tellJournalStartup((*journal)->startup(), err);
    const int success = damaged ? Application::kExitJournalDamaged : 0;
    auto &users = (*journal)->users();
    storage::AccountAdministration admin(users, (*journal)->audit());
    const auto &login = commandLine.userLogin;
    auto failed = [&](const char *what, const Error &error) {
        err << "dualrec: " << tr(what).arg(login, error.detail) << Qt::endl;
        return exitCodeOf(error);
    };
    auto readPassword = [&](const char *command) -> std::optional<QString> {
        const auto password = in.readLine();
        if (password.isNull()) {
            err << "dualrec: " << QCoreApplication::translate("UserCommand", "%1: give the password on the first line of standard input").arg(QLatin1String(command))
                << Qt::endl;
            return std::nullopt;
        }
        return password;
    };

    switch (commandLine.mode) {
    case Mode::UserList: {
        const auto list = users.list();
        if (!list) {
            err << "dualrec: " << list.error().detail << Qt::endl;
            return 2;
        }
        const auto now = clock.wallNow();
        for (const auto &user : *list)
            out << user.login << '\t' << storage::userRoleName(user.role) << '\t' << user.displayName << '\t'
                << user.licenceNo << '\t' << stateOf(user, now) << Qt::endl;
        return success;
    }
    case Mode::UserAdd: {
        const auto password = readPassword("user add");
        if (!password)
            return 2;
        const storage::NewAccount account{login, commandLine.userName.value_or(login), commandLine.userLicence.value_or(QString()),
                                          storage::userRoleFromName(commandLine.userRole.value_or(QString())), *password,
                                          *password};
        auto user = admin.createWithPassword(kActor, account);
        if (!user)
            return failed(QT_TRANSLATE_NOOP("UserCommand", "user add: the account %1 was not created: %2"), user.error());
        out << QCoreApplication::translate("UserCommand", "Created the %1 account \"%2\".").arg(QLatin1String(storage::userRoleName(user->role)), user->login)
            << Qt::endl;
        return success;
    }
    case Mode::UserReset: {
        const auto password = readPassword("user reset");
        if (!password)
            return 2;
        if (auto reset = admin.resetPassword(kActor, login, *password); !reset)
            return failed(QT_TRANSLATE_NOOP("UserCommand", "user reset: the password of %1 was not changed: %2"), reset.error());
        out << QCoreApplication::translate("UserCommand", "The password of \"%1\" is changed and the account is unlocked.").arg(login) << Qt::endl;
        return success;
    }
    case Mode::UserUnlock:
        if (auto done = admin.unlock(kActor, login); !done)
            return failed(QT_TRANSLATE_NOOP("UserCommand", "user unlock: %1 was not unlocked: %2"), done.error());
        out << QCoreApplication::translate("UserCommand", "The account \"%1\" is unlocked.").arg(login) << Qt::endl;
        return success;
    case Mode::UserDisable:
        if (auto done = admin.disable(kActor, login); !done)
            return failed(QT_TRANSLATE_NOOP("UserCommand", "user disable: %1 was not disabled: %2"), done.error());
        out << QCoreApplication::translate("UserCommand", "The account \"%1\" is disabled: it can no longer sign in.").arg(login) << Qt::endl;
        return success;
    case Mode::UserEnable:
        if (auto done = admin.enable(kActor, login); !done)
            return failed(QT_TRANSLATE_NOOP("UserCommand", "user enable: %1 was not enabled: %2"), done.error());
        out << QCoreApplication::translate("UserCommand", "The account \"%1\" can sign in again.").arg(login) << Qt::endl;
        return success;
    case Mode::UserSet: {
        storage::AccountChanges changes;
        changes.displayName = commandLine.userName;
        changes.licenceNo = commandLine.userLicence;
        if (commandLine.userRole)
            changes.role = storage::userRoleFromName(*commandLine.userRole);
        auto user = admin.change(kActor, login, changes);
        if (!user)
            return failed(QT_TRANSLATE_NOOP("UserCommand", "user set: %1 was not changed: %2"), user.error());
        out << QCoreApplication::translate("UserCommand", "The account \"%1\" is changed: %2, %3, licence number %4.")
                   .arg(user->login, user->displayName, QLatin1String(storage::userRoleName(user->role)),
                        user->licenceNo.isEmpty() ? QCoreApplication::translate("UserCommand", "none") : user->licenceNo)
            << Qt::endl;
        return success;
    }
    default:
        return 2;
    }
}

} // namespace dualrec::app
