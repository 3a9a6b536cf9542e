#include "ui/endpage.h"

#include "ui/synctext.h"

#include "ui/errortext.h"

#include "ui/historytext.h"
#include "ui/pagestyle.h"
#include "ui/qctext.h"
#include "ui/qrcodewidget.h"
#include "ui/workflowtext.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;

EndPage::EndPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("endPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title, 1.6);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("endOutcome"));
    m_outcome->setWordWrap(true);
    pageStyle::enlarge(m_outcome, 1.3, true);
    m_seal = new QLabel(this);
    m_seal->setObjectName(QStringLiteral("endSeal"));
    m_seal->setWordWrap(true);
    m_seal->hide();
    layout->addWidget(m_title);
    layout->addWidget(m_outcome);
    layout->addWidget(m_seal);
    m_qc = new QLabel(this);
    m_qc->setObjectName(QStringLiteral("endQc"));
    m_qc->setWordWrap(true);
    m_qc->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pageStyle::enlarge(m_qc, 1.1);
    layout->addWidget(m_qc);
    m_upload = new QLabel(this);
    m_upload->setObjectName(QStringLiteral("endUpload"));
    m_upload->setWordWrap(true);
    m_upload->hide();
    layout->addWidget(m_upload);

    auto *columns = new QHBoxLayout;
    m_summary = new QTableWidget(this);
    m_summary->setObjectName(QStringLiteral("stepSummary"));
    m_summary->setColumnCount(7);
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->verticalHeader()->hide();
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    columns->addWidget(m_summary, 3);

    auto *receipt = new QVBoxLayout;
    m_receiptTitle = new QLabel(this);
    pageStyle::enlarge(m_receiptTitle, 1.2, true);
    m_qr = new QrCodeWidget(this);
    m_qr->setObjectName(QStringLiteral("receiptQr"));
    m_receiptText = new QLabel(this);
    m_receiptText->setObjectName(QStringLiteral("receiptText"));
    m_receiptText->setWordWrap(true);
    m_receiptText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_receiptHint = new QLabel(this);
    m_receiptHint->setObjectName(QStringLiteral("receiptHint"));
    m_receiptHint->setWordWrap(true);
    receipt->addWidget(m_receiptTitle);
    receipt->addWidget(m_receiptHint);
    receipt->addWidget(m_qr, 1);
    receipt->addWidget(m_receiptText);
    columns->addLayout(receipt, 1);
    layout->addLayout(columns, 1);

    m_recordingLabel = new QLabel(this);
    m_recordingLabel->setObjectName(QStringLiteral("recordingLocation"));
    m_recordingLabel->setWordWrap(true);
    m_recordingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pageStyle::enlarge(m_recordingLabel, 1.15);
    layout->addWidget(m_recordingLabel);

    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    m_newSession = new QPushButton(this);
    m_newSession->setObjectName(QStringLiteral("newSession"));
    m_newSession->setDefault(true);
    pageStyle::enlarge(m_newSession, 1.3, true);
    bottom->addWidget(m_newSession);
    layout->addLayout(bottom);
    connect(m_newSession, &QPushButton::clicked, this, &EndPage::newSessionRequested);
    retranslateUi();
}

QString EndPage::receiptText(const Receipt &receipt)
{
    QStringList lines{tr("Receipt of the sales recording")};
    if (!receipt.insurer.isEmpty())
        lines.append(tr("Insurer: %1").arg(receipt.insurer));
    lines.append(tr("Application number: %1").arg(receipt.applicationNo));
    lines.append(tr("Recorded: %1").arg(HistoryText::localDateTime(receipt.recordedAt)));
    lines.append(tr("Length: %1").arg(HistoryText::duration(receipt.duration)));
    lines.append(receipt.checkCode.isEmpty() ? tr("Check code: none, there is no recording file")
                                             : tr("Check code: %1").arg(receipt.checkCode));
    return lines.join(u'\n');
}

QString EndPage::receiptPayload(const Receipt &receipt, const QString &verificationUrl)
{
    if (const auto url = receiptVerificationUrl(verificationUrl, receipt))
        return url->toString(QUrl::FullyEncoded);
    return receiptText(receipt);
}

void EndPage::showSession(const WorkflowSession &session, std::optional<storage::MediaFile> recording, Receipt receipt,
                          QString verificationUrl)
{
    m_session = &session;
    m_verdict.reset();
    m_failure.reset();
    setSealStatus(SealStatus::Invalid);
    m_recording = std::move(recording);
    m_receipt = std::move(receipt);
    m_verificationUrl = std::move(verificationUrl);
    setUploadStatus(std::nullopt);
    fill();
    m_newSession->setFocus();
}

