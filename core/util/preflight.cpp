#include "core/util/preflight.h"
#include "core/util/freespace.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace dualrec {

namespace {

QString readLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readLine()).trimmed();
}

PreflightResult checkDisk(const PreflightInput &input)
{
    PreflightResult result{PreflightItem::DiskSpace, PreflightStatus::Ok, {}};
    // The folder may not exist yet: measure the nearest existing parent.
    QDir dir(input.dataDirectory);
    while (!dir.exists() && !dir.isRoot())
        dir.setPath(QDir::cleanPath(dir.absoluteFilePath(QStringLiteral(".."))));
    result.availableBytes = freeBytes(dir.absolutePath()).value_or(-1);
    result.requiredBytes = input.expectedBytes;
    if (result.availableBytes < 0) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("the free space of %1 cannot be read").arg(dir.absolutePath());
    } else if (result.availableBytes < result.requiredBytes) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("%1 bytes free, %2 needed").arg(result.availableBytes).arg(result.requiredBytes);
    } else if (result.availableBytes < 2 * result.requiredBytes) {
        result.status = PreflightStatus::Warning;
        result.detail = QStringLiteral("%1 bytes free, less than twice the %2 needed").arg(result.availableBytes).arg(result.requiredBytes);
    } else {
        result.detail = QStringLiteral("%1 bytes free").arg(result.availableBytes);
    }
    return result;
}

PreflightResult checkClock(const PreflightInput &input)
{
    PreflightResult result{PreflightItem::Clock, PreflightStatus::Ok, {}};
    const auto today = input.wallNow.toUTC().date();
    if (!input.wallNow.isValid() || (input.earliestPlausibleDate.isValid() && today < input.earliestPlausibleDate)) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("the clock says %1, before %2").arg(today.toString(Qt::ISODate),
                                                                           input.earliestPlausibleDate.toString(Qt::ISODate));
    } else if (input.earliestPlausibleDate.isValid() && today > input.earliestPlausibleDate.addYears(15)) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("the clock says %1, implausibly late").arg(today.toString(Qt::ISODate));
    } else {
        result.detail = QStringLiteral("the clock says %1").arg(input.wallNow.toUTC().toString(Qt::ISODate));
    }
    return result;
}

PreflightResult checkPower(const PreflightInput &input)
{
    PreflightResult result{PreflightItem::Power, PreflightStatus::Ok, {}};
    const QDir root(input.powerSupplyRoot);
    bool mainsSeen = false;
    bool mainsOnline = false;
    bool discharging = false;
    for (const auto &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto type = readLine(root.filePath(name + QStringLiteral("/type")));
        if (type == QLatin1String("Mains")) {
            mainsSeen = true;
            mainsOnline = mainsOnline || readLine(root.filePath(name + QStringLiteral("/online"))) == QLatin1String("1");
        } else if (type == QLatin1String("Battery")) {
            bool ok = false;
            const int capacity = readLine(root.filePath(name + QStringLiteral("/capacity"))).toInt(&ok);
            if (ok)
                result.batteryPercent = result.batteryPercent < 0 ? capacity : std::min(result.batteryPercent, capacity);
            discharging = discharging || readLine(root.filePath(name + QStringLiteral("/status"))) == QLatin1String("Discharging");
        }
    }
    result.onMains = mainsSeen ? mainsOnline : !discharging;
    if (result.batteryPercent < 0) {
        result.detail = QStringLiteral("no battery: mains power");
    } else if (result.onMains && !discharging) {
        result.detail = QStringLiteral("on mains, battery %1%").arg(result.batteryPercent);
    } else if (result.batteryPercent < kBatteryFailPercent) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("on battery at %1%").arg(result.batteryPercent);
    } else if (result.batteryPercent < kBatteryWarnPercent) {
        result.status = PreflightStatus::Warning;
        result.detail = QStringLiteral("on battery at %1%").arg(result.batteryPercent);
    } else {
        result.detail = QStringLiteral("on battery at %1%").arg(result.batteryPercent);
    }
    return result;
}

PreflightResult checkLight(const LiveObservation &live)
{
    PreflightResult result{PreflightItem::Light, PreflightStatus::Ok, {}};
    result.meanLuma = live.meanLuma;
    if (!live.checked) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("no picture has been analysed yet");
    } else if ((live.pictureBlocked || live.meanLuma < kDarkLuma) && !live.lightSettled) {
        result.status = PreflightStatus::Failed;
        result.lightPending = true;
        result.detail = QStringLiteral("light still being checked (mean brightness %1 of 255 so far)").arg(live.meanLuma, 0, 'f', 0);
    } else if (live.meanLuma < kDarkLuma) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("picture too dark or covered (mean brightness %1 of 255)").arg(live.meanLuma, 0, 'f', 0);
    } else if (live.pictureBlocked) {
        // Bright enough, yet the guard sees nothing usable: uniform (a lens cap, a white wall) or frozen.
        result.status = PreflightStatus::Failed;
        result.pictureUnusable = true;
        result.detail = QStringLiteral("picture uniform or frozen (mean brightness %1 of 255)").arg(live.meanLuma, 0, 'f', 0);
    } else if (live.meanLuma < kDimLuma) {
        result.status = PreflightStatus::Warning;
        result.detail = QStringLiteral("picture dim (mean brightness %1 of 255)").arg(live.meanLuma, 0, 'f', 0);
    } else {
        result.detail = QStringLiteral("mean brightness %1 of 255").arg(live.meanLuma, 0, 'f', 0);
    }
    return result;
}

