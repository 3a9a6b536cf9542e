#include "core/media/watermarkfont.h"

#include <QFileInfo>

namespace dualrec::media {

QString findWatermarkFont()
{
    for (const auto &candidate : watermarkFontCandidates()) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isReadable())
            return info.absoluteFilePath();
    }
    return {};
}

} // namespace dualrec::media
