#pragma once

#include "core/util/result.h"
#include "core/workflow/scripttemplate.h"

#include <QHash>

namespace dualrec::workflow {

/// A step as it will be recorded in a session.
struct PlannedStep final {
    QString id;            ///< unique in the plan; product steps of a bundle are "template-id.step-id"
    StepDefinition definition;
    int productIndex = -1; ///< index into ScriptPlan::products, -1 for steps of sale scope
};

/// Values the teleprompter placeholders are filled with at recording time.
struct SaleContext final {
    QHash<QString, QString> values;                ///< sale-wide: agent_name, customer_name, ...
    QList<QHash<QString, QString>> productValues;  ///< per product: premium, payment_method, ...
};

/// The ordered steps one session records: one product template, or several merged so that
/// shared (sale-scope) steps are recorded once (docs/script-format.md §1.4).
class ScriptPlan final
{
public:
    /// Merges product templates (not bundles) in the order given. Fails when a template is a
    /// bundle, is listed twice, or when two templates use one sale-step id for different kinds.
    [[nodiscard]] static Result<ScriptPlan> compose(const QList<ScriptTemplate> &templates,
                                                    const QString &planId = {}, const QString &planVersion = {});

    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] const QString &version() const { return m_version; }
    [[nodiscard]] const QList<Product> &products() const { return m_products; }
    [[nodiscard]] const QList<PlannedStep> &steps() const { return m_steps; }
    /// "id@version" of every template the plan was built from, for the session record.
    [[nodiscard]] const QStringList &sources() const { return m_sources; }
    /// The QC rules: the template's, or for several templates the strictest of theirs, kind by
    /// kind (docs/script-format.md §1.5).
    [[nodiscard]] const QcRules &qcRules() const { return m_qcRules; }
    /// Makes the rules at least as strict as `rules` (a bundle's own "qc" object).
    void tightenQcRules(const QcRules &rules) { m_qcRules = m_qcRules.strictest(rules); }

    /// The teleprompter text of step `index` with its placeholders filled in; a value that is
    /// not known yet is shown as 【name】 so the agent sees the gap. A session cannot start while
    /// missingValues() is not empty, so a recording never shows one.
    [[nodiscard]] QString renderedText(qsizetype index, const SaleContext &context) const;
    /// Every placeholder of every step (locked texts have none) that has no value in
    /// `context`, once each (per product for per-product values), in step order.
    [[nodiscard]] QList<MissingValue> missingValues(const SaleContext &context) const;

private:
    /// The values step `index` is rendered with: the context's plus the product's.
    [[nodiscard]] QHash<QString, QString> valuesFor(qsizetype index, const SaleContext &context) const;

    QString m_id;
    QString m_version;
    QList<Product> m_products;
    QList<PlannedStep> m_steps;
    QStringList m_sources;
    QcRules m_qcRules;
};

} // namespace dualrec::workflow
