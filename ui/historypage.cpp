#include "ui/historypage.h"

#include "core/qc/sessioninputs.h"
#include "ui/errortext.h"
#include "ui/evidenceactions.h"

#include "core/sync/syncservice.h"
#include "core/workflow/sessiontimeline.h"
#include "ui/historytext.h"
#include "ui/pagestyle.h"
#include "ui/playbackwidget.h"
#include "ui/presencebar.h"
#include "ui/qcreportpdf.h"
#include "ui/qctext.h"
#include "ui/spotcheckdialog.h"
#include "ui/synctext.h"
#include "ui/workflowtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;

namespace {

QString clock(std::chrono::nanoseconds at)
{
    return WorkflowText::duration(std::chrono::duration_cast<std::chrono::milliseconds>(at));
}

} // namespace

HistoryPage::HistoryPage(storage::Journal &journal, const TemplateLibrary &library, QWidget *parent)
    : QWidget(parent),
      m_queries(new storage::HistoryQueries(journal, this)), m_library(library)
{
    setObjectName(QStringLiteral("historyPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title, 1.5);
    layout->addWidget(m_title);

    auto *filters = new QHBoxLayout;
    m_useDates = new QCheckBox(this);
    m_useDates->setObjectName(QStringLiteral("historyUseDates"));
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("historyFrom"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("historyTo"));
    for (auto *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(QDate::currentDate());
        edit->setEnabled(false);
    }
    m_agent = new QLineEdit(this);
    m_agent->setObjectName(QStringLiteral("historyAgent"));
    m_application = new QLineEdit(this);
    m_application->setObjectName(QStringLiteral("historyApplication"));
    m_product = new QComboBox(this);
    m_product->setObjectName(QStringLiteral("historyProduct"));
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("historyState"));
    m_qc = new QComboBox(this);
    m_qc->setObjectName(QStringLiteral("historyQc"));
    m_upload = new QComboBox(this);
    m_upload->setObjectName(QStringLiteral("historyUpload"));
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("historyApply"));
    m_apply->setDefault(true);
    for (QWidget *widget : {static_cast<QWidget *>(m_useDates), static_cast<QWidget *>(m_from),
                            static_cast<QWidget *>(m_to), static_cast<QWidget *>(m_agent),
                            static_cast<QWidget *>(m_application), static_cast<QWidget *>(m_product),
                            static_cast<QWidget *>(m_state), static_cast<QWidget *>(m_qc),
                            static_cast<QWidget *>(m_upload), static_cast<QWidget *>(m_apply)})
        filters->addWidget(widget);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(top);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setColumnCount(7);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    topLayout->addWidget(m_table, 1);
    auto *paging = new QHBoxLayout;
    m_previous = new QPushButton(top);
    m_previous->setObjectName(QStringLiteral("historyPrevious"));
    m_next = new QPushButton(top);
    m_next->setObjectName(QStringLiteral("historyNext"));
    m_pageLabel = new QLabel(top);
    m_pageLabel->setObjectName(QStringLiteral("historyPageLabel"));
    // While a query runs: a moving bar and one sentence; the page stays usable.
    m_busyLabel = new QLabel(top);
    m_busyLabel->setObjectName(QStringLiteral("historyBusy"));
    m_busyBar = new QProgressBar(top);
    m_busyBar->setObjectName(QStringLiteral("historyBusyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(m_busyBar->fontMetrics().height() * 6);
    m_busyLabel->hide();
    m_busyBar->hide();
    paging->addWidget(m_previous);
    paging->addWidget(m_pageLabel, 1, Qt::AlignCenter);
    paging->addWidget(m_busyBar);
    paging->addWidget(m_busyLabel);
    paging->addWidget(m_next);
    topLayout->addLayout(paging);

    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QGridLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detailTitle = new QLabel(detail);
    pageStyle::enlarge(m_detailTitle, 1.2, true);
    m_detailSummary = new QLabel(detail);
    m_detailSummary->setObjectName(QStringLiteral("historyDetailSummary"));
    m_detailSummary->setWordWrap(true);
    m_detailSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_presence = new PresenceBar(detail);
    m_presence->setObjectName(QStringLiteral("historyPresenceBar"));
    m_presenceLegend = new QLabel(detail);
    m_presenceLegend->setWordWrap(true); // shares the width with the player
    m_steps = new QListWidget(detail);
    m_steps->setObjectName(QStringLiteral("historySteps"));
    m_events = new QListWidget(detail);
    m_events->setObjectName(QStringLiteral("historyEvents"));
    // Sentences wrap rather than run off to the right.
    for (auto *list : {m_steps, m_events}) {
        list->setWordWrap(true);
        list->setTextElideMode(Qt::ElideNone);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setResizeMode(QListView::Adjust);
    }
    m_problem = new QLabel(detail);
    m_problem->setObjectName(QStringLiteral("historyProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    detailLayout->addWidget(m_detailTitle, 0, 0, 1, 2);
    detailLayout->addWidget(m_detailSummary, 1, 0, 1, 2);
    detailLayout->addWidget(m_presence, 2, 0, 1, 2);
    detailLayout->addWidget(m_presenceLegend, 3, 0, 1, 2);
    detailLayout->addWidget(m_steps, 4, 0);
    detailLayout->addWidget(m_events, 4, 1);
    m_qcDetail = new QLabel(detail);
    m_qcDetail->setObjectName(QStringLiteral("historyQcDetail"));
    m_qcDetail->setWordWrap(true);
    m_qcDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_spotCheck = new QPushButton(detail);
    m_spotCheck->setObjectName(QStringLiteral("historySpotCheck"));
    m_spotCheck->setEnabled(false);
    detailLayout->addWidget(m_qcDetail, 5, 0, 1, 2);
    // The actions that take evidence out of the data folder: the export and the QC report.
    m_evidence = new EvidenceActions(journal, *m_queries, library, detail);
    m_evidence->setObjectName(QStringLiteral("historyEvidenceActions"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_spotCheck, 0, Qt::AlignTop);
    actions->addWidget(m_evidence, 1);
    detailLayout->addLayout(actions, 6, 0, 1, 2);
    detailLayout->addWidget(m_problem, 7, 0, 1, 2);
    // The session's upload (only when uploads are set up): where it stands, retry, first.
    auto *uploadRow = new QHBoxLayout;
    m_uploadDetail = new QLabel(detail);
    m_uploadDetail->setObjectName(QStringLiteral("historyUploadDetail"));
    m_uploadDetail->setWordWrap(true);
    m_retryUpload = new QPushButton(detail);
    m_retryUpload->setObjectName(QStringLiteral("historyRetryUpload"));
    m_prioritizeUpload = new QPushButton(detail);
    m_prioritizeUpload->setObjectName(QStringLiteral("historyPrioritizeUpload"));
    uploadRow->addWidget(m_uploadDetail, 1);
    uploadRow->addWidget(m_retryUpload);
    uploadRow->addWidget(m_prioritizeUpload);
    for (QWidget *widget : {static_cast<QWidget *>(m_uploadDetail), static_cast<QWidget *>(m_retryUpload),
                            static_cast<QWidget *>(m_prioritizeUpload)})
        widget->hide();
    detailLayout->addLayout(uploadRow, 8, 0, 1, 2);
    m_playback = new PlaybackWidget(detail);
    m_playback->setObjectName(QStringLiteral("historyPlayback"));
    detailLayout->addWidget(m_playback, 0, 2, 9, 1);
    detailLayout->setRowStretch(4, 1);
    detailLayout->setColumnStretch(0, 2);
    detailLayout->setColumnStretch(1, 3);
    detailLayout->setColumnStretch(2, 3);
    splitter->addWidget(top);
    splitter->addWidget(detail);
    layout->addWidget(splitter, 1);

    connect(m_useDates, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useDates, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        m_page = 0;
        reload();
    });
    for (auto *edit : {m_agent, m_application})
        connect(edit, &QLineEdit::returnPressed, m_apply, &QPushButton::click);
    connect(m_previous, &QPushButton::clicked, this, [this] {
        if (m_page > 0) {
            --m_page;
            reload();
        }
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (qint64(m_page + 1) * kPageSize < m_total) {
            ++m_page;
            reload();
        }
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showDetail(row); });
    connect(m_queries, &storage::HistoryQueries::listed, this, &HistoryPage::onListed);
    connect(m_queries, &storage::HistoryQueries::detailed, this, &HistoryPage::onDetailed);
    connect(m_queries, &storage::HistoryQueries::verdictsRead, this,
            [this](storage::HistoryQueries::RequestId request, const SessionId &id, const storage::HistoryVerdicts &answer) {
                if (request != m_verdictsRequest) {
                    ++m_dropped;
                    return;
                }
                m_verdictsRequest = 0;
                updateBusy();
                if (id == m_shownSession)
                    showQc(answer.error ? Result<QList<storage::QcVerdictRecord>>(std::unexpected(*answer.error))
                                        : Result<QList<storage::QcVerdictRecord>>(answer.verdicts),
                           m_canSupervise);
            });
    connect(m_spotCheck, &QPushButton::clicked, this, [this] { spotCheckShown(); });
    connect(m_retryUpload, &QPushButton::clicked, this, [this] {
        if (m_sync && !m_detailSession.isNull())
            m_sync->retry(m_detailSession, m_actor);
    });
    connect(m_prioritizeUpload, &QPushButton::clicked, this, [this] {
        if (m_sync && !m_detailSession.isNull())
            m_sync->prioritize(m_detailSession, m_actor);
    });
    // Watching a recording is audited like opening its detail, in the history's worker.
    connect(m_playback, &PlaybackWidget::playbackStarted, this, [this](const QString &path) {
        if (!m_shownSession.isNull())
            m_queries->auditPlayback(m_shownSession, m_actor, path);
    });
    connect(m_queries, &storage::HistoryQueries::auditFailed, this, [this](const Error &error) {
        m_problem->setText(ErrorText::describe(tr("The audit log cannot be written."), error));
    });
    connect(m_queries, &storage::HistoryQueries::spotCheckSaved, this, &HistoryPage::onSpotCheckSaved);
    retranslateUi();
}

void HistoryPage::setEvidenceKeys(std::shared_ptr<const seal::DeviceKeys> keys, const Clock &clock)
{
    m_playback->setEvidenceKeys(keys);
    m_evidence->setEvidenceKeys(std::move(keys), clock);
}

void HistoryPage::setQc(storage::QcRepository &qc, const Clock &clock, double samplePercent)
{
    m_qcRepository = &qc;
    m_evidence->setQc(qc);
    m_clock = &clock;
    m_samplePercent = samplePercent;
}

void HistoryPage::setSync(sync::SyncService *sync)
{
    m_sync = sync;
    if (!m_sync)
        return;
    connect(m_sync, &sync::SyncService::uploadChanged, this, [this](const sync::SessionUpload &upload) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == upload.sessionId) {
                m_rows[row].uploadState = upload.state;
                if (auto *item = m_table->item(row, 6))
                    item->setText(HistoryText::uploadState(m_rows.at(row).uploadState));
            }
        }
        if (upload.sessionId == m_detailSession)
            updateUploadDetail();
    });
    connect(m_sync, &sync::SyncService::requestFailed, this, [this](const workflow::SessionId &, const Error &error) {
        m_problem->setText(ErrorText::describe(tr("The upload could not be changed."), error));
    });
}

void HistoryPage::updateUploadDetail()
{
    const auto upload = m_sync && !m_detailSession.isNull() ? m_sync->upload(m_detailSession) : std::nullopt;
    const bool shown = m_sync && !m_detailSession.isNull();
    m_uploadDetail->setVisible(shown);
    m_retryUpload->setVisible(shown);
    m_prioritizeUpload->setVisible(shown);
    if (!shown)
        return;
    m_uploadDetail->setText(upload ? SyncText::upload(*upload) : HistoryText::uploadState(std::nullopt));
    m_uploadDetail->setToolTip(upload ? SyncText::detail(upload->error) : QString());
    const auto state = upload ? upload->state : sync::UploadState::Invalid;
    const bool active = state == sync::UploadState::Queued || state == sync::UploadState::Uploading;
    m_retryUpload->setEnabled(state == sync::UploadState::Blocked || (active && (upload->waitingForNetwork || upload->error)));
    m_prioritizeUpload->setEnabled(active || state == sync::UploadState::Blocked);
}

void HistoryPage::open(const QString &actor)
{
    m_actor = actor;
    m_page = 0;
    reload();
    m_table->setFocus();
}

storage::HistoryFilter HistoryPage::filter() const
{
    storage::HistoryFilter filter;
    if (m_useDates->isChecked()) {
        filter.from = m_from->date();
        filter.to = m_to->date();
    }
    // A person is found by their name as well as by their login.
    filter.agentId = m_agent->text().trimmed();
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
        if (!filter.agentId.isEmpty() && it.value() == filter.agentId) {
            filter.agentId = it.key();
            break;
        }
    }
    filter.applicationNo = m_application->text().trimmed();
    filter.productCode = m_product->currentData().toString();
    if (const auto state = sessionStateFromName(m_state->currentData().toString()); state != SessionState::Invalid)
        filter.state = state;
    const auto verdict = m_qc->currentData().toString();
    filter.qcVerdict = workflow::enumFromName(storage::kStoredVerdictNames, verdict);
    if (verdict == QLatin1String("review_queue")) {
        filter.reviewQueue = true;
        filter.samplePercent = m_samplePercent;
    }
    const auto upload = m_upload->currentData().toString();
    filter.neverUploaded = upload == QLatin1String("none");
    filter.uploadState = workflow::enumFromName(storage::kUploadStateNames, upload).value_or(storage::UploadState::Invalid);
    return filter;
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryPage::retranslateUi()
{
    m_title->setText(tr("Recorded sessions"));
    m_useDates->setText(tr("&Dates:"));
    m_agent->setPlaceholderText(tr("Agent (name or login)"));
    m_application->setPlaceholderText(tr("Application number"));
    // The hint stays readable in every language: the field is at least as wide as its hint.
    for (auto *edit : {m_agent, m_application})
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + edit->fontMetrics().height() * 2);
    m_apply->setText(tr("&Search"));
    m_previous->setText(tr("◀ &Previous page"));
    m_next->setText(tr("N&ext page ▶"));
    m_detailTitle->setText(tr("Session detail"));
    m_spotCheck->setText(tr("Record a spot-chec&k…"));
    m_spotCheck->setAccessibleName(tr("Record a spot-check"));
    m_qcDetail->setAccessibleName(tr("Quality check of the session"));
    m_retryUpload->setText(tr("Try the upload &again"));
    m_retryUpload->setToolTip(tr("Tries to upload this session's sealed recording again now."));
    m_prioritizeUpload->setText(tr("Upload this &first"));
    m_prioritizeUpload->setToolTip(tr("Moves this session's recording to the front of the upload queue."));
    m_retryUpload->setAccessibleName(tr("Try the upload again"));
    m_prioritizeUpload->setAccessibleName(tr("Upload this first"));
    updateUploadDetail();
    m_presenceLegend->setText(tr("Presence: green = as required, red = someone required was out of frame, grey = paused; "
                                 "lines mark the start of each step."));
    m_table->setHorizontalHeaderLabels({tr("Recorded"), tr("Application"), tr("Agent"), tr("Products"),
                                        tr("State"), tr("QC"), tr("Upload")});
    m_useDates->setAccessibleName(tr("Filter by date"));
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_agent->setAccessibleName(tr("Agent (name or login)"));
    m_application->setAccessibleName(tr("Application number"));
    m_product->setAccessibleName(tr("Product"));
    m_state->setAccessibleName(tr("State"));
    m_qc->setAccessibleName(tr("QC verdict"));
    m_upload->setAccessibleName(tr("Upload"));
    m_apply->setAccessibleName(tr("Search"));
    m_table->setAccessibleName(tr("Sessions"));
    m_previous->setAccessibleName(tr("Previous page"));
    m_next->setAccessibleName(tr("Next page"));
    m_busyLabel->setText(tr("Searching…"));
    m_busyBar->setAccessibleName(tr("Searching…"));
    m_presence->setAccessibleName(tr("Presence timeline"));
    m_detailSummary->setAccessibleName(tr("Session summary"));
    m_steps->setAccessibleName(tr("Steps of the session"));
    m_events->setAccessibleName(tr("Events of the session"));

    auto refill = [](QComboBox *combo, const QList<std::pair<QString, QString>> &items) {
        const QSignalBlocker blocker(combo);
        const auto current = combo->currentData().toString();
        combo->clear();
        for (const auto &[text, value] : items)
            combo->addItem(text, value);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    };
    QList<std::pair<QString, QString>> products{{tr("All products"), QString()}};
    for (const auto &script : m_library.templates()) {
        if (script.product)
            products.append({script.product->name, script.product->code});
    }
    refill(m_product, products);
    QList<std::pair<QString, QString>> states{{tr("All states"), QString()}};
    for (auto state : {SessionState::Created, SessionState::Consent, SessionState::Steps, SessionState::Paused,
                       SessionState::Finished, SessionState::Refused, SessionState::Aborted, SessionState::Failed})
        states.append({WorkflowText::sessionState(state), QString::fromLatin1(sessionStateName(state))});
    refill(m_state, states);
    QList<std::pair<QString, QString>> verdicts{{tr("Any QC verdict"), QString()}};
    for (const auto verdict : {storage::StoredVerdict::Pending, storage::StoredVerdict::Pass, storage::StoredVerdict::NeedsReview,
                               storage::StoredVerdict::Fail})
        verdicts.append({HistoryText::qcVerdict(verdict), storage::storedVerdictName(verdict)});
    // Sessions to spot-check: those needing review, and a sample of the passed ones.
    verdicts.append({tr("Review queue (%1 % of passed sessions sampled)").arg(m_samplePercent), QStringLiteral("review_queue")});
    refill(m_qc, verdicts);
    QList<std::pair<QString, QString>> uploads{{tr("Any upload state"), QString()},
                                               {HistoryText::uploadState(std::nullopt), QStringLiteral("none")}};
    for (const auto &entry : storage::kUploadStateNames)
        uploads.append({HistoryText::uploadState(entry.value), QLatin1String(entry.name)});
    refill(m_upload, uploads);
    if (!m_actor.isEmpty())
        reload();
}

