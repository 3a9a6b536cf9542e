#include "core/media/watermarkfont.h"

namespace dualrec::media {

QStringList watermarkFontCandidates()
{
    // PingFang and Heiti come with macOS; Arial Unicode with Office and older systems.
    return {QStringLiteral("/System/Library/Fonts/PingFang.ttc"),
            QStringLiteral("/System/Library/Fonts/STHeiti Medium.ttc"),
            QStringLiteral("/System/Library/Fonts/STHeiti Light.ttc"),
            QStringLiteral("/Library/Fonts/Arial Unicode.ttf"),
            QStringLiteral("/System/Library/Fonts/Supplemental/Arial Unicode.ttf")};
}

} // namespace dualrec::media