void EndPage::setRecordingFailure(const Error &error, const QString &keptAt, const QString &folder)
{
    m_failure = error;
    m_failureKeptAt = keptAt;
    m_failureFolder = folder;
    fill();
}

void EndPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EndPage::retranslateUi()
{
    setSealStatus(m_sealStatus, m_sealPercent, m_sealError);
    setUploadStatus(m_uploadStatus);
    m_title->setText(tr("Recording ended"));
    m_receiptTitle->setText(tr("Customer's receipt"));
    m_newSession->setText(tr("&New recording"));
    m_summary->setHorizontalHeaderLabels({tr("#"), tr("Step"), tr("Result"), tr("Answer"), tr("Close-ups"),
                                          tr("Time counted"), tr("Out of frame")});
    m_summary->setAccessibleName(tr("Summary of the steps"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_qc->setAccessibleName(tr("Quality check"));
    m_qr->setAccessibleName(tr("Receipt QR code"));
    m_receiptText->setAccessibleName(tr("Receipt text"));
    m_receiptHint->setAccessibleName(tr("What the receipt is for"));
    m_recordingLabel->setAccessibleName(tr("Where the recording is"));
    m_newSession->setAccessibleName(tr("New recording"));
    fill();
}

void EndPage::fill()
{
    if (!m_session)
        return;
    const auto &session = *m_session;
    const auto state = session.state();
    switch (state) {
    case SessionState::Finished:
        m_outcome->setText(tr("All steps were recorded. Thank the customer."));
        break;
    case SessionState::Refused:
        m_outcome->setText(tr("The customer declined to be recorded. This product cannot be sold this way."));
        break;
    case SessionState::Aborted:
        m_outcome->setText(tr("The recording was aborted. Record the sale again as a new session."));
        break;
    case SessionState::Failed:
        if (m_failure && m_failure->code == ErrorCode::DiskFull)
            m_outcome->setText(tr("The recording stopped: the disk is full. Everything recorded until then is kept in %1. "
                                  "Free some space on the disk (technical support can help), then record the sale again "
                                  "as a new session.")
                                   .arg(m_failureKeptAt));
        else if (m_failure)
            m_outcome->setText(tr("The recording stopped. Everything recorded until then is kept in %1. %2 Then record the "
                                  "sale again as a new session.")
                                   .arg(m_failureKeptAt, ErrorText::sentence(m_failure->code, m_failureFolder)));
        else
            m_outcome->setText(tr("The recording failed. Record the sale again as a new session."));
        break;
    case SessionState::Invalid:
    case SessionState::Created:
    case SessionState::Consent:
    case SessionState::Steps:
    case SessionState::Paused:
        m_outcome->setText(WorkflowText::sessionState(state));
        break;
    }

    const auto &steps = session.plan().steps();
    m_summary->setRowCount(int(steps.size()));
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const auto &run = session.stepRun(i);
        QString result;
        if (run.completed)
            result = tr("Completed");
        else if (i == session.currentStep())
            result = tr("Stopped here");
        else
            result = tr("Not reached");
        const QStringList cells{QString::number(i + 1),
                                WorkflowText::stepTitle(session.plan(), i),
                                result,
                                WorkflowText::answer(run.answer),
                                QString::number(run.snapshots),
                                WorkflowText::duration(run.countedTime),
                                WorkflowText::duration(run.violationTime)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 2 && !run.completed)
                item->setForeground(QColor(0xa6, 0x1b, 0x1b));
            if (column == 6 && run.violationTime.count() > 0)
                item->setForeground(QColor(0x8a, 0x4b, 0x00));
            m_summary->setItem(int(i), column, item);
        }
    }

    // The verdict: a sentence for the outcome, one per reason; the stored details in the tooltip.
    QStringList qcLines{QcText::verdictSentence(m_verdict ? m_verdict->outcome : qc::QcOutcome::Pending)};
    QStringList qcDetails;
    if (m_verdict) {
        for (const auto &reason : m_verdict->reasons) {
            qcLines.append(QStringLiteral("• ") + QcText::reason(reason, &session.plan()));
            qcDetails.append(QStringLiteral("%1 %2 %3 %4-%5 ms %6")
                                 .arg(QLatin1String(qc::qcReasonKindName(reason.kind)), QLatin1String(qc::qcSeverityName(reason.severity)),
                                      reason.stepId)
                                 .arg(reason.range.start.count())
                                 .arg(reason.range.end.count())
                                 .arg(reason.detail));
        }
    }
    m_qc->setText(qcLines.join(u'\n'));
    m_qc->setToolTip(qcDetails.join(u'\n'));
    const auto outcome = m_verdict ? m_verdict->outcome : qc::QcOutcome::Pending;
    m_qc->setStyleSheet(outcome == qc::QcOutcome::Fail          ? QStringLiteral("color: #a61b1b;")
                        : outcome == qc::QcOutcome::NeedsReview ? QStringLiteral("color: #8a4b00;")
                        : outcome == qc::QcOutcome::Pass        ? QStringLiteral("color: #1b6e2d;")
                                                                : QString());

    const QString sha = m_recording ? m_recording->sha256 : QString();
    const bool online = isVerificationUrl(m_verificationUrl);
    m_qr->setPayload(receiptPayload(m_receipt, m_verificationUrl));
    m_receiptHint->setText(online ? tr("Let the customer scan this code with a phone: it opens the insurer's page that "
                                       "confirms this recording by its application number, time and check code.")
                                  : tr("Let the customer scan this code with a phone: it keeps the insurer, application "
                                       "number, time and length of this recording, with a check code the insurer can "
                                       "compare with the recording it keeps."));
    m_receiptText->setText(receiptText(m_receipt));
    // The ids are for IT and support: in the tooltip.
    m_receiptText->setToolTip(sha.isEmpty() ? tr("Session %1").arg(session.id().toString())
                                            : tr("Session %1\nSHA-256 of the recording: %2").arg(session.id().toString(), sha));
    if (m_recording) {
        // Sealing and the upload say where they stand above; the file itself stays here.
        m_recordingLabel->setText(tr("The recording is saved encrypted on this computer at %1 (%2).")
                                      .arg(QDir::toNativeSeparators(m_recording->path),
                                           HistoryText::fileSize(m_recording->sizeBytes)));
    } else {
        m_recordingLabel->setText(tr("No finalized recording file belongs to this session (no video source was "
                                     "connected, or the recording broke: see the journal). The session's steps and "
                                     "events are kept in the journal."));
    }
}

