#include "core/workflow/scriptplan.h"
#include "core/workflow/scripttemplate.h"

#include "tests/core/templatefixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

#include <sys/stat.h>

using namespace dualrec::workflow;
using dualrec::test::toJson;
using dualrec::test::validTemplate;
using dualrec::test::withValueAt;

namespace {

QStringList at(std::initializer_list<const char *> parts)
{
    QStringList path;
    for (const auto *part : parts)
        path.append(QLatin1String(part));
    return path;
}

QJsonObject mutated(const QJsonObject &base, std::initializer_list<const char *> path, const QJsonValue &value)
{
    return withValueAt(base, at(path), value).toObject();
}

} // namespace

TEST_CASE("a valid template parses with every field")
{
    const auto parsed = parseScriptTemplate(toJson(validTemplate()), QStringLiteral("t.json"));
    INFO((parsed.diagnostics.isEmpty() ? QString() : parsed.diagnostics.first().toString()).toStdString());
    REQUIRE(parsed.value.has_value());
    const auto &script = *parsed.value;
    CHECK(script.id == QLatin1String("sample-life"));
    CHECK(script.version == QLatin1String("1.0.0"));
    REQUIRE(script.product.has_value());
    CHECK(script.product->design == ProductDesign::Traditional);
    CHECK(script.product->term == PolicyTerm{20, false});
    REQUIRE(script.steps.size() == 13);
    CHECK(script.steps.at(0).kind == StepKind::Consent);
    CHECK(script.steps.at(0).requirements.answerRequired);
    CHECK(script.steps.at(1).requirements.lockedText);
    CHECK(script.steps.at(1).requirements.minDuration == std::chrono::seconds(20));
    CHECK(script.steps.at(2).requirements.closeUp == CloseUp::AgentId);
    CHECK(script.steps.at(2).requirements.presence == PresenceRequirement::Both); // the default
    CHECK(script.steps.at(4).topic == ExplanationTopic::Insurer);
    CHECK(script.steps.at(4).requirements.minDuration == std::chrono::seconds(5));
    CHECK(script.steps.at(12).kind == StepKind::Closing);

    const auto participating = parseScriptTemplate(toJson(validTemplate("annuity", "participating")), QStringLiteral("a.json"));
    REQUIRE(participating.value.has_value());
    CHECK(participating.value->steps.size() == 15);
}

