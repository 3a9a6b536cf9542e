#include "core/workflow/jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace dualrec::workflow {

std::optional<QJsonObject> JsonReport::parseDocument(const QByteArray &json)
{
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // QJsonParseError gives a byte offset; people need line and column.
        const auto before = json.left(error.offset);
        const auto line = before.count('\n') + 1;
        const auto lineStart = before.lastIndexOf('\n') + 1;
        const auto column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
        add(QStringLiteral("$"), QStringLiteral("JSON syntax error at line %1, column %2: %3")
                                     .arg(line).arg(column).arg(error.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        add(QStringLiteral("$"), QStringLiteral("expected a JSON object at the top level"));
        return std::nullopt;
    }
    return document.object();
}

JsonObjectReader::JsonObjectReader(JsonReport &report, QJsonObject object, QString path)
    : m_report(&report), m_object(std::move(object)), m_path(std::move(path))
{
}

QString JsonObjectReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return QStringLiteral("an unknown value");
}

QString JsonObjectReader::quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const auto &name : names)
        quoted.append(u'"' + name + u'"');
    return quoted.join(QStringLiteral(", "));
}

void JsonObjectReader::reportBadEnum(const QString &path, const QString &found, const QStringList &allowed)
{
    m_report->add(path, QStringLiteral("expected one of ") + quotedList(allowed) + QStringLiteral("; found \"")
                            + found + u'"');
}

std::optional<QJsonValue> JsonObjectReader::take(const QString &key, Need need)
{
    m_read.insert(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (need == Need::Required)
            m_report->add(pathOf(key), QStringLiteral("missing required key"));
        return std::nullopt;
    }
    return it.value();
}

void JsonObjectReader::reportType(const QString &key, const char *expected, const QJsonValue &found)
{
    m_report->add(pathOf(key), QStringLiteral("expected ") + QLatin1String(expected) + QStringLiteral(", found ")
                                   + typeName(found));
}

std::optional<QString> JsonObjectReader::string(const QString &key, Need need, const QRegularExpression &pattern,
                                                const QString &patternDescription)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        reportType(key, "a string", *value);
        return std::nullopt;
    }
    const auto text = value->toString();
    if (text.trimmed().isEmpty()) {
        m_report->add(pathOf(key), QStringLiteral("expected a non-empty string"));
        return std::nullopt;
    }
    if (pattern.isValid() && !pattern.pattern().isEmpty() && !pattern.match(text).hasMatch()) {
        m_report->add(pathOf(key), QStringLiteral("expected ") + patternDescription + QStringLiteral("; found \"")
                                       + text + u'"');
        return std::nullopt;
    }
    return text;
}

std::optional<qint64> JsonObjectReader::integer(const QString &key, Need need, qint64 minimum, qint64 maximum)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    const double number = value->toDouble();
    if (!value->isDouble() || number != double(qint64(number))) {
        reportType(key, "an integer", *value);
        return std::nullopt;
    }
    const auto integer = qint64(number);
    if (integer < minimum || integer > maximum) {
        m_report->add(pathOf(key), QStringLiteral("expected an integer from %1 to %2; found %3")
                                       .arg(minimum).arg(maximum).arg(integer));
        return std::nullopt;
    }
    return integer;
}

std::optional<double> JsonObjectReader::number(const QString &key, Need need, double minimum)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    if (!value->isDouble()) {
        reportType(key, "a number", *value);
        return std::nullopt;
    }
    if (value->toDouble() < minimum) {
        m_report->add(pathOf(key), QStringLiteral("expected a number of at least %1; found %2")
                                       .arg(minimum).arg(value->toDouble()));
        return std::nullopt;
    }
    return value->toDouble();
}

std::optional<bool> JsonObjectReader::boolean(const QString &key, Need need)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        reportType(key, "true or false", *value);
        return std::nullopt;
    }
    return value->toBool();
}

std::optional<QJsonArray> JsonObjectReader::array(const QString &key, Need need)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    if (!value->isArray()) {
        reportType(key, "a list", *value);
        return std::nullopt;
    }
    return value->toArray();
}

std::optional<JsonObjectReader> JsonObjectReader::object(const QString &key, Need need)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        reportType(key, "an object", *value);
        return std::nullopt;
    }
    return JsonObjectReader(*m_report, value->toObject(), pathOf(key));
}

std::optional<QJsonValue> JsonObjectReader::value(const QString &key, Need need)
{
    return take(key, need);
}

void JsonObjectReader::finish()
{
    QStringList known(m_read.cbegin(), m_read.cend());
    known.sort();
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_read.contains(it.key()))
            m_report->add(pathOf(it.key()), QStringLiteral("unknown key (expected one of ") + quotedList(known)
                                                + u')');
    }
}

} // namespace dualrec::workflow