void EndPage::setQcVerdict(std::optional<qc::QcVerdict> verdict)
{
    m_verdict = std::move(verdict);
    fill();
}

void EndPage::setSealStatus(SealStatus status, int percent, const std::optional<Error> &error)
{
    m_sealStatus = status;
    m_sealPercent = percent;
    m_sealError = error;
    QString text;
    switch (status) {
    case SealStatus::NotStored:
        text = tr("The recording is not sealed: it could not be saved completely (see above).");
        break;
    case SealStatus::Sealing:
        text = tr("Sealing the recording for the insurer: %1 %").arg(percent);
        break;
    case SealStatus::Sealed:
        text = tr("The recording is sealed for the insurer and waits to be uploaded.");
        break;
    case SealStatus::NoCertificate:
        text = tr("The recording is kept encrypted on this computer but not sealed yet: no insurer certificate is set up. "
                  "Ask branch IT; it is sealed as soon as one is.");
        break;
    case SealStatus::Failed:
        text = error ? ErrorText::describe(tr("The recording could not be sealed yet; DualRec tries again at the next start."), *error)
                     : tr("The recording could not be sealed yet; DualRec tries again at the next start.");
        break;
    case SealStatus::Invalid:
        break;
    }
    m_seal->setText(text);
    m_seal->setToolTip(error ? ErrorText::technicalDetail(*error) : QString());
    m_seal->setVisible(!text.isEmpty());
    setUploadStatus(m_uploadStatus); // a recording that was not stored waits for no upload
}

} // namespace dualrec::ui

namespace dualrec::ui {

void EndPage::setUploads(Uploads uploads)
{
    m_uploads = uploads;
    setUploadStatus(m_uploadStatus);
}

void EndPage::setUploadStatus(const std::optional<sync::SessionUpload> &upload)
{
    m_uploadStatus = upload;
    QString text;
    if (upload)
        text = SyncText::upload(*upload);
    else if (m_uploads == Uploads::NotSetUp && m_session && m_recording && m_sealStatus != SealStatus::NotStored)
        text = tr("Uploading to the insurer is not set up on this computer, so the recording stays here until branch IT "
                  "sets it up.");
    m_upload->setText(text);
    m_upload->setToolTip(upload ? SyncText::detail(upload->error) : QString());
    m_upload->setVisible(!text.isEmpty());
}

} // namespace dualrec::ui
