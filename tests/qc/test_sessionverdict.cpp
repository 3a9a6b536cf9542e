// The verdict computed when a session ends (live::SessionController), from real recordings:
// the demo source with its tone passes, with silence the sound is missing, with an overdriven
// tone it is clipped, and a source that stops delivering leaves a recording gap. Each verdict
// is journaled (qc_verdicts with its reasons, sessions.qc_verdict).
#include "core/capture/syntheticsource.h"
#include "core/live/sessioncontroller.h"
#include "core/workflow/templatelibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

/// The shipped traditional-life template with every minimum time 0, so a test walks it at once.
workflow::ScriptPlan quickPlan(const QString &folder)
{
    QFile shipped(QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts/traditional-life.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    auto root = QJsonDocument::fromJson(shipped.readAll()).object();
    auto steps = root.value(QStringLiteral("steps")).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        auto step = steps.at(i).toObject();
        auto requirements = step.value(QStringLiteral("requires")).toObject();
        requirements[QStringLiteral("min_duration_s")] = 0;
        step[QStringLiteral("requires")] = requirements;
        step.remove(QStringLiteral("audio"));
        steps[i] = step;
    }
    root[QStringLiteral("steps")] = steps;
    const auto path = QDir(folder).filePath(QStringLiteral("traditional-life.json"));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();
    const auto library = workflow::TemplateLibrary::loadFiles({path});
    const std::string problems = library.diagnostics().isEmpty() ? std::string() : library.diagnostics().first().toString().toStdString();
    INFO(problems);
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    return *plan;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

/// Passes a source's media on, except video and sound between `from` and `to` after its origin
/// (a camera and microphone that stop delivering without saying so).
class HoleSink final : public capture::CaptureSink
{
public:
    HoleSink(std::chrono::nanoseconds origin, std::chrono::milliseconds from, std::chrono::milliseconds to)
        : m_origin(origin), m_from(from), m_to(to)
    {
    }
    capture::CaptureSink *next = nullptr;
    void deliverVideo(capture::VideoFrame frame) override
    {
        if (!inHole(frame.timestamp))
            next->deliverVideo(std::move(frame));
    }
    void deliverAudio(capture::AudioChunk chunk) override
    {
        if (!inHole(chunk.timestamp))
            next->deliverAudio(std::move(chunk));
    }
    void deliverEvent(capture::SourceEvent event) override { next->deliverEvent(std::move(event)); }
    void awaitCapacity(const std::stop_token &stop) override { next->awaitCapacity(stop); }

private:
    bool inHole(std::chrono::nanoseconds at) const { return at - m_origin >= m_from && at - m_origin < m_to; }
    std::chrono::nanoseconds m_origin;
    std::chrono::milliseconds m_from;
    std::chrono::milliseconds m_to;
};

class HoleSource final : public capture::CaptureSource
{
public:
    HoleSource(std::unique_ptr<capture::SyntheticSource> inner, std::chrono::milliseconds from, std::chrono::milliseconds to)
        : m_inner(std::move(inner)), m_sink(*m_inner->settings().origin, from, to)
    {
    }
    Result<void> start(capture::CaptureSink &sink) override
    {
        m_sink.next = &sink;
        return m_inner->start(m_sink);
    }
    void stop() override { m_inner->stop(); }
    [[nodiscard]] QString description() const override { return QStringLiteral("synthetic with a hole"); }

private:
    std::unique_ptr<capture::SyntheticSource> m_inner;
    HoleSink m_sink;
};

/// A camera and microphone that start and then deliver nothing at all.
class MuteSource final : public capture::CaptureSource
{
public:
    Result<void> start(capture::CaptureSink &) override { return {}; }
    void stop() override {}
    [[nodiscard]] QString description() const override { return QStringLiteral("a source that delivers nothing"); }
};

struct Recorded {
    std::optional<qc::QcVerdict> verdict;
    QList<storage::QcVerdictRecord> journaled;
    storage::StoredVerdict sessionVerdict = storage::StoredVerdict::Invalid;
};

/// How the session is recorded: the demo source, no recording at all, or a source that delivers nothing.
enum class Recording { Demo, None, Mute };

/// Records one session from the demo source (tone level as given), walks every step with both
/// parties present, ends it and returns its verdict as computed and as journaled.
/// `speechCheck`: the controller's own speech check listens to the microphone (the tone: nobody
/// speaks). Off, speech counts as not analysed and no "no audible answer" reason can come.
Recorded recordSession(double toneLevel, std::optional<std::pair<std::chrono::milliseconds, std::chrono::milliseconds>> hole = {},
                       bool speechCheck = false, Recording recording = Recording::Demo)
{
    QTemporaryDir data;
    SystemClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    live::SessionSetup setup;
    setup.plan = quickPlan(data.path());
    setup.form.applicationNo = QStringLiteral("AP-QC-1");
    setup.agentId = QStringLiteral("agent07");
    setup.recordingFolder = QDir(data.path()).filePath(QStringLiteral("recordings"));
    setup.recording.encoder.width = 320;
    setup.recording.encoder.height = 240;
    setup.recording.encoder.framesPerSecond = 25;
    setup.recording.encoder.hardware = media::HardwareEncoding::Off;
    setup.speech.enabled = speechCheck;
    auto created = live::SessionController::create(setup, **journal, clock);
    REQUIRE(created.has_value());
    auto &controller = **created;

    capture::SyntheticSettings settings;
    settings.width = 320;
    settings.height = 240;
    settings.framesPerSecond = 25;
    settings.pace = capture::Pace::RealTime;
    settings.toneLevel = toneLevel;
    settings.syncInterval = 0ms; // no beeps: the tone alone
    settings.origin = controller.session().createdMonotonic();
    auto synthetic = std::make_unique<capture::SyntheticSource>(settings, clock);
    std::unique_ptr<capture::CaptureSource> source;
    if (recording == Recording::Mute)
        source = std::make_unique<MuteSource>();
    else if (hole)
        source = std::make_unique<HoleSource>(std::move(synthetic), hole->first, hole->second);
    else
        source = std::move(synthetic);
    live::LiveOptions options;
    options.previewsPerSecond = 0;
    live::LiveCapture capture(std::move(source), nullptr, options);
    if (recording != Recording::None)
        REQUIRE(controller.openRecording(capture).has_value());
    auto &session = controller.session();
    REQUIRE(session.start().has_value());
    session.setPresence({true, true, true});
    // Walk the steps over about 5 s of recording.
    const auto &steps = session.plan().steps();
    const int pauseMs = recording == Recording::Demo ? int(5000 / steps.size()) : 20; // nothing to record: no need to wait
    while (session.currentStep() < steps.size() && !workflow::isEndState(session.state())) {
        const auto &requirements = steps.at(session.currentStep()).definition.requirements;
        waitFor([] { return false; }, pauseMs);
        if (requirements.answerRequired)
            REQUIRE(session.recordAnswer(workflow::Answer::Yes).has_value());
        if (requirements.closeUp != workflow::CloseUp::None)
            REQUIRE(session.recordSnapshot(QStringLiteral("close-up.jpg")).has_value());
        auto completed = session.completeCurrentStep();
        INFO((completed ? QString() : completed.error().detail).toStdString());
        REQUIRE(completed.has_value());
    }
    REQUIRE(session.state() == workflow::SessionState::Finished);
    bool finished = false;
    QObject::connect(&controller, &live::SessionController::finished, &controller,
                     [&](const std::optional<live::RecordingOutcome> &) { finished = true; });
    controller.finish(QStringLiteral("test"));
    REQUIRE(waitFor([&] { return finished; }, 60000));

    Recorded result;
    result.verdict = controller.qcVerdict();
    auto journaled = (*journal)->qc().verdicts(session.id());
    REQUIRE(journaled.has_value());
    result.journaled = *journaled;
    result.sessionVerdict = (*journal)->sessions().find(session.id()).value()->qcVerdict;
    return result;
}

std::vector<qc::QcReason> ofKind(const qc::QcVerdict &verdict, qc::QcReasonKind kind)
{
    std::vector<qc::QcReason> found;
    for (const auto &reason : verdict.reasons) {
        if (reason.kind == kind)
            found.push_back(reason);
    }
    return found;
}

} // namespace

