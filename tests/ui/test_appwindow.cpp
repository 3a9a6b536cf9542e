// Starts the real dualrec binary on a private X server, waits for its window and photographs
// the screen. The PNGs stay under the build tree (tests/artifacts/).
#include "tests/support/imagechecks.h"
#include "tests/support/xvfbserver.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using dualrec::test::XvfbServer;

namespace {

QImage renderText(const QString &text, const QFont &font)
{
    QImage image(96, 96, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(image.rect(), Qt::AlignCenter, text);
    return image;
}

} // namespace

TEST_CASE("the app starts on a real X server and its window is photographed")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    XvfbServer x;
    INFO(x.error().toStdString());
    REQUIRE_FALSE(x.display().isEmpty());

    QTemporaryDir home;
    REQUIRE(home.isValid());
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), x.display());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(DUALREC_BINARY), {QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"),
                                              home.filePath(QStringLiteral("recordings")), QStringLiteral("--lang"), language});
    REQUIRE(app.waitForStarted(10000));

    REQUIRE(x.waitForWindow({QStringLiteral("DualRec")}, app, 30000).contains(QLatin1String("DualRec")));
    // The window is mapped; take pictures until it has been painted.
    const auto png = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("app-window-%1.png").arg(language));
    const QImage shot = dualrec::test::screenshotWhenPainted(x, png, 50);
    CHECK(app.state() == QProcess::Running); // it did not crash on start
    app.terminate();
    app.waitForFinished(10000);

    REQUIRE_FALSE(shot.isNull());
    CHECK(shot.size() == QSize(1280, 800));
    CHECK(dualrec::test::distinctColours(shot) > 50);
    CHECK(dualrec::test::dominantShare(shot) < 0.95);
    QDir home2(home.path());
    CHECK(home2.exists(QStringLiteral("recordings"))); // --data-dir was created
}

TEST_CASE("Chinese UI text renders with real glyphs / not tofu boxes")
{
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DUALREC_QM_DIR "/dualrec_zh_CN.qm")));
    const auto banner = translator.translate("dualrec::ui::MainWindow",
                                             "DualRec · recording of insurance sales, replayable and verifiable");
    REQUIRE(banner.contains(QStringLiteral("双录")));

    QFont font = QApplication::font();
    font.setPixelSize(48);
    // A code point no font has: what a missing glyph ("tofu") looks like with this font setup.
    const auto tofu = renderText(QString::fromUcs4(U"\U0010FFFD"), font);
    const auto blank = renderText(QString(), font);
    int checked = 0;
    for (const QChar character : banner) {
        if (character.script() != QChar::Script_Han)
            continue;
        INFO("character U+" << QString::number(character.unicode(), 16).toStdString());
        const auto glyph = renderText(QString(character), font);
        CHECK(glyph != tofu);
        CHECK(glyph != blank);
        ++checked;
    }
    CHECK(checked >= 8);
}
