#pragma once

#include "core/seal/devicekeys.h"
#include "core/storage/historyqueries.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/workflow/sessiontimeline.h"
#include "core/workflow/templatelibrary.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace dualrec::sync {
class SyncService;
}

namespace dualrec::ui {

class EvidenceActions;
class PlaybackWidget;
class PresenceBar;

/// The supervisor's history: sessions filtered by date, agent, application number, product,
/// state, QC verdict and upload state, a page at a time (SessionRepository::history, indexed
/// SQL with LIMIT/OFFSET, so 10k sessions cost one page), and a detail pane with the steps,
/// the events, the presence timeline as a bar and the QC verdict. Opening a session's detail
/// is written to the audit log. Customers' personal data is not shown. The detail pane plays
/// the session's recording with its steps as chapters (PlaybackWidget); starting playback is
/// audited too. Everything is said for people (HistoryText): names instead of logins, local
/// times, events as sentences; ids and stored texts only in tooltips.
///
/// The queries (a page of sessions, a session's detail, its verdicts) and the writes (a
/// spot-check, the audit entry of a playback) run in the worker thread of its
/// storage::HistoryQueries; while one runs the page says so ("Searching…") and stays
/// usable, and an answer to a request that was superseded (a newer search, another row) is
/// dropped. GUI thread only.
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    static constexpr int kPageSize = 50;

    HistoryPage(storage::Journal &journal, const workflow::TemplateLibrary &library, QWidget *parent = nullptr);

    /// The data folder's device keys, for playing encrypted recordings (PlaybackWidget), for a
    /// supervisor's export of plain copies and the QC report (EvidenceActions; `clock` dates an export).
    void setEvidenceKeys(std::shared_ptr<const seal::DeviceKeys> keys, const Clock &clock);
    /// The QC verdicts (shown in the detail, and the supervisor's spot-check is saved there),
    /// the clock that dates a spot-check and the review queue's sample of passed sessions in %
    /// (qc/reviewSamplePercent). Without a call the detail shows no verdicts.
    void setQc(storage::QcRepository &qc, const Clock &clock, double samplePercent);
    /// Opens the spot-check dialog for the session shown (what the button does). For tests:
    /// `answer` fills and accepts it instead of asking.
    void spotCheckShown(const std::function<void(class SpotCheckDialog &)> &answer = {});
    /// The export and QC report actions of the detail pane.
    [[nodiscard]] EvidenceActions &evidenceActions() { return *m_evidence; }
    /// The QC report's default file name for the session shown (empty: none shown).
    [[nodiscard]] QString qcReportFileName() const;
    /// The window's uploads: the detail pane then says where the session's upload stands and
    /// offers to try a failed one again or to upload it first (audited as the viewer).
    void setSync(sync::SyncService *sync);
    /// Who is looking (the audit log's actor); reloads the first page.
    void open(const QString &actor);
    [[nodiscard]] storage::HistoryFilter filter() const;
    [[nodiscard]] int pageIndex() const { return m_page; }
    [[nodiscard]] qint64 total() const { return m_total; }
    /// Asks for the detail of the session in table row `row` (also what selecting a row does);
    /// it shows when the query has answered (busy() is false again).
    void showDetail(int row);
    /// A query runs whose answer the page waits for.
    [[nodiscard]] bool busy() const { return m_listRequest || m_detailRequest || m_verdictsRequest || m_spotCheckRequest; }
    /// Answers dropped because a newer request had superseded them.
    [[nodiscard]] int droppedAnswers() const { return m_dropped; }
    [[nodiscard]] storage::HistoryQueries &queries() { return *m_queries; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reload();
    void onListed(storage::HistoryQueries::RequestId request, const storage::HistoryListing &listing);
    void onDetailed(storage::HistoryQueries::RequestId request, const storage::HistoryDetail &detail);
    void onSpotCheckSaved(storage::HistoryQueries::RequestId request, const workflow::SessionId &id,
                          const storage::HistorySpotCheck &answer);
    void updateBusy();
    void clearDetail();
    void updateUploadDetail();
    /// The person behind a login: the account's display name, else the login itself.
    [[nodiscard]] QString personName(const QString &login) const;
    void showQc(const Result<QList<storage::QcVerdictRecord>> &verdicts, bool canSupervise);
    void showRecording(const workflow::SessionId &id, const storage::HistoryDetail &detail,
                       const workflow::SessionTimeline &timeline, const std::optional<workflow::ScriptPlan> &plan);

    storage::HistoryQueries *m_queries = nullptr; ///< a child of the page
    storage::HistoryQueries::RequestId m_listRequest = 0;     ///< the list answer waited for (0: none)
    storage::HistoryQueries::RequestId m_detailRequest = 0;   ///< the detail answer waited for
    storage::HistoryQueries::RequestId m_verdictsRequest = 0; ///< the verdicts answer waited for
    storage::HistoryQueries::RequestId m_spotCheckRequest = 0; ///< the spot-check being saved
    int m_dropped = 0;
    bool m_canSupervise = false; ///< the viewer, as the last detail said
    QHash<QString, QString> m_names; ///< login -> display name, read at each reload
    const workflow::TemplateLibrary &m_library;
    QString m_actor;
    int m_page = 0;
    qint64 m_total = 0;
    QList<storage::HistoryRow> m_rows;

    QLabel *m_title = nullptr;
    QCheckBox *m_useDates = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_agent = nullptr;
    QLineEdit *m_application = nullptr;
    QComboBox *m_product = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_qc = nullptr;
    QComboBox *m_upload = nullptr;
    QPushButton *m_apply = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailSummary = nullptr;
    PresenceBar *m_presence = nullptr;
    QLabel *m_presenceLegend = nullptr;
    QListWidget *m_steps = nullptr;
    QListWidget *m_events = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_qcDetail = nullptr;
    QPushButton *m_spotCheck = nullptr;
    EvidenceActions *m_evidence = nullptr;
    storage::QcRepository *m_qcRepository = nullptr;
    const Clock *m_clock = nullptr;
    double m_samplePercent = 5.0;
    std::optional<workflow::ScriptPlan> m_shownPlan;
    PlaybackWidget *m_playback = nullptr;
    workflow::SessionId m_shownSession; ///< whose recording the player has
    sync::SyncService *m_sync = nullptr;
    workflow::SessionId m_detailSession; ///< whose detail is shown (upload buttons act on it)
    QLabel *m_uploadDetail = nullptr;
    QPushButton *m_retryUpload = nullptr;
    QPushButton *m_prioritizeUpload = nullptr;
};

} // namespace dualrec::ui
