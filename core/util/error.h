#pragma once

#include <QString>
#include <QtGlobal>

namespace dualrec {

/// What went wrong, grouped by what the caller should do about it (see errorAction()).
/// Core reports codes plus a technical English detail; ui/ maps codes to translated text.
enum class ErrorCode : quint16 {
    Invalid = 0,
    // The caller (or the person at the keyboard) must change something first.
    InvalidArgument,
    InvalidState,      ///< the operation is not allowed in the current state
    RequirementsUnmet, ///< a step's requirements are not met yet
    NotFound,
    FormatError,       ///< a file is not what it claims to be
    DiskFull,          ///< not enough free space: the user must free some
    // Retry later.
    IoError,
    DeviceUnavailable, ///< a camera or microphone is missing or was unplugged
    // Stop the session or queue.
    InternalError,
    DataCorrupt,       ///< stored data failed an integrity check
    OutOfMemory,       ///< an allocation failed (FFmpeg handles, buffers)
    Cancelled,         ///< stopped on request before it was done; nothing was changed
    // The network (core/sync).
    NetworkError,      ///< the server could not be reached, did not answer or broke off: retry later
    AccessDenied,      ///< the server refused the credentials (HTTP 401/403): someone must fix them
    ServerNotTrusted,  ///< the server's TLS certificate or public key failed verification
    // A new code goes above this line and into kLastErrorCode.
};
/// The last code: every code is in [Invalid, kLastErrorCode] (tests enumerate them).
inline constexpr ErrorCode kLastErrorCode = ErrorCode::ServerNotTrusted;

enum class ErrorAction : quint8 { Invalid = 0, FixInput, Retry, Stop };

[[nodiscard]] constexpr ErrorAction errorAction(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidState:
    case ErrorCode::RequirementsUnmet:
    case ErrorCode::NotFound:
    case ErrorCode::FormatError:
    case ErrorCode::DiskFull:
    case ErrorCode::AccessDenied:
        return ErrorAction::FixInput;
    case ErrorCode::IoError:
    case ErrorCode::DeviceUnavailable:
    case ErrorCode::Cancelled:
    case ErrorCode::NetworkError:
        return ErrorAction::Retry;
    case ErrorCode::InternalError:
    case ErrorCode::DataCorrupt:
    case ErrorCode::OutOfMemory:
    case ErrorCode::ServerNotTrusted:
    case ErrorCode::Invalid:
        return ErrorAction::Stop;
    }
    return ErrorAction::Stop;
}

[[nodiscard]] const char *errorCodeName(ErrorCode code);

struct Error final {
    ErrorCode code = ErrorCode::Invalid;
    QString detail; ///< stable technical English, safe for logs (never personal data)

    [[nodiscard]] QString toString() const;
    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace dualrec