QString HistoryPage::personName(const QString &login) const
{
    const auto name = m_names.value(login);
    return name.isEmpty() ? login : name;
}

void HistoryPage::reload()
{
    m_problem->clear();
    m_listRequest = m_queries->list(filter(), m_page * kPageSize, kPageSize);
    updateBusy();
}

void HistoryPage::updateBusy()
{
    m_busyLabel->setVisible(busy());
    m_busyBar->setVisible(busy());
}

void HistoryPage::onListed(storage::HistoryQueries::RequestId request, const storage::HistoryListing &listing)
{
    if (request != m_listRequest) {
        ++m_dropped; // a newer search is on its way
        return;
    }
    m_listRequest = 0;
    updateBusy();
    if (listing.error) {
        m_problem->setText(ErrorText::describe(tr("The history cannot be read."), *listing.error));
        return;
    }
    m_names = listing.names;
    if (listing.namesError)
        m_problem->setText(ErrorText::describe(tr("The accounts cannot be read, so logins are shown instead of names."),
                                               *listing.namesError));
    m_rows = listing.page.rows;
    m_total = listing.page.total;
    const QSignalBlocker blocker(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const auto &entry = m_rows.at(row);
        const QString stateText = WorkflowText::sessionState(entry.state);
        const QStringList cells{HistoryText::localDateTime(entry.createdAt), entry.applicationNo,
                                personName(entry.agentId), entry.products, stateText,
                                HistoryText::qcVerdict(entry.qcVerdict), HistoryText::uploadState(entry.uploadState)};
        // The ids are for IT and support: in the tooltip, not in the table.
        const auto tooltip = tr("Session %1\nAgent login: %2").arg(entry.id.toString(), entry.agentId);
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(tooltip);
            m_table->setItem(row, column, item);
        }
    }
    const qint64 pages = std::max<qint64>(1, (m_total + kPageSize - 1) / kPageSize);
    m_pageLabel->setText(tr("Page %1 of %2 (%n session(s))", nullptr, int(m_total)).arg(m_page + 1).arg(pages));
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(qint64(m_page + 1) * kPageSize < m_total);
    // A detail still on its way belongs to a row of the old list: it is not shown.
    m_detailRequest = 0;
    m_verdictsRequest = 0;
    updateBusy();
    clearDetail();
}

