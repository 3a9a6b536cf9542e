// Every placeholder a template uses has a source (the agent's account, the IT policy, the
// new-session form, the product), and no teleprompter text can show 【…】 once a recording
// may start: every step of every shipped template is rendered with a complete form and with
// each field missing in turn.
#include "core/workflow/applicationimport.h"
#include "core/workflow/saleform.h"

#include <QFile>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec::workflow;

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

SaleParties completeParties()
{
    return {QStringLiteral("李晓"), QStringLiteral("02000132010080020190012345"), QStringLiteral("华安示范人寿保险股份有限公司"),
            QStringLiteral("华安人寿")};
}

SaleForm completeForm(const QStringList &products)
{
    SaleForm form;
    form.applicationNo = QStringLiteral("AP2026112200017");
    form.policyholderName = QStringLiteral("王秀兰");
    form.policyholderIdNumber = idBornOn(QDate(1960, 3, 4));
    form.insuredName = QStringLiteral("张伟");
    form.channel = Channel::Agency;
    form.productTemplateIds = products;
    for (qsizetype i = 0; i < products.size(); ++i)
        form.payments.append({QStringLiteral("12,000.50"), i % 2 ? PaymentMethod::Single : PaymentMethod::Annual, 10});
    form.saleDate = QDate(2026, 11, 22);
    return form;
}

/// The product template ids a shipped template (product or bundle) sells.
QStringList productsOf(const ScriptTemplate &script)
{
    return script.isBundle() ? script.bundle : QStringList{script.id};
}

QStringList gapsIn(const SaleFormCheck &check, const SaleForm &form, const SaleParties &parties)
{
    QStringList gaps;
    const auto context = saleContextOf(form, parties);
    for (qsizetype i = 0; i < check.plan->steps().size(); ++i) {
        const auto text = check.plan->renderedText(i, context);
        if (text.contains(u'【') || text.contains(QStringLiteral("{{")))
            gaps.append(check.plan->steps().at(i).id + QStringLiteral(": ") + text);
    }
    return gaps;
}

} // namespace

TEST_CASE("every placeholder has a source and script check names one that has none")
{
    for (const auto &name : knownPlaceholders()) {
        INFO(name.toStdString());
        const auto definition = placeholderDefinition(name);
        REQUIRE(definition.has_value());
        CHECK(definition->source != PlaceholderSource::Invalid);
    }
    CHECK(knownPlaceholders().contains(QStringLiteral("institution_name")));
    CHECK_FALSE(placeholderDefinition(u"sum_insured").has_value());
}

TEST_CASE("no shipped template can show a 【gap】 once the recording may start, whatever field is missing")
{
    const auto library = shipped();
    REQUIRE(library.diagnostics().isEmpty());
    int templates = 0;
    int rendered = 0;
    for (const auto &script : library.templates()) {
        INFO(script.id.toStdString());
        ++templates;
        const auto products = productsOf(script);
        const auto parties = completeParties();
        const auto form = completeForm(products);
        const auto check = checkSaleForm(library, form, parties);
        INFO("missing values: " << check.missingValues.size() << ", problems: " << check.problems.size());
        REQUIRE(check.canStart());
        CHECK(gapsIn(check, form, parties).isEmpty());
        // The values are where the script says them.
        const auto context = saleContextOf(form, parties);
        QString all;
        for (qsizetype i = 0; i < check.plan->steps().size(); ++i)
            all += check.plan->renderedText(i, context);
        CHECK(all.contains(QStringLiteral("华安人寿")));
        CHECK(all.contains(QStringLiteral("02000132010080020190012345")));
        CHECK(all.contains(QStringLiteral("12000.50")));
        CHECK(all.contains(QStringLiteral("年交")));
        CHECK(all.contains(QStringLiteral("10年")));

        // Each field missing in turn: either the recording cannot start (and the check says
        // which value is missing), or no step shows a gap.
        std::vector<std::pair<const char *, std::function<void(SaleForm &, SaleParties &)>>> removals{
            {"agent name", [](SaleForm &, SaleParties &p) { p.agentName.clear(); }},
            {"licence number", [](SaleForm &, SaleParties &p) { p.agentLicenceNo.clear(); }},
            {"institution name", [](SaleForm &, SaleParties &p) { p.institutionName.clear(); }},
            {"institution short name", [](SaleForm &, SaleParties &p) { p.institutionShortName = QStringLiteral("  "); }},
            {"customer name", [](SaleForm &f, SaleParties &) { f.policyholderName.clear(); }},
            {"insured name", [](SaleForm &f, SaleParties &) { f.insuredName.clear(); }},
            {"application number", [](SaleForm &f, SaleParties &) { f.applicationNo.clear(); }},
            {"premium", [](SaleForm &f, SaleParties &) { f.payments.last().premium.clear(); }},
            {"bad premium", [](SaleForm &f, SaleParties &) { f.payments.last().premium = QStringLiteral("一万"); }},
            {"payment method", [](SaleForm &f, SaleParties &) { f.payments.first().method = PaymentMethod::Invalid; }},
            {"payment years", [](SaleForm &f, SaleParties &) {
                 f.payments.first().method = PaymentMethod::Annual;
                 f.payments.first().years = 0;
             }},
            {"payments", [](SaleForm &f, SaleParties &) { f.payments.clear(); }},
        };
        for (const auto &[what, remove] : removals) {
            INFO(what);
            auto partial = form;
            auto partialParties = parties;
            remove(partial, partialParties);
            const auto partialCheck = checkSaleForm(library, partial, partialParties);
            REQUIRE(partialCheck.plan.has_value());
            const auto gaps = gapsIn(partialCheck, partial, partialParties);
            INFO(gaps.join(u'\n').toStdString());
            if (partialCheck.canStart())
                CHECK(gaps.isEmpty());
            if (!gaps.isEmpty())
                CHECK((partialCheck.problems.contains(SaleFormProblem::MissingScriptValues)
                       || partialCheck.problems.contains(SaleFormProblem::BadPremium)));
            rendered += int(partialCheck.plan->steps().size());
        }
    }
    CHECK(templates == 5);
    CHECK(rendered > 500);
}

