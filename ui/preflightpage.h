#pragma once

#include "core/util/clock.h"
#include "core/util/preflight.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace dualrec::ui {

class LiveFeed;
class PreviewWidget;

/// Before each recording: the camera picture with the framing guide and the faces found, the
/// microphone's level meter, the light, and whether there is disk space for the recording, the
/// clock is plausible and the computer is on mains or a charged battery. The checks are core's
/// (runPreflight, fed with what the live feed showed); the page re-runs them twice a second while
/// it is shown and refuses to go on while one failed, saying why. GUI thread only.
class PreflightPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreflightPage)

public:
    /// `feed` null: no live source exists; only its absence is reported.
    PreflightPage(const Clock &clock, LiveFeed *feed, QWidget *parent = nullptr);

    /// Starts the checks for a recording into `dataDirectory`, forgetting what the feed showed before.
    void check(const QString &dataDirectory, bool videoSourceConnected);
    [[nodiscard]] const LiveObservation &observation() const { return m_live; }
    [[nodiscard]] const QList<PreflightResult> &results() const { return m_results; }

Q_SIGNALS:
    void passed();

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void evaluate();
    void show();

    const Clock &m_clock;
    QString m_dataDirectory;
    bool m_videoSourceConnected = false;
    LiveFeed *m_feed = nullptr;
    LiveObservation m_live;
    LightWindow m_light; ///< the light over the last 1.5 s of checks
    QList<PreflightResult> m_results;
    QTimer *m_timer = nullptr;

    PreviewWidget *m_preview = nullptr;
    QLabel *m_meterLabel = nullptr;
    QProgressBar *m_meter = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_list = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_recheck = nullptr;
    QPushButton *m_continue = nullptr;
};

} // namespace dualrec::ui
