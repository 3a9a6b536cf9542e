// FFmpeg linked at build time (not Linux): nothing to load (core/ffmpeg/ondemand.h).
#include "core/ffmpeg/ondemand.h"

namespace dualrec::ffmpeg {

Result<void> load()
{
    return {};
}

bool isLoaded()
{
    return true;
}

QStringList libraryNames()
{
    return {};
}

namespace detail {
Result<void *> openLibrary(const QString &fileName, const QString &)
{
    return fail(ErrorCode::InternalError, QStringLiteral("%1: FFmpeg is linked into this build").arg(fileName));
}
} // namespace detail

} // namespace dualrec::ffmpeg
