#pragma once

#include "core/workflow/diagnostic.h"
#include "core/workflow/enumnames.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace dualrec::workflow {

/// Template and rule files are small: anything larger, or not a regular file (a FIFO, a device
/// such as /dev/zero), is refused before it is read.
inline constexpr qint64 kMaximumJsonFileBytes = 1024 * 1024;
/// At most this many problems are listed per file; one more line says how many were left out.
inline constexpr qsizetype kMaximumDiagnosticsPerFile = 50;

/// Reads a template or rule file: a regular file of at most kMaximumJsonFileBytes. The error is
/// the diagnostic to report for the file ("$").
[[nodiscard]] std::optional<QByteArray> readJsonFile(const QString &path, QString *error);

/// Collects the diagnostics of one file, at most kMaximumDiagnosticsPerFile of them (then one
/// line saying how many more there were). Not thread-safe; one per parse.
class JsonReport final
{
public:
    explicit JsonReport(QString file) : m_file(std::move(file)) {}

    void add(const QString &path, const QString &message);
    [[nodiscard]] const Diagnostics &diagnostics() const { return m_diagnostics; }
    [[nodiscard]] bool clean() const { return m_diagnostics.isEmpty(); }
    [[nodiscard]] const QString &file() const { return m_file; }

    /// Parses a whole document; reports syntax errors with line and column.
    [[nodiscard]] std::optional<QJsonObject> parseDocument(const QByteArray &json);

private:
    QString m_file;
    Diagnostics m_diagnostics;
    qsizetype m_omitted = 0;
};

enum class Need : quint8 { Required, Optional };

/// A JSON object at a known path. Every read names the key it expects; finish() reports the
/// keys nobody asked for, so a typo never silently disables a requirement.
class JsonObjectReader final
{
public:
    JsonObjectReader(JsonReport &report, QJsonObject object, QString path);

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] QString pathOf(const QString &key) const { return m_path + u'.' + key; }
    [[nodiscard]] bool has(const QString &key) const { return m_object.contains(key); }

    std::optional<QString> string(const QString &key, Need need, const QRegularExpression &pattern = {},
                                  const QString &patternDescription = {});
    std::optional<qint64> integer(const QString &key, Need need, qint64 minimum, qint64 maximum);
    /// A finite number within [minimum, maximum] (both stated in the message when it is not).
    std::optional<double> number(const QString &key, Need need, double minimum, double maximum);
    std::optional<bool> boolean(const QString &key, Need need);
    std::optional<QJsonArray> array(const QString &key, Need need);
    std::optional<JsonObjectReader> object(const QString &key, Need need);
    /// A raw value, for keys that accept several types; marks the key as read.
    std::optional<QJsonValue> value(const QString &key, Need need);

    template<typename Enum, std::size_t N>
    std::optional<Enum> enumeration(const QString &key, Need need, const std::array<EnumName<Enum>, N> &table)
    {
        const auto text = string(key, need);
        if (!text)
            return std::nullopt;
        if (const auto found = enumFromName(table, *text))
            return found;
        reportBadEnum(pathOf(key), *text, enumNames(table));
        return std::nullopt;
    }

    /// Reports every key that was never read.
    void finish();

    [[nodiscard]] JsonReport &report() { return *m_report; }

    static QString typeName(const QJsonValue &value);
    static QString quotedList(const QStringList &names);
    void reportBadEnum(const QString &path, const QString &found, const QStringList &allowed);

private:
    std::optional<QJsonValue> take(const QString &key, Need need);
    void reportType(const QString &key, const char *expected, const QJsonValue &found);

    JsonReport *m_report;
    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_read;
};

/// Reads a list of enum names at `path`, reporting each bad element.
template<typename Enum, std::size_t N>
QList<Enum> readEnumList(JsonReport &report, const QJsonArray &array, const QString &path,
                         const std::array<EnumName<Enum>, N> &table)
{
    QList<Enum> values;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString elementPath = path + u'[' + QString::number(i) + u']';
        const auto element = array.at(i);
        if (!element.isString()) {
            report.add(elementPath, QStringLiteral("expected a string, found ") + JsonObjectReader::typeName(element));
            continue;
        }
        if (const auto found = enumFromName(table, element.toString())) {
            values.append(*found);
        } else {
            report.add(elementPath, QStringLiteral("expected one of ") + JsonObjectReader::quotedList(enumNames(table))
                                        + QStringLiteral("; found \"") + element.toString() + u'"');
        }
    }
    if (array.isEmpty())
        report.add(path, QStringLiteral("expected a non-empty list"));
    return values;
}

} // namespace dualrec::workflow
