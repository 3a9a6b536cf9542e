#include "core/vision/presenceguard.h"

#include <QMutexLocker>

#include <opencv2/core/utility.hpp>

namespace dualrec::vision {

Result<std::unique_ptr<PresenceGuard>> PresenceGuard::create(const AnalyzerConfig &config, double checksPerSecond, double coreShare)
{
    if (!(checksPerSecond > 0))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("checks per second must be positive"));
    if (!(coreShare > 0 && coreShare <= 1))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the guard's share of a core is %1; expected more than 0 and at most 1").arg(coreShare));
    auto analyzer = FrameAnalyzer::create(config);
    if (!analyzer)
        return std::unexpected(analyzer.error());
    return std::unique_ptr<PresenceGuard>(new PresenceGuard(std::move(*analyzer), checksPerSecond, coreShare));
}

PresenceGuard::PresenceGuard(std::unique_ptr<FrameAnalyzer> analyzer, double checksPerSecond, double coreShare)
    : m_detectorKind(analyzer->detectorKind())
    , m_slots(checksPerSecond)
    , m_coreShare(coreShare)
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

bool PresenceGuard::withinBudget(std::chrono::nanoseconds timestamp) const
{
    // A timestamp before the last check (a looping file, a restarted camera) starts afresh.
    return !m_lastChecked || timestamp < *m_lastChecked || timestamp >= m_budgetFrom;
}

void PresenceGuard::charge(std::chrono::nanoseconds timestamp, std::chrono::microseconds cpu)
{
    QMutexLocker lock(&m_mutex);
    m_lastChecked = timestamp;
    m_budgetFrom = timestamp + std::chrono::nanoseconds(static_cast<qint64>(static_cast<double>(cpu.count()) * 1000.0 / m_coreShare));
}

void PresenceGuard::submitFrame(const cv::Mat &frame, std::chrono::nanoseconds timestamp)
{
    QMutexLocker lock(&m_mutex);
    if (!m_slots.due(timestamp))
        return; // rate limit by capture time, so the check rate does not depend on the camera
    if (!withinBudget(timestamp)) {
        ++m_deferred; // the last check was costly: this one waits for the budget
        return;
    }
    (void)m_slots.take(timestamp);
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
    if (!m_slots.due(timestamp))
        return false;
    if (!withinBudget(timestamp)) {
        ++m_deferred;
        return false;
    }
    return true;
}

qint64 PresenceGuard::droppedFrames() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

qint64 PresenceGuard::deferredFrames() const
{
    QMutexLocker lock(&m_mutex);
    return m_deferred;
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
    while (m_guard.takeFrame(frame, timestamp)) {
        auto check = m_analyzer->analyze(frame, timestamp);
        m_guard.charge(timestamp, check.cpuTime);
        Q_EMIT checked(check);
    }
}

} // namespace dualrec::vision
