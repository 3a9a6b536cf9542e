// The new-session form's checks (ID -> age, scope per product, problems in order) and the
// session time estimate.
#include "core/workflow/saleform.h"
#include "core/workflow/sessiontimeline.h"
#include "core/workflow/timeestimate.h"

#include "tests/support/testclock.h"

#include <catch2/catch_test_macros.hpp>

using namespace dualrec::workflow;
using namespace std::chrono_literals;

namespace {

TemplateLibrary shipped()
{
    return TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
}

QString idBornOn(QDate birth)
{
    const QString first17 = QStringLiteral("320102") + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("123");
    return first17 + residentIdCheckCharacter(first17);
}

SaleForm completeForm(QDate birth)
{
    SaleForm form;
    form.applicationNo = QStringLiteral("AP1");
    form.policyholderName = QStringLiteral("王秀兰");
    form.policyholderIdNumber = idBornOn(birth);
    form.channel = Channel::Agency;
    form.productTemplateIds = {QStringLiteral("traditional-life")};
    form.payments = {{QStringLiteral("12000"), PaymentMethod::Annual, 10}, {QStringLiteral("3600"), PaymentMethod::Single, 0}};
    form.saleDate = QDate(2026, 11, 22);
    return form;
}

/// The agent and the institution, as the account and the IT policy give them.
const SaleParties kParties{QStringLiteral("李晓"), QStringLiteral("02000132010080020190012345"),
                           QStringLiteral("华安示范人寿保险股份有限公司"), QStringLiteral("华安人寿")};

} // namespace

TEST_CASE("an empty sale form lists every missing fact in order")
{
    const auto library = shipped();
    const auto check = checkSaleForm(library, SaleForm{}, kParties);
    CHECK(check.problems
          == QList<SaleFormProblem>{SaleFormProblem::MissingApplicationNo, SaleFormProblem::MissingPolicyholderName,
                                    SaleFormProblem::MissingPolicyholderId, SaleFormProblem::MissingChannel,
                                    SaleFormProblem::NoProduct});
    CHECK_FALSE(check.canStart());
    CHECK_FALSE(check.scope.has_value());
}

TEST_CASE("the policyholder's age comes from the ID number and decides the over-60 rule")
{
    const auto library = shipped();
    auto older = checkSaleForm(library, completeForm(QDate(1960, 11, 22)), kParties);
    CHECK(older.canStart());
    CHECK(older.policyholderAge == 66);
    REQUIRE(older.scope.has_value());
    CHECK(older.scope->required);
    REQUIRE(older.scope->matches.size() == 1);
    CHECK(older.scope->matches.first().reason.contains(QStringLiteral("60周岁")));
    REQUIRE(older.plan.has_value());

    // Born one day later: 59 on the sale date, no national rule for agency traditional life.
    auto younger = checkSaleForm(library, completeForm(QDate(1966, 11, 23)), kParties);
    CHECK(younger.policyholderAge == 59);
    REQUIRE(younger.scope.has_value());
    CHECK_FALSE(younger.scope->required);
    CHECK(younger.canStart()); // recording anyway is allowed

    // In Jiangsu every life policy over a year is recorded, whatever the age.
    auto jiangsu = completeForm(QDate(1990, 1, 1));
    jiangsu.provinceCode = QStringLiteral("32");
    CHECK(checkSaleForm(library, jiangsu, kParties).scope->required);
}

TEST_CASE("a mistyped ID number is refused with the reason and no age")
{
    const auto library = shipped();
    auto form = completeForm(QDate(1960, 1, 1));
    form.policyholderIdNumber[5] = form.policyholderIdNumber[5] == u'9' ? u'8' : u'9';
    const auto check = checkSaleForm(library, form, kParties);
    CHECK(check.problems == QList<SaleFormProblem>{SaleFormProblem::BadPolicyholderId});
    CHECK(check.idError == ResidentIdError::BadChecksum);
    CHECK_FALSE(check.policyholderAge.has_value());
}