TEST_CASE("every kind of template error is reported with file / JSON path and expectation")
{
    const auto base = validTemplate();
    const auto uncertain = validTemplate("annuity", "participating");
    struct Row {
        const char *name;
        QByteArray json;
        const char *path;
        const char *message;
    };
    const std::vector<Row> rows{
        {"JSON syntax", QByteArray("{\n  \"format\": \"dualrec-script\",\n  \"id\" \"x\"\n}"), "$",
         "JSON syntax error at line 3, column"},
        {"not an object", QByteArray("[1, 2]"), "$", "expected a JSON object"},
        {"wrong format", toJson(mutated(base, {"format"}, QStringLiteral("dualrec-rules"))), "$.format",
         "expected \"dualrec-script\""},
        {"newer format", toJson(mutated(base, {"format_version"}, 7)), "$.format_version", "newer than this DualRec"},
        {"missing key", toJson(mutated(base, {"title"}, QJsonValue::Undefined)), "$.title", "missing required key"},
        {"missing product field", toJson(mutated(base, {"product", "insurer"}, QJsonValue::Undefined)),
         "$.product.insurer", "missing required key"},
        {"wrong type", toJson(mutated(base, {"steps", "4", "requires", "min_duration_s"}, QStringLiteral("5"))),
         "$.steps[4].requires.min_duration_s", "expected a number, found a string"},
        {"negative duration", toJson(mutated(base, {"steps", "4", "requires", "min_duration_s"}, -1)),
         "$.steps[4].requires.min_duration_s", "from 0 to 3600"},
        {"unknown key", toJson(mutated(base, {"steps", "3", "requires", "presense"}, QStringLiteral("both"))),
         "$.steps[3].requires.presense", "unknown key"},
        {"bad enum", toJson(mutated(base, {"steps", "3", "requires", "presence"}, QStringLiteral("everyone"))),
         "$.steps[3].requires.presence", "expected one of \"none\", \"agent\", \"both\", \"all_parties\"; found \"everyone\""},
        {"bad kind", toJson(mutated(base, {"steps", "3", "kind"}, QStringLiteral("documents"))), "$.steps[3].kind",
         "expected one of \"consent\""},
        {"bad close-up", toJson(mutated(base, {"steps", "3", "requires", "close_up"}, QStringLiteral("paper"))),
         "$.steps[3].requires.close_up", "found \"paper\""},
        {"bad id", toJson(mutated(base, {"id"}, QStringLiteral("Sample Life"))), "$.id", "lower-case letters"},
        {"bad version", toJson(mutated(base, {"version"}, QStringLiteral("v1"))), "$.version", "MAJOR.MINOR.PATCH"},
        {"bad term", toJson(mutated(base, {"product", "term_years"}, QStringLiteral("forever"))), "$.product.term_years",
         "\"whole_life\""},
        {"bad language", toJson(mutated(base, {"language"}, QStringLiteral("fr"))), "$.language", "\"zh_CN\" or \"en\""},
        {"bad qc severity", toJson(mutated(base, {"qc", "third_party"}, QStringLiteral("warn"))), "$.qc.third_party",
         "expected one of \"ignore\", \"review\", \"fail\"; found \"warn\""},
        {"unknown qc reason", toJson(mutated(base, {"qc", "presense_missing"}, QStringLiteral("fail"))), "$.qc.presense_missing",
         "unknown key"},
        {"qc not an object", toJson(mutated(base, {"qc"}, QStringLiteral("strict"))), "$.qc", "expected an object"},
        {"empty text", toJson(mutated(base, {"steps", "5", "text"}, QStringLiteral("  "))), "$.steps[5].text",
         "non-empty string"},
        {"step not an object", toJson(mutated(base, {"steps", "5"}, 42)), "$.steps[5]", "expected a step object"},
        {"duplicate step id", toJson(mutated(base, {"steps", "5", "id"}, QStringLiteral("insurer"))), "$.steps[5].id",
         "duplicate step id \"insurer\" (first used at $.steps[4])"},
        {"consent not first", toJson(mutated(mutated(base, {"steps", "0", "kind"}, QStringLiteral("closing")), {"steps", "12", "kind"},
                                            QStringLiteral("consent"))),
         "$.steps[12].kind", "to be the first step"},
        {"section order", toJson(mutated(base, {"steps", "11", "kind"}, QStringLiteral("documents_shown"))),
         "$.steps[11].kind", "after a \"customer_answer\" step"},
        {"consent without answer", toJson(mutated(base, {"steps", "0", "requires", "answer_required"}, false)),
         "$.steps[0].requires.answer_required", "a refusal ends the session"},
        {"prompt altered", toJson(mutated(base, {"steps", "1", "text"}, mandatedPromptText().replace(u'关', u'关').chopped(1))),
         "$.steps[1].text", "the regulator's prompt character for character"},
        {"prompt not locked", toJson(mutated(base, {"steps", "1", "requires", "locked_text"}, false)),
         "$.steps[1].requires.locked_text", "locked_text: true"},
        {"identity without ID close-up", toJson(mutated(base, {"steps", "2", "requires", "close_up"}, QJsonValue::Null)),
         "$.steps[2].requires.close_up", "close_up: \"agent_id\""},
        {"identity without institution", toJson(mutated(base, {"steps", "2", "text"}, QStringLiteral("我是{{agent_name}}"))),
         "$.steps[2].text", "{{institution_short_name}}"},
        {"documents without close-up", toJson(mutated(base, {"steps", "3", "requires", "close_up"}, QJsonValue::Null)),
         "$.steps[3].requires.close_up", "close_up: \"documents\""},
        {"explanation without answer", toJson(mutated(base, {"steps", "6", "requires", "answer_required"}, false)),
         "$.steps[6].requires.answer_required", "affirms each explanation"},
        {"explanation without both in frame", toJson(mutated(base, {"steps", "6", "requires", "presence"}, QStringLiteral("agent"))),
         "$.steps[6].requires.presence", "同框"},
        {"explanation without topic", toJson(mutated(base, {"steps", "6", "topic"}, QJsonValue::Undefined)),
         "$.steps[6].topic", "missing required key"},
        {"topic on another kind", toJson(mutated(base, {"steps", "3", "topic"}, QStringLiteral("coverage"))),
         "$.steps[3].topic", "only explanation steps have a topic"},
        {"topic explained twice", toJson(mutated(base, {"steps", "6", "topic"}, QStringLiteral("coverage"))),
         "$.steps[6].topic", "already explained at $.steps[5]"},
        {"missing topic", toJson(mutated(base, {"steps", "9"}, QJsonValue::Undefined)), "$.steps",
         "missing an explanation step with topic \"surrender_loss\""},
        {"benefit uncertainty on a traditional product", toJson(mutated(base, {"steps", "9", "topic"}, QStringLiteral("benefit_uncertainty"))),
         "$.steps[9].topic", "the product's design is \"traditional\""},
        {"customer answer without answer", toJson(mutated(base, {"steps", "10", "requires", "answer_required"}, false)),
         "$.steps[10].requires.answer_required", "answer_required: true"},
        {"signature without close-up", toJson(mutated(base, {"steps", "11", "requires", "close_up"}, QStringLiteral("documents"))),
         "$.steps[11].requires.close_up", "close_up: \"signature\""},
        {"closing not last", toJson(mutated(base, {"steps", "11", "kind"}, QStringLiteral("closing"))), "$.steps[11].kind",
         "to be the last step"},
        {"two closings counted", toJson(mutated(base, {"steps", "11", "kind"}, QStringLiteral("closing"))), "$.steps",
         "expected exactly one \"closing\" step; found 2"},
        {"no signature", toJson(mutated(base, {"steps", "11"}, QJsonValue::Undefined)), "$.steps",
         "missing a \"signature\" step"},
        {"unknown placeholder", toJson(mutated(base, {"steps", "5", "text"}, QStringLiteral("保额{{sum_insured}}"))),
         "$.steps[5].text", "unknown placeholder {{sum_insured}}"},
        {"placeholder in locked text", toJson(mutated(mutated(base, {"steps", "10", "requires", "locked_text"}, true),
                                                     {"steps", "10", "text"}, QStringLiteral("{{customer_name}}确认"))),
         "$.steps[10].text", "locked text must not contain placeholders"},
        {"audio file missing", toJson(mutated(base, {"steps", "5", "audio"}, QStringLiteral("audio/none.ogg"))),
         "$.steps[5].audio", "does not exist"},
        {"risk statement on a traditional product",
         toJson(mutated(mutated(base, {"steps", "12", "kind"}, QStringLiteral("risk_statement")), {"steps", "12", "text"},
                        riskStatementText())),
         "$.steps[12].kind", "only for participating, universal or investment_linked"},
        {"participating without risk statement", toJson(mutated(uncertain, {"steps", "13"}, QJsonValue::Undefined)),
         "$.steps", "missing a \"risk_statement\" step"},
        {"participating without benefit uncertainty", toJson(mutated(uncertain, {"steps", "10"}, QJsonValue::Undefined)),
         "$.steps", "(required for design \"participating\")"},
        {"risk statement altered", toJson(mutated(uncertain, {"steps", "13", "text"}, QStringLiteral("本人已阅读保险条款。"))),
         "$.steps[13].text", "the risk statement to copy"},
        {"risk statement not locked", toJson(mutated(uncertain, {"steps", "13", "requires", "locked_text"}, false)),
         "$.steps[13].requires.locked_text", "locked_text: true"},
        {"bundle with steps",
         toJson(mutated(mutated(base, {"bundle"}, QJsonArray{QStringLiteral("a"), QStringLiteral("b")}), {"product"},
                        QJsonValue::Undefined)),
         "$.steps", "a bundle names product templates"},
        {"bundle of one", toJson(mutated(mutated(mutated(base, {"bundle"}, QJsonArray{QStringLiteral("a")}), {"product"},
                                                 QJsonValue::Undefined), {"steps"}, QJsonValue::Undefined)),
         "$.bundle", "at least two template ids"},
    };
    for (const auto &row : rows) {
        INFO(row.name);
        const auto parsed = parseScriptTemplate(row.json, QStringLiteral("scripts/bad.json"));
        CHECK_FALSE(parsed.value.has_value());
        bool found = false;
        for (const auto &diagnostic : parsed.diagnostics) {
            CHECK(diagnostic.file == QLatin1String("scripts/bad.json"));
            found = found || (diagnostic.path == QLatin1String(row.path) && diagnostic.message.contains(QString::fromUtf8(row.message)));
        }
        for (const auto &diagnostic : parsed.diagnostics)
            UNSCOPED_INFO(diagnostic.toString().toStdString());
        CHECK(found);
    }
}

