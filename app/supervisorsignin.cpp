#include "app/supervisorsignin.h"

#include "app/application.h"
#include "app/devicekeysetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dualrec::app {

namespace {

/// The messages' one translation context.
struct SupervisorSignIn {
    Q_DECLARE_TR_FUNCTIONS(SupervisorSignIn)
};

} // namespace

bool hasJournal(const QString &dataDirectory, const std::function<void(const QString &)> &say)
{
    if (QFileInfo::exists(storage::Journal::databasePath(dataDirectory)))
        return true;
    say(SupervisorSignIn::tr("there is no DualRec journal in %1 (check --data-dir)").arg(QDir::toNativeSeparators(dataDirectory)));
    return false;
}

std::expected<SupervisorAccess, int> signInSupervisor(const QString &dataDirectory, const QString &login, const QString &sessionId,
                                                      QTextStream &in, QTextStream &err, const std::function<void(const QString &)> &say,
                                                      const SupervisorCommandWords &words, const Clock &clock)
{
    const QString password = in.readLine();
    if (password.isNull()) {
        say(SupervisorSignIn::tr("give the password of %1 on the first line of standard input").arg(login));
        return std::unexpected(2);
    }
    auto keys = openDeviceKeys(dataDirectory, KeyOpening::ExistingOnly);
    if (!keys) {
        say(deviceKeyProblem(dataDirectory, keys.error()));
        return std::unexpected(2);
    }
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = *keys;
    auto journal = storage::Journal::open(dataDirectory, clock, journalOptions);
    if (!journal) {
        say(SupervisorSignIn::tr("cannot open the journal in %1: %2").arg(QDir::toNativeSeparators(dataDirectory), journal.error().detail));
        return std::unexpected(2);
    }
    if (Application::tellJournalStartup((*journal)->startup(), err)) {
        say(SupervisorSignIn::tr("the journal was damaged and restored, so %1; check the data folder first").arg(words.nothingDone));
        return std::unexpected(Application::kExitJournalDamaged);
    }
    const auto refuseAudited = [&](const QString &why) {
        if (auto audited = (*journal)->audit().append(login, storage::AuditAction::Export, sessionId, words.auditRefusal + why); !audited)
            say(SupervisorSignIn::tr("the refusal could not be written to the audit log: %1").arg(audited.error().detail));
    };
    auto signIn = (*journal)->users().authenticate(login, password);
    if (!signIn) {
        say(SupervisorSignIn::tr("cannot check the account %1: %2").arg(login, signIn.error().detail));
        return std::unexpected(2);
    }
    switch (signIn->result) {
    case storage::LoginResult::Accepted:
        break;
    case storage::LoginResult::LockedOut:
        refuseAudited(QStringLiteral("account locked"));
        say(SupervisorSignIn::tr("the account %1 is locked after too many wrong passwords until %2; %3")
                .arg(login, signIn->lockedUntil.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), words.nothingDone));
        return std::unexpected(1);
    case storage::LoginResult::Disabled:
        refuseAudited(QStringLiteral("account disabled"));
        say(SupervisorSignIn::tr("the account %1 is disabled; %2").arg(login, words.nothingDone));
        return std::unexpected(1);
    case storage::LoginResult::Rejected:
    case storage::LoginResult::Invalid:
        refuseAudited(QStringLiteral("sign-in failed"));
        say(SupervisorSignIn::tr("the login or the password is wrong; %1").arg(words.nothingDone));
        return std::unexpected(1);
    }
    if (!storage::canSupervise(signIn->user->role)) {
        refuseAudited(QStringLiteral("role %1").arg(QLatin1String(storage::userRoleName(signIn->user->role))));
        say(words.roleRefused.arg(login));
        return std::unexpected(1);
    }
    return SupervisorAccess{std::move(*keys), std::move(*journal), std::move(*signIn->user)};
}

} // namespace dualrec::app
