#include "ui/evidenceactions.h"

#include "core/live/evidenceexporter.h"
#include "ui/errortext.h"
#include "ui/qcreportpdf.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace dualrec::ui {

using namespace dualrec::workflow;

namespace {

/// What the report's worker reads: the journal's thread-safe repositories and the templates.
struct ReportSources {
    storage::SessionRepository *sessions;
    storage::QcRepository *qc;
    storage::UserRepository *users;
    const TemplateLibrary *library;
};

} // namespace

EvidenceActions::EvidenceActions(storage::Journal &journal, storage::HistoryQueries &queries, const TemplateLibrary &library,
                                 QWidget *parent)
    : QWidget(parent), m_journal(journal), m_queries(queries), m_library(library)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // A supervisor's plain copy of the session's evidence (legal or complaint handling).
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("historyExport"));
    m_export->setEnabled(false);
    m_exportProgress = new QProgressBar(this);
    m_exportProgress->setObjectName(QStringLiteral("historyExportProgress"));
    m_exportProgress->setRange(0, 100);
    m_exportProgress->hide();
    m_exportResult = new QLabel(this);
    m_exportResult->setObjectName(QStringLiteral("historyExportResult"));
    m_exportResult->setWordWrap(true);
    m_exportResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The QC report as a PDF beside it, with where the report went.
    m_qcReport = new QPushButton(this);
    m_qcReport->setObjectName(QStringLiteral("historyQcReport"));
    m_qcReport->setEnabled(false);
    m_qcReportStatus = new QLabel(this);
    m_qcReportStatus->setObjectName(QStringLiteral("historyQcReportStatus"));
    m_qcReportStatus->setWordWrap(true);
    m_qcReportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_export, 0, 0);
    layout->addWidget(m_qcReport, 0, 1);
    layout->addWidget(m_exportProgress, 0, 2);
    layout->setColumnStretch(2, 1);
    layout->addWidget(m_exportResult, 1, 0, 1, 3);
    layout->addWidget(m_qcReportStatus, 2, 0, 1, 3);

    connect(m_export, &QPushButton::clicked, this, [this] { exportShown(); });
    connect(m_qcReport, &QPushButton::clicked, this, [this] {
        const auto folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const auto path = QFileDialog::getSaveFileName(this, tr("Save the QC report"), QDir(folder).filePath(m_reportFileName),
                                                       tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            saveQcReport(path);
    });
    retranslateUi();
}

void EvidenceActions::setEvidenceKeys(std::shared_ptr<const seal::DeviceKeys> keys, const Clock &clock)
{
    m_keys = keys;
    delete m_exporter;
    m_exporter = keys ? new live::EvidenceExporter(m_journal, keys, clock, this) : nullptr;
    if (m_exporter) {
        connect(m_exporter, &live::EvidenceExporter::progress, this, [this](const SessionId &, int percent) {
            m_exportProgress->setValue(percent);
        });
        connect(m_exporter, &live::EvidenceExporter::finished, this, &EvidenceActions::onExported);
    }
    updateExport();
}

void EvidenceActions::setQc(storage::QcRepository &qc)
{
    m_qc = &qc;
}

void EvidenceActions::setSession(const SessionId &id, const QString &actor, bool maySupervise, const QString &reportFileName)
{
    m_session = id;
    m_actor = actor;
    m_maySupervise = maySupervise;
    m_reportFileName = reportFileName;
    updateExport();
}

void EvidenceActions::allowReport(bool allowed)
{
    // The report shows the customer's face: for those who may export evidence.
    m_mayReport = allowed;
    m_qcReport->setEnabled(m_mayReport && !m_reportRunning && !m_session.isNull());
}

void EvidenceActions::clear()
{
    m_session = {};
    m_reportFileName.clear();
    m_qcReport->setEnabled(false);
    m_qcReportStatus->clear();
    updateExport();
}

bool EvidenceActions::exporting() const
{
    return m_exporter && m_exporter->running();
}