void HistoryPage::clearDetail()
{
    m_detailSummary->setText(tr("Choose a session in the table to see its steps and events."));
    m_detailSummary->setToolTip(QString());
    m_presence->setTimeline({});
    m_steps->clear();
    m_events->clear();
    m_shownSession = {};
    m_shownPlan.reset();
    m_qcDetail->clear();
    m_spotCheck->setEnabled(false);
    m_evidence->clear();
    m_playback->clear();
    m_detailSession = {};
    updateUploadDetail();
}

void HistoryPage::showDetail(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        m_detailRequest = 0; // an answer still on its way is not for this
        updateBusy();
        clearDetail();
        return;
    }
    clearDetail();
    m_detailSession = m_rows.at(row).id;
    updateUploadDetail();
    m_detailRequest = m_queries->detail(m_detailSession, m_actor);
    updateBusy();
}

void HistoryPage::onDetailed(storage::HistoryQueries::RequestId request, const storage::HistoryDetail &answer)
{
    if (request != m_detailRequest) {
        ++m_dropped; // another row was chosen meanwhile
        return;
    }
    m_detailRequest = 0;
    updateBusy();
    const auto id = m_detailSession;
    const auto *detail = &answer;
    if (answer.error) {
        m_problem->setText(ErrorText::describe(tr("This session cannot be read."), *answer.error));
        m_shownSession = {};
        m_playback->clear();
        return;
    }
    if (detail->auditError)
        m_problem->setText(ErrorText::describe(tr("The audit log cannot be written."), *detail->auditError));
    const auto &session = detail->record;
    const auto *events = &detail->events;
    m_canSupervise = detail->viewerCanSupervise;
    const auto timeline = buildSessionTimeline(*events);
    std::chrono::nanoseconds outOfFrame{0};
    for (const auto &span : timeline.presenceViolations)
        outOfFrame += span.end - span.start;
    std::optional<ScriptPlan> plan;
    if (auto found = m_library.plan(session.templateId.split(u'+')))
        plan = std::move(*found);
    QString size;
    if (!detail->filesError) {
        for (const auto &file : detail->files) {
            if (file.role == storage::MediaRole::Recording)
                size = HistoryText::fileSize(file.sizeBytes);
        }
    }
    QString summary = tr("Application %1, recorded by %2 on %3. %4, %5.")
                          .arg(session.applicationNo, personName(session.agentId),
                               HistoryText::localDateTime(session.createdAt), WorkflowText::sessionState(session.state),
                               HistoryText::qcVerdict(session.qcVerdict));
    summary += u'\n' + (outOfFrame.count() > 0 ? tr("Length %1, of which %2 with someone required out of the picture.")
                                                     .arg(HistoryText::duration(std::chrono::duration_cast<std::chrono::milliseconds>(timeline.duration())),
                                                          HistoryText::duration(std::chrono::duration_cast<std::chrono::milliseconds>(outOfFrame)))
                                               : tr("Length %1, everyone required in the picture throughout.")
                                                     .arg(HistoryText::duration(std::chrono::duration_cast<std::chrono::milliseconds>(timeline.duration()))));
    if (!size.isEmpty())
        summary = HistoryText::tr("%1 %2", "two sentences in a row").arg(summary, tr("Recording file: %1.").arg(size));
    // A rule's reason is the regulator's sentence from the rule set (data, in Chinese); when no
    // rule applied, the stored text names rule set ids, which are for the tooltip.
    QStringList ruleReasons;
    for (const auto &set : m_library.ruleSets()) {
        for (const auto &rule : set.rules)
            ruleReasons.append(rule.reason);
    }
    summary += u'\n' + (session.scopeRequired ? tr("Why it was recorded: %1").arg(HistoryText::scopeReason(session.scopeReason, ruleReasons))
                                                : tr("No rule required a recording; it was recorded all the same."));
    m_detailSummary->setText(summary);
    m_detailSummary->setToolTip(tr("Session %1\nAgent login: %2\nScript: %3 (version %4)\nScope: %5")
                                    .arg(id.toString(), session.agentId, session.templateId, session.templateVersion,
                                         session.scopeReason));
    m_presence->setTimeline(timeline);
    const EventContext context{personName(session.agentId), plan ? &*plan : nullptr};
    m_steps->clear();
    QSet<qsizetype> completed;
    for (const auto &event : *events) {
        if (event.type == SessionEventType::StepCompleted)
            completed.insert(event.stepIndex);
    }
    for (const auto &chapter : timeline.chapters) {
        const bool done = completed.contains(chapter.stepIndex);
        auto *item = new QListWidgetItem(tr("%1 %2, from %3 (%4)")
                                             .arg(done ? QStringLiteral("✓") : QStringLiteral("✗"),
                                                  HistoryText::step(chapter.stepIndex, context.plan),
                                                  clock(chapter.start - timeline.start),
                                                  done ? tr("done") : tr("not done")),
                                         m_steps);
        item->setToolTip(chapter.stepId);
    }
    m_events->clear();
    for (const auto &event : *events) {
        // Time of day for people, and the place on the recording's timeline for the player.
        auto *item = new QListWidgetItem(tr("%1 (%2)  %3")
                                             .arg(HistoryText::localTime(event.wallTime), clock(event.monotonic - timeline.start),
                                                  HistoryText::event(event, context)),
                                         m_events);
        item->setToolTip(HistoryText::technical(event));
    }
    m_shownSession = id;
    m_shownPlan = plan;
    m_evidence->setSession(id, m_actor, detail->viewerCanSupervise, qcReportFileName());
    showQc(detail->verdictsError ? Result<QList<storage::QcVerdictRecord>>(std::unexpected(*detail->verdictsError))
                                 : Result<QList<storage::QcVerdictRecord>>(detail->verdicts),
           detail->viewerCanSupervise);
    showRecording(id, *detail, timeline, plan);
}

