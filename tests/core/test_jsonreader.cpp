#include "core/workflow/jsonreader.h"

#include <catch2/catch_test_macros.hpp>

using namespace dualrec::workflow;

TEST_CASE("syntax errors point at line and column")
{
    JsonReport report(QStringLiteral("f.json"));
    CHECK_FALSE(report.parseDocument(QByteArray("{\n  \"a\": 1,\n  \"b\" 2\n}")).has_value());
    REQUIRE(report.diagnostics().size() == 1);
    INFO(report.diagnostics().first().message.toStdString());
    CHECK(report.diagnostics().first().message.startsWith(QLatin1String("JSON syntax error at line 3, column 8")));
}

TEST_CASE("readers check types / ranges and unknown keys")
{
    JsonReport report(QStringLiteral("f.json"));
    JsonObjectReader object(report, QJsonObject{{QStringLiteral("n"), 2.5},
                                                {QStringLiteral("i"), 99},
                                                {QStringLiteral("s"), 3},
                                                {QStringLiteral("b"), QStringLiteral("yes")},
                                                {QStringLiteral("extra"), true}},
                            QStringLiteral("$.x"));
    CHECK_FALSE(object.integer(QStringLiteral("n"), Need::Required, 0, 10).has_value());
    CHECK_FALSE(object.integer(QStringLiteral("i"), Need::Required, 0, 10).has_value());
    CHECK_FALSE(object.string(QStringLiteral("s"), Need::Required).has_value());
    CHECK_FALSE(object.boolean(QStringLiteral("b"), Need::Required).has_value());
    CHECK_FALSE(object.string(QStringLiteral("absent"), Need::Optional).has_value());
    CHECK_FALSE(object.string(QStringLiteral("needed"), Need::Required).has_value());
    object.finish();
    QStringList lines;
    for (const auto &diagnostic : report.diagnostics())
        lines.append(diagnostic.path + QStringLiteral(": ") + diagnostic.message);
    CHECK(lines == QStringList{
                       QStringLiteral("$.x.n: expected an integer, found a number"),
                       QStringLiteral("$.x.i: expected an integer from 0 to 10; found 99"),
                       QStringLiteral("$.x.s: expected a string, found a number"),
                       QStringLiteral("$.x.b: expected true or false, found a string"),
                       QStringLiteral("$.x.needed: missing required key"),
                       QStringLiteral("$.x.extra: unknown key (expected one of \"absent\", \"b\", \"i\", \"n\", \"needed\", \"s\")"),
                   });
}
