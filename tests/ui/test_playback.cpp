// Playback in the supervisor's history: a real recording made by `dualrec record` (real
// capture pipeline, real FFmpeg, real journal), played with Qt Multimedia, its steps as
// chapters, jumps by keyboard and mouse, the audit entry, and a file that went missing.
#include "ui/historypage.h"
#include "ui/playbackwidget.h"

#include "core/workflow/sessiontimeline.h"

#include "tests/support/demorecording.h"
#include "tests/support/mediatools.h"
#include "tests/ui/uifixture.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QTableWidget>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

/// Keyframes are a second apart; the backend may land a seek on one. Generous on purpose.
constexpr milliseconds kSeekTolerance{400};

/// The shipped traditional-life script with steps of 1-2 s, so that a few seconds of recording
/// hold several chapters.
QString writeShortTemplate(const QString &folder)
{
    QFile shipped(QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts/traditional-life.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    auto root = QJsonDocument::fromJson(shipped.readAll()).object();
    root[QStringLiteral("id")] = QStringLiteral("playback-test");
    auto steps = root.value(QStringLiteral("steps")).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        auto step = steps.at(i).toObject();
        auto requirements = step.value(QStringLiteral("requires")).toObject();
        requirements[QStringLiteral("min_duration_s")] = i == 0 ? 1 : 2;
        step[QStringLiteral("requires")] = requirements;
        steps[i] = step;
    }
    root[QStringLiteral("steps")] = steps;
    REQUIRE(QDir().mkpath(folder));
    QFile out(QDir(folder).filePath(QStringLiteral("playback-test.json")));
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    return folder;
}

/// Runs `dualrec record` with the demo source in real time into the fixture's data folder
/// (the same journal the window reads). Returns the finalized recording's path.
QString recordDemo(const test::AppFixture &app)
{
    test::DemoRecording how;
    how.applicationNo = QStringLiteral("PB-1");
    how.agent = QStringLiteral("A-9");
    how.templateId = QStringLiteral("playback-test");
    how.size = QStringLiteral("640x360");
    how.seconds = 7;
    how.fast = false;
    how.extra = {QStringLiteral("--templates"), writeShortTemplate(app.directory.filePath(QStringLiteral("templates")))};
    return test::recordDemo(app.directory.path(), how).recording;
}

int rowOf(QTableWidget *table, const QString &application)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 1)->text() == application)
            return row;
    }
    return -1;
}

QString minutesSeconds(milliseconds at)
{
    const auto total = at.count() / 1000;
    return QStringLiteral("%1:%2").arg(total / 60, 2, 10, QLatin1Char('0')).arg(total % 60, 2, 10, QLatin1Char('0'));
}

/// The video is drawn by a native child surface that QWidget::grab() does not see: the picture
/// the player decoded last is painted over its place, so the screenshot shows what is on screen.
void screenshotWithVideo(const test::AppFixture &app, const QString &name)
{
    test::settle();
    auto image = app.window->grab().toImage();
    auto *video = app.find<QVideoWidget>("playbackVideo");
    const auto frame = video->videoSink()->videoFrame().toImage();
    if (!frame.isNull()) {
        QPainter painter(&image);
        const QRect area(video->mapTo(app.window.get(), QPoint(0, 0)) * image.devicePixelRatio(),
                         video->size() * image.devicePixelRatio());
        painter.fillRect(area, Qt::black);
        const auto scaled = frame.scaled(area.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        painter.drawImage(area.topLeft() + QPoint((area.width() - scaled.width()) / 2, (area.height() - scaled.height()) / 2), scaled);
    }
    const auto path = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(name + QStringLiteral(".png"));
    REQUIRE(image.save(path));
}

} // namespace

