#pragma once

#include "core/workflow/sessiontimeline.h"

#include <QWidget>

namespace dualrec::ui {

/// The presence timeline of a session as one bar: green while the presence requirement was met,
/// red where it was not, grey where the session was paused, with a tick at every step start.
/// GUI thread only.
class PresenceBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceBar)

public:
    explicit PresenceBar(QWidget *parent = nullptr);

    void setTimeline(const workflow::SessionTimeline &timeline);
    [[nodiscard]] const workflow::SessionTimeline &timeline() const { return m_timeline; }

    [[nodiscard]] QSize sizeHint() const override { return {400, 28}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    workflow::SessionTimeline m_timeline;
};

} // namespace dualrec::ui
