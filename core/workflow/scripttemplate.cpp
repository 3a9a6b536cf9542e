#include "core/workflow/scripttemplate.h"

#include "core/workflow/jsonreader.h"
#include "core/workflow/regulatorytext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace dualrec::workflow {

namespace {

/// No regulated step needs to last longer than an hour: a larger minimum is a typo (or worse).
constexpr double kMaximumStepSeconds = 3600.0;
/// A prompt recording is short speech; anything larger is not one.
constexpr qint64 kMaximumAudioBytes = 20 * 1024 * 1024;

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return pattern;
}

const QRegularExpression &versionPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
    return pattern;
}

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    return pattern;
}

QString stepPath(qsizetype index)
{
    return QStringLiteral("$.steps[%1]").arg(index);
}

std::optional<Product> readProduct(JsonObjectReader &object)
{
    const auto code = object.string(QStringLiteral("code"), Need::Required);
    const auto name = object.string(QStringLiteral("name"), Need::Required);
    const auto insurer = object.string(QStringLiteral("insurer"), Need::Required);
    const auto category = object.enumeration(QStringLiteral("category"), Need::Required,
                                             kProductCategoryNames);
    const auto design = object.enumeration(QStringLiteral("design"), Need::Required, kProductDesignNames);
    const auto coolingOff = object.integer(QStringLiteral("cooling_off_days"), Need::Required, 10, 60);

    std::optional<PolicyTerm> term;
    if (const auto value = object.value(QStringLiteral("term_years"), Need::Required)) {
        if (value->isString() && value->toString() == QLatin1String("whole_life")) {
            term = PolicyTerm{0, true};
        } else if (value->isDouble() && value->toDouble() == double(int(value->toDouble()))
                   && value->toDouble() >= 1 && value->toDouble() <= 150) {
            term = PolicyTerm{int(value->toDouble()), false};
        } else {
            object.report().add(object.pathOf(QStringLiteral("term_years")),
                                QStringLiteral("expected a whole number of years from 1 to 150 or \"whole_life\"; found ")
                                    + (value->isString() ? u'"' + value->toString() + u'"'
                                                         : JsonObjectReader::typeName(*value)));
        }
    }
    object.finish();
    if (!code || !name || !insurer || !category || !design || !coolingOff || !term)
        return std::nullopt;
    return Product{*code, *name, *insurer, *category, *design, *term, int(*coolingOff)};
}

StepRequirements readRequirements(JsonObjectReader &object)
{
    StepRequirements requirements;
    if (const auto presence = object.enumeration(QStringLiteral("presence"), Need::Optional, kPresenceNames))
        requirements.presence = *presence;
    if (const auto seconds = object.number(QStringLiteral("min_duration_s"), Need::Optional, 0.0, kMaximumStepSeconds))
        requirements.minDuration = std::chrono::milliseconds(qRound64(*seconds * 1000.0));
    if (const auto answer = object.boolean(QStringLiteral("answer_required"), Need::Optional))
        requirements.answerRequired = *answer;
    if (const auto value = object.value(QStringLiteral("close_up"), Need::Optional); value && !value->isNull()) {
        if (!value->isString()) {
            object.report().add(object.pathOf(QStringLiteral("close_up")),
                                QStringLiteral("expected null or one of ")
                                    + JsonObjectReader::quotedList(enumNames(kCloseUpNames))
                                    + QStringLiteral("; found ") + JsonObjectReader::typeName(*value));
        } else if (const auto closeUp = enumFromName(kCloseUpNames, value->toString())) {
            requirements.closeUp = *closeUp;
        } else {
            object.reportBadEnum(object.pathOf(QStringLiteral("close_up")), value->toString(),
                                 enumNames(kCloseUpNames));
        }
    }
    if (const auto locked = object.boolean(QStringLiteral("locked_text"), Need::Optional))
        requirements.lockedText = *locked;
    object.finish();
    return requirements;
}

