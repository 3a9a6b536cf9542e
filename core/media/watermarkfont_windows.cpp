#include "core/media/watermarkfont.h"

#include <QDir>

namespace dualrec::media {

QStringList watermarkFontCandidates()
{
    // Microsoft YaHei ships with every Windows since Vista; SimHei and SimSun with the Chinese
    // language support.
    QString windows = qEnvironmentVariable("WINDIR");
    if (windows.isEmpty())
        windows = QStringLiteral("C:/Windows");
    const QDir fonts(QDir(windows).filePath(QStringLiteral("Fonts")));
    return {fonts.filePath(QStringLiteral("msyh.ttc")), fonts.filePath(QStringLiteral("msyh.ttf")),
            fonts.filePath(QStringLiteral("simhei.ttf")), fonts.filePath(QStringLiteral("simsun.ttc"))};
}

} // namespace dualrec::media