void HistoryPage::showQc(const Result<QList<storage::QcVerdictRecord>> &verdicts, bool canSupervise)
{
    const auto &plan = m_shownPlan;
    m_qcDetail->clear();
    m_spotCheck->setEnabled(false);
    if (!m_qcRepository)
        return;
    if (!verdicts) {
        m_qcDetail->setText(ErrorText::describe(tr("The quality check of this session cannot be read."), verdicts.error()));
        return;
    }
    // The automatic verdict (the latest) with its reasons, and beside it every spot-check.
    const storage::QcVerdictRecord *automatic = nullptr;
    QStringList checks;
    for (const auto &verdict : *verdicts) {
        if (verdict.source == storage::QcSource::Automatic)
            automatic = &verdict;
        else if (verdict.source == storage::QcSource::Supervisor)
            checks.append(QcText::spotCheck(verdict, personName(verdict.reviewer), plan ? &*plan : nullptr));
    }
    QStringList lines;
    QStringList details;
    if (automatic) {
        lines.append(tr("Automatic check: %1").arg(QcText::verdictSentence(qc::outcomeOf(automatic->verdict))));
        for (const auto &reason : automatic->reasons) {
            lines.append(QStringLiteral("• ") + QcText::reason(reason, plan ? &*plan : nullptr));
            details.append(QcText::technical(reason));
        }
    } else {
        lines.append(tr("Automatic check: not done for this session."));
    }
    lines.append(checks.isEmpty() ? tr("Spot-check: none yet.") : tr("Spot-check: %1").arg(checks.join(u'\n')));
    m_qcDetail->setText(lines.join(u'\n'));
    m_qcDetail->setToolTip(details.join(QStringLiteral("\n\n")));
    m_spotCheck->setEnabled(canSupervise);
    m_evidence->allowReport(canSupervise);
}

