#include "core/vision/videoframereader.h"

#include <QFileInfo>

#include <opencv2/videoio.hpp>

#include <cmath>

namespace dualrec::vision {

Result<VideoFileInfo> readVideoFrames(const QString &path, const FrameSink &sink)
{
    const QFileInfo file(path);
    if (!file.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("\"%1\": no such file").arg(path));
    if (!file.isFile() || !file.isReadable())
        return fail(ErrorCode::IoError, QStringLiteral("\"%1\": not a readable file").arg(path));

    cv::VideoCapture capture;
    try {
        capture.open(path.toStdString(), cv::CAP_FFMPEG);
    } catch (const cv::Exception &error) {
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": cannot be opened as video: %2").arg(path, QString::fromStdString(error.msg)));
    }
    if (!capture.isOpened())
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": not a video file the decoder can open").arg(path));

    VideoFileInfo info;
    info.width = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_WIDTH));
    info.height = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_HEIGHT));
    info.framesPerSecond = capture.get(cv::CAP_PROP_FPS);
    const auto frameDuration = info.framesPerSecond > 0
        ? std::chrono::nanoseconds(static_cast<qint64>(std::llround(1e9 / info.framesPerSecond)))
        : std::chrono::nanoseconds(0);

    cv::Mat frame;
    std::chrono::nanoseconds last{-1};
    try {
        while (capture.read(frame)) {
            // The frame's own presentation time; frames with a missing or repeated time get
            // the previous one plus a frame duration, so time never runs backwards.
            auto timestamp = std::chrono::nanoseconds(static_cast<qint64>(std::llround(capture.get(cv::CAP_PROP_POS_MSEC) * 1e6)));
            if (timestamp <= last && info.frames > 0)
                timestamp = last + frameDuration;
            last = timestamp;
            ++info.frames;
            if (!sink(frame, timestamp))
                break;
        }
    } catch (const cv::Exception &error) {
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": decoding failed after %2 frames: %3")
                                                .arg(path).arg(info.frames).arg(QString::fromStdString(error.msg)));
    }
    if (info.frames == 0)
        return fail(ErrorCode::FormatError, QStringLiteral("\"%1\": no video frame could be decoded").arg(path));
    info.end = last + frameDuration;
    return info;
}

} // namespace dualrec::vision
