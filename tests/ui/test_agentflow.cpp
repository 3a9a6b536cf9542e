// The agent's whole flow in process, driven only by keys and clicks: sign in, new session with
// the scope decision, every step of a recording with presence from the two-party clip, pause,
// end page with the receipt. Screenshots of every page in both languages.
#include "core/live/recordingrun.h"
#include "core/media/finalizer.h"
#include "core/vision/presencemonitor.h"
#include "ui/workflowtext.h"
#include "ui/endpage.h"
#include "ui/previewwidget.h"
#include "ui/qrcodewidget.h"

#include "core/workflow/workflowsession.h"

#include "tests/support/qrdecode.h"
#include "tests/ui/uifixture.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QProcess>
#include <QFile>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec;
using namespace std::chrono_literals;
using test::click;
using test::fillSaleForm;
using test::passPreflight;
using test::pressKey;
using test::signIn;
using test::typeText;
using test::waitUntil;

namespace {

const QString kAgentPassword = QStringLiteral("agent-pass-1");


} // namespace

TEST_CASE("an agent records a whole session from sign-in to the receipt with keys and clicks only")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    const bool english = language == QLatin1String("en");
    test::AppFixture app(language);
    app.addUser(QStringLiteral("agent01"), QStringLiteral("李娜"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();

    // Sign-in: a wrong password is refused with a message, the right one opens a new session.
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("loginPage"));
    app.screenshot(QStringLiteral("page-login-%1").arg(language));
    signIn(app, QStringLiteral("agent01"), QStringLiteral("wrong-password"));
    CHECK(app.window->currentPage()->objectName() == QLatin1String("loginPage"));
    CHECK_FALSE(app.find<QLabel>("loginMessage")->text().isEmpty());
    app.find<QLineEdit>("loginName")->clear();
    signIn(app, QStringLiteral("agent01"), kAgentPassword);
    passPreflight(app, QStringLiteral("page-preflight-%1").arg(language));
    CHECK(app.find<QLabel>("currentUser")->text().contains(QStringLiteral("李娜")));

    // New session: Start is refused with the reasons until the form is complete.
    auto *start = app.find<QPushButton>("startRecording");
    auto *reason = app.find<QLabel>("startReason");
    CHECK_FALSE(start->isEnabled());
    if (english)
        CHECK(reason->text().contains(QStringLiteral("application number")));
    else
        CHECK(reason->text().contains(QStringLiteral("投保单号")));
    const auto birth = app.clock.wallNow().date().addYears(-66).addDays(-30);
    fillSaleForm(app, QStringLiteral("AP2026112200017"), test::residentIdBornOn(birth));
    CHECK(app.find<QLabel>("policyholderAge")->text().contains(QStringLiteral("66")));
    // 66 years old, a life policy longer than a year: the national over-60 rule applies.
    CHECK(app.find<QLabel>("scopeDecision")->text().contains(QStringLiteral("60周岁")));
    REQUIRE(start->isEnabled());
    CHECK(reason->text().isEmpty());
    app.screenshot(QStringLiteral("page-new-session-%1").arg(language));
    pressKey(start, Qt::Key_Return, Qt::ControlModifier);

    // Recording page.
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    auto *session = app.window->session();
    REQUIRE(session);
    CHECK(session->state() == workflow::SessionState::Consent);
    auto *next = app.find<QPushButton>("nextStep");
    auto *nextReason = app.find<QLabel>("nextStepReason");
    auto *yes = app.find<QPushButton>("answerYes");
    auto *snapshot = app.find<QPushButton>("snapshotTaken");
    auto *banner = app.find<QLabel>("presenceBanner");
    auto *indicator = app.find<QLabel>("presenceIndicator");
    auto *teleprompter = app.find<QTextBrowser>("recordingTeleprompter");
    CHECK_FALSE(next->isEnabled());
    // Nobody is in the picture yet: a "yes" would not count, and the button says why.
    CHECK_FALSE(yes->isEnabled());
    CHECK_FALSE(yes->toolTip().isEmpty());
    CHECK(app.find<QPushButton>("answerNo")->isEnabled()); // a "no" always counts
    CHECK_FALSE(snapshot->isEnabled()); // consent needs no close-up
    CHECK(teleprompter->toPlainText().startsWith(QStringLiteral("王秀兰您好"))); // the customer's name is filled in
    if (english) {
        CHECK(nextReason->text().contains(QStringLiteral("not everyone required is in frame")));
        CHECK(nextReason->text().contains(QStringLiteral("has not answered yes")));
    } else {
        CHECK(nextReason->text().contains(QStringLiteral("画面")));
    }

    // The clip's first seconds: both are in the picture.
    test::playClip(app.feed, 0, test::clipFrameAt(4.0));
    REQUIRE(waitUntil([&] { return session->presence().agent && session->presence().policyholder; }));
    CHECK(banner->isHidden());
    CHECK(yes->isEnabled());
    CHECK(yes->toolTip().isEmpty());
    CHECK(app.find<ui::PreviewWidget>("preview")->faceCount() == 2);
    if (english)
        CHECK(indicator->text().contains(QStringLiteral("both in the picture")));

    // Clicking a disabled Next does nothing; the reason stays.
    click(next);
    CHECK(session->currentStep() == 0);

    // Consent: the customer says yes (Alt+Y), the step runs its minimum time, Ctrl+Enter moves on.
    pressKey(yes, Qt::Key_Y, Qt::AltModifier);
    CHECK(session->stepRun(0).answer == workflow::Answer::Yes);
    CHECK_FALSE(next->isEnabled()); // 10 s not run yet
    app.screenshot(QStringLiteral("page-recording-%1").arg(language));

    const auto &steps = session->plan().steps();
    bool sawPresenceWarning = false;
    bool paused = false;
    for (qsizetype index = 0; index < steps.size(); ++index) {
        INFO("step " << index << " " << steps.at(index).id.toStdString());
        REQUIRE(session->currentStep() == index);
        const auto &requirements = steps.at(index).definition.requirements;
        CHECK(yes->isEnabled() == requirements.answerRequired);
        if (requirements.closeUp == workflow::CloseUp::None)
            CHECK_FALSE(snapshot->isEnabled()); // enabled on a close-up step while both are in the picture (below)
        if (requirements.answerRequired && session->stepRun(index).answer != workflow::Answer::Yes)
            pressKey(yes, Qt::Key_Y, Qt::AltModifier);
        if (requirements.closeUp != workflow::CloseUp::None) {
            CHECK_FALSE(next->isEnabled());
            // The close-up counts only while both are in the picture: on a loaded machine the
            // guard may still be catching up on a check that missed a face.
            REQUIRE(waitUntil([&] { return snapshot->isEnabled(); }, 15000));
            pressKey(snapshot, Qt::Key_T, Qt::AltModifier);
            CHECK(session->stepRun(index).snapshots == 1);
        }

        if (index == 4) {
            // The customer leaves the picture (clip 7.5 s - 11.5 s): the banner says so in big
            // words, the step's clock stops and Next is refused for presence.
            app.clock.advance(3s);
            test::playClip(app.feed, test::clipFrameAt(4.0), test::clipFrameAt(10.5));
            REQUIRE(waitUntil([&] { return banner->isVisible(); }));
            sawPresenceWarning = true;
            if (english)
                CHECK(banner->text().contains(QStringLiteral("customer is not in the picture")));
            else
                CHECK(banner->text().contains(QStringLiteral("客户不在画面中")));
            app.clock.advance(20s);
            REQUIRE(waitUntil([&] { return session->unmetRequirements().contains(workflow::UnmetRequirement::Presence); }));
            CHECK_FALSE(next->isEnabled());
            if (english)
                CHECK(nextReason->text().contains(QStringLiteral("not everyone required is in frame")));
            app.screenshot(QStringLiteral("page-recording-presence-warning-%1").arg(language));
            test::playClip(app.feed, test::clipFrameAt(10.5), test::clipFrameAt(20.0));
            REQUIRE(waitUntil([&] { return banner->isHidden(); }));
        }
        if (index == 6 && !paused) {
            // Pause (F9): nothing can be completed; resume (F9) again.
            pressKey(next, Qt::Key_F9);
            CHECK(session->state() == workflow::SessionState::Paused);
            CHECK_FALSE(next->isEnabled());
            CHECK_FALSE(yes->isEnabled());
            if (english)
                CHECK(nextReason->text().contains(QStringLiteral("paused")));
            pressKey(next, Qt::Key_F9);
            CHECK(session->state() == workflow::SessionState::Steps);
            paused = true;
        }

        app.clock.advance(requirements.minDuration + 1s);
        REQUIRE(waitUntil([&] { return next->isEnabled(); }));
        pressKey(next, Qt::Key_Return, Qt::ControlModifier);
    }
    CHECK(sawPresenceWarning);

    // End page.
    REQUIRE(waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }));
    CHECK(session->state() == workflow::SessionState::Finished);
    auto *summary = app.find<QTableWidget>("stepSummary");
    CHECK(summary->rowCount() == steps.size());
    CHECK(session->stepRun(4).violationTime >= 20s);
    auto *qr = app.find<ui::QrCodeWidget>("receiptQr");
    CHECK(qr->modules() >= 21);
    // The receipt a phone reads: text in the customer's language, no ids.
    const auto scanned = test::decodeQr(qr->grab().toImage());
    INFO(scanned.toStdString());
    CHECK(scanned == qr->payload());
    CHECK(scanned.contains(QStringLiteral("华安示范人寿保险股份有限公司")));
    CHECK_FALSE(scanned.contains(session->id().toString()));
    CHECK(scanned.contains(english ? QStringLiteral("Check code: none") : QStringLiteral("校验码：无")));
    if (english)
        CHECK(app.find<QLabel>("recordingLocation")->text().contains(QStringLiteral("No finalized recording file")));
    // The QC verdict is on the page, in the page's language, and in the journal.
    const auto qcStored = app.journal->sessions().find(session->id());
    REQUIRE(qcStored.has_value());
    CHECK((*qcStored)->qcVerdict != storage::StoredVerdict::Pending);
    CHECK_FALSE(app.find<QLabel>("endQc")->text().isEmpty());
    CHECK(app.find<QLabel>("endQc")->text().contains(english ? QStringLiteral("Quality check") : QStringLiteral("质检")));
    app.screenshot(QStringLiteral("page-end-%1").arg(language));

    // Everything is in the journal: the session, every event, and the audit trail.
    auto record = app.journal->sessions().find(session->id());
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    CHECK((*record)->state == workflow::SessionState::Finished);
    CHECK((*record)->agentId == QLatin1String("agent01"));
    CHECK((*record)->customer->name == QStringLiteral("王秀兰"));
    CHECK((*record)->scopeRequired);
    auto events = app.journal->sessions().events(session->id());
    REQUIRE(events.has_value());
    CHECK(events->size() == session->events().size());
    auto audit = app.journal->audit().entries();
    REQUIRE(audit.has_value());
    QStringList actions;
    for (const auto &entry : *audit)
        actions.append(entry.action + u':' + entry.detail);
    CHECK(actions.contains(QStringLiteral("login:rejected")));
    CHECK(actions.contains(QStringLiteral("login:accepted")));
    CHECK(std::count_if(audit->cbegin(), audit->cend(), [](const auto &e) { return e.action == QLatin1String("session-start"); }) == 1);
    CHECK(actions.contains(QStringLiteral("session-stop:state=finished")));
    CHECK(app.journal->audit().verify()->intact);

    // "New recording" checks again and starts over with an empty form.
    click(app.find<QPushButton>("newSession"));
    passPreflight(app);
    CHECK(app.window->currentPage()->objectName() == QLatin1String("newSessionPage"));
    CHECK(app.find<QLineEdit>("applicationNo")->text().isEmpty());
}