QString HistoryPage::qcReportFileName() const
{
    for (const auto &row : m_rows) {
        if (row.id == m_shownSession) {
            qc::QcReportModel model;
            model.applicationNo = row.applicationNo;
            model.createdAt = row.createdAt;
            return QcReportPdf::defaultFileName(model);
        }
    }
    return {};
}

void HistoryPage::spotCheckShown(const std::function<void(SpotCheckDialog &)> &answer)
{
    if (m_shownSession.isNull() || !m_qcRepository || !m_clock || m_spotCheckRequest)
        return; // one spot-check at a time
    QList<std::pair<QString, QString>> steps;
    if (m_shownPlan) {
        for (qsizetype i = 0; i < m_shownPlan->steps().size(); ++i)
            steps.append({m_shownPlan->steps().at(i).id, HistoryText::step(i, &*m_shownPlan)});
    }
    SpotCheckDialog dialog(steps, this);
    if (answer)
        answer(dialog);
    else if (dialog.exec() != QDialog::Accepted)
        return;
    // Saved in the history's worker, in order with its queries; the verdicts come back with it.
    m_spotCheckRequest = m_queries->saveSpotCheck(m_shownSession, dialog.result(), m_actor, m_clock->wallNow());
    updateBusy();
}

void HistoryPage::onSpotCheckSaved(storage::HistoryQueries::RequestId request, const SessionId &id, const storage::HistorySpotCheck &answer)
{
    if (request == m_spotCheckRequest)
        m_spotCheckRequest = 0;
    updateBusy();
    // Said whichever session is shown by now: a spot-check that was not saved must not go unnoticed.
    if (answer.accountError)
        m_problem->setText(ErrorText::describe(tr("The spot-check was not saved: your account cannot be read."), *answer.accountError));
    else if (answer.saveError)
        m_problem->setText(ErrorText::describe(tr("The spot-check was not saved."), *answer.saveError));
    else
        m_problem->clear();
    if (id == m_shownSession)
        showQc(answer.verdicts.error ? Result<QList<storage::QcVerdictRecord>>(std::unexpected(*answer.verdicts.error))
                                     : Result<QList<storage::QcVerdictRecord>>(answer.verdicts.verdicts),
               m_canSupervise);
}

