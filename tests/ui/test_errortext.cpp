// Errors people can read: every ErrorCode has its own sentence in zh_CN and en, and core's
// technical English never reaches the Chinese screen.
#include "ui/errortext.h"

#include "tests/ui/uifixture.h"

#include <QRegularExpression>
#include <QSet>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

TEST_CASE("every error code has its own sentence in Chinese and in English, without technical detail")
{
    QStringList english;
    for (int c = 0; c <= int(kLastErrorCode); ++c)
        english.append(ui::ErrorText::sentence(ErrorCode(c)));
    CHECK(QSet<QString>(english.cbegin(), english.cend()).size() == english.size());
    for (const auto &text : std::as_const(english)) {
        CHECK_FALSE(text.isEmpty());
        CHECK(text.endsWith(u'.'));
    }

    const test::Language catalogue(QStringLiteral("zh_CN"));
    static const QRegularExpression asciiWord(QStringLiteral("[A-Za-z]{3,}"));
    QSet<QString> chinese;
    for (int c = 0; c <= int(kLastErrorCode); ++c) {
        const auto text = ui::ErrorText::sentence(ErrorCode(c));
        INFO(errorCodeName(ErrorCode(c)) << ": " << text.toStdString());
        CHECK(text != english.at(c)); // translated
        CHECK_FALSE(asciiWord.match(text).hasMatch());
        CHECK(text.endsWith(u'。'));
        chinese.insert(text);
    }
    CHECK(chinese.size() == english.size());

    // A failure described for the screen: the caller's sentence and the code's, never the detail.
    const Error diskFull{ErrorCode::DiskFull, QStringLiteral("write /data/recordings/x.mp4: No space left on device")};
    const auto shown = ui::ErrorText::describe(QStringLiteral("录制无法开始。"), diskFull);
    CHECK(shown.startsWith(QStringLiteral("录制无法开始。")));
    CHECK(shown.contains(ui::ErrorText::sentence(ErrorCode::DiskFull)));
    CHECK_FALSE(shown.contains(QStringLiteral("No space")));
    CHECK_FALSE(asciiWord.match(shown).hasMatch());
    CHECK(ui::ErrorText::technicalDetail(diskFull).contains(QStringLiteral("No space left on device")));
}
