#include "core/workflow/residentid.h"

#include <array>

namespace dualrec::workflow {

QChar residentIdCheckCharacter(QStringView first17)
{
    static constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr std::array<char, 11> kCheck{'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (qsizetype i = 0; i < 17 && i < first17.size(); ++i)
        sum += first17.at(i).digitValue() * kWeights.at(std::size_t(i));
    return QLatin1Char(kCheck.at(std::size_t(sum % 11)));
}

std::expected<ResidentId, ResidentIdError> parseResidentId(QStringView text, QDate notAfter)
{
    QString number;
    for (const QChar c : text) {
        if (!c.isSpace())
            number.append(c.toUpper());
    }
    if (number.size() != 18 && number.size() != 15)
        return std::unexpected(ResidentIdError::WrongLength);
    const bool legacy = number.size() == 15;
    for (qsizetype i = 0; i < number.size(); ++i) {
        const QChar c = number.at(i);
        const bool lastOf18 = !legacy && i == 17;
        if (!(c >= u'0' && c <= u'9') && !(lastOf18 && c == u'X'))
            return std::unexpected(ResidentIdError::BadCharacter);
    }
    if (legacy)
        number.insert(6, QStringLiteral("19"));

    const QDate birth(number.mid(6, 4).toInt(), number.mid(10, 2).toInt(), number.mid(12, 2).toInt());
    if (!birth.isValid() || birth.year() < 1900 || (notAfter.isValid() && birth > notAfter))
        return std::unexpected(ResidentIdError::BadDate);

    if (legacy)
        number.append(residentIdCheckCharacter(number));
    else if (residentIdCheckCharacter(QStringView(number).left(17)) != number.at(17))
        return std::unexpected(ResidentIdError::BadChecksum);

    ResidentId id;
    id.number = number;
    id.regionCode = number.left(6);
    id.birthDate = birth;
    id.sex = number.at(16).digitValue() % 2 == 1 ? Sex::Male : Sex::Female;
    id.legacy = legacy;
    return id;
}

QString describe(ResidentIdError error)
{
    switch (error) {
    case ResidentIdError::WrongLength:
        return QStringLiteral("a resident ID number has 18 characters (or 15 digits for the pre-1999 form)");
    case ResidentIdError::BadCharacter:
        return QStringLiteral("a resident ID number has only digits, with an X allowed as its 18th character");
    case ResidentIdError::BadDate:
        return QStringLiteral("the birth date in the resident ID number (characters 7-14) is not a valid past date");
    case ResidentIdError::BadChecksum:
        return QStringLiteral("the check character of the resident ID number does not match; a digit is mistyped");
    case ResidentIdError::Invalid:
        break;
    }
    return QStringLiteral("invalid resident ID number");
}

int ageInYears(QDate birthDate, QDate on)
{
    int age = on.year() - birthDate.year();
    if (on.month() < birthDate.month() || (on.month() == birthDate.month() && on.day() < birthDate.day()))
        --age;
    return age;
}

} // namespace dualrec::workflow