TEST_CASE("with the speech check on, a session where the customer never spoke asks for review: no audible answer on each answer step", "[live]")
{
    // The demo source's microphone carries a steady tone and no speech: every answer given by
    // button is unheard. The verdict says so, and never that the customer agreed.
    const auto recorded = recordSession(0.05, {}, true);
    REQUIRE(recorded.verdict.has_value());
    INFO(QJsonDocument(recorded.verdict->toJson()).toJson().toStdString());
    const auto unheard = ofKind(*recorded.verdict, qc::QcReasonKind::NoAudibleAnswer);
    REQUIRE(!unheard.empty());
    CHECK(unheard.size() == recorded.verdict->reasons.size());
    CHECK(recorded.verdict->outcome == qc::QcOutcome::NeedsReview);
    CHECK(recorded.sessionVerdict == storage::StoredVerdict::NeedsReview);
}

TEST_CASE("a clean session from the demo source passes, and the pass is journaled", "[live]")
{
    const auto recorded = recordSession(0.05);
    REQUIRE(recorded.verdict.has_value());
    INFO(QJsonDocument(recorded.verdict->toJson()).toJson().toStdString());
    CHECK(recorded.verdict->outcome == qc::QcOutcome::Pass);
    CHECK(recorded.verdict->reasons.empty());
    REQUIRE(recorded.journaled.size() == 1);
    CHECK(recorded.journaled[0].source == storage::QcSource::Automatic);
    CHECK(recorded.journaled[0].verdict == storage::StoredVerdict::Pass);
    CHECK(recorded.sessionVerdict == storage::StoredVerdict::Pass);
}

