#pragma once

#include "core/seal/devicekeys.h"
#include "core/seal/evidenceexport.h"
#include "core/storage/historyqueries.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/workflow/sessionevent.h"
#include "core/workflow/templatelibrary.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace dualrec::live {
class EvidenceExporter;
}

namespace dualrec::ui {

/// What takes a session's evidence out of the data folder, in the history's detail pane: the
/// supervisor's export of plain copies ("Export evidence…", live::EvidenceExporter in its worker
/// thread, with a progress bar and a sentence saying what was written where) and the QC report
/// as a PDF ("QC report (PDF)…": the journal read and the export audited in the history's worker
/// thread, `queries`; the stills decoded and the PDF drawn in the thread pool). The export asks
/// for the signed-in person's password again (checked in the exporter's worker). Both are for
/// supervisors and IT only; the detail pane says which session is shown and whether the viewer
/// may (setSession).
///
/// Thread contract: GUI thread only. `journal`, `queries` and `library` must outlive it.
class EvidenceActions final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvidenceActions)

public:
    EvidenceActions(storage::Journal &journal, storage::HistoryQueries &queries, const workflow::TemplateLibrary &library,
                    QWidget *parent = nullptr);

    /// The data folder's device keys (the export needs them; the report decodes its stills with
    /// them); `clock` dates an export.
    void setEvidenceKeys(std::shared_ptr<const seal::DeviceKeys> keys, const Clock &clock);
    /// The QC verdicts the report reads (without a call there is no report).
    void setQc(storage::QcRepository &qc);
    /// The session the detail pane shows, who looks (the audit log's actor), whether that
    /// account may take evidence out, and the report's default file name. A null `id`: none.
    void setSession(const workflow::SessionId &id, const QString &actor, bool maySupervise, const QString &reportFileName);
    /// The report is offered (the QC verdicts were read and the viewer may); false also while none is shown.
    void allowReport(bool allowed);
    /// No session shown: nothing to press, the last outcomes cleared.
    void clear();

    /// Exports the evidence of the session shown (what "Export evidence…" does): asks for a
    /// folder and for the signed-in person's password again, then checks the password and
    /// copies in a worker thread with a progress bar and says what was written where (or why
    /// not). For tests: `folder` and `password` are used instead of asking.
    void exportShown(const QString &folder = {}, const std::optional<QString> &password = std::nullopt);
    [[nodiscard]] bool exporting() const;
    /// Writes the QC report of the session shown as a PDF (what the "QC report (PDF)…" button
    /// does after its file dialog): off the GUI thread, audited as an export when written;
    /// qcReportFinished() tells the outcome. For tests: the path instead of the dialog.
    void saveQcReport(const QString &path);
    /// The QC report's default file name for the session shown (empty: none shown).
    [[nodiscard]] QString qcReportFileName() const { return m_reportFileName; }

Q_SIGNALS:
    /// A QC report was written (`error` empty) or not (`error` says why, in words).
    void qcReportFinished(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateExport();
    void onExported(const workflow::SessionId &id, const seal::EvidenceExport &exported, const std::optional<Error> &error,
                    storage::LoginResult signIn);

    void finishQcReport(const QString &path, const QString &problem);

    storage::Journal &m_journal;
    storage::HistoryQueries &m_queries;
    const workflow::TemplateLibrary &m_library;
    std::shared_ptr<const seal::DeviceKeys> m_keys;
    storage::QcRepository *m_qc = nullptr;
    workflow::SessionId m_session; ///< the session shown (null: none)
    QString m_actor;
    bool m_maySupervise = false;
    bool m_mayReport = false;
    bool m_reportRunning = false;
    QString m_reportFileName;
    live::EvidenceExporter *m_exporter = nullptr; ///< a child, once keys are set
    QPushButton *m_export = nullptr;
    QPushButton *m_qcReport = nullptr;
    QProgressBar *m_exportProgress = nullptr;
    QLabel *m_exportResult = nullptr;
    QLabel *m_qcReportStatus = nullptr;
};

} // namespace dualrec::ui
