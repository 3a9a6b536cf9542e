// Local accounts: salted PBKDF2 hashes, lockout after repeated failures, the journaler.
#include "core/seal/passwordhash.h"
#include "core/storage/accountadministration.h"
#include "core/storage/accountrules.h"
#include "core/storage/journal.h"
#include "core/storage/sessionjournaler.h"
#include "core/workflow/eventdetail.h"
#include "core/workflow/templatelibrary.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<storage::Journal> openJournal(const QTemporaryDir &dir, const Clock &clock, int maxFailures = 3)
{
    storage::Journal::Options options;
    options.accounts.hashIterations = 1000;
    options.accounts.maxFailures = maxFailures;
    options.accounts.lockFor = std::chrono::minutes(10);
    auto journal = storage::Journal::open(dir.path(), clock, options);
    REQUIRE(journal.has_value());
    return std::move(*journal);
}

} // namespace

TEST_CASE("password hashes are salted PBKDF2-SHA256 strings that verify only the right password")
{
    const auto first = seal::hashPassword(QStringLiteral("correct horse"), 1000);
    const auto second = seal::hashPassword(QStringLiteral("correct horse"), 1000);
    REQUIRE(first.has_value());
    REQUIRE(second.has_value());
    CHECK(first->startsWith(QStringLiteral("pbkdf2-sha256$1000$")));
    CHECK(*first != *second); // a fresh salt each time
    CHECK(seal::verifyPassword(QStringLiteral("correct horse"), *first));
    CHECK_FALSE(seal::verifyPassword(QStringLiteral("correct horsE"), *first));
    CHECK_FALSE(seal::verifyPassword(QString(), *first));
    // The iteration count is read from the string: changing it breaks the hash.
    auto tampered = *first;
    tampered.replace(QStringLiteral("$1000$"), QStringLiteral("$1001$"));
    CHECK_FALSE(seal::verifyPassword(QStringLiteral("correct horse"), tampered));
    CHECK_FALSE(seal::verifyPassword(QStringLiteral("x"), QStringLiteral("plain text")));
    CHECK_FALSE(seal::hashPassword(QStringLiteral("x"), 10).has_value());
    // The default work factor is the one new accounts get.
    const auto strong = seal::hashPassword(QStringLiteral("pw"));
    REQUIRE(strong.has_value());
    CHECK(strong->contains(QStringLiteral("$600000$")));
}

TEST_CASE("accounts are created once and the password is never stored in clear")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = openJournal(dir, clock);
    auto &users = journal->users();
    CHECK(*users.count() == 0);
    const auto added = users.add(QStringLiteral(" agent01 "), QStringLiteral("李娜"), storage::UserRole::Agent,
                                 QStringLiteral("secret-password"));
    REQUIRE(added.has_value());
    CHECK(added->login == QLatin1String("agent01"));
    CHECK(*users.count() == 1);
    CHECK_FALSE(users.add(QStringLiteral("agent01"), QStringLiteral("x"), storage::UserRole::Agent,
                          QStringLiteral("another-password")).has_value());
    CHECK_FALSE(users.add(QStringLiteral("agent02"), QStringLiteral("x"), storage::UserRole::Agent,
                          QStringLiteral("short")).has_value());
    CHECK_FALSE(users.add(QStringLiteral("agent03"), QStringLiteral("x"), storage::UserRole::Invalid,
                          QStringLiteral("long-enough")).has_value());

    test::RawSql raw(storage::Journal::databasePath(dir.path()));
    const auto stored = raw.value(QStringLiteral("SELECT password_hash FROM users WHERE login = 'agent01'"));
    CHECK(stored.startsWith(QStringLiteral("pbkdf2-sha256$")));
    CHECK_FALSE(stored.contains(QStringLiteral("secret")));
}