TEST_CASE("an audio file next to the template is accepted and resolved")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QDir(dir.path()).mkpath(QStringLiteral("audio"));
    QFile audio(dir.filePath(QStringLiteral("audio/coverage.ogg")));
    REQUIRE(audio.open(QIODevice::WriteOnly));
    audio.write("OggS");
    audio.close();
    const auto json = toJson(withValueAt(validTemplate(), {QStringLiteral("steps"), QStringLiteral("5"), QStringLiteral("audio")},
                                         QStringLiteral("audio/coverage.ogg")).toObject());
    const auto parsed = parseScriptTemplate(json, dir.filePath(QStringLiteral("t.json")));
    REQUIRE(parsed.value.has_value());
    CHECK(parsed.value->steps.at(5).audioPath == QFileInfo(audio).absoluteFilePath());
}

TEST_CASE("placeholders are found in order")
{
    CHECK(placeholdersIn(QStringLiteral("{{a}} x {{ b_c }} {{a}}")) == QStringList{QStringLiteral("a"), QStringLiteral("b_c"), QStringLiteral("a")});
    CHECK(placeholdersIn(QStringLiteral("no placeholders { here }")).isEmpty());
}

TEST_CASE("hostile templates: duplicate keys, unbounded numbers, files outside the folder, control characters")
{
    const auto base = validTemplate();
    const auto text = QString::fromUtf8(toJson(base));
    const auto first = text.indexOf(QLatin1String("\"min_duration_s\""));
    REQUIRE(first > 0);
    // The second key would silently win: "min_duration_s": 0 after the real minimum.
    auto duplicated = text;
    duplicated.insert(first, QStringLiteral("\"min_duration_s\": 0, "));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    REQUIRE(QDir(dir.path()).mkpath(QStringLiteral("scripts")));
    {
        QFile outside(dir.filePath(QStringLiteral("outside.ogg")));
        REQUIRE(outside.open(QIODevice::WriteOnly));
        outside.write("OggS");
    }
    const auto templatePath = dir.filePath(QStringLiteral("scripts/bad.json"));
    struct Row {
        const char *name;
        QByteArray json;
        const char *path;
        const char *message;
    };
    const std::vector<Row> rows{
        {"duplicate key", duplicated.toUtf8(), "min_duration_s", "appears twice"},
        {"huge minimum", toJson(mutated(base, {"steps", "0", "requires", "min_duration_s"}, 1e308)),
         "$.steps[0].requires.min_duration_s", "from 0 to 3600"},
        {"100 years", toJson(mutated(base, {"steps", "0", "requires", "min_duration_s"}, 100.0 * 365 * 24 * 3600)),
         "$.steps[0].requires.min_duration_s", "from 0 to 3600"},
        {"audio anywhere", toJson(mutated(base, {"steps", "5", "audio"}, QStringLiteral("/etc/shadow"))), "$.steps[5].audio",
         "outside the template's folder"},
        {"audio from memory", toJson(mutated(base, {"steps", "5", "audio"}, QStringLiteral("/proc/self/mem"))), "$.steps[5].audio",
         "outside the template's folder"},
        {"audio one folder up", toJson(mutated(base, {"steps", "5", "audio"}, QStringLiteral("../outside.ogg"))), "$.steps[5].audio",
         "outside the template's folder"},
        {"NUL in a text", toJson(mutated(base, {"steps", "5", "title"}, QString(QString(QStringLiteral("a")) + QChar(0) + QStringLiteral("b")))),
         "$.steps[5].title", "U+0000"},
        {"right-to-left override", toJson(mutated(base, {"steps", "5", "title"}, QString(QString(QStringLiteral("a")) + QChar(0x202E)))),
         "$.steps[5].title", "U+202E"},
    };
    for (const auto &row : rows) {
        INFO(row.name);
        const auto parsed = parseScriptTemplate(row.json, templatePath);
        CHECK_FALSE(parsed.value.has_value());
        bool found = false;
        for (const auto &diagnostic : parsed.diagnostics) {
            UNSCOPED_INFO(diagnostic.toString().toStdString());
            found = found || (diagnostic.path.contains(QLatin1String(row.path)) && diagnostic.message.contains(QString::fromUtf8(row.message)));
        }
        CHECK(found);
    }
    // Line breaks may shape a prompt.
    const auto multiLine = parseScriptTemplate(toJson(mutated(base, {"steps", "5", "title"}, QStringLiteral("第一行\n第二行"))), templatePath);
    CHECK(multiLine.value.has_value());
}

