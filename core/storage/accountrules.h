#pragma once

#include "core/util/result.h"

#include <QString>

#include <optional>

namespace dualrec::storage {

/// Logins and passwords of local accounts (the policy is stated in docs/deployment.md).
/// Pure functions; thread-safe.

inline constexpr int kMaximumLoginLength = 64;
inline constexpr int kMaximumPasswordLength = 128;

/// The stored form of a login: trimmed, Unicode NFKC, case-folded ("ALICE", "Alice" and
/// full-width "ＡＬＩＣＥ" are one login). Fails with InvalidArgument (stable English naming the
/// problem) for an empty or too long login, or one with a space, a control or invisible
/// character (newline, right-to-left override…).
[[nodiscard]] Result<QString> normalizedLogin(const QString &login);

/// What is wrong with a new password, in the order checked.
enum class PasswordProblem : quint8 {
    Invalid = 0,
    TooShort,        ///< fewer characters than the policy's minimum (spaces at either end do not count)
    TooLong,         ///< more than kMaximumPasswordLength
    Unprintable,     ///< a control or invisible character
    NoLetter,        ///< needs at least one letter
    NoNonLetter,     ///< needs at least one digit, space or symbol
};

[[nodiscard]] const char *passwordProblemName(PasswordProblem problem);

/// The first rule `password` breaks, or nullopt.
[[nodiscard]] std::optional<PasswordProblem> checkPassword(const QString &password, int minimumLength);

/// checkPassword() as an InvalidArgument error in stable English.
[[nodiscard]] Result<void> requireGoodPassword(const QString &password, int minimumLength);

} // namespace dualrec::storage
