#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>

namespace dualrec {

/// What the pre-flight page checks before a recording may start.
enum class PreflightItem : quint8 { Invalid = 0, VideoSource, DiskSpace, Clock, Power };
enum class PreflightStatus : quint8 { Invalid = 0, Ok, Warning, Failed };

[[nodiscard]] const char *preflightItemName(PreflightItem item);

struct PreflightResult final {
    PreflightItem item = PreflightItem::Invalid;
    PreflightStatus status = PreflightStatus::Invalid;
    QString detail;              ///< stable English, for logs
    qint64 availableBytes = -1;  ///< DiskSpace
    qint64 requiredBytes = -1;   ///< DiskSpace
    int batteryPercent = -1;     ///< Power: -1 without a battery
    bool onMains = true;         ///< Power
};

struct PreflightInput final {
    bool videoSourceConnected = false;
    QString dataDirectory;
    qint64 expectedBytes = 0;        ///< what the recording is expected to need
    QDateTime wallNow;
    QDate earliestPlausibleDate;     ///< a wall clock before this is wrong (this release's date)
    QString powerSupplyRoot = QStringLiteral("/sys/class/power_supply"); ///< Linux; absent elsewhere
};

/// Thresholds: disk below the expected size fails, below twice it warns; a discharging battery
/// below 20 % fails, below 40 % warns.
inline constexpr int kBatteryFailPercent = 20;
inline constexpr int kBatteryWarnPercent = 40;

/// Runs every check; pure apart from reading the file system. Thread-safe.
[[nodiscard]] QList<PreflightResult> runPreflight(const PreflightInput &input);
/// True when no check failed (warnings do not stop a recording).
[[nodiscard]] bool preflightPasses(const QList<PreflightResult> &results);

/// Bytes a recording of `duration` needs at `kilobitsPerSecond` (audio and video together),
/// plus 10 % for the container and the sidecar.
[[nodiscard]] qint64 expectedRecordingBytes(std::chrono::milliseconds duration, int kilobitsPerSecond);

} // namespace dualrec
