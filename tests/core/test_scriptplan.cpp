#include "core/workflow/scriptplan.h"
#include "core/workflow/templatelibrary.h"

#include "tests/core/templatefixture.h"

#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec::workflow;
using dualrec::test::toJson;
using dualrec::test::validTemplate;
using dualrec::test::withValueAt;

namespace {

ScriptTemplate parsed(const QJsonObject &object)
{
    auto result = parseScriptTemplate(toJson(object), QStringLiteral("mem.json"));
    INFO((result.diagnostics.isEmpty() ? QString() : result.diagnostics.first().toString()).toStdString());
    REQUIRE(result.value.has_value());
    return *result.value;
}

QStringList ids(const ScriptPlan &plan)
{
    QStringList list;
    for (const auto &step : plan.steps())
        list.append(step.id);
    return list;
}

int countKind(const ScriptPlan &plan, StepKind kind)
{
    int count = 0;
    for (const auto &step : plan.steps())
        count += step.definition.kind == kind ? 1 : 0;
    return count;
}

} // namespace

TEST_CASE("a single product plan keeps the template's steps and ids")
{
    const auto script = parsed(validTemplate());
    const auto plan = ScriptPlan::compose({script});
    REQUIRE(plan.has_value());
    REQUIRE(plan->steps().size() == script.steps.size());
    for (qsizetype i = 0; i < script.steps.size(); ++i) {
        CHECK(plan->steps().at(i).id == script.steps.at(i).id);
        CHECK(plan->steps().at(i).definition == script.steps.at(i));
    }
    CHECK(plan->sources() == QStringList{QStringLiteral("sample-life@1.0.0")});
}

TEST_CASE("two products on one application: shared steps once / product steps per product / section order kept")
{
    const auto life = parsed(validTemplate("life-a"));
    const auto annuity = parsed(validTemplate("annuity-b", "participating"));
    const auto plan = ScriptPlan::compose({life, annuity}, QStringLiteral("bundle"), QStringLiteral("2.0.0"));
    REQUIRE(plan.has_value());
    CHECK(plan->id() == QLatin1String("bundle"));
    CHECK(plan->products().size() == 2);

    // Sale steps once; the risk statement because one product needs it.
    CHECK(countKind(*plan, StepKind::Consent) == 1);
    CHECK(countKind(*plan, StepKind::MandatedPrompt) == 1);
    CHECK(countKind(*plan, StepKind::AgentIdentity) == 1);
    CHECK(countKind(*plan, StepKind::CustomerAnswer) == 1);
    CHECK(countKind(*plan, StepKind::Signature) == 1);
    CHECK(countKind(*plan, StepKind::RiskStatement) == 1);
    CHECK(countKind(*plan, StepKind::Closing) == 1);
    // Product steps per product: 6 + 7 explanations, 1 + 1 document steps.
    CHECK(countKind(*plan, StepKind::Explanation) == 13);
    CHECK(countKind(*plan, StepKind::DocumentsShown) == 2);
    CHECK(plan->steps().size() == 7 + 13 + 2);

    // Ids unique, product steps prefixed with their template.
    const auto list = ids(*plan);
    CHECK(QSet<QString>(list.cbegin(), list.cend()).size() == list.size());
    CHECK(list.contains(QStringLiteral("life-a.coverage")));
    CHECK(list.contains(QStringLiteral("annuity-b.benefit-uncertainty")));
    CHECK(list.contains(QStringLiteral("consent")));

    // Sections in regulatory order; within a section, products in the order given.
    StepKind previous = StepKind::Invalid;
    int previousProduct = -1;
    for (const auto &step : plan->steps()) {
        CHECK(step.definition.kind >= previous);
        if (step.definition.kind != previous)
            previousProduct = -1;
        if (scopeOf(step.definition.kind) == StepScope::Product) {
            CHECK(step.productIndex >= previousProduct);
            previousProduct = step.productIndex;
        } else {
            CHECK(step.productIndex == -1);
        }
        previous = step.definition.kind;
    }
    CHECK(plan->steps().first().definition.kind == StepKind::Consent);
    CHECK(plan->steps().last().definition.kind == StepKind::Closing);
}

TEST_CASE("merging refuses bundles / duplicates and conflicting shared ids")
{
    const auto life = parsed(validTemplate("life-a"));
    CHECK_FALSE(ScriptPlan::compose({}).has_value());
    CHECK_FALSE(ScriptPlan::compose({life, life}).has_value());

    auto clash = parsed(validTemplate("life-b"));
    clash.steps[10].id = QStringLiteral("signature"); // a customer answer named like the other's signature
    const auto conflict = ScriptPlan::compose({life, clash});
    REQUIRE_FALSE(conflict.has_value());
    CHECK(conflict.error().detail.contains(QLatin1String("\"signature\"")));

    ScriptTemplate bundle;
    bundle.id = QStringLiteral("b");
    bundle.bundle = {QStringLiteral("life-a"), QStringLiteral("life-b")};
    CHECK_FALSE(ScriptPlan::compose({bundle}).has_value());
}