void EvidenceActions::updateExport()
{
    m_export->setEnabled(m_exporter && !m_exporter->running() && !m_session.isNull() && m_maySupervise);
    m_export->setToolTip(m_exporter ? QString() : tr("This data folder has no device key, so there is no encrypted evidence to export."));
}

void EvidenceActions::exportShown(const QString &folder, const std::optional<QString> &password)
{
    if (!m_exporter || m_exporter->running() || m_session.isNull() || !m_maySupervise)
        return;
    const QString target = !folder.isEmpty() ? folder
                                             : QFileDialog::getExistingDirectory(this, tr("Choose the folder for the exported evidence"));
    if (target.isEmpty())
        return; // the person changed their mind
    // Plain copies leave the protection of the data folder: the signed-in person confirms with
    // their password, as `dualrec export` asks for it.
    QString given;
    if (password) {
        given = *password;
    } else {
        bool confirmed = false;
        given = QInputDialog::getText(this, tr("Export evidence"),
                                      tr("The exported files can be opened by anyone. Enter your password again to confirm "
                                         "that it is you who exports them:"),
                                      QLineEdit::Password, QString(), &confirmed);
        if (!confirmed)
            return;
    }
    m_exportResult->setStyleSheet(QString());
    m_exportResult->setText(tr("Checking your password, then exporting the evidence of this session…"));
    m_exportProgress->setValue(0);
    m_exportProgress->show();
    m_exporter->start(m_session, target, m_actor, given);
    updateExport();
}

void EvidenceActions::onExported(const SessionId &, const seal::EvidenceExport &exported, const std::optional<Error> &failure,
                                 storage::LoginResult signIn)
{
    const Result<seal::EvidenceExport> result = failure ? Result<seal::EvidenceExport>(std::unexpected(*failure))
                                                        : Result<seal::EvidenceExport>(exported);
    m_exportProgress->hide();
    updateExport();
    if (result) {
        int recordings = 0;
        int snapshots = 0;
        int others = 0;
        QStringList names;
        for (const auto &file : result->files) {
            names.append(QFileInfo(file.path).fileName());
            if (file.role == storage::MediaRole::Recording || file.role == storage::MediaRole::RecordingFragmented)
                ++recordings;
            else if (file.role == storage::MediaRole::Snapshot)
                ++snapshots;
            else
                ++others;
        }
        const QString folder = QDir::toNativeSeparators(result->folder);
        QStringList parts;
        if (recordings > 0)
            parts.append(tr("%n recording(s)", nullptr, recordings));
        if (snapshots > 0)
            parts.append(tr("%n close-up photo(s)", nullptr, snapshots));
        if (others > 0)
            parts.append(tr("%n description file(s) of the recording", nullptr, others));
        m_exportResult->setText(tr("Exported into the folder %1: %2, as plain files anyone can open, and the list export.json with "
                                   "the SHA-256 of each. Keep them as confidentially as the recording itself.")
                                    .arg(folder, parts.join(tr(", "))));
        m_exportResult->setToolTip(names.join(u'\n'));
        return;
    }
    const auto &error = result.error();
    QString sentence;
    switch (error.code) {
    case ErrorCode::AccessDenied:
        if (signIn == storage::LoginResult::Rejected || signIn == storage::LoginResult::Invalid)
            sentence = tr("The password is wrong, so nothing was exported. Too many wrong passwords lock your account.");
        else if (signIn == storage::LoginResult::LockedOut)
            sentence = tr("Your account is locked after too many wrong passwords, so nothing was exported. Ask a supervisor or IT "
                          "to unlock it.");
        else
            sentence = tr("Only supervisors and IT may export evidence; your account may not (any more). Nothing was exported.");
        break;
    case ErrorCode::InvalidState:
        sentence = tr("The chosen folder already holds an export of this session, and an export never overwrites one. Nothing "
                      "was exported; choose another folder or move the old export away.");
        break;
    case ErrorCode::NotFound:
        sentence = tr("A file of this session is missing from the data folder, so nothing was exported. Ask IT to restore the "
                      "data folder from its backup.");
        break;
    case ErrorCode::DataCorrupt:
        sentence = tr("A file of this session does not match what the journal recorded (it may have been altered or damaged), so "
                      "nothing was exported and what was copied was removed. Tell IT.");
        break;
    case ErrorCode::DiskFull:
        sentence = tr("The disk of the chosen folder is full. What was copied was removed; free some space or choose another "
                      "folder.");
        break;
    case ErrorCode::IoError:
    case ErrorCode::InvalidArgument:
        sentence = tr("The chosen folder cannot be written to. What was copied was removed; choose a folder you may write in.");
        break;
    default:
        sentence = ErrorText::describe(tr("The evidence was not exported."), error);
        break;
    }
    m_exportResult->setText(sentence);
    m_exportResult->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    m_exportResult->setToolTip(ErrorText::technicalDetail(error));
}

