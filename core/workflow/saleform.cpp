#include "core/workflow/saleform.h"

#include "core/util/text.h"
#include <QRegularExpression>

#include <algorithm>

namespace dualrec::workflow {

const char *saleFormProblemName(SaleFormProblem problem)
{
    switch (problem) {
    case SaleFormProblem::MissingApplicationNo:
        return "missing_application_no";
    case SaleFormProblem::UnprintableText:
        return "unprintable_text";
    case SaleFormProblem::MissingPolicyholderName:
        return "missing_policyholder_name";
    case SaleFormProblem::MissingPolicyholderId:
        return "missing_policyholder_id";
    case SaleFormProblem::BadPolicyholderId:
        return "bad_policyholder_id";
    case SaleFormProblem::MissingChannel:
        return "missing_channel";
    case SaleFormProblem::NoProduct:
        return "no_product";
    case SaleFormProblem::PlanUnusable:
        return "plan_unusable";
    case SaleFormProblem::ScopeUndecidable:
        return "scope_undecidable";
    case SaleFormProblem::BadPremium:
        return "bad_premium";
    case SaleFormProblem::MissingScriptValues:
        return "missing_script_values";
    case SaleFormProblem::Invalid:
        return "invalid";
    }
    return "invalid";
}

QString paymentMethodScriptText(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Annual:
        return QStringLiteral("年交");
    case PaymentMethod::Single:
        return QStringLiteral("趸交");
    case PaymentMethod::SemiAnnual:
        return QStringLiteral("半年交");
    case PaymentMethod::Quarterly:
        return QStringLiteral("季交");
    case PaymentMethod::Monthly:
        return QStringLiteral("月交");
    case PaymentMethod::Invalid:
        break;
    }
    return {};
}

std::optional<qint64> parseAmountFen(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:(\\d{1,3}(?:,\\d{3})+)|(\\d+))(?:\\.(\\d{1,2}))?\\s*(?:元)?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    QString whole = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    whole.remove(u',');
    if (whole.size() > 12)
        return std::nullopt;
    QString decimals = match.captured(3);
    while (decimals.size() < 2)
        decimals.append(u'0');
    const qint64 fen = whole.toLongLong() * 100 + decimals.toLongLong();
    if (fen <= 0)
        return std::nullopt;
    return fen;
}

QString amountScriptText(qint64 fen)
{
    if (fen % 100 == 0)
        return QString::number(fen / 100);
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QChar(u'0'));
}

