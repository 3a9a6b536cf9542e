#include "core/vision/presencetimeline.h"

#include <QJsonObject>

namespace dualrec::vision {

namespace {

double seconds(std::chrono::nanoseconds time)
{
    // Millisecond resolution: more would suggest a precision the checks do not have.
    return static_cast<double>(std::chrono::round<std::chrono::milliseconds>(time).count()) / 1000.0;
}

} // namespace

void PresenceTimeline::append(std::chrono::nanoseconds timestamp, const PresenceSample &sample)
{
    if (!m_segments.empty()) {
        m_segments.back().end = timestamp;
        if (m_segments.back().sample == sample)
            return;
    }
    m_segments.push_back({timestamp, timestamp, sample});
}

void PresenceTimeline::finish(std::chrono::nanoseconds end)
{
    if (!m_segments.empty() && end > m_segments.back().start)
        m_segments.back().end = end;
}

QJsonArray PresenceTimeline::toJson(std::chrono::nanoseconds origin) const
{
    QJsonArray array;
    for (const auto &segment : m_segments) {
        array.append(QJsonObject{{QStringLiteral("start_s"), seconds(segment.start - origin)},
                                 {QStringLiteral("end_s"), seconds(segment.end - origin)},
                                 {QStringLiteral("faces"), segment.sample.faces},
                                 {QStringLiteral("agent"), segment.sample.agent},
                                 {QStringLiteral("customer"), segment.sample.customer},
                                 {QStringLiteral("blocked"), segment.sample.blocked}});
    }
    return array;
}

} // namespace dualrec::vision
