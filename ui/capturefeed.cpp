#include "ui/capturefeed.h"

namespace dualrec::ui {

CaptureFeed::CaptureFeed(live::LiveCapture &capture, LiveFeed &feed, QObject *parent) : QObject(parent), m_feed(feed)
{
    connect(&capture, &live::LiveCapture::previewReady, this, [this](const capture::VideoFrame &frame) {
        const auto image = toImage(frame);
        if (!image.isNull())
            Q_EMIT m_feed.frameReady(image, m_faces);
    }, Qt::QueuedConnection);
    connect(&capture, &live::LiveCapture::audioLevel, &feed, &LiveFeed::audioLevel, Qt::QueuedConnection);
    if (auto *guard = capture.guard()) {
        connect(guard, &vision::PresenceGuard::checked, this, [this](const vision::PresenceCheck &check) {
            m_faces = check.faces;
            Q_EMIT m_feed.checked(check);
        }, Qt::QueuedConnection);
    }
}

QImage CaptureFeed::toImage(const capture::VideoFrame &frame)
{
    if (!frame.isValid() || frame.format != capture::PixelFormat::Bgra)
        return {};
    // BGRA bytes are QImage's ARGB32 on little-endian machines; copy() detaches from the frame.
    const QImage view(reinterpret_cast<const uchar *>(frame.data.constData()), frame.width, frame.height,
                      frame.width * 4, QImage::Format_ARGB32);
    return view.copy();
}

} // namespace dualrec::ui
