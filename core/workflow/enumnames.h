#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <optional>
#include <array>

namespace dualrec::workflow {

/// One row of a table that spells an enum value the way the JSON files do.
template<typename Enum>
struct EnumName final {
    Enum value;
    const char *name;
};

template<typename Enum, std::size_t N>
[[nodiscard]] std::optional<Enum> enumFromName(const std::array<EnumName<Enum>, N> &table, QStringView name)
{
    for (const auto &row : table) {
        if (name == QLatin1String(row.name))
            return row.value;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
[[nodiscard]] QString enumToName(const std::array<EnumName<Enum>, N> &table, Enum value)
{
    for (const auto &row : table) {
        if (row.value == value)
            return QLatin1String(row.name);
    }
    return QStringLiteral("invalid");
}

template<typename Enum, std::size_t N>
[[nodiscard]] QStringList enumNames(const std::array<EnumName<Enum>, N> &table)
{
    QStringList names;
    for (const auto &row : table)
        names.append(QLatin1String(row.name));
    return names;
}

} // namespace dualrec::workflow
