#include "core/vision/presenceguard.h"

#include <QMutexLocker>

#include <opencv2/core/utility.hpp>

namespace dualrec::vision {

Result<std::unique_ptr<PresenceGuard>> PresenceGuard::create(const AnalyzerConfig &config, double checksPerSecond)
{
    if (!(checksPerSecond > 0))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("checks per second must be positive"));
    auto analyzer = FrameAnalyzer::create(config);
    if (!analyzer)
        return std::unexpected(analyzer.error());
    return std::unique_ptr<PresenceGuard>(new PresenceGuard(std::move(*analyzer), checksPerSecond));
}

PresenceGuard::PresenceGuard(std::unique_ptr<FrameAnalyzer> analyzer, double checksPerSecond)
    : m_detectorKind(analyzer->detectorKind())
    , m_slots(checksPerSecond)
{
    static const int registered = qRegisterMetaType<dualrec::vision::PresenceCheck>();
    Q_UNUSED(registered);
    m_thread.setObjectName(QStringLiteral("presence-guard"));
    m_worker = new PresenceGuardWorker(*this, std::move(analyzer));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PresenceGuardWorker::checked, this, &PresenceGuard::checked, Qt::QueuedConnection);
    m_thread.start(QThread::LowPriority);
}

PresenceGuard::~PresenceGuard()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.release();
    }
    m_thread.quit();
    m_thread.wait();
}

void PresenceGuard::submitFrame(const cv::Mat &frame, std::chrono::nanoseconds timestamp)
{
    QMutexLocker lock(&m_mutex);
    if (!m_slots.take(timestamp))
        return; // rate limit by capture time, so the check rate does not depend on the camera
    if (!m_pending.empty())
        ++m_dropped;
    m_pending = frame;
    m_pendingTime = timestamp;
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(m_worker, &PresenceGuardWorker::process, Qt::QueuedConnection);
}

bool PresenceGuard::wantsFrame(std::chrono::nanoseconds timestamp) const
{
    QMutexLocker lock(&m_mutex);
    return m_slots.due(timestamp);
}

qint64 PresenceGuard::droppedFrames() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

bool PresenceGuard::takeFrame(cv::Mat &frame, std::chrono::nanoseconds &timestamp)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending.empty()) {
        m_scheduled = false;
        return false;
    }
    frame = m_pending;
    m_pending.release();
    timestamp = m_pendingTime;
    return true;
}

PresenceGuardWorker::PresenceGuardWorker(PresenceGuard &guard, std::unique_ptr<FrameAnalyzer> analyzer)
    : m_guard(guard)
    , m_analyzer(std::move(analyzer))
{
}

PresenceGuardWorker::~PresenceGuardWorker() = default;

void PresenceGuardWorker::process()
{
    if (!m_threadsLimited) {
        // OpenCV's thread pool setting; one thread for the detector keeps the guard to a
        // bounded share of the CPU beside capture and encoding.
        cv::setNumThreads(1);
        m_threadsLimited = true;
    }
    cv::Mat frame;
    std::chrono::nanoseconds timestamp{0};
    while (m_guard.takeFrame(frame, timestamp))
        Q_EMIT checked(m_analyzer->analyze(frame, timestamp));
}

} // namespace dualrec::vision
