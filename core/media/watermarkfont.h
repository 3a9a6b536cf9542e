#pragma once

#include <QString>
#include <QStringList>

namespace dualrec::media {

/// Fonts with Chinese characters that this platform usually has, most suitable first: the
/// watermark's labels (代理人, 投保单号, 会话) must not render as boxes. One file per platform
/// (watermarkfont_linux.cpp, _windows.cpp, _macos.cpp).
[[nodiscard]] QStringList watermarkFontCandidates();

/// The first candidate that is a readable file; empty when there is none. Reads the file
/// system; any thread.
[[nodiscard]] QString findWatermarkFont();

} // namespace dualrec::media
