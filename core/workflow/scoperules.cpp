#include "core/workflow/scoperules.h"

#include "core/workflow/jsonreader.h"
#include "core/workflow/residentid.h"

#include <QFile>
#include <QSet>

namespace dualrec::workflow {

namespace {

std::optional<QDate> readDate(JsonObjectReader &object, const QString &key, Need need)
{
    const auto text = object.string(key, need);
    if (!text)
        return std::nullopt;
    const auto date = QDate::fromString(*text, Qt::ISODate);
    if (!date.isValid() || text->size() != 10) {
        object.report().add(object.pathOf(key), QStringLiteral("expected a date YYYY-MM-DD; found \"%1\"").arg(*text));
        return std::nullopt;
    }
    return date;
}

template<typename Enum, std::size_t N>
QList<Enum> readList(JsonObjectReader &object, const QString &key, const std::array<EnumName<Enum>, N> &table)
{
    if (const auto array = object.array(key, Need::Optional))
        return readEnumList(object.report(), *array, object.pathOf(key), table);
    return {};
}

RuleConditions readConditions(JsonObjectReader &object)
{
    RuleConditions when;
    when.policyholder = readList(object, QStringLiteral("policyholder"), kPolicyholderNames);
    when.channel = readList(object, QStringLiteral("channel"), kChannelNames);
    when.channelNot = readList(object, QStringLiteral("channel_not"), kChannelNames);
    when.category = readList(object, QStringLiteral("category"), kProductCategoryNames);
    when.design = readList(object, QStringLiteral("design"), kProductDesignNames);
    // Policy terms are in years: beyond 100 is a typo, not a product.
    when.termYearsGreaterThan = object.number(QStringLiteral("term_years_gt"), Need::Optional, 0.0, 100.0);
    when.termYearsAtLeast = object.number(QStringLiteral("term_years_gte"), Need::Optional, 0.0, 100.0);
    if (const auto age = object.integer(QStringLiteral("age_gte"), Need::Optional, 0, 150))
        when.ageAtLeast = int(*age);
    if (const auto age = object.integer(QStringLiteral("age_lt"), Need::Optional, 0, 150))
        when.ageBelow = int(*age);
    object.finish();
    return when;
}

bool hasAnyCondition(const RuleConditions &when)
{
    return !when.policyholder.isEmpty() || !when.channel.isEmpty() || !when.channelNot.isEmpty()
           || !when.category.isEmpty() || !when.design.isEmpty() || when.termYearsGreaterThan
           || when.termYearsAtLeast || when.ageAtLeast || when.ageBelow;
}

} // namespace

RuleSetParse parseRuleSet(const QByteArray &json, const QString &filePath)
{
    JsonReport report(filePath);
    const auto root = report.parseDocument(json);
    if (!root)
        return {std::nullopt, report.diagnostics()};

    JsonObjectReader object(report, *root, QStringLiteral("$"));
    RuleSet set;
    set.filePath = filePath;
    const auto format = object.string(QStringLiteral("format"), Need::Required);
    if (format && *format != QLatin1String("dualrec-rules"))
        report.add(QStringLiteral("$.format"), QStringLiteral("expected \"dualrec-rules\"; found \"%1\"").arg(*format));
    const auto formatVersion = object.integer(QStringLiteral("format_version"), Need::Required, 1, 1'000'000);
    if (formatVersion && *formatVersion > kRulesFormatVersion)
        report.add(QStringLiteral("$.format_version"),
                   QStringLiteral("format version %1 is newer than this DualRec understands (%2); update DualRec")
                       .arg(*formatVersion).arg(kRulesFormatVersion));
    set.id = object.string(QStringLiteral("id"), Need::Required, QRegularExpression(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$")),
                           QStringLiteral("lower-case letters, digits and single dashes")).value_or(QString());
    set.version = object.string(QStringLiteral("version"), Need::Required).value_or(QString());
    set.title = object.string(QStringLiteral("title"), Need::Required).value_or(QString());

    if (const auto region = object.value(QStringLiteral("region"), Need::Required); region && !region->isNull()) {
        if (!region->isObject()) {
            report.add(QStringLiteral("$.region"), QStringLiteral("expected null or an object; found ")
                                                       + JsonObjectReader::typeName(*region));
        } else {
            JsonObjectReader regionObject(report, region->toObject(), QStringLiteral("$.region"));
            set.provinceCode = regionObject.string(QStringLiteral("province_code"), Need::Required,
                                                   QRegularExpression(QStringLiteral("^[1-8][0-9]$")),
                                                   QStringLiteral("a two-digit GB/T 2260 province code such as \"32\""))
                                   .value_or(QString());
            set.regionName = regionObject.string(QStringLiteral("name"), Need::Required).value_or(QString());
            regionObject.finish();
        }
    }

    if (const auto rules = object.array(QStringLiteral("rules"), Need::Required)) {
        if (rules->isEmpty())
            report.add(QStringLiteral("$.rules"), QStringLiteral("expected a non-empty list of rules"));
        QSet<QString> ids;
        for (qsizetype i = 0; i < rules->size(); ++i) {
            const auto path = QStringLiteral("$.rules[%1]").arg(i);
            const auto element = rules->at(i);
            if (!element.isObject()) {
                report.add(path, QStringLiteral("expected a rule object, found ") + JsonObjectReader::typeName(element));
                continue;
            }
            JsonObjectReader ruleObject(report, element.toObject(), path);
            ScopeRule rule;
            rule.id = ruleObject.string(QStringLiteral("id"), Need::Required).value_or(QString());
            if (!rule.id.isEmpty() && ids.contains(rule.id))
                report.add(path + QStringLiteral(".id"), QStringLiteral("duplicate rule id \"%1\"").arg(rule.id));
            ids.insert(rule.id);
            rule.reason = ruleObject.string(QStringLiteral("reason"), Need::Required).value_or(QString());
            rule.effectiveFrom = readDate(ruleObject, QStringLiteral("effective_from"), Need::Required).value_or(QDate());
            rule.effectiveUntil = readDate(ruleObject, QStringLiteral("effective_until"), Need::Optional).value_or(QDate());
            if (rule.effectiveFrom.isValid() && rule.effectiveUntil.isValid() && rule.effectiveUntil <= rule.effectiveFrom)
                report.add(path + QStringLiteral(".effective_until"),
                           QStringLiteral("expected a date after effective_from (%1)").arg(rule.effectiveFrom.toString(Qt::ISODate)));
            if (auto when = ruleObject.object(QStringLiteral("when"), Need::Required)) {
                const auto before = report.diagnostics().size();
                rule.when = readConditions(*when);
                if (report.diagnostics().size() == before && !hasAnyCondition(rule.when))
                    report.add(when->path(), QStringLiteral("expected at least one condition"));
                if (rule.when.termYearsGreaterThan && rule.when.termYearsAtLeast)
                    report.add(when->path(), QStringLiteral("use either term_years_gt or term_years_gte, not both"));
            }
            ruleObject.finish();
            set.rules.append(rule);
        }
    }
    object.finish();
    if (!report.clean())
        return {std::nullopt, report.diagnostics()};
    return {std::move(set), {}};
}

RuleSetParse loadRuleSet(const QString &filePath)
{
    QString error;
    const auto content = readJsonFile(filePath, &error);
    if (!content)
        return {std::nullopt, {{filePath, QStringLiteral("$"), error}}};
    return parseRuleSet(*content, filePath);
}

QString ScopeDecision::summary() const
{
    if (required) {
        QStringList reasons;
        for (const auto &match : matches)
            reasons.append(match.reason);
        return reasons.join(QStringLiteral(";"));
    }
    return QStringLiteral("no rule of %1 requires a recording").arg(ruleSetsApplied.join(QStringLiteral(", ")));
}

Result<ScopeDecision> decideScope(const QList<RuleSet> &ruleSets, const ScopeInput &input)
{
    if (input.policyholder == PolicyholderKind::Invalid || input.channel == Channel::Invalid
        || input.category == ProductCategory::Invalid || input.design == ProductDesign::Invalid)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("policyholder kind, channel, product category and design are all needed"));
    if (!input.saleDate.isValid())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the sale date is needed"));
    if (input.term.years <= 0 && !input.term.wholeLife)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the policy term is needed"));

    ScopeDecision decision;
    if (input.policyholderBirthDate.isValid()) {
        if (input.policyholderBirthDate > input.saleDate)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("the policyholder's birth date is after the sale date"));
        decision.policyholderAge = ageInYears(input.policyholderBirthDate, input.saleDate);
    }
    const double term = input.term.asYears();

