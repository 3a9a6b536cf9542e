#include "ui/preflightpage.h"

#include "ui/livefeed.h"
#include "ui/pagestyle.h"
#include "ui/previewwidget.h"
#include "ui/workflowtext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace dualrec::ui {

namespace {

/// A 45-minute session at 2.5 Mbit/s (720p H.264 plus audio).
constexpr std::chrono::minutes kExpectedSession{45};
constexpr int kExpectedKilobitsPerSecond = 2500;
/// The year of this release: a wall clock before it is wrong.
constexpr int kReleaseYear = 2026;
/// The level meter shows -60 .. 0 dBFS.
constexpr double kMeterFloorDbfs = -60.0;

} // namespace

PreflightPage::PreflightPage(const Clock &clock, LiveFeed *feed, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_feed(feed)
{
    setObjectName(QStringLiteral("preflightPage"));
    auto *page = new QVBoxLayout(this);
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title, 1.6);
    page->addWidget(m_title);
    auto *columns = new QHBoxLayout;
    page->addLayout(columns, 1);

    auto *live = new QVBoxLayout;
    m_preview = new PreviewWidget(this);
    m_preview->setObjectName(QStringLiteral("preflightPreview"));
    live->addWidget(m_preview, 1);
    auto *meterRow = new QHBoxLayout;
    m_meterLabel = new QLabel(this);
    m_meter = new QProgressBar(this);
    m_meter->setObjectName(QStringLiteral("preflightMicrophoneMeter"));
    m_meter->setRange(0, 100);
    m_meter->setTextVisible(false);
    m_meterLabel->setBuddy(m_meter);
    meterRow->addWidget(m_meterLabel);
    meterRow->addWidget(m_meter, 1);
    live->addLayout(meterRow);
    columns->addLayout(live, 3);

    auto *layout = new QVBoxLayout;
    columns->addLayout(layout, 2);
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
    layout->addWidget(m_list);
    layout->addWidget(m_reason);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    page->addLayout(buttons);
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
    m_timer = new QTimer(this);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &PreflightPage::evaluate);
    if (m_feed) {
        connect(m_feed, &LiveFeed::frameReady, this, [this](const QImage &frame, const std::vector<vision::FaceBox> &faces) {
            m_live.pictureSeen = true;
            if (isVisible())
                m_preview->showFrame(frame, faces);
        });
        connect(m_feed, &LiveFeed::checked, this, [this](const vision::PresenceCheck &check) {
            m_live.checked = true;
            m_light.add(check.timestamp, check.meanLuma, check.blocked != vision::BlockedReason::None);
            m_live.pictureBlocked = m_light.blocked();
            m_live.meanLuma = m_light.medianLuma();
            m_live.lightSettled = m_light.settled();
            m_live.faces = int(check.faces.size());
        });
        connect(m_feed, &LiveFeed::audioLevel, this, [this](double peak) {
            m_live.soundSeen = true;
            m_live.loudestDbfs = std::max(m_live.loudestDbfs, peak);
            m_meter->setValue(int(std::clamp((peak - kMeterFloorDbfs) / -kMeterFloorDbfs * 100.0, 0.0, 100.0)));
        });
    }
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
    m_live = LiveObservation{};
    m_light.clear();
    m_meter->setValue(0);
    m_preview->showMessage(m_feed ? tr("Waiting for the camera picture…") : tr("No camera or video source is connected."));
    evaluate();
    m_continue->setFocus();
    if (m_feed)
        m_timer->start();
}

void PreflightPage::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void PreflightPage::evaluate()
{
    PreflightInput input;
    input.videoSourceConnected = m_videoSourceConnected;
    input.dataDirectory = m_dataDirectory;
    input.expectedBytes = expectedRecordingBytes(kExpectedSession, kExpectedKilobitsPerSecond);
    input.wallNow = m_clock.wallNow();
    input.earliestPlausibleDate = QDate(kReleaseYear, 1, 1);
    if (m_feed)
        input.live = m_live;
    m_results = runPreflight(input);
    show();
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
    m_meterLabel->setText(tr("Microphone:"));
    m_meter->setAccessibleName(tr("Microphone level"));
    m_preview->setAccessibleName(tr("Camera picture with the framing guide"));
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
    const bool wasEnabled = m_continue->isEnabled();
    m_continue->setEnabled(!m_results.isEmpty() && ok);
    // Once the live checks pass, Enter goes on (keyboard-only use).
    if (m_continue->isEnabled() && !wasEnabled && isVisible())
        m_continue->setFocus();
    m_reason->setText(ok ? QString() : tr("The recording cannot start: %1").arg(failures.join(tr("; "))));
}

} // namespace dualrec::ui
