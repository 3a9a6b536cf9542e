#pragma once

#include "core/qc/sessionqc.h"
#include "core/storage/sessionrecord.h"
#include "core/sync/syncservice.h"
#include "core/workflow/receipt.h"
#include "core/workflow/workflowsession.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace dualrec::ui {

class QrCodeWidget;

/// The end of a session: the outcome, a per-step summary of what the session recorded (the
/// engine's view: completed, answer, snapshots, time counted, time out of frame), where the
/// recording is, and the customer's receipt as a QR code a phone reads (workflow::Receipt:
/// insurer, application number, time, length and the check code from the recording's SHA-256,
/// as text, or as the insurer's verification address when the IT policy names one).
/// GUI thread only.
class EndPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndPage)

public:
    explicit EndPage(QWidget *parent = nullptr);

    /// `recording`: the session's recording file as the journal knows it; none when no
    /// recording exists (the page then says so and the receipt carries only the session id).
    /// `verificationUrl`: the IT policy's receipt/verificationUrl, empty when there is none.
    void showSession(const workflow::WorkflowSession &session, std::optional<storage::MediaFile> recording,
                     workflow::Receipt receipt, QString verificationUrl);

    /// What the receipt QR code encodes: the verification address with the receipt's values
    /// when `verificationUrl` is one, else the receipt as lines of text in the UI language.
    [[nodiscard]] static QString receiptPayload(const workflow::Receipt &receipt, const QString &verificationUrl);
    /// The receipt as lines of text in the UI language.
    [[nodiscard]] static QString receiptText(const workflow::Receipt &receipt);

    /// The automatic QC verdict (live::SessionController::qcVerdict()): one sentence for the
    /// outcome and one per reason, under the outcome. None: "not done yet".
    void setQcVerdict(std::optional<qc::QcVerdict> verdict);
    /// The recording broke (`error`: a full disk, a failed write); what was recorded until then
    /// is in `keptAt`, inside the data folder `folder`. The outcome says why and what to do.
    /// Cleared by showSession().
    void setRecordingFailure(const Error &error, const QString &keptAt, const QString &folder);

    /// Where the session's sealing stands (live::SealQueue), shown under the outcome.
    enum class SealStatus : quint8 { Invalid = 0, NotStored, Sealing, Sealed, NoCertificate, Failed };
    /// `percent` for Sealing; `error` for Failed (its sentence is shown, the detail in the tooltip).
    void setSealStatus(SealStatus status, int percent = 0, const std::optional<Error> &error = std::nullopt);

    /// Whether this computer uploads to the insurer (sync/endpoint set, a sync::SyncService
    /// runs); Invalid, the default: not known, nothing is said. Set once by the window.
    enum class Uploads : quint8 { Invalid = 0, NotSetUp, SetUp };
    void setUploads(Uploads uploads);
    /// Where the upload of the session's sealed package stands (sync::SyncService), shown next
    /// to the seal status; nullopt: not queued (yet), nothing is said, or, when uploads are not
    /// set up, that the recording stays on this computer until they are.
    void setUploadStatus(const std::optional<sync::SessionUpload> &upload);

Q_SIGNALS:
    void newSessionRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fill();

    const workflow::WorkflowSession *m_session = nullptr;
    std::optional<storage::MediaFile> m_recording;
    workflow::Receipt m_receipt;
    QString m_verificationUrl;

    QLabel *m_title = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_seal = nullptr;
    QLabel *m_qc = nullptr;
    std::optional<qc::QcVerdict> m_verdict;
    std::optional<Error> m_failure;
    QString m_failureKeptAt;
    QString m_failureFolder;
    SealStatus m_sealStatus = SealStatus::Invalid;
    int m_sealPercent = 0;
    std::optional<Error> m_sealError;
    QLabel *m_upload = nullptr;
    std::optional<sync::SessionUpload> m_uploadStatus;
    Uploads m_uploads = Uploads::Invalid;
    QTableWidget *m_summary = nullptr;
    QLabel *m_recordingLabel = nullptr;
    QLabel *m_receiptTitle = nullptr;
    QrCodeWidget *m_qr = nullptr;
    QLabel *m_receiptText = nullptr;
    QLabel *m_receiptHint = nullptr;
    QPushButton *m_newSession = nullptr;
};

} // namespace dualrec::ui
