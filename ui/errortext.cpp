#include "ui/errortext.h"

#include <QDir>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcError, "dualrec.error")

namespace dualrec::ui {

QString ErrorText::sentence(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return tr("Some information is missing or not in the expected form. Check what was entered and try again.");
    case ErrorCode::InvalidState:
        return tr("This cannot be done at this point. Follow the steps on the screen.");
    case ErrorCode::RequirementsUnmet:
        return tr("The step's requirements are not met yet; the page says which.");
    case ErrorCode::NotFound:
        return tr("A file or record that is needed was not found. If this happens again, ask technical support for help.");
    case ErrorCode::FormatError:
        return tr("A file is damaged or not in the expected format. Ask technical support for help.");
    case ErrorCode::DiskFull:
        return tr("The disk is full. Free some space (technical support can help) and try again; what was recorded so "
                  "far is kept.");
    case ErrorCode::IoError:
        return tr("Reading or writing a file failed. Try again; if it happens again, ask technical support for help.");
    case ErrorCode::DeviceUnavailable:
        return tr("A camera, microphone or other device is not available. Check that it is connected and not used by "
                  "another program.");
    case ErrorCode::InternalError:
        return tr("Something went wrong inside this program. What was recorded so far is kept; tell technical support.");
    case ErrorCode::DataCorrupt:
        return tr("Stored data failed its integrity check. Nothing was changed; tell technical support.");
    case ErrorCode::OutOfMemory:
        return tr("The computer ran out of memory. Close other programs and try again.");
    case ErrorCode::Cancelled:
        return tr("It was stopped before it was done; nothing was changed.");
    case ErrorCode::NetworkError:
        return tr("The insurer's server could not be reached. The upload continues by itself when the network is back.");
    case ErrorCode::AccessDenied:
        return tr("The insurer's server refused this computer's credentials. Uploads wait until branch IT fixes the upload settings.");
    case ErrorCode::ServerNotTrusted:
        return tr("The insurer's server could not prove its identity (its certificate was not accepted). Nothing was sent; tell branch IT.");
    case ErrorCode::Invalid:
        break;
    }
    return tr("An unknown error occurred. Tell technical support.");
}

QString ErrorText::sentence(ErrorCode code, const QString &folder)
{
    const auto where = QDir::toNativeSeparators(folder);
    switch (code) {
    case ErrorCode::DiskFull:
        return tr("The disk of the folder %1 is full. Free some space (technical support can help) and try again; what "
                  "was recorded so far is kept.").arg(where);
    case ErrorCode::IoError:
        return tr("Reading or writing a file in the folder %1 failed. Check that the folder is there and can be written, "
                  "then try again; if it happens again, ask technical support for help.").arg(where);
    case ErrorCode::NotFound:
        return tr("A file that is needed was not found in the folder %1. If this happens again, ask technical support "
                  "for help.").arg(where);
    case ErrorCode::Invalid:
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidState:
    case ErrorCode::RequirementsUnmet:
    case ErrorCode::FormatError:
    case ErrorCode::DeviceUnavailable:
    case ErrorCode::InternalError:
    case ErrorCode::DataCorrupt:
    case ErrorCode::OutOfMemory:
    case ErrorCode::Cancelled:
    case ErrorCode::NetworkError:
    case ErrorCode::AccessDenied:
    case ErrorCode::ServerNotTrusted:
        break;
    }
    return sentence(code);
}

void ErrorText::log(const Error &error)
{
    qCWarning(lcError).noquote() << errorCodeName(error.code) << error.detail;
}

QString ErrorText::describe(const QString &what, const Error &error)
{
    log(error);
    return tr("%1 %2", "what failed, then why and what to do").arg(what, sentence(error.code));
}

QString ErrorText::describe(const QString &what, const Error &error, const QString &folder)
{
    log(error);
    return tr("%1 %2", "what failed, then why and what to do").arg(what, sentence(error.code, folder));
}

QString ErrorText::technicalDetail(const Error &error)
{
    return tr("Technical detail: %1").arg(error.detail);
}

} // namespace dualrec::ui