PreflightResult checkFraming(const LiveObservation &live)
{
    // Who sits where is settled during the recording (the guard tracks both); before it, fewer
    // than two faces is worth a look, not a refusal: the customer may still be taking a seat.
    PreflightResult result{PreflightItem::Framing, live.faces >= 2 ? PreflightStatus::Ok : PreflightStatus::Warning, {}};
    result.faces = live.faces;
    result.detail = QStringLiteral("%1 face(s) in frame").arg(live.faces);
    return result;
}

PreflightResult checkMicrophone(const LiveObservation &live)
{
    PreflightResult result{PreflightItem::Microphone, PreflightStatus::Ok, {}};
    result.loudestDbfs = live.loudestDbfs;
    if (!live.soundSeen) {
        result.status = PreflightStatus::Failed;
        result.detail = QStringLiteral("no sound arrives from the microphone");
    } else if (live.loudestDbfs < kQuietDbfs) {
        result.status = PreflightStatus::Warning;
        result.detail = QStringLiteral("very quiet: loudest peak %1 dBFS").arg(live.loudestDbfs, 0, 'f', 0);
    } else {
        result.detail = QStringLiteral("loudest peak %1 dBFS").arg(live.loudestDbfs, 0, 'f', 0);
    }
    return result;
}

} // namespace

const char *preflightItemName(PreflightItem item)
{
    switch (item) {
    case PreflightItem::VideoSource: return "video_source";
    case PreflightItem::DiskSpace: return "disk_space";
    case PreflightItem::Clock: return "clock";
    case PreflightItem::Power: return "power";
    case PreflightItem::Light: return "light";
    case PreflightItem::Framing: return "framing";
    case PreflightItem::Microphone: return "microphone";
    case PreflightItem::Invalid: break;
    }
    return "invalid";
}

QList<PreflightResult> runPreflight(const PreflightInput &input)
{
    PreflightResult video{PreflightItem::VideoSource,
                          input.videoSourceConnected ? PreflightStatus::Ok : PreflightStatus::Failed,
                          input.videoSourceConnected ? QStringLiteral("video source connected")
                                                     : QStringLiteral("no video source connected")};
    if (input.live && input.videoSourceConnected && !input.live->pictureSeen) {
        video.status = PreflightStatus::Failed;
        video.detail = QStringLiteral("the video source delivers no picture");
    }
    QList<PreflightResult> results{video, checkDisk(input), checkClock(input), checkPower(input)};
    if (input.live && input.videoSourceConnected)
        results << checkLight(*input.live) << checkFraming(*input.live) << checkMicrophone(*input.live);
    return results;
}

bool preflightPasses(const QList<PreflightResult> &results)
{
    return std::none_of(results.cbegin(), results.cend(),
                        [](const PreflightResult &result) { return result.status == PreflightStatus::Failed; });
}

qint64 expectedRecordingBytes(std::chrono::milliseconds duration, int kilobitsPerSecond)
{
    const qint64 bytes = duration.count() * qint64(kilobitsPerSecond) / 8;
    return bytes + bytes / 10;
}

void LightWindow::add(std::chrono::nanoseconds at, double meanLuma, bool blocked)
{
    if (!m_samples.empty() && at < m_samples.back().at)
        m_samples.clear(); // a file source looped, or another source: start again
    m_samples.push_back({at, meanLuma, blocked});
    while (m_samples.size() > 1 && at - m_samples.front().at > kLightWindow)
        m_samples.pop_front();
}

double LightWindow::medianLuma() const
{
    if (m_samples.empty())
        return 0;
    std::vector<double> values;
    values.reserve(m_samples.size());
    for (const auto &sample : m_samples)
        values.push_back(sample.luma);
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

bool LightWindow::blocked() const
{
    const auto count = std::count_if(m_samples.cbegin(), m_samples.cend(), [](const Sample &sample) { return sample.blocked; });
    return count * 2 > std::ptrdiff_t(m_samples.size());
}

bool LightWindow::settled() const
{
    return !m_samples.empty() && m_samples.back().at - m_samples.front().at >= kLightSettle;
}

} // namespace dualrec
