#pragma once

#include "core/capture/capturesource.h"
#include "core/capture/syntheticsource.h"
#include "core/util/clock.h"

#include <thread>

namespace dualrec::capture {

/// Decodes any video/audio file FFmpeg reads and delivers it as if captured: at its real pace
/// (for demos and the app's `--source FILE`) or as fast as the sink takes it (benchmarks).
/// Video arrives as I420 at the file's size (rounded down to even), audio as 16-bit mono 48 kHz.
/// Timestamps are origin + the media time since the file's first timestamp.
class FileSource final : public CaptureSource
{
    Q_DISABLE_COPY_MOVE(FileSource)

public:
    /// `loop`: at the end start again from the beginning, timestamps running on (a clip standing
    /// in for a camera in the window); otherwise EndOfInput at the end.
    FileSource(QString path, Pace pace, const Clock &clock, bool loop = false);
    ~FileSource() override;

    Result<void> start(CaptureSink &sink) override;
    void stop() override;
    [[nodiscard]] QString description() const override;

private:
    QString m_path;
    Pace m_pace;
    bool m_loop = false;
    const Clock &m_clock;
    std::jthread m_thread;
};

} // namespace dualrec::capture