void HistoryPage::showRecording(const SessionId &id, const storage::HistoryDetail &detail, const SessionTimeline &timeline,
                                const std::optional<ScriptPlan> &plan)
{
    m_shownSession = id;
    if (detail.filesError) {
        m_playback->showProblem(ErrorText::describe(tr("The files of this session cannot be read from the journal."), *detail.filesError));
        return;
    }
    const auto *files = &detail.files;
    // The finalized MP4 if there is one; otherwise the fragmented file a recording that was
    // never finalized (a crash) left behind, which plays too.
    std::optional<storage::MediaFile> recording;
    for (const auto &file : *files) {
        if (file.role == storage::MediaRole::Recording)
            recording = file;
    }
    for (const auto &file : *files) {
        if (!recording && file.role == storage::MediaRole::RecordingFragmented)
            recording = file;
    }
    if (!recording) {
        m_playback->showProblem(tr("No recording file is registered for this session."));
        return;
    }
    // Event times count from the session's creation, which is the recording's timeline zero
    // (app/recordcommand.cpp starts the recorder's clock there): chapter times are the events'
    // own. The journal rather than the MP4's chapter track, because the fragmented file of an
    // unfinished recording has none, and the journal knows which step each chapter is.
    QList<PlaybackChapter> chapters;
    for (const auto &chapter : timeline.chapters) {
        const auto title = plan && chapter.stepIndex >= 0 && chapter.stepIndex < plan->steps().size()
                               ? WorkflowText::stepTitle(*plan, chapter.stepIndex)
                               : tr("Step %1").arg(chapter.stepIndex + 1);
        chapters.append({QStringLiteral("%1. %2").arg(chapter.stepIndex + 1).arg(title),
                         std::chrono::duration_cast<std::chrono::milliseconds>(chapter.start)});
    }
    m_playback->load(recording->path, chapters, recording->sha256);
}

} // namespace dualrec::ui