TEST_CASE("repeated wrong passwords lock an account until the lock runs out")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = openJournal(dir, clock, 3);
    auto &users = journal->users();
    REQUIRE(users.add(QStringLiteral("sup"), QStringLiteral("Supervisor"), storage::UserRole::Supervisor,
                      QStringLiteral("right-password")).has_value());

    auto outcome = users.authenticate(QStringLiteral("nobody"), QStringLiteral("right-password"));
    REQUIRE(outcome.has_value());
    CHECK(outcome->result == storage::LoginResult::Rejected);

    outcome = users.authenticate(QStringLiteral("sup"), QStringLiteral("wrong 1"));
    CHECK(outcome->result == storage::LoginResult::Rejected);
    CHECK(outcome->attemptsLeft == 2);
    // A success in between resets the count.
    outcome = users.authenticate(QStringLiteral("sup"), QStringLiteral("right-password"));
    CHECK(outcome->result == storage::LoginResult::Accepted);
    CHECK(outcome->user->role == storage::UserRole::Supervisor);

    for (int i = 0; i < 2; ++i)
        CHECK(users.authenticate(QStringLiteral("sup"), QStringLiteral("wrong"))->result == storage::LoginResult::Rejected);
    outcome = users.authenticate(QStringLiteral("sup"), QStringLiteral("wrong"));
    CHECK(outcome->result == storage::LoginResult::LockedOut);
    CHECK(outcome->lockedUntil == clock.wallNow().addSecs(600));
    // Locked: even the right password is refused ...
    clock.advance(9min);
    CHECK(users.authenticate(QStringLiteral("sup"), QStringLiteral("right-password"))->result
          == storage::LoginResult::LockedOut);
    // ... until the lock has run out; a lock survives reopening the journal.
    journal.reset();
    journal = openJournal(dir, clock, 3);
    clock.advance(2min);
    CHECK(journal->users().authenticate(QStringLiteral("sup"), QStringLiteral("right-password"))->result
          == storage::LoginResult::Accepted);

    // Branch IT's reset unlocks at once.
    for (int i = 0; i < 3; ++i)
        (void)journal->users().authenticate(QStringLiteral("sup"), QStringLiteral("wrong"));
    REQUIRE(journal->users().setPassword(QStringLiteral("sup"), QStringLiteral("new-password")).has_value());
    CHECK(journal->users().authenticate(QStringLiteral("sup"), QStringLiteral("new-password"))->result
          == storage::LoginResult::Accepted);
}

TEST_CASE("a sign-in split around its password check counts every overlapping attempt once")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = openJournal(dir, clock, 3);
    auto &users = journal->users();
    REQUIRE(users.add(QStringLiteral("sup"), QStringLiteral("Supervisor"), storage::UserRole::Supervisor,
                      QStringLiteral("right-password")).has_value());

    // An unknown login is checked against a hash of the same cost that nothing matches.
    const auto unknown = users.prepareLogin(QStringLiteral("nobody"));
    REQUIRE(unknown.has_value());
    CHECK(unknown->userId == 0);
    CHECK_FALSE(unknown->decided);
    CHECK(unknown->storedHash.startsWith(QStringLiteral("pbkdf2-sha256$1000$")));
    CHECK_FALSE(unknown->verifyPassword(QStringLiteral("right-password")));
    CHECK_FALSE(unknown->verifyPassword(QString()));
    CHECK(users.finishLogin(*unknown, false)->result == storage::LoginResult::Rejected);

    // Two attempts read the account before either finished: both failures count.
    const auto first = users.prepareLogin(QStringLiteral(" sup "));
    const auto second = users.prepareLogin(QStringLiteral("sup"));
    REQUIRE(first.has_value());
    REQUIRE(second.has_value());
    CHECK(first->login == QLatin1String("sup"));
    CHECK_FALSE(first->verifyPassword(QStringLiteral("wrong")));
    CHECK(first->verifyPassword(QStringLiteral("right-password")));
    CHECK(users.finishLogin(*first, false)->attemptsLeft == 2);
    CHECK(users.finishLogin(*second, false)->attemptsLeft == 1);

    // The third failure locks; an attempt prepared before the lock cannot get in afterwards ...
    const auto late = users.prepareLogin(QStringLiteral("sup"));
    REQUIRE(late.has_value());
    CHECK(users.authenticate(QStringLiteral("sup"), QStringLiteral("wrong"))->result == storage::LoginResult::LockedOut);
    CHECK(users.finishLogin(*late, true)->result == storage::LoginResult::LockedOut);
    // ... and while locked the attempt is decided without a password check.
    const auto locked = users.prepareLogin(QStringLiteral("sup"));
    REQUIRE(locked.has_value());
    REQUIRE(locked->decided);
    CHECK(locked->decided->result == storage::LoginResult::LockedOut);
    CHECK(locked->decided->lockedUntil == clock.wallNow().addSecs(600));

    // A password reset while the old one is being checked: the old password no longer gets in.
    clock.advance(11min);
    const auto beforeReset = users.prepareLogin(QStringLiteral("sup"));
    REQUIRE(beforeReset.has_value());
    REQUIRE(users.setPassword(QStringLiteral("sup"), QStringLiteral("new-password")).has_value());
    CHECK(users.finishLogin(*beforeReset, beforeReset->verifyPassword(QStringLiteral("right-password")))->result
          == storage::LoginResult::Rejected);
    const auto afterReset = users.prepareLogin(QStringLiteral("sup"));
    REQUIRE(afterReset.has_value());
    const auto accepted = users.finishLogin(*afterReset, afterReset->verifyPassword(QStringLiteral("new-password")));
    REQUIRE(accepted.has_value());
    CHECK(accepted->result == storage::LoginResult::Accepted);
    CHECK(accepted->user->login == QLatin1String("sup"));
}

