#include "core/storage/accountrules.h"

#include "core/util/text.h"

namespace dualrec::storage {

Result<QString> normalizedLogin(const QString &login)
{
    const QString normal = login.trimmed().normalized(QString::NormalizationForm_KC).toCaseFolded();
    if (normal.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a login"));
    if (normal.size() > kMaximumLoginLength)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the login is longer than %1 characters").arg(kMaximumLoginLength));
    if (const auto at = firstUnprintable(normal))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the login contains an invisible or control character (%1)")
                                                    .arg(describeUnprintable(normal, *at)));
    for (const QChar c : normal) {
        if (c.isSpace())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("the login contains a space"));
    }
    return normal;
}

const char *passwordProblemName(PasswordProblem problem)
{
    switch (problem) {
    case PasswordProblem::TooShort: return "too_short";
    case PasswordProblem::TooLong: return "too_long";
    case PasswordProblem::Unprintable: return "unprintable";
    case PasswordProblem::NoLetter: return "no_letter";
    case PasswordProblem::NoNonLetter: return "no_non_letter";
    case PasswordProblem::Invalid: break;
    }
    return "invalid";
}

std::optional<PasswordProblem> checkPassword(const QString &password, int minimumLength)
{
    if (password.trimmed().size() < minimumLength)
        return PasswordProblem::TooShort;
    if (password.size() > kMaximumPasswordLength)
        return PasswordProblem::TooLong;
    if (firstUnprintable(password))
        return PasswordProblem::Unprintable;
    bool letter = false;
    bool other = false;
    for (const QChar c : password) {
        if (c.isLetter())
            letter = true;
        else
            other = true;
    }
    if (!letter)
        return PasswordProblem::NoLetter;
    if (!other)
        return PasswordProblem::NoNonLetter;
    return std::nullopt;
}

Result<void> requireGoodPassword(const QString &password, int minimumLength)
{
    const auto problem = checkPassword(password, minimumLength);
    if (!problem)
        return {};
    switch (*problem) {
    case PasswordProblem::TooShort:
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the password is shorter than %1 characters").arg(minimumLength));
    case PasswordProblem::TooLong:
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the password is longer than %1 characters").arg(kMaximumPasswordLength));
    case PasswordProblem::Unprintable:
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the password contains a control or invisible character"));
    case PasswordProblem::NoLetter:
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the password needs at least one letter"));
    case PasswordProblem::NoNonLetter:
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the password needs at least one digit, space or symbol"));
    case PasswordProblem::Invalid:
        break;
    }
    return fail(ErrorCode::InvalidArgument, QStringLiteral("the password is not acceptable"));
}

} // namespace dualrec::storage
