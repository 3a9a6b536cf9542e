#include "ui/preflightpage.h"

#include "ui/pagestyle.h"
#include "ui/workflowtext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace dualrec::ui {

namespace {

/// A 45-minute session at 2.5 Mbit/s (720p H.264 plus audio).
constexpr std::chrono::minutes kExpectedSession{45};
constexpr int kExpectedKilobitsPerSecond = 2500;
/// The year of this release: a wall clock before it is wrong.
constexpr int kReleaseYear = 2026;

} // namespace

PreflightPage::PreflightPage(const Clock &clock, QWidget *parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("preflightPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title, 1.6);
    m_list = new QLabel(this);
    m_list->setObjectName(QStringLiteral("preflightList"));
    m_list->setTextFormat(Qt::PlainText);
    m_list->setWordWrap(true);
    pageStyle::enlarge(m_list, 1.35);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("preflightReason"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    pageStyle::enlarge(m_reason, 1.2);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addWidget(m_reason);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_recheck = new QPushButton(this);
    m_recheck->setObjectName(QStringLiteral("preflightRecheck"));
    m_continue = new QPushButton(this);
    m_continue->setObjectName(QStringLiteral("preflightContinue"));
    m_continue->setDefault(true);
    pageStyle::enlarge(m_continue, 1.4, true);
    pageStyle::addShortcut(this, m_continue, QKeySequence(Qt::CTRL | Qt::Key_Return));
    buttons->addWidget(m_recheck);
    buttons->addWidget(m_continue);
    layout->addLayout(buttons);
    connect(m_recheck, &QPushButton::clicked, this, [this] { check(m_dataDirectory, m_videoSourceConnected); });
    connect(m_continue, &QPushButton::clicked, this, [this] {
        if (preflightPasses(m_results))
            Q_EMIT passed();
    });
    retranslateUi();
}

void PreflightPage::check(const QString &dataDirectory, bool videoSourceConnected)
{
    m_dataDirectory = dataDirectory;
    m_videoSourceConnected = videoSourceConnected;
    PreflightInput input;
    input.videoSourceConnected = videoSourceConnected;
    input.dataDirectory = dataDirectory;
    input.expectedBytes = expectedRecordingBytes(kExpectedSession, kExpectedKilobitsPerSecond);
    input.wallNow = m_clock.wallNow();
    input.earliestPlausibleDate = QDate(kReleaseYear, 1, 1);
    m_results = runPreflight(input);
    show();
    m_continue->setFocus();
}

void PreflightPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PreflightPage::retranslateUi()
{
    m_title->setText(tr("Before recording: checks"));
    m_recheck->setText(tr("Check &again"));
    m_continue->setText(tr("&Continue"));
    m_recheck->setAccessibleName(tr("Check again"));
    m_continue->setAccessibleName(tr("Continue"));
    m_list->setAccessibleName(tr("Check results"));
    m_reason->setAccessibleName(tr("Why the recording cannot start"));
    show();
}

void PreflightPage::show()
{
    QStringList lines;
    QStringList failures;
    for (const auto &result : m_results) {
        QString mark;
        switch (result.status) {
        case PreflightStatus::Ok: mark = QStringLiteral("✔ "); break;
        case PreflightStatus::Warning: mark = QStringLiteral("⚠ "); break;
        case PreflightStatus::Failed: mark = QStringLiteral("✖ "); break;
        case PreflightStatus::Invalid: break;
        }
        const auto text = WorkflowText::preflight(result);
        lines.append(mark + text);
        if (result.status == PreflightStatus::Failed)
            failures.append(text);
    }
    m_list->setText(lines.join(u'\n'));
    const bool ok = preflightPasses(m_results);
    m_continue->setEnabled(!m_results.isEmpty() && ok);
    m_reason->setText(ok ? QString() : tr("The recording cannot start: %1").arg(failures.join(tr("; "))));
}

} // namespace dualrec::ui
