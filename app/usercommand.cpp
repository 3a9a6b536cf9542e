#include "app/usercommand.h"

#include "app/application.h"
#include "core/storage/journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dualrec::app {

int runUserCommand(const CommandLine &commandLine, QTextStream &in, QTextStream &out, QTextStream &err)
{
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
    auto journal = storage::Journal::open(dataDirectory, clock);
    if (!journal) {
        err << "dualrec: " << QCoreApplication::translate("UserCommand", "cannot open the journal in %1: %2").arg(QDir::toNativeSeparators(dataDirectory),
                                                                          journal.error().detail)
            << Qt::endl;
        return 2;
    }
    const bool damaged = Application::tellJournalStartup((*journal)->startup(), err);
    const int success = damaged ? Application::kExitJournalDamaged : 0;
    auto &users = (*journal)->users();
    if (commandLine.mode == CommandLine::Mode::UserList) {
        const auto list = users.list();
        if (!list) {
            err << "dualrec: " << list.error().detail << Qt::endl;
            return 2;
        }
        for (const auto &user : *list)
            out << user.login << '\t' << storage::userRoleName(user.role) << '\t' << user.displayName << Qt::endl;
        return success;
    }

    const auto password = in.readLine();
    if (password.isNull()) {
        err << "dualrec: " << QCoreApplication::translate("UserCommand", "user add: give the password on the first line of standard input") << Qt::endl;
        return 2;
    }
    const auto role = storage::userRoleFromName(commandLine.userRole);
    auto user = users.add(commandLine.userLogin, commandLine.userName, role, password);
    if (!user) {
        err << "dualrec: " << QCoreApplication::translate("UserCommand", "user add: the account was not created: %1").arg(user.error().detail) << Qt::endl;
        return user.error().code == ErrorCode::InvalidArgument ? 1 : 2;
    }
    (void)(*journal)->audit().append(QStringLiteral("cli"), storage::AuditAction::SettingsChange,
                                     QStringLiteral("users"),
                                     QStringLiteral("account %1 created with role %2")
                                         .arg(user->login, QLatin1String(storage::userRoleName(role))));
    out << QCoreApplication::translate("UserCommand", "Created the %1 account \"%2\".").arg(QLatin1String(storage::userRoleName(role)), user->login) << Qt::endl;
    return success;
}

} // namespace dualrec::app
