#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <deque>
#include <optional>

namespace dualrec {

/// What the pre-flight page checks before a recording may start.
enum class PreflightItem : quint8 { Invalid = 0, VideoSource, DiskSpace, Clock, Power, Light, Framing, Microphone };
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
    double meanLuma = -1;        ///< Light: 0..255
    /// Light, Failed: the picture is bright enough but uniform or frozen (a covered or broken
    /// camera), not dark; or (lightPending) not yet watched long enough to refuse it.
    bool pictureUnusable = false;
    bool lightPending = false;
    int faces = -1;              ///< Framing
    double loudestDbfs = -120;   ///< Microphone
};

/// What the live picture and sound showed while the pre-flight page was open.
struct LiveObservation final {
    bool pictureSeen = false;  ///< at least one frame arrived
    bool checked = false;      ///< the presence guard analysed at least one frame
    bool pictureBlocked = false; ///< the guard found the lens covered, a uniform or frozen picture
    double meanLuma = 0;       ///< 0..255 of the picture (LightWindow: the median of the last 1.5 s)
    int faces = 0;             ///< faces in the newest checked frame
    bool soundSeen = false;    ///< audio arrived from the microphone
    double loudestDbfs = -120; ///< the loudest peak since the page opened
    /// The light was watched long enough (kLightSettle) to refuse it: one dark or flashed frame
    /// refuses nothing.
    bool lightSettled = true;
};

/// Thresholds of the live checks: a picture darker than kDarkLuma fails (faces cannot be found
/// reliably), below kDimLuma warns; a microphone whose loudest peak stays under kQuietDbfs warns.
inline constexpr double kDarkLuma = 40;
inline constexpr double kDimLuma = 70;
inline constexpr double kQuietDbfs = -50;

/// The light is judged over the checks of the last kLightWindow, not one frame: a camera's
/// flash, an exposure change or the demo source's flash frame decide nothing. A picture is
/// refused only once kLightSettle of checks has been seen.
inline constexpr std::chrono::milliseconds kLightWindow{1500};
inline constexpr std::chrono::milliseconds kLightSettle{1000};

/// The presence guard's checks of the last kLightWindow: the median brightness, and "blocked"
/// when more than half of them were. Thread contract: one thread (the pre-flight page's).
class LightWindow final
{
public:
    /// One check at `at` (the frame's capture time; earlier times than the newest restart the window).
    void add(std::chrono::nanoseconds at, double meanLuma, bool blocked);
    void clear() { m_samples.clear(); }
    [[nodiscard]] bool empty() const { return m_samples.empty(); }
    [[nodiscard]] double medianLuma() const;
    [[nodiscard]] bool blocked() const;
    /// The checks span at least kLightSettle.
    [[nodiscard]] bool settled() const;

private:
    struct Sample {
        std::chrono::nanoseconds at;
        double luma;
        bool blocked;
    };
    std::deque<Sample> m_samples;
};

struct PreflightInput final {
    bool videoSourceConnected = false;
    QString dataDirectory;
    qint64 expectedBytes = 0;        ///< what the recording is expected to need
    QDateTime wallNow;
    QDate earliestPlausibleDate;     ///< a wall clock before this is wrong (this release's date)
    QString powerSupplyRoot = QStringLiteral("/sys/class/power_supply"); ///< Linux; absent elsewhere
    /// The live picture and sound; without it (no capture running) only the source's presence
    /// is checked, and the light, framing and microphone items are left out.
    std::optional<LiveObservation> live;
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
