// The QC reasons in words (ui::QcText, the end page's, the history's and the QC report's
// sentences): the agent's and the customer's absence in one step read as two different
// sentences that name the party, in Chinese and in English; a session without a recording says so.
#include "ui/qctext.h"

#include "core/qc/sessioninputs.h"

#include "tests/ui/uifixture.h"

#include <QRegularExpression>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

/// Both parties out of the picture over the same stretch of the same step: the verdict's two reasons.
std::pair<qc::QcReason, qc::QcReason> bothMissing()
{
    qc::QcInput input;
    qc::QcStep step;
    step.id = QStringLiteral("consent");
    step.range = {0ms, 10'000ms};
    step.completed = true;
    input.steps = {step};
    input.length = 10'000ms;
    input.presence = {{vision::DefectKind::PartyAbsent, vision::Party::Agent, {2'000ms, 6'000ms}, {}},
                      {vision::DefectKind::PartyAbsent, vision::Party::Customer, {2'000ms, 6'000ms}, {}}};
    const auto verdict = qc::evaluate(input, {});
    REQUIRE(verdict.reasons.size() == 2);
    return {verdict.reasons[0], verdict.reasons[1]};
}

} // namespace

TEST_CASE("the agent's and the customer's absence in one step are two distinct sentences naming the party, in zh_CN and en")
{
    const auto [first, second] = bothMissing();
    CHECK(first.range == second.range);
    CHECK(first.stepId == second.stepId);
    CHECK(first.who != second.who);
    // As stored and read back (the history and the report read journal rows).
    const auto records = qc::reasonRecords(qc::QcVerdict{qc::QcOutcome::Fail, {first, second}});
    REQUIRE(records.size() == 2);
    CHECK(records[0].party != records[1].party);
    CHECK_FALSE(records[0].party.isEmpty());

    const auto sentences = [&] {
        return QStringList{ui::QcText::reason(first, nullptr), ui::QcText::reason(second, nullptr),
                           ui::QcText::reason(records[0], nullptr), ui::QcText::reason(records[1], nullptr)};
    };
    {
        const auto english = sentences();
        INFO(english.join(u'\n').toStdString());
        CHECK(english[0] != english[1]);
        CHECK(english[2] == english[0]); // the stored row reads as the computed reason
        CHECK(english[3] == english[1]);
        const auto agent = first.who == vision::Party::Agent ? english[0] : english[1];
        const auto customer = first.who == vision::Party::Agent ? english[1] : english[0];
        CHECK(agent.contains(QLatin1String("the agent was out of the picture")));
        CHECK(customer.contains(QLatin1String("the customer was out of the picture")));
    }
    {
        const test::Language catalogue(QStringLiteral("zh_CN"));
        const auto chinese = sentences();
        INFO(chinese.join(u'\n').toStdString());
        CHECK(chinese[0] != chinese[1]);
        CHECK(chinese[2] == chinese[0]);
        const auto agent = first.who == vision::Party::Agent ? chinese[0] : chinese[1];
        const auto customer = first.who == vision::Party::Agent ? chinese[1] : chinese[0];
        CHECK(agent.contains(QStringLiteral("业务员不在画面中")));
        CHECK_FALSE(agent.contains(QStringLiteral("客户")));
        CHECK(customer.contains(QStringLiteral("客户不在画面中")));
        CHECK_FALSE(customer.contains(QStringLiteral("业务员")));
        static const QRegularExpression asciiWord(QStringLiteral("[A-Za-z]{3,}"));
        CHECK_FALSE(asciiWord.match(agent + customer).hasMatch());
    }
    // A stored row from before the party was kept reads as before: someone the step needs.
    auto old = records[0];
    old.party.clear();
    CHECK(ui::QcText::reason(old, nullptr).contains(QLatin1String("someone the step needs")));
}

TEST_CASE("a session without a recording is said in one sentence, in zh_CN and en")
{
    qc::QcInput input;
    input.recording = qc::RecordingPresence::Missing;
    input.length = 5'000ms;
    const auto verdict = qc::evaluate(input, {});
    REQUIRE(verdict.reasons.size() == 1);
    CHECK(ui::QcText::reason(verdict.reasons[0], nullptr).startsWith(QLatin1String("There is no recording of this session")));
    const test::Language catalogue(QStringLiteral("zh_CN"));
    const auto chinese = ui::QcText::reason(verdict.reasons[0], nullptr);
    INFO(chinese.toStdString());
    CHECK(chinese.contains(QStringLiteral("没有录像")));
    CHECK(chinese.endsWith(u'。'));
}
