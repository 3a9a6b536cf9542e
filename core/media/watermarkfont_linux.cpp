#include "core/media/watermarkfont.h"

namespace dualrec::media {

QStringList watermarkFontCandidates()
{
    // Debian's fonts-wqy-microhei (a dependency of the .deb), then other common CJK packages.
    return {QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            QStringLiteral("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
            QStringLiteral("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
            QStringLiteral("/usr/share/fonts/truetype/arphic/uming.ttc")};
}

} // namespace dualrec::media