void EvidenceActions::saveQcReport(const QString &path)
{
    if (m_session.isNull() || !m_qc || m_reportRunning)
        return;
    const auto id = m_session;
    const auto actor = m_actor;
    m_reportRunning = true;
    m_qcReport->setEnabled(false);
    m_qcReportStatus->setText(tr("Making the QC report…"));
    // The journal is read and the export audited in the history's worker (its own connection);
    // the stills are decoded and the PDF drawn in the thread pool, which never touches the journal.
    const ReportSources sources{&m_journal.sessions(), m_qc, &m_journal.users(), &m_library};
    m_queries.runInWorker<Result<qc::QcReportModel>>(
        [sources, id] { return qc::buildQcReport({*sources.sessions, *sources.qc, *sources.users, *sources.library}, id); }, this,
        [this, id, actor, path](Result<qc::QcReportModel> model) {
            if (!model)
                return finishQcReport(path, ErrorText::describe(tr("The QC report was not saved."), model.error()));
            auto *watcher = new QFutureWatcher<Result<void>>(this);
            connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher, id, actor, path] {
                watcher->deleteLater();
                if (const auto written = watcher->result(); !written)
                    return finishQcReport(path, ErrorText::describe(tr("The QC report was not saved."), written.error()));
                m_queries.runInWorker<std::optional<Error>>(
                    [audit = &m_journal.audit(), id, actor, path]() -> std::optional<Error> {
                        if (auto audited = audit->append(actor, storage::AuditAction::Export, id.toString(), QStringLiteral("qc report (PDF): ") + path);
                            !audited)
                            return audited.error();
                        return std::nullopt;
                    },
                    this, [this, path](std::optional<Error> notAudited) {
                        if (!notAudited)
                            return finishQcReport(path, {});
                        // Never a report out of the data folder that the audit log does not know of.
                        QFile::remove(path);
                        finishQcReport(path, ErrorText::describe(tr("The QC report was removed again because the audit log cannot be written."),
                                                                 *notAudited));
                    });
            });
            watcher->setFuture(QtConcurrent::run([model = std::move(*model), keys = m_keys, path]() -> Result<void> {
                return QcReportPdf::write(model, keys.get(), path);
            }));
        });
}

void EvidenceActions::finishQcReport(const QString &path, const QString &problem)
{
    m_reportRunning = false;
    m_qcReportStatus->setText(problem.isEmpty() ? tr("The QC report is saved in %1.").arg(QDir::toNativeSeparators(path)) : problem);
    m_qcReport->setEnabled(m_mayReport && !m_session.isNull());
    Q_EMIT qcReportFinished(path, problem);
}

void EvidenceActions::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EvidenceActions::retranslateUi()
{
    m_export->setText(tr("E&xport evidence…"));
    m_export->setAccessibleName(tr("Export evidence"));
    m_exportProgress->setAccessibleName(tr("Export progress"));
    m_exportResult->setAccessibleName(tr("Result of the export"));
    updateExport();
    m_qcReport->setText(tr("&QC report (PDF)…"));
    m_qcReport->setAccessibleName(tr("Save the QC report as a PDF"));
    m_qcReportStatus->setAccessibleName(tr("Where the QC report was saved"));
    m_qcReport->setToolTip(tr("A report to look at: the verdict, the steps, who was in the picture, the customer's speech and a picture of each problem."));
}

} // namespace dualrec::ui
