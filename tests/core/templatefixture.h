#pragma once

#include "core/workflow/regulatorytext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace dualrec::test {

/// Sets the value at a path such as {"steps", "2", "requires", "presence"} (numbers index
/// lists); an undefined value removes the key.
inline QJsonValue withValueAt(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const auto head = path.takeFirst();
    if (node.isArray()) {
        auto array = node.toArray();
        const auto index = head.toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else
            array[index] = withValueAt(array.at(index), path, value);
        return array;
    }
    auto object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object[head] = withValueAt(object.value(head), path, value);
    return object;
}

inline QJsonObject step(const char *id, const char *kind, const char *text, QJsonObject requirements,
                        const char *topic = nullptr)
{
    QJsonObject object{{QStringLiteral("id"), QLatin1String(id)},
                       {QStringLiteral("kind"), QLatin1String(kind)},
                       {QStringLiteral("title"), QString(QStringLiteral("标题 ") + QLatin1String(id))},
                       {QStringLiteral("text"), QString::fromUtf8(text)},
                       {QStringLiteral("requires"), requirements}};
    if (topic)
        object.insert(QStringLiteral("topic"), QLatin1String(topic));
    return object;
}

inline QJsonObject answered(double seconds = 0)
{
    return {{QStringLiteral("presence"), QStringLiteral("both")},
            {QStringLiteral("answer_required"), true},
            {QStringLiteral("min_duration_s"), seconds}};
}

inline QJsonObject closeUp(const char *what)
{
    return {{QStringLiteral("close_up"), QLatin1String(what)}};
}

/// A minimal valid template for a product of the given design ("traditional" gets no
/// benefit-uncertainty explanation and no risk statement). Step indices of the traditional one:
/// 0 consent, 1 prompt, 2 identity, 3 documents, 4-9 explanations (insurer, coverage, payment,
/// term, cooling_off, surrender_loss), 10 customer answer, 11 signature, 12 closing.
inline QJsonObject validTemplate(const char *id = "sample-life", const char *design = "traditional")
{
    const bool uncertain = QLatin1String(design) != QLatin1String("traditional");
    QJsonArray steps{
        step("consent", "consent", "{{customer_name}}，您是否同意录音录像？", answered()),
        step("mandated-prompt", "mandated_prompt", "",
             {{QStringLiteral("locked_text"), true}, {QStringLiteral("min_duration_s"), 20}}),
        step("agent-identity", "agent_identity", "我是{{institution_short_name}}的{{agent_name}}",
             closeUp("agent_id")),
        step("documents", "documents_shown", "请看投保提示书", closeUp("documents")),
        step("insurer", "explanation", "承保公司为{{insurer}}", answered(5), "insurer"),
        step("coverage", "explanation", "保障责任", answered(), "coverage"),
        step("payment", "explanation", "保费{{premium}}", answered(), "payment"),
        step("term", "explanation", "保险期间{{term}}", answered(), "term"),
        step("cooling-off", "explanation", "犹豫期{{cooling_off_days}}日", answered(), "cooling_off"),
        step("surrender-loss", "explanation", "退保损失", answered(), "surrender_loss"),
    };
    steps[1] = withValueAt(steps[1], {QStringLiteral("text")}, workflow::mandatedPromptText());
    if (uncertain)
        steps.append(step("benefit-uncertainty", "explanation", "利益不确定", answered(), "benefit_uncertainty"));
    steps.append(step("voluntary", "customer_answer", "您是否自愿投保？", answered()));
    steps.append(step("signature", "signature", "请签名", closeUp("signature")));
    if (uncertain) {
        auto statement = step("risk-statement", "risk_statement", "", closeUp("risk_statement"));
        statement = withValueAt(statement, {QStringLiteral("requires"), QStringLiteral("locked_text")}, true).toObject();
        statement[QStringLiteral("text")] = workflow::riskStatementText();
        steps.append(statement);
    }
    steps.append(step("closing", "closing", "谢谢", {}));

    return {{QStringLiteral("format"), QStringLiteral("dualrec-script")},
            {QStringLiteral("format_version"), 1},
            {QStringLiteral("id"), QLatin1String(id)},
            {QStringLiteral("version"), QStringLiteral("1.0.0")},
            {QStringLiteral("title"), QStringLiteral("测试产品")},
            {QStringLiteral("language"), QStringLiteral("zh_CN")},
            {QStringLiteral("product"),
             QJsonObject{{QStringLiteral("code"), QString(QStringLiteral("P-") + QLatin1String(id))},
                         {QStringLiteral("name"), QString(QStringLiteral("产品") + QLatin1String(id))},
                         {QStringLiteral("insurer"), QStringLiteral("示范人寿")},
                         {QStringLiteral("category"), QStringLiteral("life")},
                         {QStringLiteral("design"), QLatin1String(design)},
                         {QStringLiteral("term_years"), 20},
                         {QStringLiteral("cooling_off_days"), 15}}},
            {QStringLiteral("steps"), steps}};
}

inline QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

} // namespace dualrec::test
