#include "core/workflow/scoperules.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec::workflow;

namespace {

QList<RuleSet> shippedRuleSets()
{
    QList<RuleSet> sets;
    for (const auto *name : {"cn-national.json", "cn-jiangsu.json"}) {
        auto parsed = loadRuleSet(QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules/") + QLatin1String(name));
        for (const auto &diagnostic : parsed.diagnostics)
            UNSCOPED_INFO(diagnostic.toString().toStdString());
        REQUIRE(parsed.value.has_value());
        sets.append(*parsed.value);
    }
    return sets;
}

ScopeInput sale()
{
    ScopeInput input;
    input.policyholder = PolicyholderKind::NaturalPerson;
    input.channel = Channel::Agency;
    input.category = ProductCategory::Life;
    input.design = ProductDesign::Traditional;
    input.term = PolicyTerm{20, false};
    input.policyholderBirthDate = QDate(1990, 6, 1);
    input.provinceCode = QStringLiteral("31"); // 上海: only the national rule
    input.saleDate = QDate(2026, 11, 22);
    return input;
}

} // namespace

TEST_CASE("scope rules at their boundaries")
{
    const auto sets = shippedRuleSets();
    struct Row {
        const char *name;
        ScopeInput input;
        bool required;
        const char *matchedRule; ///< one rule that must be among the matches, or nullptr
    };
    auto with = [](auto change) {
        auto input = sale();
        change(input);
        return input;
    };
    const std::vector<Row> rows{
        {"agency, 36 years old, traditional life: not required", sale(), false, nullptr},
        {"bancassurance, term 20: required", with([](auto &i) { i.channel = Channel::Bancassurance; }), true,
         "ancillary-agency-long-term-life"},
        {"bancassurance, term exactly 1 year: not required",
         with([](auto &i) { i.channel = Channel::Bancassurance; i.term = {1, false}; }), false, nullptr},
        {"bancassurance, term 2 years: required",
         with([](auto &i) { i.channel = Channel::Bancassurance; i.term = {2, false}; }), true,
         "ancillary-agency-long-term-life"},
        {"bancassurance, whole life: required",
         with([](auto &i) { i.channel = Channel::Bancassurance; i.term = {0, true}; }), true,
         "ancillary-agency-long-term-life"},
        {"other ancillary agency: required", with([](auto &i) { i.channel = Channel::AncillaryAgency; }), true,
         "ancillary-agency-long-term-life"},
        {"agency, policyholder 59 (the day before turning 60): not required",
         with([](auto &i) { i.policyholderBirthDate = QDate(1966, 11, 23); }), false, nullptr},
        {"agency, policyholder turns 60 on the sale date: required",
         with([](auto &i) { i.policyholderBirthDate = QDate(1966, 11, 22); }), true, "senior-policyholder-long-term-life"},
        {"agency, policyholder 75, term exactly 1 year: not required",
         with([](auto &i) { i.policyholderBirthDate = QDate(1951, 1, 1); i.term = {1, false}; }), false, nullptr},
        {"investment-linked, any channel and term: required",
         with([](auto &i) { i.design = ProductDesign::InvestmentLinked; i.term = {1, false}; }), true, "investment-linked"},
        {"organisation policyholder through a bank: not required",
         with([](auto &i) { i.policyholder = PolicyholderKind::Organisation; i.channel = Channel::Bancassurance;
                            i.policyholderBirthDate = QDate(); }), false, nullptr},
        {"江苏, agency, 36 years old, the day before 2019-10-01: not required",
         with([](auto &i) { i.provinceCode = QStringLiteral("32"); i.saleDate = QDate(2019, 9, 30); }), false, nullptr},
        {"江苏, agency, 36 years old, on 2019-10-01: required",
         with([](auto &i) { i.provinceCode = QStringLiteral("32"); i.saleDate = QDate(2019, 10, 1); }), true, nullptr},
        {"江苏, term exactly 1 year: not required",
         with([](auto &i) { i.provinceCode = QStringLiteral("32"); i.term = {1, false}; }), false, nullptr},
        {"another province on the same date: not required",
         with([](auto &i) { i.provinceCode = QStringLiteral("33"); i.saleDate = QDate(2019, 10, 1); }), false, nullptr},
    };
    for (const auto &row : rows) {
        INFO(row.name);
        const auto decision = decideScope(sets, row.input);
        REQUIRE(decision.has_value());
        CHECK(decision->required == row.required);
        CHECK(decision->matches.isEmpty() == !row.required);
        if (row.matchedRule) {
            bool found = false;
            for (const auto &match : decision->matches)
                found = found || match.ruleId == QLatin1String(row.matchedRule);
            CHECK(found);
        }
        for (const auto &match : decision->matches)
            CHECK_FALSE(match.reason.isEmpty());
        CHECK_FALSE(decision->summary().isEmpty());
    }
}

TEST_CASE("only the rule sets of the sale's province apply")
{
    const auto sets = shippedRuleSets();
    auto input = sale();
    input.provinceCode = QStringLiteral("32");
    const auto jiangsu = decideScope(sets, input);
    REQUIRE(jiangsu.has_value());
    CHECK(jiangsu->ruleSetsApplied.size() == 2);
    REQUIRE(jiangsu->matches.size() == 1);
    CHECK(jiangsu->matches.first().ruleSetId == QLatin1String("cn-jiangsu"));

    input.provinceCode = QStringLiteral("11");
    const auto beijing = decideScope(sets, input);
    REQUIRE(beijing.has_value());
    CHECK(beijing->ruleSetsApplied.size() == 1);
    CHECK(beijing->ruleSetsApplied.first().startsWith(QLatin1String("cn-national@")));
}

TEST_CASE("a missing fact that a rule needs is an error / not a guess")
{
    const auto sets = shippedRuleSets();
    auto noBirth = sale();
    noBirth.policyholderBirthDate = QDate();
    const auto decision = decideScope(sets, noBirth);
    REQUIRE_FALSE(decision.has_value());
    CHECK(decision.error().code == dualrec::ErrorCode::InvalidArgument);
    CHECK(decision.error().detail.contains(QLatin1String("senior-policyholder-long-term-life")));

    auto noChannel = sale();
    noChannel.channel = Channel::Invalid;
    CHECK_FALSE(decideScope(sets, noChannel).has_value());

    auto bornLater = sale();
    bornLater.policyholderBirthDate = QDate(2027, 1, 1);
    CHECK_FALSE(decideScope(sets, bornLater).has_value());

    auto noDate = sale();
    noDate.saleDate = QDate();
    CHECK_FALSE(decideScope(sets, noDate).has_value());
}

TEST_CASE("rule set errors name the file / the JSON path and what was expected")
{
    struct Row {
        const char *json;
        const char *path;
        const char *message;
    };
    const auto row = GENERATE(
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","region":null,
               "rules":[{"id":"a","reason":"r","effective_from":"2019-13-01","when":{"term_years_gt":1}}]})",
            "$.rules[0].effective_from", "expected a date YYYY-MM-DD"},
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","region":null,
               "rules":[{"id":"a","reason":"r","effective_from":"2019-01-01","when":{"chanel":["agency"]}}]})",
            "$.rules[0].when.chanel", "unknown key"},
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","region":null,
               "rules":[{"id":"a","reason":"r","effective_from":"2019-01-01","when":{"channel":["bank"]}}]})",
            "$.rules[0].when.channel[0]", "expected one of \"agency\""},
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","region":null,
               "rules":[{"id":"a","reason":"r","effective_from":"2019-01-01","when":{}}]})",
            "$.rules[0].when", "expected at least one condition"},
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","region":null,
               "rules":[{"id":"a","reason":"r","effective_from":"2019-01-01","when":{"age_gte":"60"}}]})",
            "$.rules[0].when.age_gte", "expected an integer, found a string"},
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","region":{"province_code":"320000","name":"江苏"},
               "rules":[{"id":"a","reason":"r","effective_from":"2019-01-01","when":{"term_years_gt":1}}]})",
            "$.region.province_code", "two-digit"},
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","region":null,
               "rules":[{"id":"a","reason":"r","effective_from":"2019-01-01","when":{"term_years_gt":1}},
                        {"id":"a","reason":"r","effective_from":"2019-01-01","when":{"term_years_gt":1}}]})",
            "$.rules[1].id", "duplicate rule id"},
        Row{R"({"format":"dualrec-rules","format_version":2,"id":"x","version":"1","title":"t","region":null,"rules":[]})",
            "$.format_version", "newer than this DualRec understands"},
        Row{R"({"format":"dualrec-rules","format_version":1,"id":"x","version":"1","title":"t","rules":[]})",
            "$.region", "missing required key"});
    const auto parsed = parseRuleSet(QByteArray(row.json), QStringLiteral("rules/bad.json"));
    CHECK_FALSE(parsed.value.has_value());
    bool found = false;
    for (const auto &diagnostic : parsed.diagnostics) {
        CHECK(diagnostic.file == QLatin1String("rules/bad.json"));
        found = found || (diagnostic.path == QLatin1String(row.path) && diagnostic.message.contains(QString::fromUtf8(row.message)));
    }
    INFO("expected " << row.path << ": " << row.message);
    for (const auto &diagnostic : parsed.diagnostics)
        UNSCOPED_INFO(diagnostic.toString().toStdString());
    CHECK(found);
}
