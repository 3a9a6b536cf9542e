#pragma once

// Internal to core/media: the text burned into every frame and the drawtext filter drawing it.

#include "core/ffmpeg/avhandles.h"
#include "core/media/recordersettings.h"

#include <QDateTime>
#include <QString>

namespace dualrec::media {

/// drawtext's text: the capture time (local, with UTC offset) expanded from each frame's pts
/// counted from `wallOrigin`, so it is the time the frame was taken, not when it was encoded;
/// then the agent, application and session lines, escaped so user text expands nothing.
[[nodiscard]] QString watermarkTemplate(const WatermarkSettings &watermark, const QDateTime &wallOrigin);

/// The watermark's font size in pixels for an output picture `outputHeight` pixels high.
[[nodiscard]] int watermarkFontSize(int outputHeight);

/// Adds an initialized drawtext filter named "watermark" to `graph` (not linked): `text` in
/// `fontSize` pixels on a translucent box, in the corner `watermark.position` names.
[[nodiscard]] Result<AVFilterContext *> addWatermarkFilter(AVFilterGraph &graph, const WatermarkSettings &watermark,
                                                           const QString &text, int fontSize);

} // namespace dualrec::media
