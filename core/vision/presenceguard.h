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

namespace dualrec::vision {

class PresenceGuardWorker;

/// Runs face checks on live frames in its own thread, never holding up the caller.
///
/// Input is a one-slot mailbox: submitFrame() replaces the frame waiting there (latest frame
/// wins), so a slow check drops frames instead of queueing them; checksPerSecond frames per
/// second (by capture timestamp, util/RateSlots: 8 from a 25 fps camera are 8) are taken at all. The worker runs OpenCV with one
/// thread (cv::setNumThreads(1)) so recording keeps its cores.
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
    [[nodiscard]] static Result<std::unique_ptr<PresenceGuard>> create(const AnalyzerConfig &config,
                                                                       double checksPerSecond = 8.0);
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

Q_SIGNALS:
    void checked(const dualrec::vision::PresenceCheck &check);

private:
    friend class PresenceGuardWorker;
    PresenceGuard(std::unique_ptr<FrameAnalyzer> analyzer, double checksPerSecond);

    /// Worker thread: takes the waiting frame, if any.
    bool takeFrame(cv::Mat &frame, std::chrono::nanoseconds &timestamp);

    DetectorKind m_detectorKind = DetectorKind::Invalid;
    QThread m_thread;
    PresenceGuardWorker *m_worker = nullptr; ///< lives in m_thread, deleted when it finishes

    mutable QMutex m_mutex;
    cv::Mat m_pending;                       ///< guarded by m_mutex
    std::chrono::nanoseconds m_pendingTime{0}; ///< guarded by m_mutex
    RateSlots m_slots;                       ///< guarded by m_mutex
    bool m_scheduled = false;                ///< a process() call is queued; guarded by m_mutex
    qint64 m_dropped = 0;                    ///< guarded by m_mutex
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