TEST_CASE("a hundred thousand problems in one file are listed as fifty and a count")
{
    QString many;
    for (int i = 0; i < 100000; ++i)
        many += QStringLiteral("{{x}}");
    const auto parsed = parseScriptTemplate(toJson(mutated(validTemplate(), {"steps", "5", "text"}, many)), QStringLiteral("t.json"));
    CHECK_FALSE(parsed.value.has_value());
    CHECK(parsed.diagnostics.size() == 51);
    CHECK(parsed.diagnostics.last().message.contains(QLatin1String("more problem(s) not listed")));
}

TEST_CASE("only regular files of reasonable size are read: devices and pipes are refused at once")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto fifo = dir.filePath(QStringLiteral("pipe.json"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const auto big = dir.filePath(QStringLiteral("big.json"));
    {
        QFile file(big);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(2 * 1024 * 1024, ' '));
    }
    for (const auto &path : QStringList{QStringLiteral("/dev/zero"), QStringLiteral("/dev/urandom"), fifo, big, dir.path()}) {
        INFO(path.toStdString());
        const auto parsed = loadScriptTemplate(path);
        CHECK_FALSE(parsed.value.has_value());
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics.first().path == QLatin1String("$"));
        CHECK((parsed.diagnostics.first().message.contains(QLatin1String("regular file"))
               || parsed.diagnostics.first().message.contains(QLatin1String("at most"))));
    }
}

