#include "ui/qrcodewidget.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace dualrec::ui {

namespace {

struct QrCodeDeleter {
    void operator()(QRcode *code) const { QRcode_free(code); }
};

constexpr int kQuietZone = 4; ///< modules of white around the code, as the standard asks

} // namespace

QrCodeWidget::QrCodeWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(160, 160);
}

void QrCodeWidget::setPayload(const QString &payload)
{
    m_payload = payload;
    m_size = 0;
    m_dark.clear();
    if (!payload.isEmpty()) {
        const auto utf8 = payload.toUtf8();
        std::unique_ptr<QRcode, QrCodeDeleter> code(QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M));
        if (code) {
            m_size = code->width;
            m_dark.resize(std::size_t(m_size) * std::size_t(m_size));
            for (int i = 0; i < m_size * m_size; ++i)
                m_dark[std::size_t(i)] = (code->data[i] & 1) != 0;
        }
    }
    update();
}

bool QrCodeWidget::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_dark[std::size_t(y) * std::size_t(m_size) + std::size_t(x)];
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    if (m_size == 0)
        return;
    QPainter painter(this);
    const int side = std::min(width(), height());
    const int total = m_size + 2 * kQuietZone;
    const int module = std::max(1, side / total);
    const int drawn = module * total;
    const QPoint origin((width() - drawn) / 2, (height() - drawn) / 2);
    painter.fillRect(QRect(origin, QSize(drawn, drawn)), Qt::white);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y))
                painter.fillRect(origin.x() + (x + kQuietZone) * module, origin.y() + (y + kQuietZone) * module, module,
                                 module, Qt::black);
        }
    }
}

} // namespace dualrec::ui
