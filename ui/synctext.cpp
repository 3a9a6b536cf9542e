#include "ui/synctext.h"

#include "ui/errortext.h"

namespace dualrec::ui {

QString SyncText::status(const sync::SyncStatus &status)
{
    using Phase = sync::SyncStatus::Phase;
    switch (status.phase) {
    case Phase::Idle:
        return tr("No recording is waiting to be uploaded.");
    case Phase::Uploading: {
        const QString text = tr("Uploading recording %1 of %2 to the insurer: %3 % done.").arg(status.position).arg(status.batch).arg(status.percent);
        return status.failed > 0 ? tr("%1 %n recording(s) could not be uploaded; a supervisor can try again in the history.", nullptr,
                                      status.failed).arg(text)
                                 : text;
    }
    case Phase::WaitingForNetwork:
        return tr("Waiting for the network: %n recording(s) will be uploaded as soon as the insurer's server can be reached.", nullptr,
                  status.left - status.failed);
    case Phase::PausedOnMeteredNetwork:
        return tr("Uploads are paused because this connection is billed by data use: %n recording(s) will be uploaded as soon as "
                  "the computer is on a network that is not.", nullptr, status.left - status.failed);
    case Phase::AllUploaded:
        return tr("All recordings are uploaded; the insurer confirmed receiving them complete.");
    case Phase::Failed:
        return status.error ? ErrorText::describe(tr("%n recording(s) could not be uploaded.", nullptr, status.failed), *status.error)
                            : tr("%n recording(s) could not be uploaded; a supervisor can try again in the history.", nullptr, status.failed);
    case Phase::Invalid:
        break;
    }
    return {};
}

QString SyncText::upload(const sync::SessionUpload &upload)
{
    switch (upload.state) {
    case sync::UploadState::Queued:
    case sync::UploadState::Uploading:
        if (upload.pausedOnMeteredNetwork)
            return tr("Paused because this connection is billed by data use (%1 % done); the upload continues by itself on "
                      "another network.").arg(upload.percent());
        if (upload.waitingForNetwork)
            return tr("Waiting for the network to upload the recording to the insurer (%1 % done); it continues by itself.")
                .arg(upload.percent());
        if (upload.state == sync::UploadState::Queued && upload.confirmedBytes == 0)
            return tr("Queued for upload to the insurer.");
        return tr("Uploading to the insurer: %1 % done.").arg(upload.percent());
    case sync::UploadState::Blocked:
        return upload.error ? ErrorText::describe(tr("The upload to the insurer stopped."), *upload.error)
                            : tr("The upload to the insurer stopped; a supervisor can try again in the history.");
    case sync::UploadState::Acknowledged:
        return tr("Uploaded: the insurer confirmed receiving the sealed recording complete.");
    case sync::UploadState::Purged:
        return tr("Uploaded and confirmed by the insurer; the local copy was removed after the retention period.");
    case sync::UploadState::Invalid:
        break;
    }
    return {};
}

QString SyncText::detail(const std::optional<Error> &error)
{
    return error ? ErrorText::technicalDetail(*error) : QString();
}

} // namespace dualrec::ui
