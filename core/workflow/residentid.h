#pragma once

#include <QDate>
#include <QString>

#include <expected>

namespace dualrec::workflow {

/// Why a resident ID number (居民身份证号码, GB 11643) was rejected.
enum class ResidentIdError : quint8 {
    Invalid = 0,
    WrongLength,   ///< neither 18 characters nor the legacy 15 digits
    BadCharacter,  ///< not digits (with a final X allowed in 18-character numbers)
    BadDate,       ///< the birth date is not a real date, or before 1900, or after the reference date
    BadChecksum,   ///< the ISO 7064 MOD 11-2 check character does not match
};

enum class Sex : quint8 { Invalid = 0, Female, Male };

/// A parsed resident ID number. Personal data: never log `number`.
struct ResidentId final {
    QString number;     ///< normalised 18-character form (legacy numbers are upgraded), upper-case X
    QString regionCode; ///< six-digit administrative division code of first registration
    QDate birthDate;
    Sex sex = Sex::Invalid;
    bool legacy = false; ///< was given in the 15-digit form issued before 1999
};

/// Parses an 18-character number (checksum verified) or a legacy 15-digit number (born 19YY,
/// no checksum; upgraded to 18 characters). Spaces are ignored. `notAfter` (when valid) rejects
/// birth dates after it. Pure; thread-safe.
[[nodiscard]] std::expected<ResidentId, ResidentIdError> parseResidentId(QStringView text, QDate notAfter = {});

/// The check character for the first 17 digits of an 18-character number.
[[nodiscard]] QChar residentIdCheckCharacter(QStringView first17);

/// Stable English description of an error, for logs and the command line.
[[nodiscard]] QString describe(ResidentIdError error);

/// Age in full years on `on`: a person born on 1966-03-15 is 59 on 2026-03-14 and 60 on
/// 2026-03-15 (born 29 February: a year older on 1 March in common years).
[[nodiscard]] int ageInYears(QDate birthDate, QDate on);

} // namespace dualrec::workflow
