#pragma once

#include "core/util/result.h"
#include "core/util/rateslots.h"
#include "core/vision/frameanalyzer.h"
#include "core/vision/presencecheck.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <opencv2/core/mat.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace dualrec::vision {

class PresenceGuardWorker;

/// Runs face checks on live frames in its own thread, never holding up the caller.
///
/// Input is a one-slot mailbox: submitFrame() replaces the frame waiting there (latest frame
/// wins), so a slow check drops frames instead of queueing them; checksPerSecond frames per
/// second (by capture timestamp, util/RateSlots: 8 from a 25 fps camera are 8) are taken at all. The worker runs OpenCV with one
/// thread (cv::setNumThreads(1)) so recording keeps its cores.
///
/// A CPU budget caps the guard at `coreShare` of one core whatever a check costs: after a check
/// that took C of thread CPU time, no frame captured less than C / coreShare after it is taken
/// (0.25: a 20 ms check allows the next 80 ms later, so 8 a second still fit; a 40 ms check
/// allows 6.25 a second). With the two-pass analysis (AnalyzerConfig) a check costs 6-30 ms
/// here, so the limit only bites on a much slower machine; docs/qc.md has the numbers.
///
/// Each result arrives as checked() in the guard's thread; feed it to a PresencePolicy.
///
/// Thread contract: construct, destroy and connect in one thread (normally the GUI thread);
/// submitFrame() is thread-safe and cheap (no copy, no wait) and may be called from the capture
/// thread. Destroying the guard stops the worker and waits for the check in progress.
class PresenceGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceGuard)

public:
    /// Loads the detector (in the caller's thread, so a bad model fails here, not later).
    /// coreShare: the CPU budget (0 < coreShare <= 1; 1 is no budget in practice).
    [[nodiscard]] static Result<std::unique_ptr<PresenceGuard>> create(const AnalyzerConfig &config,
                                                                       double checksPerSecond = 8.0,
                                                                       double coreShare = 0.25);
    ~PresenceGuard() override;

    [[nodiscard]] DetectorKind detectorKind() const { return m_detectorKind; }

    /// Offers a BGR frame captured at `timestamp`. The guard keeps a reference to the pixels:
    /// the caller must not write into `frame` afterwards (hand over a fresh or cloned cv::Mat).
    /// Thread-safe.
    void submitFrame(const cv::Mat &frame, std::chrono::nanoseconds timestamp);
    /// Whether a frame captured at `timestamp` would be taken now: callers that must convert a
    /// frame first ask before they do. Thread-safe.
    [[nodiscard]] bool wantsFrame(std::chrono::nanoseconds timestamp) const;

    /// Frames replaced in the mailbox before the worker took them (thread-safe).
    [[nodiscard]] qint64 droppedFrames() const;
    /// Frames that were due by the rate but refused by the CPU budget, by submitFrame() or
    /// wantsFrame() (thread-safe).
    [[nodiscard]] qint64 deferredFrames() const;

Q_SIGNALS:
    void checked(const dualrec::vision::PresenceCheck &check);

private:
    friend class PresenceGuardWorker;
    PresenceGuard(std::unique_ptr<FrameAnalyzer> analyzer, double checksPerSecond, double coreShare);

    /// Worker thread: takes the waiting frame, if any.
    bool takeFrame(cv::Mat &frame, std::chrono::nanoseconds &timestamp);
    /// Worker thread: a check of the frame captured at `timestamp` took `cpu`.
    void charge(std::chrono::nanoseconds timestamp, std::chrono::microseconds cpu);
    /// Whether the CPU budget lets a frame captured at `timestamp` in. Caller holds m_mutex.
    [[nodiscard]] bool withinBudget(std::chrono::nanoseconds timestamp) const;

    DetectorKind m_detectorKind = DetectorKind::Invalid;
    QThread m_thread;
    PresenceGuardWorker *m_worker = nullptr; ///< lives in m_thread, deleted when it finishes

    mutable QMutex m_mutex;
    cv::Mat m_pending;                       ///< guarded by m_mutex
    std::chrono::nanoseconds m_pendingTime{0}; ///< guarded by m_mutex
    RateSlots m_slots;                       ///< guarded by m_mutex
    bool m_scheduled = false;                ///< a process() call is queued; guarded by m_mutex
    qint64 m_dropped = 0;                    ///< guarded by m_mutex
    double m_coreShare = 0.25;
    std::optional<std::chrono::nanoseconds> m_lastChecked; ///< capture time of the last check; guarded by m_mutex
    std::chrono::nanoseconds m_budgetFrom{0};  ///< no frame captured before this; guarded by m_mutex
    mutable qint64 m_deferred = 0;           ///< counted by wantsFrame() too; guarded by m_mutex
};

/// The part of the guard that lives in the worker thread. Internal to PresenceGuard.
class PresenceGuardWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceGuardWorker)

public:
    PresenceGuardWorker(PresenceGuard &guard, std::unique_ptr<FrameAnalyzer> analyzer);
    ~PresenceGuardWorker() override;

    /// Worker thread: analyses waiting frames until the mailbox is empty.
    void process();

Q_SIGNALS:
    void checked(const dualrec::vision::PresenceCheck &check);

private:
    PresenceGuard &m_guard;
    std::unique_ptr<FrameAnalyzer> m_analyzer;
    bool m_threadsLimited = false;
};

} // namespace dualrec::vision
