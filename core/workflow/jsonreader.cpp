#include "core/workflow/jsonreader.h"

#include "core/util/text.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace dualrec::workflow {

namespace {

/// The keys that appear twice in one object (JSON allows it; Qt keeps the last, which would let
/// a second "min_duration_s": 0 quietly undo the first). Walks the raw text once.
struct DuplicateKey {
    QString path;
    QString key;
    qsizetype line = 0;
};

QList<DuplicateKey> duplicateKeys(const QByteArray &json)
{
    struct Level {
        bool object = false;
        QSet<QString> keys;
        QString key;     ///< object: the key being read
        qsizetype index = 0; ///< array: the element being read
    };
    QList<DuplicateKey> found;
    std::vector<Level> stack;
    qsizetype line = 1;
    const auto path = [&] {
        QString text = QStringLiteral("$");
        for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
            const auto &level = stack[i];
            if (level.object)
                text += u'.' + level.key;
            else
                text += u'[' + QString::number(level.index) + u']';
        }
        return text;
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '\n') {
            ++line;
        } else if (c == '{' || c == '[') {
            stack.push_back({c == '{', {}, {}, 0});
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && !stack.back().object)
                ++stack.back().index;
        } else if (c == '"') {
            const qsizetype start = i;
            bool escaped = false;
            for (++i; i < json.size(); ++i) {
                if (escaped)
                    escaped = false;
                else if (json[i] == '\\')
                    escaped = true;
                else if (json[i] == '"')
                    break;
            }
            if (stack.empty() || !stack.back().object)
                continue;
            qsizetype next = i + 1;
            while (next < json.size() && (json[next] == ' ' || json[next] == '\t' || json[next] == '\r' || json[next] == '\n'))
                ++next;
            if (next >= json.size() || json[next] != ':')
                continue;
            // Decode the key as JSON does (escapes included).
            const auto token = json.mid(start, i - start + 1);
            const auto decoded = QJsonDocument::fromJson('[' + token + ']').array().at(0).toString();
            stack.back().key = decoded;
            // Not a reference kept across the push below: it may move the levels (found by the
            // fuzz target, tests/fuzz/regressions).
            const bool duplicate = stack.back().keys.contains(decoded);
            stack.back().keys.insert(decoded);
            if (duplicate) {
                stack.push_back({}); // path() leaves out the innermost level
                found.append({path(), decoded, line});
                stack.pop_back();
            }
        }
    }
    return found;
}

} // namespace

std::optional<QByteArray> readJsonFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("cannot read the file: it does not exist");
        return std::nullopt;
    }
    if (!info.isFile()) {
        *error = QStringLiteral("expected a regular file; this is a folder, device, pipe or socket");
        return std::nullopt;
    }
    if (info.size() > kMaximumJsonFileBytes) {
        *error = QStringLiteral("expected a file of at most %1 bytes; found %2 bytes").arg(kMaximumJsonFileBytes).arg(info.size());
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the file: ") + file.errorString();
        return std::nullopt;
    }
    // Read no more than the limit even if the file grows meanwhile.
    auto content = file.read(kMaximumJsonFileBytes + 1);
    if (content.size() > kMaximumJsonFileBytes) {
        *error = QStringLiteral("expected a file of at most %1 bytes").arg(kMaximumJsonFileBytes);
        return std::nullopt;
    }
    return content;
}

void JsonReport::add(const QString &path, const QString &message)
{
    if (m_diagnostics.size() < kMaximumDiagnosticsPerFile) {
        m_diagnostics.append({m_file, path, message});
        return;
    }
    ++m_omitted;
    const auto summary = QStringLiteral("%1 more problem(s) not listed").arg(m_omitted);
    if (m_omitted == 1)
        m_diagnostics.append({m_file, QStringLiteral("$"), summary});
    else
        m_diagnostics.last().message = summary;
}

std::optional<QJsonObject> JsonReport::parseDocument(const QByteArray &json)
{
    bool duplicated = false;
    for (const auto &duplicate : duplicateKeys(json)) {
        add(duplicate.path + u'.' + duplicate.key,
            QStringLiteral("the key \"%1\" appears twice in one object (line %2); each key may appear only once")
                .arg(duplicate.key).arg(duplicate.line));
        duplicated = true;
    }
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
    if (duplicated)
        return std::nullopt;
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
    // Line breaks and tabs may shape a prompt; no other control or invisible character (NUL,
    // ESC, the right-to-left override…) may reach the teleprompter, the journal or a watermark.
    QString checked = text;
    checked.replace(u'\n', u' ').replace(u'\t', u' ');
    if (const auto at = firstUnprintable(checked)) {
        m_report->add(pathOf(key), QStringLiteral("expected printable text; found a control or invisible character (%1)")
                                       .arg(describeUnprintable(checked, *at)));
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
    if (!value->isDouble() || !std::isfinite(number) || std::trunc(number) != number) {
        reportType(key, "an integer", *value);
        return std::nullopt;
    }
    // A whole number beyond what qint64 holds (|n| >= 2^63) is outside every range asked for;
    // it is never converted (that conversion is undefined behaviour).
    if (number < -9223372036854775808.0 || number >= 9223372036854775808.0) {
        m_report->add(pathOf(key), QStringLiteral("expected an integer from %1 to %2; found %3")
                                       .arg(minimum).arg(maximum).arg(number, 0, 'g', 17));
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

std::optional<double> JsonObjectReader::number(const QString &key, Need need, double minimum, double maximum)
{
    const auto value = take(key, need);
    if (!value)
        return std::nullopt;
    if (!value->isDouble()) {
        reportType(key, "a number", *value);
        return std::nullopt;
    }
    const double number = value->toDouble();
    if (!std::isfinite(number) || number < minimum || number > maximum) {
        m_report->add(pathOf(key), QStringLiteral("expected a number from %1 to %2; found %3").arg(minimum).arg(maximum).arg(number));
        return std::nullopt;
    }
    return number;
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
