#pragma once

#include "tests/support/xvfbserver.h"

#include <QElapsedTimer>
#include <QImage>
#include <QSet>
#include <QThread>

namespace dualrec::test {

/// How many different colours an image has (capped): a blank or failed screenshot has one or two.
inline int distinctColours(const QImage &image, int cap = 10000)
{
    QSet<QRgb> colours;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2) {
            colours.insert(line[x]);
            if (colours.size() >= cap)
                return cap;
        }
    }
    return int(colours.size());
}

/// The share of pixels that have the most common colour.
inline double dominantShare(const QImage &image)
{
    QHash<QRgb, int> counts;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int total = 0;
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2) {
            ++counts[line[x]];
            ++total;
        }
    }
    int best = 0;
    for (const auto count : std::as_const(counts))
        best = std::max(best, count);
    return total == 0 ? 1.0 : double(best) / total;
}

/// Photographs `x`'s screen into `pngPath` until the picture has more than `colours` distinct
/// colours (a window has been painted) or `timeoutMs` passed; returns the last picture (null
/// when no photograph could be taken).
inline QImage screenshotWhenPainted(const XvfbServer &x, const QString &pngPath, int colours, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    QImage shot;
    for (;;) {
        if (x.screenshot(pngPath))
            shot = QImage(pngPath);
        if ((!shot.isNull() && distinctColours(shot) > colours) || timer.elapsed() >= timeoutMs)
            return shot;
        QThread::msleep(300);
    }
}

} // namespace dualrec::test
