#pragma once

// FFmpeg's libraries loaded on first use (Linux), not at program start.
//
// FFmpeg with the libraries it pulls in is 117 of the 214 shared libraries the dualrec binary
// would load: loading them at start cost the window, `--version`, `seal`, `verify` and `sync`
// time and memory they never use (scripts/bench startup, scripts/bench seal). On Linux the
// binary does not link FFmpeg: core/ffmpeg/ondemand.cpp defines each FFmpeg function the project
// calls as a forwarder that loads the libraries (dlopen, by the soname the build was compiled
// against) the first time any of them is called. Elsewhere FFmpeg is linked as usual and load()
// does nothing.
//
// Thread contract: load() and every forwarder may be called from any thread; the libraries are
// loaded once (the first caller waits for it, the others see the result).

#include "core/util/result.h"

#include <QStringList>

namespace dualrec::ffmpeg {

/// Loads FFmpeg's libraries if they are not loaded yet. Error (InternalError) naming the library
/// that could not be loaded and why, with the Debian package that provides it. Callers that
/// start media work (recording, decoding, the QC scan) call this first so that a missing library
/// is an error they report, never a forwarder's abort.
[[nodiscard]] Result<void> load();

/// Whether the libraries are loaded in this process (always true where FFmpeg is linked).
[[nodiscard]] bool isLoaded();

/// The libraries as they are loaded ("libavcodec.so.59", ...); empty where FFmpeg is linked.
[[nodiscard]] QStringList libraryNames();

namespace detail {
/// Opens one library by file name; the error names it and what the loader said.
[[nodiscard]] Result<void *> openLibrary(const QString &fileName, const QString &package);
} // namespace detail

} // namespace dualrec::ffmpeg
