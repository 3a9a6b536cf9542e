#pragma once

#include "core/storage/storedenums.h"
#include "core/workflow/eventdetail.h"
#include "core/workflow/scriptplan.h"
#include "core/workflow/sessionevent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace dualrec::ui {

/// What a history sentence needs to know beyond the event: who recorded and which steps the
/// session had (its plan, when the templates still have it).
struct EventContext final {
    QString agentName;                          ///< display name, or the login when there is none
    const workflow::ScriptPlan *plan = nullptr; ///< may be null: steps are then named by number
};

/// The supervisor's history in words (style P15): the journal keeps events as stable English
/// machine text (core/workflow/eventdetail.h); this turns each into a sentence in the UI
/// language with the person's name, local times, sizes and durations a person reads. Internal
/// ids and the stored text go into technical(), for tooltips. Stateless; any thread with a
/// translator installed (normally the GUI thread).
class HistoryText final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryText)

public:
    /// One event as a sentence ("李晓 paused the recording.").
    [[nodiscard]] static QString event(const workflow::SessionEvent &event, const EventContext &context);
    /// The event as stored (type, step id, detail, UTC time), for a tooltip.
    [[nodiscard]] static QString technical(const workflow::SessionEvent &event);
    /// Why a session stopped or paused, in words.
    [[nodiscard]] static QString reason(const workflow::ParsedReason &reason);
    /// The QC verdict as stored ("pending", "pass", "fail") in words.
    [[nodiscard]] static QString qcVerdict(storage::StoredVerdict verdict);
    /// The upload state as stored ("none", ...) in words.
    [[nodiscard]] static QString uploadState(std::optional<storage::UploadState> state); ///< none: never queued
    /// "40.2 MB" (decimal units, the locale's digits), "512 bytes" below a kilobyte.
    [[nodiscard]] static QString fileSize(qint64 bytes);
    /// "4 min 45 s", "1 h 2 min", "12 s".
    [[nodiscard]] static QString duration(std::chrono::milliseconds duration);
    /// Date and time in the computer's time zone, "2026-12-03 08:15".
    [[nodiscard]] static QString localDateTime(const QDateTime &at);
    /// Time of day in the computer's time zone, "08:15:27".
    [[nodiscard]] static QString localTime(const QDateTime &at);
    /// Why a session was recorded, from the journal's scope text: the rule sets' own reasons
    /// (`ruleReasons`, the regulator's words) as they are, the system's stable texts in words,
    /// anything else referred to the technical details.
    [[nodiscard]] static QString scopeReason(const QString &stored, const QStringList &ruleReasons);
    /// "step 3 “Agent identity”" (the template's title when the plan has the step).
    [[nodiscard]] static QString step(qsizetype index, const workflow::ScriptPlan *plan);

private:
    [[nodiscard]] static QString sentence(const workflow::SessionEvent &event, const EventContext &context);
};

} // namespace dualrec::ui