std::optional<StepDefinition> readStep(JsonObjectReader &object, const QDir &templateDir)
{
    const auto report0 = object.report().diagnostics().size();
    StepDefinition step;
    if (const auto id = object.string(QStringLiteral("id"), Need::Required, idPattern(),
                                      QStringLiteral("lower-case letters, digits and single dashes")))
        step.id = *id;
    if (const auto kind = object.enumeration(QStringLiteral("kind"), Need::Required, kStepKindNames))
        step.kind = *kind;
    if (object.has(QStringLiteral("topic")) || step.kind == StepKind::Explanation) {
        const auto topic = object.enumeration(QStringLiteral("topic"), Need::Required,
                                              kExplanationTopicNames);
        if (step.kind != StepKind::Explanation && step.kind != StepKind::Invalid)
            object.report().add(object.pathOf(QStringLiteral("topic")),
                                QStringLiteral("only explanation steps have a topic"));
        else if (topic)
            step.topic = *topic;
    }
    if (const auto title = object.string(QStringLiteral("title"), Need::Required))
        step.title = *title;
    if (const auto text = object.string(QStringLiteral("text"), Need::Required))
        step.text = *text;
    if (const auto audio = object.string(QStringLiteral("audio"), Need::Optional)) {
        // Only a regular file inside the template's own folder (after links are followed), of a
        // prompt's size: never /etc/shadow, /proc/self/mem or a device.
        const QFileInfo info(templateDir.filePath(*audio));
        const QString folder = QFileInfo(templateDir.absolutePath()).canonicalFilePath();
        const QString target = info.canonicalFilePath();
        const auto where = QDir::toNativeSeparators(info.filePath());
        QString problem;
        if (!info.exists())
            problem = QStringLiteral("\"%1\" does not exist").arg(where);
        else if (folder.isEmpty() || !target.startsWith(folder + u'/'))
            problem = QStringLiteral("\"%1\" is outside the template's folder").arg(where);
        else if (!info.isFile())
            problem = QStringLiteral("\"%1\" is not a regular file").arg(where);
        else if (info.size() > kMaximumAudioBytes)
            problem = QStringLiteral("\"%1\" is larger than %2 bytes").arg(where).arg(kMaximumAudioBytes);
        if (!problem.isEmpty())
            object.report().add(object.pathOf(QStringLiteral("audio")),
                                QStringLiteral("expected an audio file in the template's folder; ") + problem);
        else
            step.audioPath = target;
    }
    if (auto requirements = object.object(QStringLiteral("requires"), Need::Optional))
        step.requirements = readRequirements(*requirements);
    object.finish();
    if (object.report().diagnostics().size() != report0)
        return std::nullopt;
    return step;
}

/// The "qc" object (docs/script-format.md §1.5): reason kind -> "fail" / "review" / "ignore".
QcRules readQcRules(JsonObjectReader &object)
{
    QcRules rules;
    for (const auto &row : kQcReasonNames) {
        if (const auto severity = object.enumeration(QLatin1String(row.name), Need::Optional, kQcSeverityNames))
            rules.set(row.value, *severity);
    }
    object.finish();
    return rules;
}

