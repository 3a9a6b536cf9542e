#pragma once

// Reads a QR code the way a phone would: from the pixels, with zbar (Debian libzbar-dev;
// Debian's OpenCV is built without its QR decoder, quirc).
#include <QImage>
#include <QString>

#include <zbar.h>

namespace dualrec::test {

/// The text of the (first) QR code in `picture`, its bytes read as UTF-8; empty when none is found.
inline QString decodeQr(const QImage &picture)
{
    const auto gray = picture.convertToFormat(QImage::Format_Grayscale8);
    QByteArray pixels;
    pixels.reserve(qsizetype(gray.width()) * gray.height());
    for (int y = 0; y < gray.height(); ++y)
        pixels.append(reinterpret_cast<const char *>(gray.constScanLine(y)), gray.width());
    zbar::ImageScanner scanner;
    scanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    scanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    scanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1); // the bytes, no charset guessing
    zbar::Image image(unsigned(gray.width()), unsigned(gray.height()), "Y800", pixels.constData(),
                      static_cast<unsigned long>(pixels.size()));
    if (scanner.scan(image) <= 0)
        return {};
    const auto data = image.symbol_begin()->get_data();
    return QString::fromUtf8(data.data(), qsizetype(data.size()));
}

} // namespace dualrec::test