    for (const auto &set : ruleSets) {
        if (!set.provinceCode.isEmpty() && set.provinceCode != input.provinceCode)
            continue;
        decision.ruleSetsApplied.append(set.id + u'@' + set.version);
        for (const auto &rule : set.rules) {
            if (input.saleDate < rule.effectiveFrom || (rule.effectiveUntil.isValid() && input.saleDate >= rule.effectiveUntil))
                continue;
            const auto &when = rule.when;
            if (!when.policyholder.isEmpty() && !when.policyholder.contains(input.policyholder))
                continue;
            if (!when.channel.isEmpty() && !when.channel.contains(input.channel))
                continue;
            if (when.channelNot.contains(input.channel))
                continue;
            if (!when.category.isEmpty() && !when.category.contains(input.category))
                continue;
            if (!when.design.isEmpty() && !when.design.contains(input.design))
                continue;
            if (when.termYearsGreaterThan && !(term > *when.termYearsGreaterThan))
                continue;
            if (when.termYearsAtLeast && !(term >= *when.termYearsAtLeast))
                continue;
            if (when.needsAge()) {
                if (!decision.policyholderAge)
                    return fail(ErrorCode::InvalidArgument,
                                QStringLiteral("rule %1/%2 depends on the policyholder's age: the birth date is needed")
                                    .arg(set.id, rule.id));
                if (when.ageAtLeast && *decision.policyholderAge < *when.ageAtLeast)
                    continue;
                if (when.ageBelow && *decision.policyholderAge >= *when.ageBelow)
                    continue;
            }
            decision.matches.append({set.id, rule.id, rule.reason});
        }
    }
    decision.required = !decision.matches.isEmpty();
    return decision;
}

} // namespace dualrec::workflow