/// The rules of docs/script-format.md §1.3, on a structurally sound product template.
void checkRegulation(const ScriptTemplate &script, JsonReport &report)
{
    const auto &steps = script.steps;
    const auto &product = *script.product;
    const bool uncertain = hasUncertainBenefits(product.design);
    const auto designName = enumToName(kProductDesignNames, product.design);

    QHash<QString, qsizetype> ids;
    QHash<StepKind, int> kindCount;
    QHash<ExplanationTopic, qsizetype> topics;
    StepKind previousKind = StepKind::Invalid;

    for (qsizetype i = 0; i < steps.size(); ++i) {
        const auto &step = steps.at(i);
        const auto path = stepPath(i);
        const auto kindName = enumToName(kStepKindNames, step.kind);
        const auto &req = step.requirements;

        if (const auto first = ids.constFind(step.id); first != ids.constEnd())
            report.add(path + QStringLiteral(".id"), QStringLiteral("duplicate step id \"%1\" (first used at %2)")
                                                         .arg(step.id, stepPath(first.value())));
        else
            ids.insert(step.id, i);
        ++kindCount[step.kind];

        if (step.kind < previousKind)
            report.add(path + QStringLiteral(".kind"),
                       QStringLiteral("\"%1\" step after a \"%2\" step; expected the section order consent, "
                                      "mandated_prompt, agent_identity, documents_shown, explanation, "
                                      "customer_answer, signature, risk_statement, closing")
                           .arg(kindName, enumToName(kStepKindNames, previousKind)));
        previousKind = std::max(previousKind, step.kind);

        for (const auto &name : placeholdersIn(step.text)) {
            if (req.lockedText)
                report.add(path + QStringLiteral(".text"),
                           QStringLiteral("locked text must not contain placeholders; found {{%1}}").arg(name));
            else if (!knownPlaceholders().contains(name))
                report.add(path + QStringLiteral(".text"),
                           QStringLiteral("unknown placeholder {{%1}}: no source provides it (not the agent's account, "
                                          "the IT policy, the new-session form nor the product); expected one of %2")
                               .arg(name, knownPlaceholders().join(QStringLiteral(", "))));
        }

        auto expect = [&](bool ok, const QString &key, const QString &what) {
            if (!ok)
                report.add(path + key, QStringLiteral("%1 steps require %2").arg(kindName, what));
        };
        const bool sameFrame = req.presence == PresenceRequirement::Both
                               || req.presence == PresenceRequirement::AllParties;

        switch (step.kind) {
        case StepKind::Consent:
            expect(i == 0, QStringLiteral(".kind"), QStringLiteral("to be the first step"));
            expect(req.answerRequired, QStringLiteral(".requires.answer_required"),
                   QStringLiteral("answer_required: true (a refusal ends the session)"));
            break;
        case StepKind::MandatedPrompt:
            expect(i == 1 && steps.first().kind == StepKind::Consent, QStringLiteral(".kind"),
                   QStringLiteral("to come right after the consent step"));
            expect(req.lockedText, QStringLiteral(".requires.locked_text"), QStringLiteral("locked_text: true"));
            expect(step.text == mandatedPromptText(), QStringLiteral(".text"),
                   QStringLiteral("the regulator's prompt character for character (docs/script-format.md §1.3)"));
            break;
        case StepKind::AgentIdentity:
            expect(req.closeUp == CloseUp::AgentId, QStringLiteral(".requires.close_up"),
                   QStringLiteral("close_up: \"agent_id\" (the agent's ID held to the camera)"));
            expect(placeholdersIn(step.text).contains(QStringLiteral("institution_short_name")), QStringLiteral(".text"),
                   QStringLiteral("{{institution_short_name}} in the text (the institution's standard short name)"));
            break;
        case StepKind::DocumentsShown:
            expect(req.closeUp == CloseUp::Documents, QStringLiteral(".requires.close_up"),
                   QStringLiteral("close_up: \"documents\""));
            break;
        case StepKind::Explanation:
            if (const auto first = topics.constFind(step.topic); first != topics.constEnd())
                report.add(path + QStringLiteral(".topic"),
                           QStringLiteral("topic \"%1\" is already explained at %2")
                               .arg(enumToName(kExplanationTopicNames, step.topic), stepPath(first.value())));
            else
                topics.insert(step.topic, i);
            if (step.topic == ExplanationTopic::BenefitUncertainty && !uncertain)
                report.add(path + QStringLiteral(".topic"),
                           QStringLiteral("benefit_uncertainty is only explained for participating, universal or "
                                          "investment_linked designs; the product's design is \"%1\"").arg(designName));
            expect(req.answerRequired, QStringLiteral(".requires.answer_required"),
                   QStringLiteral("answer_required: true (the customer affirms each explanation)"));
            expect(sameFrame, QStringLiteral(".requires.presence"),
                   QStringLiteral("presence \"both\" or \"all_parties\" (同框 during the explanation)"));
            break;
        case StepKind::CustomerAnswer:
            expect(req.answerRequired, QStringLiteral(".requires.answer_required"), QStringLiteral("answer_required: true"));
            expect(sameFrame, QStringLiteral(".requires.presence"),
                   QStringLiteral("presence \"both\" or \"all_parties\" (同框 during the answers)"));
            break;
        case StepKind::Signature:
            expect(req.closeUp == CloseUp::Signature, QStringLiteral(".requires.close_up"),
                   QStringLiteral("close_up: \"signature\""));
            break;
        case StepKind::RiskStatement:
            if (!uncertain)
                report.add(path + QStringLiteral(".kind"),
                           QStringLiteral("a hand-copied risk statement is only for participating, universal or "
                                          "investment_linked designs; the product's design is \"%1\"").arg(designName));
            expect(req.closeUp == CloseUp::RiskStatement, QStringLiteral(".requires.close_up"),
                   QStringLiteral("close_up: \"risk_statement\""));
            expect(req.lockedText, QStringLiteral(".requires.locked_text"), QStringLiteral("locked_text: true"));
            expect(step.text.contains(riskStatementText()), QStringLiteral(".text"),
                   QStringLiteral("the risk statement to copy, character for character (docs/script-format.md §1.3)"));
            break;
        case StepKind::Closing:
            expect(i == steps.size() - 1, QStringLiteral(".kind"), QStringLiteral("to be the last step"));
            break;
        case StepKind::Invalid:
            break;
        }
    }

    const auto requireKind = [&](StepKind kind, bool exactlyOne) {
        const int count = kindCount.value(kind);
        const auto name = enumToName(kStepKindNames, kind);
        if (count == 0)
            report.add(QStringLiteral("$.steps"), QStringLiteral("missing a \"%1\" step").arg(name));
        else if (exactlyOne && count > 1)
            report.add(QStringLiteral("$.steps"), QStringLiteral("expected exactly one \"%1\" step; found %2").arg(name).arg(count));
    };
    requireKind(StepKind::Consent, true);
    requireKind(StepKind::MandatedPrompt, true);
    requireKind(StepKind::AgentIdentity, false);
    requireKind(StepKind::DocumentsShown, false);
    requireKind(StepKind::Signature, false);
    requireKind(StepKind::Closing, true);
    if (uncertain)
        requireKind(StepKind::RiskStatement, true);

    QList<ExplanationTopic> required{ExplanationTopic::Insurer, ExplanationTopic::Coverage, ExplanationTopic::Payment,
                                     ExplanationTopic::Term, ExplanationTopic::CoolingOff, ExplanationTopic::SurrenderLoss};
    if (uncertain)
        required.append(ExplanationTopic::BenefitUncertainty);
    for (const auto topic : required) {
        if (!topics.contains(topic))
            report.add(QStringLiteral("$.steps"),
                       QStringLiteral("missing an explanation step with topic \"%1\"%2")
                           .arg(enumToName(kExplanationTopicNames, topic),
                                topic == ExplanationTopic::BenefitUncertainty
                                    ? QStringLiteral(" (required for design \"%1\")").arg(designName)
                                    : QString()));
    }
}

} // namespace