TEST_CASE("teleprompter text: placeholders filled per product / gaps shown / locked text untouched")
{
    const auto life = parsed(validTemplate("life-a"));
    const auto annuity = parsed(validTemplate("annuity-b", "participating"));
    const auto plan = ScriptPlan::compose({life, annuity});
    REQUIRE(plan.has_value());

    SaleContext context;
    context.values.insert(QStringLiteral("customer_name"), QStringLiteral("王女士"));
    context.values.insert(QStringLiteral("agent_name"), QStringLiteral("李明"));
    context.productValues = {{{QStringLiteral("premium"), QStringLiteral("10000")}}, {}};

    auto indexOf = [&](const char *id) {
        for (qsizetype i = 0; i < plan->steps().size(); ++i) {
            if (plan->steps().at(i).id == QLatin1String(id))
                return i;
        }
        FAIL("no step " << id);
        return qsizetype(-1);
    };
    CHECK(plan->renderedText(indexOf("consent"), context) == QStringLiteral("王女士，您是否同意录音录像？"));
    CHECK(plan->renderedText(indexOf("agent-identity"), context) == QStringLiteral("我是【institution_short_name】的李明"));
    CHECK(plan->renderedText(indexOf("life-a.payment"), context) == QStringLiteral("保费10000"));
    CHECK(plan->renderedText(indexOf("annuity-b.payment"), context) == QStringLiteral("保费【premium】"));
    CHECK(plan->renderedText(indexOf("annuity-b.insurer"), context) == QStringLiteral("承保公司为示范人寿"));
    CHECK(plan->renderedText(indexOf("life-a.term"), context) == QStringLiteral("保险期间20年"));
    CHECK(plan->renderedText(indexOf("life-a.cooling-off"), context) == QStringLiteral("犹豫期15日"));
    CHECK(plan->renderedText(indexOf("mandated-prompt"), context) == mandatedPromptText());
}

TEST_CASE("the library resolves bundles from the folder and reports unknown parts")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(QStringLiteral("life-a.json"), toJson(validTemplate("life-a")));
    write(QStringLiteral("annuity-b.json"), toJson(validTemplate("annuity-b", "participating")));
    const QJsonObject bundle{{QStringLiteral("format"), QStringLiteral("dualrec-script")},
                             {QStringLiteral("format_version"), 1},
                             {QStringLiteral("id"), QStringLiteral("combo")},
                             {QStringLiteral("version"), QStringLiteral("1.0.0")},
                             {QStringLiteral("title"), QStringLiteral("组合")},
                             {QStringLiteral("language"), QStringLiteral("zh_CN")},
                             {QStringLiteral("bundle"), QJsonArray{QStringLiteral("life-a"), QStringLiteral("annuity-b")}}};
    write(QStringLiteral("combo.json"), toJson(bundle));

    // Checking only the bundle still finds its parts next to it.
    const auto onlyBundle = TemplateLibrary::loadFiles({dir.filePath(QStringLiteral("combo.json"))});
    CHECK(onlyBundle.diagnostics().isEmpty());
    const auto plan = onlyBundle.plan(QStringLiteral("combo"));
    REQUIRE(plan.has_value());
    CHECK(plan->products().size() == 2);
    CHECK(plan->sources() == QStringList{QStringLiteral("life-a@1.0.0"), QStringLiteral("annuity-b@1.0.0")});

    const auto library = TemplateLibrary::loadDirectories({dir.path()});
    CHECK(library.diagnostics().isEmpty());
    CHECK(library.templates().size() == 3);
    CHECK(library.plan({QStringLiteral("annuity-b"), QStringLiteral("life-a")}).has_value());
    CHECK_FALSE(library.plan(QStringLiteral("nothing")).has_value());

    auto broken = bundle;
    broken[QStringLiteral("id")] = QStringLiteral("broken");
    broken[QStringLiteral("bundle")] = QJsonArray{QStringLiteral("life-a"), QStringLiteral("missing-one")};
    write(QStringLiteral("broken.json"), toJson(broken));
    const auto withBroken = TemplateLibrary::loadDirectories({dir.path()});
    REQUIRE(withBroken.diagnostics().size() == 1);
    CHECK(withBroken.diagnostics().first().path == QLatin1String("$.bundle[1]"));
    CHECK(withBroken.diagnostics().first().message.contains(QLatin1String("missing-one")));
    CHECK(withBroken.findTemplate(QStringLiteral("broken")) == nullptr);
    CHECK(withBroken.findTemplate(QStringLiteral("combo")) != nullptr); // one bad file hides nothing else

    write(QStringLiteral("other.json"), QByteArray(R"({"format": "something-else"})"));
    const auto withOther = TemplateLibrary::loadFiles({dir.filePath(QStringLiteral("other.json"))});
    REQUIRE(withOther.diagnostics().size() == 1);
    CHECK(withOther.diagnostics().first().path == QLatin1String("$.format"));
}
