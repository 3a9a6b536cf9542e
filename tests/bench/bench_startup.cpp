// Benchmark (run by scripts/bench startup, never by CTest): how soon an agent sees the window.
// On a private Xvfb server, ROUNDS times each, alternating:
//   1. `dualrec --source demo` on a new data folder: from the start of the process until its
//      main window is viewable on the X server (xwininfo: "Map State: IsViewable");
//   2. `dualrec` with its default source, as an agent starts it (the camera; on a machine
//      without one, as here, the demo source): the same;
//   3. the reference, the smallest Qt Widgets program with a main window, measured the same way;
//   4. `dualrec --version` and the reference's `--version`: start to exit.
// Prints the medians and DualRec / reference. Goal (issue 11): the window within 1 s on an idle
// machine, at most 2x the reference. One warm-up round of each is not counted (page cache).
// Asserts nothing about time.
//
//   dualrec_bench_startup DUALREC REFERENCE [ROUNDS]
#include "tests/support/xvfbserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <vector>

namespace {

QTextStream out(stdout);

QString xwininfo(const QString &display, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("xwininfo"), QStringList{QStringLiteral("-display"), display} + arguments);
    process.waitForFinished(5000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// Milliseconds from starting `program` until a top-level window whose name starts with `title`
/// is viewable; -1 when none is within 60 s.
qint64 timeToWindow(const QString &display, const QString &program, const QStringList &arguments, const QString &title,
                    const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return -1;
    qint64 result = -1;
    QString id;
    while (clock.elapsed() < 60000 && process.state() == QProcess::Running) {
        if (id.isEmpty()) {
            const auto tree = xwininfo(display, {QStringLiteral("-root"), QStringLiteral("-children")});
            // The application's top-level window has a WM_CLASS; Qt's helper windows ("Qt
            // Selection Owner for ...", a 1x1 one) have none.
            for (const auto &line : tree.split(u'\n')) {
                if (id.isEmpty() && line.contains(u'"' + title) && !line.contains(QLatin1String("\": ()")))
                    id = line.trimmed().section(u' ', 0, 0);
            }
        }
        if (!id.isEmpty() && xwininfo(display, {QStringLiteral("-id"), id}).contains(QLatin1String("IsViewable"))) {
            result = clock.elapsed();
            break;
        }
        QThread::msleep(5);
    }
    process.kill();
    process.waitForFinished(10000);
    return result;
}

qint64 timeToExit(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return -1;
    return clock.elapsed();
}

double median(std::vector<qint64> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? double(values[n / 2]) : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: dualrec_bench_startup DUALREC REFERENCE [ROUNDS]" << Qt::endl;
        return 2;
    }
    const QString dualrec = args.at(1);
    const QString reference = args.at(2);
    const int rounds = args.size() > 3 ? std::max(1, args.at(3).toInt()) : 5;
    dualrec::test::XvfbServer x;
    if (x.display().isEmpty()) {
        QTextStream(stderr) << "no X server: " << x.error() << Qt::endl;
        return 1;
    }
    QTemporaryDir home;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), x.display());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));

    std::vector<qint64> window, cameraWindow, referenceWindow, version, referenceVersion;
    for (int round = 0; round <= rounds; ++round) {
        // A new data folder each round: the window a new laptop shows (first-run account page).
        QTemporaryDir data;
        const auto w = timeToWindow(x.display(), dualrec, {QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"), data.path()},
                                    QStringLiteral("DualRec"), environment);
        QTemporaryDir cameraData;
        const auto c = timeToWindow(x.display(), dualrec, {QStringLiteral("--data-dir"), cameraData.path()}, QStringLiteral("DualRec"), environment);
        const auto r = timeToWindow(x.display(), reference, {}, QStringLiteral("startup-reference"), environment);
        const auto v = timeToExit(dualrec, {QStringLiteral("--version")}, environment);
        const auto rv = timeToExit(reference, {QStringLiteral("--version")}, environment);
        if (w < 0 || c < 0 || r < 0 || v < 0 || rv < 0) {
            QTextStream(stderr) << "round " << round << ": a program did not show its window or failed (" << w << ", " << c << ", " << r << ", " << v << ", " << rv
                                << " ms)" << Qt::endl;
            return 1;
        }
        out << (round == 0 ? QStringLiteral("warm-up") : QStringLiteral("round %1").arg(round)) << ": window " << w << " ms (default source " << c << " ms; reference " << r << " ms), --version "
            << v << " ms (reference " << rv << " ms)" << Qt::endl;
        if (round == 0)
            continue;
        window.push_back(w);
        cameraWindow.push_back(c);
        referenceWindow.push_back(r);
        version.push_back(v);
        referenceVersion.push_back(rv);
    }
    const double mw = median(window), mc = median(cameraWindow), mr = median(referenceWindow), mv = median(version), mrv = median(referenceVersion);
    out << Qt::endl << QStringLiteral("median of %1 rounds").arg(rounds) << Qt::endl;
    out << QStringLiteral("  window visible: DualRec %1 ms, reference %2 ms, ratio %3 (goal: <= 1000 ms idle, ratio <= 2)")
               .arg(mw)
               .arg(mr)
               .arg(mw / mr, 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("  window visible, default source (camera; here none, so the demo source): DualRec %1 ms, ratio %2")
               .arg(mc)
               .arg(mc / mr, 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("  --version:      DualRec %1 ms, reference %2 ms, ratio %3").arg(mv).arg(mrv).arg(mv / mrv, 0, 'f', 2) << Qt::endl;
    return 0;
}