namespace {

/// The shipped traditional-life script's plan.
workflow::ScriptPlan traditionalLifePlan()
{
    const auto library = workflow::TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    return std::move(*plan);
}

} // namespace

TEST_CASE("the session journaler writes the session and every event in order and audits start and stop")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = openJournal(dir, clock);
    const auto plan = traditionalLifePlan();
    auto session = workflow::WorkflowSession::create(workflow::SessionId::generate(), plan, clock);
    REQUIRE(session.has_value());
    auto &engine = **session;

    storage::SessionJournaler journaler(journal->sessions(), journal->audit(), engine, QStringLiteral("agent01"));
    storage::SessionRecord record;
    record.id = engine.id();
    record.applicationNo = QStringLiteral("AP1");
    record.agentId = QStringLiteral("agent01");
    record.templateId = plan.id();
    REQUIRE(journaler.begin(record).has_value());
    CHECK_FALSE(journaler.begin(record).has_value()); // once only

    REQUIRE(engine.start().has_value());
    engine.setPresence({true, true, true});
    REQUIRE(engine.recordAnswer(workflow::Answer::Yes).has_value());
    clock.advance(11s);
    REQUIRE(engine.completeCurrentStep().has_value());
    REQUIRE(engine.abort(QStringLiteral("equipment_problem")).has_value());

    // The writes ran in the journaler's writer thread, not in this (the session's) thread.
    journaler.flush();
    CHECK(journaler.lastWriteThread() != std::thread::id());
    CHECK(journaler.lastWriteThread() != std::this_thread::get_id());
    const auto events = journal->sessions().events(engine.id());
    REQUIRE(events.has_value());
    REQUIRE(events->size() == engine.events().size());
    for (qsizetype i = 0; i < events->size(); ++i) {
        CHECK(events->at(i).type == engine.events().at(i).type);
        CHECK(events->at(i).monotonic == engine.events().at(i).monotonic);
    }
    CHECK(journal->sessions().find(engine.id())->value().state == workflow::SessionState::Aborted);
    const auto audit = journal->audit().entries();
    REQUIRE(audit.has_value());
    REQUIRE(audit->size() == 2);
    CHECK(audit->at(0).action == QLatin1String("session-start"));
    CHECK(audit->at(1).action == QLatin1String("session-stop"));
    CHECK(audit->at(1).detail == QLatin1String("state=aborted; reason: equipment_problem"));
    CHECK(audit->at(1).actor == QLatin1String("agent01"));
}