TEST_CASE("several products: the sale is recorded when any product must be")
{
    const auto library = shipped();
    auto form = completeForm(QDate(1990, 1, 1));
    form.productTemplateIds = {QStringLiteral("traditional-life"), QStringLiteral("investment-linked")};
    const auto check = checkSaleForm(library, form, kParties);
    CHECK(check.canStart());
    REQUIRE(check.scope.has_value());
    CHECK(check.scope->required); // investment-linked is always recorded
    REQUIRE(check.plan.has_value());
    CHECK(check.plan->products().size() == 2);

    form.productTemplateIds = {QStringLiteral("traditional-life"), QStringLiteral("traditional-life")};
    CHECK(checkSaleForm(library, form, kParties).problems == QList<SaleFormProblem>{SaleFormProblem::PlanUnusable});
}

TEST_CASE("the estimated time left shrinks as steps complete and is zero at the end")
{
    const auto library = shipped();
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    dualrec::test::ManualClock clock;
    auto session = WorkflowSession::create(SessionId::generate(), *plan, clock);
    REQUIRE(session.has_value());
    auto &engine = **session;
    std::chrono::milliseconds total{0};
    for (const auto &step : plan->steps()) {
        CHECK(expectedStepDuration(step) >= step.definition.requirements.minDuration);
        total += expectedStepDuration(step);
    }
    CHECK(estimatedTimeLeft(engine) == total);
    REQUIRE(engine.start().has_value());
    engine.setPresence({true, true, true});
    REQUIRE(engine.recordAnswer(Answer::Yes).has_value());
    clock.advance(5s);
    const auto midway = estimatedTimeLeft(engine);
    CHECK(midway < total);
    clock.advance(60s);
    REQUIRE(engine.completeCurrentStep().has_value());
    CHECK(estimatedTimeLeft(engine) == total - expectedStepDuration(plan->steps().first()));
    REQUIRE(engine.abort(QStringLiteral("test")).has_value());
    CHECK(estimatedTimeLeft(engine) == 0ms);
}

TEST_CASE("a session timeline has a chapter per step and the presence gaps and pauses")
{
    auto event = [](SessionEventType type, int seconds, qsizetype step = -1) {
        SessionEvent e;
        e.type = type;
        e.monotonic = std::chrono::seconds(seconds);
        e.stepIndex = step;
        return e;
    };
    auto change = [](SessionState from, SessionState to, int seconds) {
        SessionEvent e;
        e.type = SessionEventType::StateChanged;
        e.from = from;
        e.to = to;
        e.monotonic = std::chrono::seconds(seconds);
        return e;
    };
    const QList<SessionEvent> events{
        event(SessionEventType::Created, 0),
        change(SessionState::Created, SessionState::Consent, 1),
        event(SessionEventType::StepStarted, 1, 0),
        event(SessionEventType::PresenceSatisfied, 2, 0),
        event(SessionEventType::StepStarted, 12, 1),
        event(SessionEventType::PresenceViolated, 15, 1),
        event(SessionEventType::PresenceSatisfied, 18, 1),
        change(SessionState::Steps, SessionState::Paused, 20),
        change(SessionState::Paused, SessionState::Steps, 26),
        event(SessionEventType::PresenceViolated, 30, 1),
        change(SessionState::Steps, SessionState::Aborted, 33),
    };
    const auto timeline = buildSessionTimeline(events);
    CHECK(timeline.duration() == 33s);
    REQUIRE(timeline.chapters.size() == 2);
    CHECK(timeline.chapters.at(1).start == 12s);
    CHECK(timeline.presenceViolations == QList<TimeSpan>{{15s, 18s}, {30s, 33s}});
    CHECK(timeline.pauses == QList<TimeSpan>{{20s, 26s}});
    CHECK(buildSessionTimeline({}).chapters.isEmpty());
}

TEST_CASE("a line break or a right-to-left override in a text field is refused: it would reach the watermark")
{
    const auto library = shipped();
    for (const auto &bad : QStringList{QStringLiteral("P-1\n2026-01-01 09:00:00"), QString(QStringLiteral("P-1")) + QChar(0x202E) + QStringLiteral("1-P"),
                            QStringLiteral("P\t1")}) {
        auto form = completeForm(QDate(1980, 1, 1));
        form.applicationNo = bad;
        const auto check = checkSaleForm(library, form, kParties);
        CHECK(check.problems.contains(SaleFormProblem::UnprintableText));
    }
    auto fine = completeForm(QDate(1980, 1, 1));
    fine.applicationNo = QStringLiteral("投保单 P-1 (2026)");
    CHECK_FALSE(checkSaleForm(library, fine, kParties).problems.contains(SaleFormProblem::UnprintableText));
}