TEST_CASE("a supervisor plays a real recording and jumps between its steps")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    test::AppFixture app(language);
    const auto recording = recordDemo(app);
    // The window knows the test's script too, as the app would with --templates.
    app.library = workflow::TemplateLibrary::loadDirectories({QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"),
                                                              QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules"),
                                                              app.directory.filePath(QStringLiteral("templates"))});
    REQUIRE(app.library.plan(QStringLiteral("playback-test")).has_value());
    const auto pristine = app.directory.filePath(QStringLiteral("pristine-copy.mp4"));
    REQUIRE(QFile::copy(recording, pristine));

    // A second session without any recording, to switch to and back.
    storage::SessionRecord plain;
    plain.id = workflow::SessionId::generate();
    plain.applicationNo = QStringLiteral("PB-NONE");
    plain.agentId = QStringLiteral("A-9");
    plain.templateId = QStringLiteral("traditional-life");
    plain.state = workflow::SessionState::Aborted;
    plain.createdAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    REQUIRE(app.journal->sessions().create(plain).has_value());

    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("chief-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("historyPage"));
    auto *table = app.find<QTableWidget>("historyTable");
    auto *playback = app.find<ui::PlaybackWidget>("historyPlayback");
    auto *chapterList = app.find<QListWidget>("playbackChapters");
    auto *playPause = app.find<QPushButton>("playbackPlayPause");
    const int recordedRow = rowOf(table, QStringLiteral("PB-1"));
    const int plainRow = rowOf(table, QStringLiteral("PB-NONE"));
    REQUIRE(recordedRow >= 0);
    REQUIRE(plainRow >= 0);
    // The session id is for IT: in the row's tooltip ("Session <id>").
    const auto idMatch = QRegularExpression(QStringLiteral("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"))
                             .match(table->item(recordedRow, 1)->toolTip());
    REQUIRE(idMatch.hasMatch());
    const auto sessionId = workflow::SessionId::fromString(idMatch.captured());

    // No recording registered: said so, nothing to press.
    table->setCurrentCell(plainRow, 0);
    app.awaitHistory();
    CHECK(playback->source().isEmpty());
    CHECK_FALSE(playback->problem().isEmpty());
    CHECK_FALSE(playPause->isEnabled());

    table->setCurrentCell(recordedRow, 0);
    app.awaitHistory();
    REQUIRE(playback->source() == recording);
    CHECK(playback->problem().isEmpty());

    // The chapters are the journal's step starts, which are also the chapter marks the
    // recorder embedded in the MP4 (read back with ffprobe, an independent reader): the same
    // timeline zero.
    const auto events = app.journal->sessions().events(sessionId);
    REQUIRE(events.has_value());
    const auto timeline = workflow::buildSessionTimeline(*events);
    const auto &chapters = playback->chapters();
    REQUIRE(chapters.size() >= 3);
    REQUIRE(chapters.size() == timeline.chapters.size());
    REQUIRE(chapterList->count() == chapters.size());
    // Encrypted at rest: the player reads it through a decrypting device; ffprobe gets a copy
    // decrypted into the test's own folder.
    CHECK(seal::looksEncrypted(recording));
    CHECK_FALSE(test::startsLikePlainMedia(recording));
    const QTemporaryDir decrypted;
    const auto embedded =
        test::probe(test::decryptTo(recording, *app.keys, decrypted.filePath(QStringLiteral("plain.mp4")))).value(QStringLiteral("chapters")).toArray();
    REQUIRE(embedded.size() == chapters.size());
    for (qsizetype i = 0; i < chapters.size(); ++i) {
        INFO("chapter " << i);
        CHECK(chapters.at(i).start == duration_cast<milliseconds>(timeline.chapters.at(i).start));
        const auto mp4Start = milliseconds(qRound64(embedded.at(i).toObject().value(QStringLiteral("start_time")).toString().toDouble() * 1000));
        // The MP4's first chapter is stretched back to the file's start; the first step itself
        // starts a few ms after the session is created (over 100 ms on a loaded machine, so the
        // bound only keeps it well inside the first step, which lasts at least 10 s).
        CHECK(std::chrono::abs(chapters.at(i).start - mp4Start) <= (i == 0 ? 1000ms : 1ms));
        CHECK(chapterList->item(int(i))->text().startsWith(minutesSeconds(chapters.at(i).start)));
        CHECK(chapterList->item(int(i))->text().contains(embedded.at(i).toObject().value(QStringLiteral("tags")).toObject().value(QStringLiteral("title")).toString()));
    }
    CHECK(chapters.at(1).start >= 900ms); // the first step lasts at least its 1 s
    CHECK(chapters.at(2).start - chapters.at(1).start >= 1900ms);

    REQUIRE(test::waitUntil([&] { return playback->isLoaded() && playback->duration() >= 6s; }, 20000));
    REQUIRE(test::waitUntil([&] { return playback->digestCheck() == ui::DigestCheck::Matches; }, 20000));
    CHECK(playPause->isEnabled());
    CHECK_FALSE(playback->isPlaying());

    auto playbackStarts = [&] {
        const auto audit = app.journal->audit().entries();
        REQUIRE(audit.has_value());
        return std::count_if(audit->cbegin(), audit->cend(), [&](const storage::AuditEntry &entry) {
            return entry.action == QLatin1String("playback-start") && entry.subject == sessionId.toString()
                   && entry.actor == QLatin1String("chief") && entry.detail == recording;
        });
    };
    CHECK(playbackStarts() == 0);

    // Keyboard: into the chapter list, down to the second step, Enter. Paused stays paused.
    chapterList->setFocus();
    chapterList->setCurrentRow(0);
    test::pressKey(chapterList, Qt::Key_Down);
    test::pressKey(chapterList, Qt::Key_Return);
    const auto second = chapters.at(1).start;
    CHECK(test::waitUntil([&] { return std::chrono::abs(playback->position() - second) <= kSeekTolerance; }));
    CHECK(playback->currentChapter() == 1);
    CHECK(chapterList->item(1)->font().bold());
    CHECK_FALSE(chapterList->item(0)->font().bold());
    CHECK_FALSE(playback->isPlaying());
    CHECK(playbackStarts() == 0); // looking for a place is not watching

    // Play: the position runs on from the chapter, and the start is audited once.
    test::click(playPause);
    REQUIRE(test::waitUntil([&] { return playback->isPlaying() && playback->position() >= second + 300ms; }, 10000));
    CHECK(test::waitUntil([&] { return playbackStarts() == 1; }, 20000)); // written by the history's worker
    CHECK(test::waitUntil([&] { return playback->hasPicture(); }));

    // Mouse, while playing: a click on the third step jumps there and the highlight follows.
    const auto third = chapters.at(2).start;
    auto *thirdItem = chapterList->item(2);
    const auto at = chapterList->visualItemRect(thirdItem).center();
    auto *window = test::windowOf(chapterList);
    const QPointF local = chapterList->viewport()->mapTo(chapterList->window(), at);
    const QPointF global = chapterList->viewport()->mapToGlobal(at);
    qt_handleMouseEvent(window, local, global, Qt::LeftButton, Qt::LeftButton, QEvent::MouseButtonPress, Qt::NoModifier, 0);
    qt_handleMouseEvent(window, local, global, Qt::NoButton, Qt::LeftButton, QEvent::MouseButtonRelease, Qt::NoModifier, 0);
    CHECK(test::waitUntil([&] { return playback->position() >= third - kSeekTolerance && playback->position() < third + 1500ms; }));
    CHECK(test::waitUntil([&] { return playback->currentChapter() == 2; }));
    CHECK(chapterList->item(2)->font().bold());
    CHECK_FALSE(chapterList->item(1)->font().bold());
    CHECK(playback->isPlaying());

    // Pause for a steady picture, then photograph the page.
    test::click(playPause);
    REQUIRE(test::waitUntil([&] { return !playback->isPlaying(); }));
    CHECK(app.find<QLabel>("playbackTime")->text().contains(minutesSeconds(playback->duration())));
    screenshotWithVideo(app, QStringLiteral("page-history-playback-%1").arg(language));
    CHECK(playbackStarts() == 1); // one start per load, not per resume

    // The position slider by keyboard: Home to the start, then one step (1 s) to the right.
    auto *slider = app.find<QSlider>("playbackPosition");
    slider->setFocus();
    test::pressKey(slider, Qt::Key_Home);
    CHECK(test::waitUntil([&] { return playback->position() <= kSeekTolerance; }));
    CHECK(playback->currentChapter() == 0);
    test::pressKey(slider, Qt::Key_Right);
    CHECK(test::waitUntil([&] { return std::chrono::abs(playback->position() - 1s) <= kSeekTolerance; }));
    CHECK_FALSE(playback->isPlaying());

    // The file disappears: reselecting the session says which file is missing, and nothing plays.
    table->setCurrentCell(plainRow, 0);
    app.awaitHistory();
    const auto moved = recording + QStringLiteral(".moved");
    REQUIRE(QFile::rename(recording, moved));
    table->setCurrentCell(recordedRow, 0);
    app.awaitHistory();
    CHECK(playback->problem().contains(QDir::toNativeSeparators(recording)));
    CHECK(app.find<QLabel>("playbackProblem")->isVisible());
    CHECK_FALSE(playPause->isEnabled());
    test::click(playPause);
    CHECK_FALSE(playback->isPlaying());
    CHECK(playbackStarts() == 1);

    // Back in place but altered after the recording: the encrypted file's authentication
    // refuses it (nothing altered is played), the pane names the file, and the digest says it changed.
    REQUIRE(QFile::rename(moved, recording));
    {
        QFile file(recording);
        REQUIRE(file.open(QIODevice::Append));
        file.write("tampered");
    }
    table->setCurrentCell(plainRow, 0);
    app.awaitHistory();
    table->setCurrentCell(recordedRow, 0);
    app.awaitHistory();
    CHECK(playback->problem().contains(QDir::toNativeSeparators(recording)));
    CHECK_FALSE(playPause->isEnabled());
    CHECK(test::waitUntil([&] { return playback->digestCheck() == ui::DigestCheck::Differs; }, 20000));

    // Not a recording any more at all: the player's refusal is shown with the path.
    {
        QFile file(recording);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(64 * 1024, 'x'));
    }
    table->setCurrentCell(plainRow, 0);
    app.awaitHistory();
    table->setCurrentCell(recordedRow, 0);
    app.awaitHistory();
    CHECK(test::waitUntil([&] { return playback->problem().contains(QDir::toNativeSeparators(recording)); }, 20000));
    CHECK_FALSE(playPause->isEnabled());
    CHECK(playbackStarts() == 1);

    // A recording that was never finalized has only its fragmented file (no digest yet): it
    // plays, and the pane says there was nothing to compare.
    REQUIRE(app.journal->sessions()
                .addMediaFile(plain.id, {storage::MediaRole::RecordingFragmented, pristine, QFileInfo(pristine).size(), QString(),
                                         QDateTime::currentDateTimeUtc()})
                .has_value());
    table->setCurrentCell(recordedRow, 0);
    app.awaitHistory();
    table->setCurrentCell(plainRow, 0);
    app.awaitHistory();
    CHECK(playback->source() == pristine);
    CHECK(playback->problem().isEmpty());
    CHECK(playback->digestCheck() == ui::DigestCheck::NotChecked);
    CHECK(test::waitUntil([&] { return playback->isLoaded() && playback->duration() >= 6s; }, 20000));
}