SaleFormCheck checkSaleForm(const TemplateLibrary &library, const SaleForm &form, const SaleParties &parties)
{
    SaleFormCheck check;
    if (form.applicationNo.trimmed().isEmpty())
        check.problems.append(SaleFormProblem::MissingApplicationNo);
    if (form.policyholderName.trimmed().isEmpty())
        check.problems.append(SaleFormProblem::MissingPolicyholderName);
    // What goes into the watermark and the journal: no newline, tab, right-to-left override…
    for (const auto *text : {&form.applicationNo, &form.policyholderName, &form.policyholderIdNumber, &form.insuredName}) {
        if (firstUnprintable(*text)) {
            check.problems.append(SaleFormProblem::UnprintableText);
            break;
        }
    }

    QDate birthDate;
    if (form.policyholderIdNumber.trimmed().isEmpty()) {
        check.problems.append(SaleFormProblem::MissingPolicyholderId);
    } else {
        const auto id = parseResidentId(form.policyholderIdNumber, form.saleDate);
        if (id) {
            birthDate = id->birthDate;
            if (form.saleDate.isValid())
                check.policyholderAge = ageInYears(birthDate, form.saleDate);
        } else {
            check.idError = id.error();
            check.problems.append(SaleFormProblem::BadPolicyholderId);
        }
    }
    if (form.channel == Channel::Invalid)
        check.problems.append(SaleFormProblem::MissingChannel);
    if (form.productTemplateIds.isEmpty()) {
        check.problems.append(SaleFormProblem::NoProduct);
        return check;
    }

    auto plan = library.plan(form.productTemplateIds);
    if (!plan) {
        check.planError = plan.error().detail;
        check.problems.append(SaleFormProblem::PlanUnusable);
        return check;
    }
    check.plan = std::move(*plan);
    for (int p = 0; p < form.payments.size() && p < form.productTemplateIds.size(); ++p) {
        const auto &premium = form.payments.at(p).premium;
        if (!premium.trimmed().isEmpty() && !parseAmountFen(premium))
            check.badPremiums.append(p);
    }
    if (!check.badPremiums.isEmpty())
        check.problems.append(SaleFormProblem::BadPremium);
    check.missingValues = check.plan->missingValues(saleContextOf(form, parties));
    // A premium that is not an amount is said as such, not also as missing.
    check.missingValues.removeIf([&](const MissingValue &value) {
        return value.placeholder == QLatin1String("premium") && check.badPremiums.contains(value.productIndex);
    });
    if (!check.missingValues.isEmpty())
        check.problems.append(SaleFormProblem::MissingScriptValues);
    if (form.channel == Channel::Invalid || !form.saleDate.isValid())
        return check;

    ScopeDecision combined;
    for (const auto &product : check.plan->products()) {
        ScopeInput input;
        input.policyholder = PolicyholderKind::NaturalPerson;
        input.channel = form.channel;
        input.category = product.category;
        input.design = product.design;
        input.term = product.term;
        input.policyholderBirthDate = birthDate;
        input.provinceCode = form.provinceCode;
        input.saleDate = form.saleDate;
        auto decision = decideScope(library.ruleSets(), input);
        if (!decision) {
            // An age rule without a valid ID: the missing ID is already reported; say so only
            // when nothing else explains it.
            check.scopeError = decision.error().detail;
            if (!check.problems.contains(SaleFormProblem::MissingPolicyholderId)
                && !check.problems.contains(SaleFormProblem::BadPolicyholderId))
                check.problems.append(SaleFormProblem::ScopeUndecidable);
            return check;
        }
        combined.required = combined.required || decision->required;
        for (const auto &match : decision->matches) {
            const bool known = std::any_of(combined.matches.cbegin(), combined.matches.cend(), [&](const ScopeMatch &m) {
                return m.ruleSetId == match.ruleSetId && m.ruleId == match.ruleId;
            });
            if (!known)
                combined.matches.append(match);
        }
        for (const auto &set : decision->ruleSetsApplied) {
            if (!combined.ruleSetsApplied.contains(set))
                combined.ruleSetsApplied.append(set);
        }
        combined.policyholderAge = decision->policyholderAge;
    }
    check.scope = std::move(combined);
    return check;
}

SaleContext saleContextOf(const SaleForm &form, const SaleParties &parties)
{
    SaleContext context;
    context.values.insert(QStringLiteral("agent_name"), parties.agentName.trimmed());
    context.values.insert(QStringLiteral("agent_id"), parties.agentLicenceNo.trimmed());
    context.values.insert(QStringLiteral("institution_name"), parties.institutionName.trimmed());
    context.values.insert(QStringLiteral("institution_short_name"), parties.institutionShortName.trimmed());
    context.values.insert(QStringLiteral("customer_name"), form.policyholderName.trimmed());
    context.values.insert(QStringLiteral("insured_name"), form.insuredName.trimmed().isEmpty()
                                                              ? form.policyholderName.trimmed()
                                                              : form.insuredName.trimmed());
    context.values.insert(QStringLiteral("application_no"), form.applicationNo.trimmed());
    for (int p = 0; p < form.productTemplateIds.size(); ++p) {
        QHash<QString, QString> values;
        const auto payment = form.payments.value(p);
        if (const auto fen = parseAmountFen(payment.premium))
            values.insert(QStringLiteral("premium"), amountScriptText(*fen));
        values.insert(QStringLiteral("payment_method"), paymentMethodScriptText(payment.method));
        if (payment.method == PaymentMethod::Single)
            values.insert(QStringLiteral("payment_period"), QStringLiteral("一次交清"));
        else if (payment.method != PaymentMethod::Invalid && payment.years > 0)
            values.insert(QStringLiteral("payment_period"), QStringLiteral("%1年").arg(payment.years));
        context.productValues.append(values);
    }
    return context;
}

} // namespace dualrec::workflow
