#include "core/workflow/scriptplan.h"

#include <QRegularExpression>
#include <QSet>

namespace dualrec::workflow {

namespace {

/// Sale steps that exist once per application whatever their id.
bool oncePerSale(StepKind kind)
{
    switch (kind) {
    case StepKind::Consent:
    case StepKind::MandatedPrompt:
    case StepKind::RiskStatement:
    case StepKind::Closing:
        return true;
    case StepKind::AgentIdentity:
    case StepKind::CustomerAnswer:
    case StepKind::Signature:
    case StepKind::DocumentsShown:
    case StepKind::Explanation:
    case StepKind::Invalid:
        return false;
    }
    return false;
}

QString termText(const PolicyTerm &term)
{
    return term.wholeLife ? QStringLiteral("终身") : QStringLiteral("%1年").arg(term.years);
}

} // namespace

Result<ScriptPlan> ScriptPlan::compose(const QList<ScriptTemplate> &templates, const QString &planId,
                                       const QString &planVersion)
{
    if (templates.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a plan needs at least one product template"));

    ScriptPlan plan;
    QSet<QString> templateIds;
    for (const auto &script : templates) {
        if (script.isBundle() || !script.product)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("template \"%1\" is a bundle; compose its product templates").arg(script.id));
        if (templateIds.contains(script.id))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("template \"%1\" is listed twice").arg(script.id));
        templateIds.insert(script.id);
        plan.m_products.append(*script.product);
        plan.m_sources.append(script.id + u'@' + script.version);
    }
    const bool multi = templates.size() > 1;
    plan.m_qcRules = templates.first().qc;
    for (const auto &script : templates)
        plan.m_qcRules = plan.m_qcRules.strictest(script.qc);
    plan.m_id = planId.isEmpty() ? templates.first().id : planId;
    plan.m_version = planVersion.isEmpty() ? templates.first().version : planVersion;

    QHash<QString, StepKind> saleIds;
    QSet<StepKind> onceTaken;
    for (int kindValue = int(StepKind::Consent); kindValue <= int(StepKind::Closing); ++kindValue) {
        const auto kind = StepKind(kindValue);
        for (int t = 0; t < templates.size(); ++t) {
            const auto &script = templates.at(t);
            for (const auto &step : script.steps) {
                if (step.kind != kind)
                    continue;
                if (scopeOf(kind) == StepScope::Product) {
                    plan.m_steps.append({multi ? script.id + u'.' + step.id : step.id, step, t});
                    continue;
                }
                if (const auto seen = saleIds.constFind(step.id); seen != saleIds.constEnd()) {
                    if (seen.value() != kind)
                        return fail(ErrorCode::InvalidArgument,
                                    QStringLiteral("step id \"%1\" names different kinds of step in the templates "
                                                   "being merged").arg(step.id));
                    continue; // shared step: recorded once, from the first template
                }
                if (oncePerSale(kind) && onceTaken.contains(kind))
                    continue;
                saleIds.insert(step.id, kind);
                onceTaken.insert(kind);
                plan.m_steps.append({step.id, step, -1});
            }
        }
    }
    return plan;
}

QHash<QString, QString> ScriptPlan::valuesFor(qsizetype index, const SaleContext &context) const
{
    const auto &step = m_steps.at(index);
    QHash<QString, QString> values = context.values;
    auto addProduct = [&](int p) {
        const auto &product = m_products.at(p);
        values.insert(QStringLiteral("product_name"), product.name);
        values.insert(QStringLiteral("insurer"), product.insurer);
        values.insert(QStringLiteral("term"), termText(product.term));
        values.insert(QStringLiteral("cooling_off_days"), QString::number(product.coolingOffDays));
        if (p < context.productValues.size()) {
            const auto &extra = context.productValues.at(p);
            for (auto it = extra.cbegin(); it != extra.cend(); ++it)
                values.insert(it.key(), it.value());
        }
    };
    if (step.productIndex >= 0) {
        addProduct(step.productIndex);
    } else if (m_products.size() == 1) {
        addProduct(0);
    } else {
        // A shared step names every product of the sale.
        QStringList names;
        QStringList insurers;
        for (const auto &product : m_products) {
            names.append(product.name);
            if (!insurers.contains(product.insurer))
                insurers.append(product.insurer);
        }
        values.insert(QStringLiteral("product_name"), names.join(u'、'));
        values.insert(QStringLiteral("insurer"), insurers.join(u'、'));
    }
    return values;
}

QString ScriptPlan::renderedText(qsizetype index, const SaleContext &context) const
{
    const auto &step = m_steps.at(index);
    if (step.definition.requirements.lockedText)
        return step.definition.text;
    const auto values = valuesFor(index, context);

    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    QString result;
    qsizetype last = 0;
    auto it = pattern.globalMatch(step.definition.text);
    while (it.hasNext()) {
        const auto match = it.next();
        result += step.definition.text.mid(last, match.capturedStart() - last);
        const auto name = match.captured(1);
        const auto value = values.value(name).trimmed();
        result += value.isEmpty() ? u'【' + name + u'】' : value;
        last = match.capturedEnd();
    }
    result += step.definition.text.mid(last);
    return result;
}

QList<MissingValue> ScriptPlan::missingValues(const SaleContext &context) const
{
    QList<MissingValue> missing;
    for (qsizetype index = 0; index < m_steps.size(); ++index) {
        const auto &step = m_steps.at(index);
        if (step.definition.requirements.lockedText)
            continue;
        const auto names = placeholdersIn(step.definition.text);
        if (names.isEmpty())
            continue;
        const auto values = valuesFor(index, context);
        for (const auto &name : names) {
            if (!values.value(name).trimmed().isEmpty())
                continue;
            const auto definition = placeholderDefinition(name);
            MissingValue value{name, definition ? definition->source : PlaceholderSource::Invalid, -1};
            if (definition && definition->perProduct)
                value.productIndex = step.productIndex >= 0 ? step.productIndex : (m_products.size() == 1 ? 0 : -1);
            if (!missing.contains(value))
                missing.append(value);
        }
    }
    return missing;
}

} // namespace dualrec::workflow
