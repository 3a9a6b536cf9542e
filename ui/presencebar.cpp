#include "ui/presencebar.h"

#include <QPainter>

namespace dualrec::ui {

PresenceBar::PresenceBar(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(24);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void PresenceBar::setTimeline(const workflow::SessionTimeline &timeline)
{
    m_timeline = timeline;
    update();
}

void PresenceBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF bar = QRectF(rect()).adjusted(1, 4, -1, -4);
    painter.fillRect(bar, QColor(0xdd, 0xdd, 0xdd));
    const double total = double(m_timeline.duration().count());
    if (total <= 0)
        return;
    auto xOf = [&](std::chrono::nanoseconds at) { return bar.left() + bar.width() * double((at - m_timeline.start).count()) / total; };
    auto fill = [&](const workflow::TimeSpan &span, const QColor &colour) {
        painter.fillRect(QRectF(QPointF(xOf(span.start), bar.top()), QPointF(xOf(span.end), bar.bottom())), colour);
    };
    fill({m_timeline.start, m_timeline.end}, QColor(0x3d, 0xa5, 0x5d));
    for (const auto &span : m_timeline.pauses)
        fill(span, QColor(0x9a, 0x9a, 0x9a));
    for (const auto &span : m_timeline.presenceViolations)
        fill(span, QColor(0xc6, 0x28, 0x28));
    painter.setPen(QPen(QColor(0x22, 0x22, 0x22), 1));
    for (const auto &chapter : m_timeline.chapters)
        painter.drawLine(QPointF(xOf(chapter.start), rect().top()), QPointF(xOf(chapter.start), rect().bottom()));
}

} // namespace dualrec::ui
