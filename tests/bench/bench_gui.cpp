// Benchmark (run by scripts/bench gui, never by CTest): how long the owner's (GUI) thread is
// blocked while a finished session's recording is closed, finalized and hashed. A 60 s 720p25
// session is recorded from the synthetic source (as fast as it encodes) through
// live::SessionController, then ended while a 10 ms timer runs; the longest gap between two of
// its ticks is what a person would feel as a frozen window. Side by side in the same run:
//   1. idle: the same timer with nothing else to do (the machine's own jitter);
//   2. the controller: close, finalizing and hashing in a worker thread (what the window does);
//   3. the reference: the same recording ended with RecordingRun::finish() on the owner's thread
//      (close, finalizing and hashing in line, as the window did before the session controller).
// Goal: the controller's longest gap <= 100 ms. Asserts nothing about time.
//
//   dualrec_bench_gui SCRIPTS_DIR [SECONDS]
#include "core/capture/syntheticsource.h"
#include "core/live/sessioncontroller.h"
#include "core/workflow/templatelibrary.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace dualrec;
using namespace std::chrono;

namespace {

/// The longest gap between ticks of a 10 ms timer while `work` runs until `done()`.
qint64 longestGapMs(const std::function<void()> &work, const std::function<bool()> &done)
{
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const auto now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    ticker.start(10);
    clock.start();
    QTimer::singleShot(30, &ticker, work);
    while (!done() || clock.elapsed() < 100)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    ticker.stop();
    return std::max(longest, clock.elapsed() - last);
}

struct Session {
    QTemporaryDir data;
    SystemClock clock;
    std::unique_ptr<storage::Journal> journal;
    std::unique_ptr<live::SessionController> controller;
    std::unique_ptr<live::LiveCapture> capture;
    qint64 bytes = 0;
};

std::unique_ptr<Session> recorded(const workflow::ScriptPlan &plan, int seconds)
{
    auto session = std::make_unique<Session>();
    session->journal = std::move(*storage::Journal::open(session->data.path(), session->clock));
    live::SessionSetup setup;
    setup.plan = plan;
    setup.form.applicationNo = QStringLiteral("BENCH-GUI");
    setup.agentId = QStringLiteral("bench");
    setup.recording.encoder.hardware = media::HardwareEncoding::Off;
    setup.plannedDuration = std::chrono::seconds(seconds);
    auto created = live::SessionController::create(setup, *session->journal, session->clock);
    if (!created)
        qFatal("cannot create the session: %s", qPrintable(created.error().toString()));
    session->controller = std::move(*created);
    capture::SyntheticSettings settings;
    settings.pace = capture::Pace::AsFastAsPossible;
    settings.duration = std::chrono::seconds(seconds);
    settings.origin = session->controller->session().createdMonotonic();
    live::LiveOptions options;
    options.previewsPerSecond = 0;
    session->capture = std::make_unique<live::LiveCapture>(
        std::make_unique<capture::SyntheticSource>(settings, session->clock), nullptr, options);
    if (auto opened = session->controller->openRecording(*session->capture); !opened)
        qFatal("cannot record: %s", qPrintable(opened.error().toString()));
    (void)session->controller->session().start();
    while (!session->controller->recording()->sourceEnded())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    (void)session->controller->session().abort(QStringLiteral("benchmark"));
    return session;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const auto arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        QTextStream(stderr) << "usage: dualrec_bench_gui SCRIPTS_DIR [SECONDS]\n";
        return 2;
    }
    const int seconds = arguments.size() > 2 ? arguments.at(2).toInt() : 60;
    const auto library = workflow::TemplateLibrary::loadDirectories({arguments.at(1)});
    const auto plan = library.plan(QStringLiteral("traditional-life"));
    if (!plan) {
        QTextStream(stderr) << plan.error().toString() << '\n';
        return 2;
    }

    const auto idle = longestGapMs([] {}, [] { return true; });

    out << "recording " << seconds << " s of 1280x720@25 twice (as fast as it encodes)..." << Qt::endl;
    auto first = recorded(*plan, seconds);
    bool finished = false;
    QObject::connect(first->controller.get(), &live::SessionController::finished, first->controller.get(),
                     [&](const auto &) { finished = true; });
    QElapsedTimer wall;
    wall.start();
    const auto controllerGap = longestGapMs([&] { first->controller->finish(QStringLiteral("benchmark")); },
                                            [&] { return finished; });
    const auto controllerWall = wall.elapsed();

    auto second = recorded(*plan, seconds);
    bool inlineDone = false;
    wall.restart();
    const auto inlineGap = longestGapMs(
        [&] {
            (void)second->controller->recording()->finish(QStringLiteral("benchmark"));
            inlineDone = true;
        },
        [&] { return inlineDone; });
    const auto inlineWall = wall.elapsed();

    out << "longest gap of a 10 ms timer on the owner's thread while the recording is closed, finalized and hashed:\n"
        << "  idle (nothing to do)                     " << idle << " ms\n"
        << "  session controller (worker thread)       " << controllerGap << " ms   (done after " << controllerWall << " ms)\n"
        << "  reference: RecordingRun::finish in line  " << inlineGap << " ms   (done after " << inlineWall << " ms)\n"
        << "  ratio controller / in line               " << QString::number(double(controllerGap) / double(std::max<qint64>(inlineGap, 1)), 'f', 3)
        << "\n  goal: controller <= 100 ms -> " << (controllerGap <= 100 ? "met" : "NOT met") << Qt::endl;
    return 0;
}