const QStringList &knownPlaceholders()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto &definition : placeholderDefinitions())
            list.append(QLatin1String(definition.name));
        return list;
    }();
    return names;
}

QStringList placeholdersIn(const QString &text)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext())
        names.append(it.next().captured(1));
    return names;
}

ScriptTemplateParse parseScriptTemplate(const QByteArray &json, const QString &filePath)
{
    JsonReport report(filePath);
    const auto root = report.parseDocument(json);
    if (!root)
        return {std::nullopt, report.diagnostics()};

    JsonObjectReader object(report, *root, QStringLiteral("$"));
    ScriptTemplate script;
    script.filePath = filePath;

    const auto format = object.string(QStringLiteral("format"), Need::Required);
    if (format && *format != QLatin1String("dualrec-script")) {
        report.add(QStringLiteral("$.format"), QStringLiteral("expected \"dualrec-script\"; found \"%1\"").arg(*format));
    }
    const auto formatVersion = object.integer(QStringLiteral("format_version"), Need::Required, 1, 1'000'000);
    if (formatVersion && *formatVersion > kScriptFormatVersion) {
        report.add(QStringLiteral("$.format_version"),
                   QStringLiteral("format version %1 is newer than this DualRec understands (%2); update DualRec")
                       .arg(*formatVersion).arg(kScriptFormatVersion));
    }
    script.id = object.string(QStringLiteral("id"), Need::Required, idPattern(),
                              QStringLiteral("lower-case letters, digits and single dashes")).value_or(QString());
    script.version = object.string(QStringLiteral("version"), Need::Required, versionPattern(),
                                   QStringLiteral("a version MAJOR.MINOR.PATCH")).value_or(QString());
    script.title = object.string(QStringLiteral("title"), Need::Required).value_or(QString());
    if (const auto language = object.string(QStringLiteral("language"), Need::Required)) {
        if (*language != QLatin1String("zh_CN") && *language != QLatin1String("en"))
            report.add(QStringLiteral("$.language"), QStringLiteral("expected \"zh_CN\" or \"en\"; found \"%1\"").arg(*language));
        script.language = *language;
    }

    const bool bundle = object.has(QStringLiteral("bundle"));
    if (bundle) {
        for (const auto *key : {"product", "steps"}) {
            if (object.has(QLatin1String(key))) {
                (void)object.value(QLatin1String(key), Need::Optional);
                report.add(QStringLiteral("$.") + QLatin1String(key),
                           QStringLiteral("a bundle names product templates; it has no \"%1\"").arg(QLatin1String(key)));
            }
        }
        if (const auto list = object.array(QStringLiteral("bundle"), Need::Required)) {
            if (list->size() < 2)
                report.add(QStringLiteral("$.bundle"), QStringLiteral("expected at least two template ids; found %1").arg(list->size()));
            for (qsizetype i = 0; i < list->size(); ++i) {
                const auto element = list->at(i);
                const auto path = QStringLiteral("$.bundle[%1]").arg(i);
                if (!element.isString() || !idPattern().match(element.toString()).hasMatch())
                    report.add(path, QStringLiteral("expected a template id; found ") + JsonObjectReader::typeName(element));
                else if (script.bundle.contains(element.toString()))
                    report.add(path, QStringLiteral("template \"%1\" is named twice").arg(element.toString()));
                else
                    script.bundle.append(element.toString());
            }
        }
    } else {
        if (auto product = object.object(QStringLiteral("product"), Need::Required))
            script.product = readProduct(*product);
        if (const auto steps = object.array(QStringLiteral("steps"), Need::Required)) {
            if (steps->isEmpty())
                report.add(QStringLiteral("$.steps"), QStringLiteral("expected a non-empty list of steps"));
            const QDir dir = QFileInfo(filePath).absoluteDir();
            for (qsizetype i = 0; i < steps->size(); ++i) {
                const auto element = steps->at(i);
                if (!element.isObject()) {
                    report.add(stepPath(i), QStringLiteral("expected a step object, found ") + JsonObjectReader::typeName(element));
                    continue;
                }
                JsonObjectReader stepObject(report, element.toObject(), stepPath(i));
                if (auto step = readStep(stepObject, dir))
                    script.steps.append(*step);
            }
        }
    }
    if (auto qc = object.object(QStringLiteral("qc"), Need::Optional)) {
        script.qc = readQcRules(*qc);
        script.hasQc = true;
    }
    object.finish();

    if (report.clean() && !bundle)
        checkRegulation(script, report);
    if (!report.clean())
        return {std::nullopt, report.diagnostics()};
    return {std::move(script), {}};
}

ScriptTemplateParse loadScriptTemplate(const QString &filePath)
{
    QString error;
    const auto content = readJsonFile(filePath, &error);
    if (!content)
        return {std::nullopt, {{filePath, QStringLiteral("$"), error}}};
    return parseScriptTemplate(*content, filePath);
}

} // namespace dualrec::workflow
