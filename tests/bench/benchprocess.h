#pragma once

// What the benchmarks share: running a command as a child process and reading its cost from
// the kernel (wait4 rusage: CPU of every thread, peak RSS), and the machine's load.
#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

extern char **environ;

namespace dualrec::bench {

struct Measured {
    int exitCode = -1;
    double wallSeconds = 0;
    double cpuSeconds = 0; ///< the whole process, every thread, setup included
    double peakMegabytes = 0;
};

inline double seconds(const timeval &value)
{
    return double(value.tv_sec) + double(value.tv_usec) / 1e6;
}

inline double cpuSeconds(const rusage &usage)
{
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Starts `command` (searched in PATH); `quiet` sends its output to /dev/null. -1 when it cannot start.
inline pid_t spawn(const QStringList &command, bool quiet)
{
    std::vector<QByteArray> storage;
    for (const auto &part : command)
        storage.push_back(part.toLocal8Bit());
    std::vector<char *> argv;
    for (auto &part : storage)
        argv.push_back(part.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet) {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    }
    pid_t pid = -1;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

/// Runs a command to its end, quietly; CPU time and peak RSS come from the kernel.
inline Measured measure(const QStringList &command)
{
    Measured result;
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = spawn(command, true);
    if (pid < 0)
        return result;
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    result.wallSeconds = double(timer.nsecsElapsed()) / 1e9;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.cpuSeconds = cpuSeconds(usage);
    result.peakMegabytes = double(usage.ru_maxrss) / 1024.0;
    return result;
}

/// The 1, 5 and 15 minute load averages ("?" where /proc has none).
inline QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

} // namespace dualrec::bench
