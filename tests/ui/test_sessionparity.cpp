// One owner for a session (live::SessionController): the window and `dualrec record` write the
// same journal rows for the same sale -- the session row with every fact of the sale form, its
// products, the audit entries and the media files -- ignoring ids and times.
#include "core/live/recordingrun.h"
#include "core/storage/auditlog.h"
#include "core/workflow/workflowsession.h"
#include "core/storage/journal.h"

#include "tests/ui/uifixture.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using test::click;
using test::fillSaleForm;
using test::signIn;
using test::typeText;
using test::waitUntil;

namespace {

struct Rows {
    storage::SessionRecord session;
    QStringList audit;   ///< "actor action" of the session's entries, in order
    QStringList media;   ///< "role name-pattern size>0 digest?" in order
    QStringList evidence; ///< the lifecycle's steps
};

Rows rowsOf(storage::Journal &journal, const workflow::SessionId &id)
{
    Rows rows;
    const auto record = journal.sessions().find(id);
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    rows.session = **record;
    const auto entries = journal.audit().entries();
    REQUIRE(entries.has_value());
    for (const auto &entry : *entries) {
        if (entry.subject == id.toString())
            rows.audit.append(entry.actor + u' ' + entry.action);
    }
    const auto files = journal.sessions().mediaFiles(id);
    REQUIRE(files.has_value());
    for (const auto &file : *files) {
        auto name = QFileInfo(file.path).fileName();
        name.replace(id.toString(), QStringLiteral("ID"));
        rows.media.append(QStringLiteral("%1 %2 %3 %4")
                              .arg(storage::mediaRoleName(file.role), name, file.sizeBytes > 0 || file.role == storage::MediaRole::RecordingFragmented
                                                        ? QStringLiteral("sized")
                                                        : QStringLiteral("empty"),
                                   file.sha256.size() == 64 ? QStringLiteral("hashed") : QStringLiteral("unhashed")));
    }
    const auto transitions = journal.sessions().evidenceTransitions(id);
    REQUIRE(transitions.has_value());
    for (const auto &transition : *transitions)
        rows.evidence.append(storage::evidenceStepName(transition.step));
    return rows;
}

const QString kAgentPassword = QStringLiteral("agent-pass-1");

} // namespace

TEST_CASE("the window and dualrec record write the same journal rows for the same sale")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
    app.addUser(QStringLiteral("agent07"), QStringLiteral("Agent Seven"), storage::UserRole::Agent, kAgentPassword);
    app.startLiveCapture(app.cameraClipWithTone(0.3));
    app.openWindow();
    signIn(app, QStringLiteral("agent07"), kAgentPassword);
    auto *go = app.find<QPushButton>("preflightContinue");
    REQUIRE(waitUntil([&] { return go->isEnabled(); }, 20000));
    click(go);
    const auto idNumber = test::residentIdBornOn(QDate(1990, 5, 17));
    fillSaleForm(app, QStringLiteral("AP-SAME-1"), idNumber);
    click(app.find<QPushButton>("startRecording"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    const auto windowId = app.window->session()->id();
    REQUIRE(app.window->recordingRun() != nullptr);
    REQUIRE(waitUntil([&] { return app.window->recordingRun()->timelineNow() > std::chrono::milliseconds(1500); }, 20000));
    click(app.find<QPushButton>("abortSession"));
    typeText(app.find<QComboBox>("abortReason"), QStringLiteral("customer asked to stop"));
    click(app.find<QPushButton>("confirmAbort"));
    REQUIRE(waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 30000));
    const auto window = rowsOf(*app.journal, windowId);

    // The same sale, from an application file, through the command.
    QTemporaryDir data;
    const auto application = data.filePath(QStringLiteral("application.json"));
    {
        QFile file(application);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(R"({"format": "dualrec-application", "format_version": 1,
            "application_no": "AP-SAME-1",
            "policyholder": {"name": "王秀兰", "id_number": "%1"},
            "channel": "agency",
            "products": [{"template": "traditional-life", "premium": "12000", "payment_method": "annual", "payment_years": 10}]})")
                       .arg(idNumber)
                       .toUtf8());
    }
    QProcess record;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    record.setProcessEnvironment(env);
    record.start(QStringLiteral(DUALREC_BINARY),
                 {QStringLiteral("--data-dir"), data.path(), QStringLiteral("record"), QStringLiteral("--application"),
                  application, QStringLiteral("--agent"), QStringLiteral("agent07"), QStringLiteral("--out"),
                  QDir(data.path()).filePath(QStringLiteral("recordings")), QStringLiteral("--source"),
                  QStringLiteral("demo"), QStringLiteral("--duration"), QStringLiteral("2"), QStringLiteral("--pace"),
                  QStringLiteral("fast")});
    REQUIRE(record.waitForFinished(120000));
    const auto output = QString::fromUtf8(record.readAllStandardOutput());
    INFO(output.toStdString() << QString::fromUtf8(record.readAllStandardError()).toStdString());
    REQUIRE(record.exitCode() == 0);
    const auto match = QRegularExpression(QStringLiteral("recording session ([0-9a-f-]{36})")).match(output);
    REQUIRE(match.hasMatch());
    const auto commandId = workflow::SessionId::fromString(match.captured(1));
    test::ManualClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    const auto command = rowsOf(**journal, commandId);

    const auto &a = window.session;
    const auto &b = command.session;
    CHECK(a.applicationNo == b.applicationNo);
    CHECK(a.agentId == b.agentId);
    REQUIRE(a.customer.has_value());
    CHECK(a.customer == b.customer);
    CHECK(a.customer->idNumber == idNumber);
    CHECK(a.templateId == b.templateId);
    CHECK(a.templateVersion == b.templateVersion);
    CHECK(a.templateVersion.contains(u'@'));
    CHECK(a.products == b.products);
    CHECK(a.scopeRequired == b.scopeRequired);
    CHECK(a.scopeReason == b.scopeReason);
    CHECK(a.channel == QLatin1String("agency"));
    CHECK(a.channel == b.channel);
    CHECK(a.provinceCode == b.provinceCode);
    CHECK(a.state == workflow::SessionState::Aborted);
    CHECK(a.state == b.state);
    CHECK(a.evidence == storage::EvidenceState::Stored);
    CHECK(a.evidence == b.evidence);
    CHECK(window.audit == QStringList{QStringLiteral("agent07 session-start"), QStringLiteral("agent07 session-stop")});
    CHECK(window.audit == command.audit);
    CHECK(window.media == command.media);
    CHECK(window.media.size() == 3);
    CHECK(window.evidence == QStringList{QStringLiteral("recording-opened"), QStringLiteral("recording-closed"),
                                         QStringLiteral("recording-stored")});
    CHECK(window.evidence == command.evidence);
}