TEST_CASE("the audit entry of a session's end names the end state and why: a failure's detail, a refusal, a limit")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = openJournal(dir, clock);
    const auto plan = traditionalLifePlan();
    // Each way a session ends, as the recording, the agent, the command or the customer ends it.
    using Ending = Result<void> (*)(workflow::WorkflowSession &);
    const struct {
        Ending end;
        const char *detail;
    } cases[] = {
        {[](workflow::WorkflowSession &engine) {
             return engine.fail(workflow::sessionReasonText(workflow::SessionReason::RecordingFailed,
                                                            QStringLiteral("cannot write the recording: No space left on device")));
         },
         "state=failed; reason: recording failed: cannot write the recording: No space left on device"},
        {[](workflow::WorkflowSession &engine) {
             engine.setPresence({true, true, true});
             return engine.recordAnswer(workflow::Answer::No); // at the consent step
         },
         "state=refused; reason: the customer declined to be recorded"},
        {[](workflow::WorkflowSession &engine) { return engine.abort(workflow::sessionReasonText(workflow::SessionReason::DurationLimit)); },
         "state=aborted; reason: duration limit"},
        {[](workflow::WorkflowSession &engine) {
             if (auto paused = engine.pause(workflow::sessionReasonText(workflow::SessionReason::DeviceLost)); !paused)
                 return paused;
             return engine.abort(QStringLiteral("equipment_problem")); // the camera did not come back
         },
         "state=aborted; reason: equipment_problem"},
    };
    QStringList expected;
    for (const auto &ending : cases) {
        auto session = workflow::WorkflowSession::create(workflow::SessionId::generate(), plan, clock);
        REQUIRE(session.has_value());
        storage::SessionJournaler journaler(journal->sessions(), journal->audit(), **session, QStringLiteral("agent01"));
        storage::SessionRecord record;
        record.id = (*session)->id();
        record.applicationNo = QStringLiteral("AP-END-%1").arg(expected.size());
        record.agentId = QStringLiteral("agent01");
        record.templateId = plan.id();
        REQUIRE(journaler.begin(record).has_value());
        REQUIRE((*session)->start().has_value());
        REQUIRE(ending.end(**session).has_value());
        REQUIRE(workflow::isEndState((*session)->state()));
        journaler.flush();
        expected.append(QLatin1String(ending.detail));
    }
    const auto audit = journal->audit().entries();
    REQUIRE(audit.has_value());
    QStringList stops;
    for (const auto &entry : *audit) {
        if (entry.action == QLatin1String("session-stop"))
            stops.append(entry.detail);
    }
    CHECK(stops == expected);
}

TEST_CASE("logins are normalised, unique regardless of case and printable; passwords follow the stated policy")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = openJournal(dir, clock);
    auto &users = journal->users();
    const auto alice = users.add(QStringLiteral("Alice"), QStringLiteral("Alice"), storage::UserRole::Supervisor,
                                 QStringLiteral("a-long-password"));
    REQUIRE(alice.has_value());
    CHECK(alice->login == QLatin1String("alice"));
    // One login in any case or width.
    for (const auto &same : QStringList{QStringLiteral("ALICE"), QStringLiteral("alice"), QStringLiteral(" aLiCe "),
                             QStringLiteral("ＡＬＩＣＥ")}) {
        INFO(same.toStdString());
        const auto taken = users.add(same, QStringLiteral("x"), storage::UserRole::Agent, QStringLiteral("another-password"));
        REQUIRE_FALSE(taken.has_value());
        CHECK(taken.error().detail.contains(QLatin1String("taken")));
    }
    // Sign-in finds the account whatever the case.
    const auto signedIn = users.authenticate(QStringLiteral("ALICE"), QStringLiteral("a-long-password"));
    REQUIRE(signedIn.has_value());
    CHECK(signedIn->result == storage::LoginResult::Accepted);

    // Not printable, or with a space inside.
    for (const auto &bad : QStringList{QStringLiteral("bob\nsupervisor"), QString(QStringLiteral("bob")) + QChar(0x202E) + QStringLiteral("evil"),
                            QStringLiteral("bo b"), QStringLiteral("bo\tb"), QString(65, u'b')}) {
        INFO(bad.toStdString());
        CHECK_FALSE(users.add(bad, QStringLiteral("Bob"), storage::UserRole::Agent, QStringLiteral("a-long-password")).has_value());
    }
    CHECK_FALSE(users.add(QStringLiteral("bob"), QStringLiteral("Bob\n2"), storage::UserRole::Agent,
                          QStringLiteral("a-long-password")).has_value());

    // The password policy (docs/deployment.md).
    struct Row {
        QString password;
        storage::PasswordProblem problem;
    };
    const std::vector<Row> rows{
        {QString(8, u' '), storage::PasswordProblem::TooShort},
        {QStringLiteral("  abc1  "), storage::PasswordProblem::TooShort},
        {QString(129, u'a') + u'1', storage::PasswordProblem::TooLong},
        {QStringLiteral("abcdefgh\n1"), storage::PasswordProblem::Unprintable},
        {QStringLiteral("12345678"), storage::PasswordProblem::NoLetter},
        {QStringLiteral("abcdefgh"), storage::PasswordProblem::NoNonLetter},
    };
    for (const auto &row : rows) {
        INFO(row.password.toStdString());
        CHECK(storage::checkPassword(row.password, 8) == row.problem);
        CHECK_FALSE(users.add(QStringLiteral("bob"), QStringLiteral("Bob"), storage::UserRole::Agent, row.password).has_value());
    }
    CHECK_FALSE(storage::checkPassword(QStringLiteral("correct horse"), 8).has_value());
    CHECK(users.add(QStringLiteral("bob"), QStringLiteral("Bob"), storage::UserRole::Agent, QStringLiteral("correct horse")).has_value());
}

