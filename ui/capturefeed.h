#pragma once

#include "core/live/livecapture.h"
#include "ui/livefeed.h"

#include <QImage>
#include <QObject>

namespace dualrec::ui {

/// Turns the core's live capture into the pages' feed: each preview picture becomes a QImage
/// shown with the faces of the guard's newest check; checks and microphone levels pass through.
/// GUI thread (the capture's signals arrive queued).
class CaptureFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureFeed)

public:
    CaptureFeed(live::LiveCapture &capture, LiveFeed &feed, QObject *parent = nullptr);

    /// A BGRA frame as an image (a deep copy); null for anything else.
    [[nodiscard]] static QImage toImage(const capture::VideoFrame &frame);

private:
    LiveFeed &m_feed;
    std::vector<vision::FaceBox> m_faces;
};

} // namespace dualrec::ui
