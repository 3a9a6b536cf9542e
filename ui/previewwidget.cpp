#include "ui/previewwidget.h"

#include <QPainter>

namespace dualrec::ui {

PreviewWidget::PreviewWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(320, 180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PreviewWidget::showFrame(const QImage &frame, const std::vector<vision::FaceBox> &faces)
{
    m_frame = frame;
    m_faces = faces;
    m_message.clear();
    update();
}

void PreviewWidget::showMessage(const QString &text)
{
    m_frame = QImage();
    m_faces.clear();
    m_message = text;
    update();
}

void PreviewWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x2b, 0x2f, 0x36));
    if (m_frame.isNull()) {
        painter.setPen(QColor(0xe8, 0xe8, 0xe8));
        QFont font = painter.font();
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * 1.3);
        else
            font.setPixelSize(font.pixelSize() * 13 / 10);
        painter.setFont(font);
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QSize fitted = m_frame.size().scaled(size(), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_frame);

    // The framing guide: both faces should sit inside the middle band of the picture.
    painter.setPen(QPen(QColor(255, 255, 255, 110), 2, Qt::DashLine));
    painter.drawRect(target.adjusted(target.width() / 12, target.height() / 10, -target.width() / 12,
                                     -target.height() / 10));
    painter.setPen(QPen(QColor(0x3d, 0xd6, 0x6b), 3));
    for (const auto &face : m_faces) {
        painter.drawRect(QRectF(target.x() + face.x * target.width(), target.y() + face.y * target.height(),
                                face.width * target.width(), face.height * target.height()));
    }
}

} // namespace dualrec::ui
