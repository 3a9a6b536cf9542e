#include "core/workflow/residentid.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec::workflow;

namespace {

/// A number with the given first 17 characters and the right check character.
QString withCheck(const QString &first17)
{
    return first17 + residentIdCheckCharacter(first17);
}

} // namespace

TEST_CASE("check character follows ISO 7064 MOD 11-2 (GB 11643 examples)")
{
    CHECK(residentIdCheckCharacter(u"11010519491231002") == u'X');
    CHECK(residentIdCheckCharacter(u"44052418800101001") == u'4');
}

TEST_CASE("valid 18-character numbers parse to birth date / region and sex")
{
    struct Row {
        const char16_t *number;
        QDate birth;
        const char *region;
        Sex sex;
    };
    const auto row = GENERATE(Row{u"11010519491231002X", QDate(1949, 12, 31), "110105", Sex::Female},
                              Row{u"11010519491231002x", QDate(1949, 12, 31), "110105", Sex::Female},
                              Row{u"440524198001010013", QDate(1980, 1, 1), "440524", Sex::Male},
                              Row{u" 1101 0519 4912 3100 2X ", QDate(1949, 12, 31), "110105", Sex::Female});
    const auto id = parseResidentId(row.number, QDate(2026, 11, 22));
    REQUIRE(id.has_value());
    CHECK(id->birthDate == row.birth);
    CHECK(id->regionCode == QLatin1String(row.region));
    CHECK(id->sex == row.sex);
    CHECK_FALSE(id->legacy);
    CHECK(id->number.size() == 18);
    CHECK(id->number.endsWith(id->number.back().toUpper()));
}

TEST_CASE("invalid numbers are rejected with the specific reason")
{
    struct Row {
        QString number;
        ResidentIdError error;
    };
    const auto row = GENERATE(
        Row{QStringLiteral("110105194912310021"), ResidentIdError::BadChecksum},  // X mistyped as 1
        Row{QStringLiteral("440524188001010014"), ResidentIdError::BadDate},      // valid checksum, born 1880
        Row{QStringLiteral("110105194912310029"), ResidentIdError::BadChecksum},
        Row{withCheck(QStringLiteral("11010519490231002")), ResidentIdError::BadDate}, // 31 February
        Row{withCheck(QStringLiteral("11010520230229002")), ResidentIdError::BadDate}, // 2023 is not a leap year
        Row{withCheck(QStringLiteral("11010518991231002")), ResidentIdError::BadDate}, // before 1900
        Row{withCheck(QStringLiteral("11010520301231002")), ResidentIdError::BadDate}, // in the future
        Row{withCheck(QStringLiteral("11010519491300002")), ResidentIdError::BadDate}, // month 13
        Row{QStringLiteral("11010519491231002"), ResidentIdError::WrongLength},
        Row{QStringLiteral("11010519491231002XX"), ResidentIdError::WrongLength},
        Row{QString(), ResidentIdError::WrongLength},
        Row{QStringLiteral("1101051949123100X2"), ResidentIdError::BadCharacter}, // X not last
        Row{QStringLiteral("11010519491231A02X"), ResidentIdError::BadCharacter},
        Row{QStringLiteral("11010549123100X"), ResidentIdError::BadCharacter});   // no X in legacy numbers
    const auto id = parseResidentId(row.number, QDate(2026, 11, 22));
    REQUIRE_FALSE(id.has_value());
    CHECK(id.error() == row.error);
    CHECK_FALSE(describe(id.error()).isEmpty());
}

TEST_CASE("legacy 15-digit numbers are 19YY births / upgraded to 18 characters")
{
    const auto id = parseResidentId(u"110105491231002");
    REQUIRE(id.has_value());
    CHECK(id->legacy);
    CHECK(id->birthDate == QDate(1949, 12, 31));
    CHECK(id->number == QLatin1String("11010519491231002X"));
    CHECK(id->sex == Sex::Female);

    const auto badDate = parseResidentId(u"110105490230002");
    REQUIRE_FALSE(badDate.has_value());
    CHECK(badDate.error() == ResidentIdError::BadDate);
}

TEST_CASE("age counts full years / turning over on the birthday")
{
    struct Row {
        QDate birth;
        QDate on;
        int age;
    };
    const auto row = GENERATE(Row{QDate(1966, 3, 15), QDate(2026, 3, 14), 59},
                              Row{QDate(1966, 3, 15), QDate(2026, 3, 15), 60},
                              Row{QDate(1966, 3, 15), QDate(2026, 12, 31), 60},
                              Row{QDate(1964, 2, 29), QDate(2024, 2, 28), 59},
                              Row{QDate(1964, 2, 29), QDate(2024, 2, 29), 60},
                              Row{QDate(1964, 2, 29), QDate(2023, 2, 28), 58},
                              Row{QDate(1964, 2, 29), QDate(2023, 3, 1), 59},
                              Row{QDate(2000, 1, 1), QDate(2000, 1, 1), 0});
    CHECK(ageInYears(row.birth, row.on) == row.age);
}