TEST_CASE("the check lists which values are missing, per product, and where they come from")
{
    const auto library = shipped();
    auto form = completeForm({QStringLiteral("traditional-life"), QStringLiteral("critical-illness")});
    form.payments[1].premium.clear();
    auto parties = completeParties();
    parties.agentLicenceNo.clear();
    parties.institutionShortName.clear();
    const auto check = checkSaleForm(library, form, parties);
    CHECK_FALSE(check.canStart());
    CHECK(check.problems.contains(SaleFormProblem::MissingScriptValues));
    CHECK(check.missingValues.contains(MissingValue{QStringLiteral("agent_id"), PlaceholderSource::AgentAccount, -1}));
    CHECK(check.missingValues.contains(
        MissingValue{QStringLiteral("institution_short_name"), PlaceholderSource::InstitutionPolicy, -1}));
    CHECK(check.missingValues.contains(MissingValue{QStringLiteral("premium"), PlaceholderSource::SaleForm, 1}));
    CHECK_FALSE(check.missingValues.contains(MissingValue{QStringLiteral("premium"), PlaceholderSource::SaleForm, 0}));

    form.payments[1].premium = QStringLiteral("12.345");
    const auto bad = checkSaleForm(library, form, parties);
    CHECK(bad.problems.contains(SaleFormProblem::BadPremium));
    CHECK(bad.badPremiums == QList<int>{1});
}

TEST_CASE("premiums are read as typed, in fen")
{
    CHECK(parseAmountFen(QStringLiteral("12000")) == 1'200'000);
    CHECK(parseAmountFen(QStringLiteral(" 12,000.5 ")) == 1'200'050);
    CHECK(parseAmountFen(QStringLiteral("0.01元")) == 1);
    CHECK_FALSE(parseAmountFen(QStringLiteral("0")).has_value());
    CHECK_FALSE(parseAmountFen(QStringLiteral("-5")).has_value());
    CHECK_FALSE(parseAmountFen(QStringLiteral("1.234")).has_value());
    CHECK_FALSE(parseAmountFen(QStringLiteral("12,00")).has_value());
    CHECK_FALSE(parseAmountFen(QStringLiteral("1e5")).has_value());
    CHECK_FALSE(parseAmountFen(QStringLiteral("9999999999999")).has_value());
    CHECK(amountScriptText(1'200'000) == QLatin1String("12000"));
    CHECK(amountScriptText(1'200'005) == QLatin1String("12000.05"));
}

TEST_CASE("an application exported by the insurer fills the form; a bad file says where and what")
{
    const auto library = shipped();
    QFile example(QStringLiteral(DUALREC_SOURCE_DIR "/docs/examples/application.json"));
    REQUIRE(example.open(QIODevice::ReadOnly));
    const auto parsed = parseApplicationImport(example.readAll(), QStringLiteral("application.json"), library);
    INFO((parsed.diagnostics.isEmpty() ? QString() : parsed.diagnostics.first().toString()).toStdString());
    REQUIRE(parsed.form.has_value());
    auto form = *parsed.form;
    CHECK(form.applicationNo == QLatin1String("AP2026112200017"));
    CHECK(form.productTemplateIds == QStringList{QStringLiteral("traditional-life"), QStringLiteral("critical-illness")});
    CHECK(form.payments.at(0) == ProductPayment{QStringLiteral("12000.00"), PaymentMethod::Annual, 10});
    form.saleDate = QDate(2026, 11, 22);
    const auto check = checkSaleForm(library, form, completeParties());
    CHECK(check.canStart());

    const auto bad = parseApplicationImport(
        R"({"format": "dualrec-application", "format_version": 1, "application_no": "AP1",
            "policyholder": {"name": "王秀兰", "id_number": "320102196003041230"},
            "products": [{"product_code": "NOPE", "premium": "abc", "payment_method": "weekly", "payment_years": 0}],
            "colour": "red"})",
        QStringLiteral("bad.json"), library);
    CHECK_FALSE(bad.form.has_value());
    QStringList lines;
    for (const auto &diagnostic : bad.diagnostics)
        lines.append(diagnostic.toString());
    INFO(lines.join(u'\n').toStdString());
    auto has = [&](const char *text) {
        return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(QLatin1String(text)); });
    };
    CHECK(has("bad.json: $.policyholder.id_number: expected a valid resident ID number"));
    CHECK(has("bad.json: $.products[0].product_code: expected the product code of an installed template; found \"NOPE\""));
    CHECK(has("$.products[0].premium: expected an amount in yuan"));
    CHECK(has("$.products[0].payment_method: expected one of"));
    CHECK(has("$.products[0].payment_years: expected an integer from 1 to 100; found 0"));
    CHECK(has("$.colour: unknown key"));
    CHECK_FALSE(parseApplicationImport("{not json", QStringLiteral("x.json"), library).diagnostics.isEmpty());
}
