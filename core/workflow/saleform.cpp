#include "core/workflow/saleform.h"

#include "core/util/text.h"

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
    case SaleFormProblem::Invalid:
        return "invalid";
    }
    return "invalid";
}

SaleFormCheck checkSaleForm(const TemplateLibrary &library, const SaleForm &form)
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

SaleContext saleContextOf(const SaleForm &form, const QString &agentName, const QString &agentId)
{
    SaleContext context;
    context.values.insert(QStringLiteral("agent_name"), agentName);
    context.values.insert(QStringLiteral("agent_id"), agentId);
    context.values.insert(QStringLiteral("customer_name"), form.policyholderName.trimmed());
    context.values.insert(QStringLiteral("insured_name"), form.insuredName.trimmed().isEmpty()
                                                              ? form.policyholderName.trimmed()
                                                              : form.insuredName.trimmed());
    context.values.insert(QStringLiteral("application_no"), form.applicationNo.trimmed());
    return context;
}

} // namespace dualrec::workflow