TEST_CASE("supervisors and IT manage accounts: licence number, reset, unlock, disable, and every change is audited")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = openJournal(dir, clock);
    auto &users = journal->users();
    storage::AccountAdministration admin(users, journal->audit());

    // Field order: the login is judged before the name, the name before the password.
    storage::NewAccount account{QStringLiteral(" "), QString(), QStringLiteral("bad licence!"), storage::UserRole::Invalid,
                                QStringLiteral("short"), QStringLiteral("other")};
    auto problemOf = [&] { return users.checkNewAccount(account).value(); };
    CHECK(problemOf() == storage::AccountProblem::MissingLogin);
    account.login = QStringLiteral("li xiao");
    CHECK(problemOf() == storage::AccountProblem::LoginHasSpaces);
    account.login = QString(storage::kMaximumLoginLength + 1, u'x');
    CHECK(problemOf() == storage::AccountProblem::LoginTooLong);
    account.login = QStringLiteral("lixiao");
    CHECK(problemOf() == storage::AccountProblem::MissingDisplayName);
    account.displayName = QStringLiteral("李晓");
    CHECK(problemOf() == storage::AccountProblem::BadLicenceNo);
    account.licenceNo = QStringLiteral("02000132010080020190012345");
    CHECK(problemOf() == storage::AccountProblem::MissingRole);
    account.role = storage::UserRole::Agent;
    CHECK(problemOf() == storage::AccountProblem::PasswordTooShort);
    account.password = QStringLiteral("agent-password");
    CHECK(problemOf() == storage::AccountProblem::PasswordsDiffer);
    account.repeatedPassword = account.password;
    CHECK_FALSE(problemOf().has_value());

    const auto boss = admin.createWithPassword(QStringLiteral("cli"),
                                               {QStringLiteral("boss"), QStringLiteral("王主管"), QString(),
                                                storage::UserRole::Supervisor, QStringLiteral("boss-password"),
                                                QStringLiteral("boss-password")});
    REQUIRE(boss.has_value());
    const auto agent = admin.createWithPassword(QStringLiteral("boss"), account);
    REQUIRE(agent.has_value());
    CHECK(agent->licenceNo == QLatin1String("02000132010080020190012345"));
    CHECK(users.find(QStringLiteral("lixiao"))->licenceNo == agent->licenceNo);
    CHECK(users.checkNewAccount(account).value() == storage::AccountProblem::LoginTaken);

    // Locked by wrong passwords, unlocked by the supervisor.
    for (int i = 0; i < 3; ++i)
        (void)users.authenticate(QStringLiteral("lixiao"), QStringLiteral("wrong-password"));
    CHECK(users.authenticate(QStringLiteral("lixiao"), QStringLiteral("agent-password"))->result
          == storage::LoginResult::LockedOut);
    CHECK(users.find(QStringLiteral("lixiao"))->lockedAt(clock.wallNow()));
    REQUIRE(admin.unlock(QStringLiteral("boss"), QStringLiteral("lixiao")).has_value());
    CHECK_FALSE(users.find(QStringLiteral("lixiao"))->lockedAt(clock.wallNow()));
    CHECK(users.authenticate(QStringLiteral("lixiao"), QStringLiteral("agent-password"))->result
          == storage::LoginResult::Accepted);

    // A reset password replaces the old one.
    REQUIRE(admin.resetPassword(QStringLiteral("boss"), QStringLiteral("lixiao"), QStringLiteral("new-password")).has_value());
    CHECK(users.authenticate(QStringLiteral("lixiao"), QStringLiteral("agent-password"))->result
          == storage::LoginResult::Rejected);
    CHECK(users.authenticate(QStringLiteral("lixiao"), QStringLiteral("new-password"))->result
          == storage::LoginResult::Accepted);
    CHECK(admin.resetPassword(QStringLiteral("boss"), QStringLiteral("nobody"), QStringLiteral("new-password")).error().code
          == ErrorCode::NotFound);
    CHECK(admin.resetPassword(QStringLiteral("boss"), QStringLiteral("lixiao"), QStringLiteral("short")).error().code
          == ErrorCode::InvalidArgument);

    // Disabled: the right password says so, a wrong one is just wrong; enabled again, it signs in.
    REQUIRE(admin.disable(QStringLiteral("boss"), QStringLiteral("lixiao")).has_value());
    CHECK(users.authenticate(QStringLiteral("lixiao"), QStringLiteral("new-password"))->result
          == storage::LoginResult::Disabled);
    CHECK(users.authenticate(QStringLiteral("lixiao"), QStringLiteral("wrong-password"))->result
          == storage::LoginResult::Rejected);
    REQUIRE(admin.enable(QStringLiteral("boss"), QStringLiteral("lixiao")).has_value());
    CHECK(users.authenticate(QStringLiteral("lixiao"), QStringLiteral("new-password"))->result
          == storage::LoginResult::Accepted);

    // Name, licence number and role change; the last supervisor keeps the right to manage.
    storage::AccountChanges changes;
    changes.licenceNo = QStringLiteral("A-1");
    changes.displayName = QStringLiteral("李晓明");
    const auto changed = admin.change(QStringLiteral("boss"), QStringLiteral("lixiao"), changes);
    REQUIRE(changed.has_value());
    CHECK(changed->displayName == QStringLiteral("李晓明"));
    CHECK(admin.disable(QStringLiteral("boss"), QStringLiteral("boss")).error().code == ErrorCode::InvalidState);
    CHECK(admin.disable(QStringLiteral("cli"), QStringLiteral("boss")).error()
          == users.errorOf(storage::AccountProblem::LastSupervisor, QStringLiteral("boss")));
    storage::AccountChanges demote;
    demote.role = storage::UserRole::Agent;
    CHECK(admin.change(QStringLiteral("boss"), QStringLiteral("boss"), demote).error().code == ErrorCode::InvalidState);
    CHECK(users.find(QStringLiteral("boss"))->role == storage::UserRole::Supervisor);
    storage::AccountChanges badLicence;
    badLicence.licenceNo = QStringLiteral("执业 证");
    CHECK(admin.change(QStringLiteral("boss"), QStringLiteral("lixiao"), badLicence).error().code
          == ErrorCode::InvalidArgument);

    const auto audit = journal->audit().entries();
    REQUIRE(audit.has_value());
    QStringList changes_;
    for (const auto &entry : *audit) {
        if (entry.action == QLatin1String("account-change"))
            changes_.append(entry.actor + u' ' + entry.subject + u' ' + entry.detail);
    }
    CHECK(changes_ == QStringList{
                          QStringLiteral("cli boss created with role supervisor"),
                          QStringLiteral("boss lixiao created with role agent, licence number 02000132010080020190012345"),
                          QStringLiteral("boss lixiao unlocked"),
                          QStringLiteral("boss lixiao password reset (account unlocked)"),
                          QStringLiteral("boss lixiao disabled"),
                          QStringLiteral("boss lixiao enabled"),
                          QStringLiteral("boss lixiao display name changed; licence number 02000132010080020190012345 -> A-1"),
                      });
    CHECK(journal->audit().verify()->intact);
}