TEST_CASE("a template's qc rules: defaults when it says nothing, its severities when it does")
{
    using dualrec::workflow::QcReasonKind;
    using dualrec::workflow::QcSeverity;
    const auto plain = dualrec::workflow::parseScriptTemplate(toJson(validTemplate()), QStringLiteral("sample-life.json"));
    REQUIRE(plain.value.has_value());
    CHECK_FALSE(plain.value->hasQc);
    CHECK(plain.value->qc.severity(QcReasonKind::PresenceMissing) == QcSeverity::Fail);
    CHECK(plain.value->qc.severity(QcReasonKind::AudioMissing) == QcSeverity::Fail);
    CHECK(plain.value->qc.severity(QcReasonKind::NoAudibleAnswer) == QcSeverity::Review);
    CHECK(plain.value->qc.severity(QcReasonKind::StepTooShort) == QcSeverity::Review);

    auto object = validTemplate();
    object.insert(QStringLiteral("qc"), QJsonObject{{QStringLiteral("step_too_short"), QStringLiteral("fail")},
                                                    {QStringLiteral("audio_clipped"), QStringLiteral("ignore")}});
    const auto strict = dualrec::workflow::parseScriptTemplate(toJson(object), QStringLiteral("sample-life.json"));
    REQUIRE(strict.value.has_value());
    CHECK(strict.value->hasQc);
    CHECK(strict.value->qc.severity(QcReasonKind::StepTooShort) == QcSeverity::Fail);
    CHECK(strict.value->qc.severity(QcReasonKind::AudioClipped) == QcSeverity::Ignore);
    CHECK(strict.value->qc.severity(QcReasonKind::ThirdParty) == QcSeverity::Fail); // unchanged default
    // The plan carries them; two templates: the stricter per kind.
    auto plan = dualrec::workflow::ScriptPlan::compose({*strict.value});
    REQUIRE(plan.has_value());
    CHECK(plan->qcRules() == strict.value->qc);
}
