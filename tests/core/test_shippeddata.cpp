#include "core/workflow/regulatorytext.h"
#include "core/workflow/templatelibrary.h"

#include <QFile>
#include <QRegularExpression>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec::workflow;

TEST_CASE("the regulatory texts are the ones in the domain brief / character for character")
{
    QFile brief(QStringLiteral(DUALREC_SHARED_DIR "/docs/domain.md"));
    REQUIRE(brief.open(QIODevice::ReadOnly));
    const auto text = QString::fromUtf8(brief.readAll());
    CHECK(text.contains(QStringLiteral("「") + mandatedPromptText() + QStringLiteral("」")));
    CHECK(text.contains(QStringLiteral("「") + riskStatementText() + QStringLiteral("」")));
}

TEST_CASE("the shipped templates and rule sets load without a problem")
{
    const auto library = TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
    for (const auto &diagnostic : library.diagnostics())
        UNSCOPED_INFO(diagnostic.toString().toStdString());
    CHECK(library.diagnostics().isEmpty());
    CHECK(library.templates().size() == 5);
    CHECK(library.ruleSets().size() == 2);

    // One template per product family the issue names.
    QSet<ProductDesign> designs;
    QSet<ProductCategory> categories;
    for (const auto &script : library.templates()) {
        CHECK(script.language == QLatin1String("zh_CN"));
        if (script.isBundle())
            continue;
        designs.insert(script.product->design);
        categories.insert(script.product->category);
    }
    CHECK(designs.contains(ProductDesign::Traditional));
    CHECK(designs.contains(ProductDesign::Participating));
    CHECK(designs.contains(ProductDesign::InvestmentLinked));
    CHECK(categories.contains(ProductCategory::CriticalIllness));
    CHECK(categories.contains(ProductCategory::Annuity));

    const auto bundle = library.plan(QStringLiteral("life-plus-critical-illness"));
    REQUIRE(bundle.has_value());
    CHECK(bundle->products().size() == 2);
}

TEST_CASE("Chinese texts of the shipped templates and rule sets use Chinese punctuation")
{
    // An ASCII comma, question mark, colon, semicolon or exclamation mark right after a Chinese
    // character (or a comma before one): the regulator writes "关键，请您…", not "关键,请您…".
    static const QRegularExpression ascii(QStringLiteral(R"([\x{3400}-\x{9fff}][,?!;:]|,[\x{3400}-\x{9fff}])"));
    const auto library = TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
    QStringList texts{mandatedPromptText(), riskStatementText()};
    for (const auto &script : library.templates()) {
        texts.append(script.title);
        for (const auto &step : script.steps)
            texts.append({step.title, step.text});
    }
    for (const auto &set : library.ruleSets()) {
        texts.append(set.title);
        for (const auto &rule : set.rules)
            texts.append(rule.reason);
    }
    REQUIRE(texts.size() > 100);
    for (const auto &text : texts) {
        INFO(text.toStdString());
        CHECK_FALSE(ascii.match(text).hasMatch());
    }
}