TEST_CASE("an agent aborts a recording with a reason and the customer can refuse consent")
{
    test::AppFixture app(QStringLiteral("en"));
    app.addUser(QStringLiteral("agent02"), QStringLiteral("Agent Two"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();
    signIn(app, QStringLiteral("agent02"), kAgentPassword);
    passPreflight(app);
    fillSaleForm(app, QStringLiteral("AP-ABORT-1"), test::residentIdBornOn(QDate(1990, 5, 17)));
    // 36 years old, agency channel, traditional life: no national rule requires it; the page
    // says so and still lets the agent record.
    CHECK(app.find<QLabel>("scopeDecision")->text().contains(QStringLiteral("No rule requires")));
    // The rule set by its title, as people call it; its id is for IT, in the tooltip.
    CHECK(app.find<QLabel>("scopeDecision")->text().contains(QStringLiteral("全国：保险销售行为可回溯")));
    CHECK_FALSE(app.find<QLabel>("scopeDecision")->text().contains(QStringLiteral("cn-national@")));
    CHECK(app.find<QLabel>("scopeDecision")->toolTip().contains(QStringLiteral("cn-national@2017-11-01")));
    click(app.find<QPushButton>("startRecording"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    auto *session = app.window->session();

    // Navigation is locked while recording.
    CHECK_FALSE(app.find<QPushButton>("navLogout")->isEnabled());
    CHECK_FALSE(app.find<QPushButton>("navNewSession")->isEnabled());

    click(app.find<QPushButton>("abortSession"));
    auto *confirm = app.find<QPushButton>("confirmAbort");
    REQUIRE(confirm->isVisible());
    CHECK_FALSE(confirm->isEnabled()); // no reason yet
    auto *reason = app.find<QComboBox>("abortReason");
    REQUIRE(reason->hasFocus());
    typeText(reason, QStringLiteral("power cut"));
    CHECK(confirm->isEnabled());
    app.screenshot(QStringLiteral("page-recording-abort-en"));
    const auto firstId = session->id();
    click(confirm);
    CHECK(session->state() == workflow::SessionState::Aborted);
    REQUIRE(waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 30000));
    const auto events = app.journal->sessions().events(session->id());
    REQUIRE(events.has_value());
    CHECK(events->last().detail == QStringLiteral("other: power cut"));
    CHECK(app.find<QPushButton>("navLogout")->isEnabled());

    // A second session: the customer says no to being recorded.
    click(app.find<QPushButton>("newSession"));
    passPreflight(app);
    fillSaleForm(app, QStringLiteral("AP-REFUSE-1"), test::residentIdBornOn(QDate(1950, 1, 2)));
    click(app.find<QPushButton>("startRecording"));
    auto *second = app.window->session();
    REQUIRE(second->id() != firstId);
    // The answer counts once the recording runs (opening it may take seconds on a busy machine).
    auto *no = app.find<QPushButton>("answerNo");
    REQUIRE(waitUntil([&] { return no->isEnabled(); }, 30000));
    pressKey(no, Qt::Key_N, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return second->state() == workflow::SessionState::Refused; }, 30000));
    REQUIRE(waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 30000));
    CHECK(app.find<QLabel>("endOutcome")->text().contains(QStringLiteral("declined")));
}

