#pragma once

#include "core/vision/presencecheck.h"

#include <QImage>
#include <QObject>

#include <vector>

namespace dualrec::ui {

/// The narrow input of the recording page: preview frames with the face boxes the guard found,
/// and the guard's presence checks. The capture pipeline (or a test) emits; the main window
/// routes the checks into the running session's PresenceMonitor and the frames into the preview.
///
/// Thread contract: emit from any thread; receivers are in the GUI thread (queued connections).
class LiveFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveFeed)

public:
    explicit LiveFeed(QObject *parent = nullptr) : QObject(parent) {}

Q_SIGNALS:
    /// A picture for the preview; `faces` are relative to the frame (0..1).
    void frameReady(const QImage &frame, const std::vector<dualrec::vision::FaceBox> &faces);
    /// One presence check of the guard, in capture order.
    void checked(const dualrec::vision::PresenceCheck &check);
    /// The microphone's loudest peak over the last moment, in dBFS (-120 .. 0).
    void audioLevel(double peakDbfs);
};

} // namespace dualrec::ui
