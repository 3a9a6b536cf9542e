#pragma once

#include "core/util/clock.h"
#include "core/util/preflight.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace dualrec::ui {

/// Before each recording: is a video source connected, is there disk space for the recording,
/// is the clock plausible, is the computer on mains or a charged battery. The checks are core's
/// (runPreflight); the page shows them and refuses to go on while one failed, saying why.
/// GUI thread only.
class PreflightPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreflightPage)

public:
    PreflightPage(const Clock &clock, QWidget *parent = nullptr);

    /// Runs the checks for a recording into `dataDirectory`.
    void check(const QString &dataDirectory, bool videoSourceConnected);
    [[nodiscard]] const QList<PreflightResult> &results() const { return m_results; }

Q_SIGNALS:
    void passed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void show();

    const Clock &m_clock;
    QString m_dataDirectory;
    bool m_videoSourceConnected = false;
    QList<PreflightResult> m_results;

    QLabel *m_title = nullptr;
    QLabel *m_list = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_recheck = nullptr;
    QPushButton *m_continue = nullptr;
};

} // namespace dualrec::ui