TEST_CASE("without a video source the pre-flight check refuses to start with the reason")
{
    test::AppFixture app(QStringLiteral("en"), false);
    const test::Language catalogue(QStringLiteral("en"));
    app.addUser(QStringLiteral("agent03"), QStringLiteral("Agent Three"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();
    signIn(app, QStringLiteral("agent03"), kAgentPassword);
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
    auto *go = app.find<QPushButton>("preflightContinue");
    CHECK_FALSE(go->isEnabled());
    CHECK(app.find<QLabel>("preflightReason")->text().contains(QStringLiteral("No video source is connected")));
    app.screenshot(QStringLiteral("page-preflight-refused-en"));
    pressKey(go, Qt::Key_Return, Qt::ControlModifier);
    click(go);
    CHECK(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
}

TEST_CASE("one flash frame does not fail the pre-flight light check; a covered lens for over a second does, saying what it is")
{
    test::AppFixture app(QStringLiteral("en"));
    const test::Language catalogue(QStringLiteral("en"));
    app.addUser(QStringLiteral("agent06"), QStringLiteral("Agent Six"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();
    signIn(app, QStringLiteral("agent06"), kAgentPassword);
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
    auto *go = app.find<QPushButton>("preflightContinue");
    auto *list = app.find<QLabel>("preflightList");
    // Half a second of the clip, then the demo source's flash: one white, uniform frame.
    test::playClip(app.feed, 0, 8);
    Q_EMIT app.feed.audioLevel(-18.0);
    vision::PresenceCheck flash;
    flash.timestamp = test::twoPartyClip()[8].check.timestamp;
    flash.blocked = vision::BlockedReason::Uniform;
    flash.meanLuma = 255;
    Q_EMIT app.feed.checked(flash);
    test::settle();
    REQUIRE(test::waitUntil([&] { return go->isEnabled(); }));
    CHECK_FALSE(list->text().contains(QStringLiteral("too dark")));

    // A lens covered with something white for 1.5 s: refused, and not called "too dark".
    for (int i = 1; i <= 12; ++i) {
        vision::PresenceCheck covered = flash;
        covered.timestamp = flash.timestamp + std::chrono::milliseconds(125) * i;
        Q_EMIT app.feed.checked(covered);
    }
    REQUIRE(test::waitUntil([&] { return !go->isEnabled(); }));
    INFO(list->text().toStdString());
    CHECK(list->text().contains(QStringLiteral("no usable picture")));
    CHECK_FALSE(list->text().contains(QStringLiteral("too dark")));
}

TEST_CASE("the elder-friendly mode makes the teleprompter text bigger")
{
    test::AppFixture app(QStringLiteral("zh_CN"));
    app.addUser(QStringLiteral("agent04"), QStringLiteral("Agent Four"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();
    signIn(app, QStringLiteral("agent04"), kAgentPassword);
    passPreflight(app);
    fillSaleForm(app, QStringLiteral("AP-ELDER"), test::residentIdBornOn(QDate(1940, 1, 2)));
    click(app.find<QPushButton>("startRecording"));
    auto *teleprompter = app.find<QTextBrowser>("recordingTeleprompter");
    const auto normal = teleprompter->font().pointSizeF();
    pressKey(teleprompter, Qt::Key_E, Qt::AltModifier);
    CHECK(app.find<QCheckBox>("elderMode")->isChecked());
    CHECK(teleprompter->font().pointSizeF() > normal * 1.3);
}

TEST_CASE("the close-up button says what it does")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    app.addUser(QStringLiteral("agent08"), QStringLiteral("Agent Eight"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();
    signIn(app, QStringLiteral("agent08"), kAgentPassword);
    passPreflight(app);
    fillSaleForm(app, QStringLiteral("AP-CLOSEUP"), test::residentIdBornOn(QDate(1940, 1, 2)));
    click(app.find<QPushButton>("startRecording"));
    // An action to take, not a state ("已截图" read as "a snapshot has been taken").
    CHECK(app.find<QPushButton>("snapshotTaken")->text() == QStringLiteral("拍摄特写(&T)"));
    CHECK(app.find<QPushButton>("snapshotTaken")->accessibleName() == QStringLiteral("拍摄特写"));
}

TEST_CASE("the window records the clip through the real pipeline and warns while the customer is away")
{
    // The real thing end to end: the shared two-party clip plays in real time (looping) as the
    // camera, YuNet checks it, the recorder encodes it; the customer leaves the picture 8.5 s
    // into every 20 s pass.
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
    app.addUser(QStringLiteral("agent07"), QStringLiteral("Agent Seven"), storage::UserRole::Agent, kAgentPassword);
    // The shared clip has no sound; a camera has a microphone: add a quiet tone (video copied).
    const auto clip = app.cameraClipWithTone(0.3);
    app.startLiveCapture(clip);
    app.openWindow();
    signIn(app, QStringLiteral("agent07"), kAgentPassword);

    // Pre-flight judges the live picture, sound and light; it passes once they arrived.
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
    auto *go = app.find<QPushButton>("preflightContinue");
    REQUIRE(test::waitUntil([&] { return go->isEnabled(); }, 20000));
    CHECK(app.find<QProgressBar>("preflightMicrophoneMeter")->isVisible());
    CHECK_FALSE(app.window->findChild<ui::PreviewWidget *>(QStringLiteral("preflightPreview"))->frame().isNull());
    app.screenshot(QStringLiteral("page-preflight-live-zh_CN"));
    pressKey(go, Qt::Key_Return, Qt::ControlModifier);
    fillSaleForm(app, QStringLiteral("AP-LIVE-1"), test::residentIdBornOn(QDate(1990, 5, 17)));
    click(app.find<QPushButton>("startRecording"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    REQUIRE(app.window->recordingRun() != nullptr);
    auto *session = app.window->session();
    const auto id = session->id();

    // The preview shows the camera with the guard's face boxes.
    auto *preview = app.window->findChild<ui::PreviewWidget *>(QStringLiteral("preview"));
    REQUIRE(test::waitUntil([&] { return !preview->frame().isNull() && preview->faceCount() == 2; }, 10000));

    // The customer walks out: the red banner says so and the step cannot be completed.
    auto *banner = app.find<QLabel>("presenceBanner");
    const auto customerMissing = [&] {
        return app.window->presenceMonitor()->policy().problem() == vision::PresenceProblem::CustomerMissing;
    };
    REQUIRE(test::waitUntil(customerMissing, 30000));
    test::settle();
    CHECK(banner->isVisible());
    CHECK(banner->text() == ui::WorkflowText::presenceProblem(vision::PresenceProblem::CustomerMissing));
    CHECK_FALSE(app.find<QPushButton>("nextStep")->isEnabled());
    CHECK_FALSE(app.find<QLabel>("nextStepReason")->text().isEmpty());
    app.screenshot(QStringLiteral("page-recording-live-absent-zh_CN"));
    // ... and comes back: the banner goes.
    REQUIRE(test::waitUntil([&] { return !customerMissing(); }, 15000));
    test::settle();
    CHECK_FALSE(banner->isVisible());



    click(app.find<QPushButton>("abortSession"));
    auto *reason = app.find<QComboBox>("abortReason");
    typeText(reason, QStringLiteral("customer asked to stop"));
    click(app.find<QPushButton>("confirmAbort"));
    // The file is finalized in the background; until then the navigation stays locked.
    if (app.window->currentPage()->objectName() == QLatin1String("recordingPage"))
        CHECK_FALSE(app.find<QPushButton>("navNewSession")->isEnabled());
    REQUIRE(test::waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 30000));
    CHECK(app.window->recordingRun() == nullptr);
    CHECK(app.find<QPushButton>("navNewSession")->isEnabled());

    // The finalized recording is in the journal with its SHA-256, which the receipt shows.
    auto files = app.journal->sessions().mediaFiles(id);
    REQUIRE(files.has_value());
    std::optional<storage::MediaFile> recording;
    bool sidecar = false;
    for (const auto &file : *files) {
        if (file.role == storage::MediaRole::Recording)
            recording = file;
        sidecar = sidecar || file.role == storage::MediaRole::Sidecar;
    }
    REQUIRE(recording.has_value());
    CHECK(sidecar);
    // The journal, and so the receipt, keep the digest of the recording's content (decrypted):
    // the one the sealed manifest carries and the insurer can compute.
    QTemporaryDir decrypted;
    QFile file(test::decryptTo(recording->path, *app.keys, decrypted.filePath(QStringLiteral("plain.mp4"))));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    REQUIRE(hash.addData(&file));
    CHECK(recording->sha256 == QString::fromLatin1(hash.result().toHex()));
    CHECK(recording->path.startsWith(QDir(app.directory.path()).absoluteFilePath(QStringLiteral("recordings"))));
    // The receipt carries the check code (4+4 hex of the SHA-256); the whole digest is in the tooltip.
    CHECK(app.find<QLabel>("receiptText")->toolTip().contains(recording->sha256));
    const QString code = recording->sha256.left(4) + u'-' + recording->sha256.mid(4, 4);
    CHECK(app.find<QLabel>("receiptText")->text().contains(code));
    const auto scanned = test::decodeQr(app.find<ui::QrCodeWidget>("receiptQr")->grab().toImage());
    INFO(scanned.toStdString());
    CHECK(scanned.contains(QStringLiteral("校验码：") + code));
    CHECK(app.find<QLabel>("recordingLocation")->text().contains(QDir::toNativeSeparators(recording->path)));
    // Its chapters are the session's steps (the consent step at least).
    // Encrypted at rest, read in memory with the data folder's key.
    CHECK(seal::looksEncrypted(recording->path));
    CHECK(media::readChapters(recording->path).error().code == ErrorCode::InvalidState); // no key: no reading
    const auto chapters = media::readChapters(recording->path, app.keys.get());
    REQUIRE(chapters.has_value());
    REQUIRE_FALSE(chapters->isEmpty());
    CHECK(chapters->first().title == session->plan().steps().first().definition.title);
    // The guard's timeline went into the journal: a run with the agent and without the customer.
    const auto runs = app.journal->sessions().presenceRuns(id);
    REQUIRE(runs.has_value());
    CHECK(std::any_of(runs->cbegin(), runs->cend(), [](const storage::PresenceRun &run) { return run.agent && !run.customer; }));
    CHECK(std::any_of(runs->cbegin(), runs->cend(), [](const storage::PresenceRun &run) { return run.agent && run.customer; }));
    // The verdict from this real recording: the customer's absence (a step that needs both)
    // fails it (its tone is sound enough: no sound reason); journaled and said on the page in Chinese.
    const auto verdicts = app.journal->qc().verdicts(id);
    REQUIRE(verdicts.has_value());
    REQUIRE(verdicts->size() == 1);
    CHECK(verdicts->first().verdict == storage::StoredVerdict::Fail);
    const auto hasReason = [&](const char *kind) {
        return std::any_of(verdicts->first().reasons.cbegin(), verdicts->first().reasons.cend(),
                           [&](const storage::QcReasonRecord &found) { return found.kind == QLatin1String(kind); });
    };
    CHECK(hasReason("presence_missing"));
    CHECK_FALSE(hasReason("audio_missing"));
    CHECK_FALSE(hasReason("audio_clipped"));
    CHECK(app.journal->sessions().find(id).value()->qcVerdict == storage::StoredVerdict::Fail);
    const auto qcText = app.find<QLabel>("endQc")->text();
    INFO(qcText.toStdString());
    CHECK(qcText.contains(QStringLiteral("质检不通过")));
    CHECK(qcText.contains(QStringLiteral("不在画面中")));
    app.screenshot(QStringLiteral("page-end-live-zh_CN"));
}
