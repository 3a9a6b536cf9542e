#pragma once

#include "core/storage/sessionrecord.h"
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
/// recording is, and the customer's receipt as a QR code (session id, and the recording's
/// SHA-256 once the recording pipeline has registered the file in the journal).
/// GUI thread only.
class EndPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndPage)

public:
    explicit EndPage(QWidget *parent = nullptr);

    /// `recording`: the session's recording file as the journal knows it; none when no
    /// recording exists (the page then says so and the receipt carries only the session id).
    void showSession(const workflow::WorkflowSession &session, std::optional<storage::MediaFile> recording);

    /// What the receipt QR code encodes.
    [[nodiscard]] static QString receiptPayload(const workflow::SessionId &id, const QString &sha256);

Q_SIGNALS:
    void newSessionRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fill();

    const workflow::WorkflowSession *m_session = nullptr;
    std::optional<storage::MediaFile> m_recording;

    QLabel *m_title = nullptr;
    QLabel *m_outcome = nullptr;
    QTableWidget *m_summary = nullptr;
    QLabel *m_recordingLabel = nullptr;
    QLabel *m_receiptTitle = nullptr;
    QrCodeWidget *m_qr = nullptr;
    QLabel *m_receiptText = nullptr;
    QPushButton *m_newSession = nullptr;
};

} // namespace dualrec::ui