TEST_CASE("a session recorded with silence fails with missing sound, journaled with its time range", "[live]")
{
    const auto recorded = recordSession(0.0);
    REQUIRE(recorded.verdict.has_value());
    INFO(QJsonDocument(recorded.verdict->toJson()).toJson().toStdString());
    CHECK(recorded.verdict->outcome == qc::QcOutcome::Fail);
    const auto missing = ofKind(*recorded.verdict, qc::QcReasonKind::AudioMissing);
    REQUIRE_FALSE(missing.empty());
    CHECK(missing.front().severity == workflow::QcSeverity::Fail);
    CHECK(missing.front().range.end - missing.front().range.start >= 100ms);
    CHECK(recorded.sessionVerdict == storage::StoredVerdict::Fail);
    REQUIRE(recorded.journaled.size() == 1);
    REQUIRE(recorded.journaled[0].reasons.size() == qsizetype(recorded.verdict->reasons.size()));
    const auto &stored = recorded.journaled[0].reasons.front();
    CHECK(stored.kind == QLatin1String(qc::qcReasonKindName(recorded.verdict->reasons.front().kind)));
    CHECK(stored.start == recorded.verdict->reasons.front().range.start);
    CHECK(stored.stepId == recorded.verdict->reasons.front().stepId);
}

TEST_CASE("a session recorded with an overdriven microphone asks for review: the sound is clipped", "[live]")
{
    const auto recorded = recordSession(2.0);
    REQUIRE(recorded.verdict.has_value());
    INFO(QJsonDocument(recorded.verdict->toJson()).toJson().toStdString());
    CHECK_FALSE(ofKind(*recorded.verdict, qc::QcReasonKind::AudioClipped).empty());
    CHECK(ofKind(*recorded.verdict, qc::QcReasonKind::AudioMissing).empty());
    CHECK(recorded.verdict->outcome == qc::QcOutcome::NeedsReview);
    CHECK(recorded.sessionVerdict == storage::StoredVerdict::NeedsReview);
}

TEST_CASE("a source that stops delivering for two seconds leaves a recording gap in the verdict", "[live]")
{
    const auto recorded = recordSession(0.05, std::pair{1500ms, 3500ms});
    REQUIRE(recorded.verdict.has_value());
    INFO(QJsonDocument(recorded.verdict->toJson()).toJson().toStdString());
    const auto gaps = ofKind(*recorded.verdict, qc::QcReasonKind::RecordingGap);
    REQUIRE_FALSE(gaps.empty());
    CHECK(gaps.front().range.start >= 1400ms);
    CHECK(gaps.front().range.start <= 1700ms);
    CHECK_FALSE(gaps.front().stepId.isEmpty()); // the hole falls into the steps being walked
    CHECK(recorded.verdict->outcome != qc::QcOutcome::Pass);
}

TEST_CASE("a session that ran without a recording fails: no recording is no evidence", "[live]")
{
    const auto recorded = recordSession(0.05, {}, false, Recording::None);
    REQUIRE(recorded.verdict.has_value());
    INFO(QJsonDocument(recorded.verdict->toJson()).toJson().toStdString());
    CHECK(recorded.verdict->outcome == qc::QcOutcome::Fail);
    const auto missing = ofKind(*recorded.verdict, qc::QcReasonKind::NoRecording);
    REQUIRE(missing.size() == 1);
    CHECK(missing.front().severity == workflow::QcSeverity::Fail);
    CHECK(missing.front().detail.contains(QLatin1String("no recording file")));
    CHECK(recorded.sessionVerdict == storage::StoredVerdict::Fail);
    REQUIRE(recorded.journaled.size() == 1);
    REQUIRE_FALSE(recorded.journaled[0].reasons.isEmpty());
    CHECK(recorded.journaled[0].reasons.front().kind == QLatin1String("no_recording"));
}

TEST_CASE("a session whose camera and microphone delivered nothing fails: the recording holds no picture", "[live]")
{
    const auto recorded = recordSession(0.05, {}, false, Recording::Mute);
    REQUIRE(recorded.verdict.has_value());
    INFO(QJsonDocument(recorded.verdict->toJson()).toJson().toStdString());
    CHECK(recorded.verdict->outcome == qc::QcOutcome::Fail);
    const auto empty = ofKind(*recorded.verdict, qc::QcReasonKind::NoRecording);
    REQUIRE(empty.size() == 1);
    CHECK(empty.front().detail.contains(QLatin1String("holds no picture")));
    CHECK(recorded.sessionVerdict == storage::StoredVerdict::Fail);
}
