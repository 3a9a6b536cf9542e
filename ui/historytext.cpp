#include "ui/historytext.h"

#include "ui/workflowtext.h"

#include <QLocale>
#include <QStringList>

namespace dualrec::ui {

using namespace dualrec::workflow;
using std::chrono::milliseconds;

namespace {

QString productNames(const ScriptPlan *plan)
{
    if (!plan)
        return {};
    QStringList names;
    for (const auto &product : plan->products())
        names.append(product.name);
    return names.join(HistoryText::tr(", "));
}

} // namespace

QString HistoryText::step(qsizetype index, const ScriptPlan *plan)
{
    if (plan && index >= 0 && index < plan->steps().size())
        return tr("step %1 “%2”").arg(index + 1).arg(WorkflowText::stepTitle(*plan, index));
    return tr("step %1").arg(index + 1);
}

QString HistoryText::scopeReason(const QString &stored, const QStringList &ruleReasons)
{
    QStringList parts;
    for (const auto &part : stored.split(u';', Qt::SkipEmptyParts)) {
        if (ruleReasons.contains(part))
            parts.append(part);
        else if (part == QLatin1String("recorded with dualrec record (no scope decision)"))
            parts.append(tr("recorded from the command line, without a scope decision"));
        else if (part == QLatin1String("re-indexed from the recording's sidecar"))
            parts.append(tr("taken back into the journal from the recording's sidecar file"));
        else
            parts.append(tr("see the technical details"));
    }
    parts.removeDuplicates();
    return parts.join(tr("; "));
}

QString HistoryText::reason(const ParsedReason &reason)
{
    switch (reason.reason) {
    case SessionReason::CustomerAgreed: return tr("the customer agreed to be recorded");
    case SessionReason::CustomerDeclined: return tr("the customer declined to be recorded");
    case SessionReason::PausedByAgent: return tr("paused by the agent");
    case SessionReason::DeviceLost: return tr("the camera or the microphone was lost");
    case SessionReason::CustomerWantsToStop: return tr("the customer wants to stop");
    case SessionReason::CustomerMustLeave: return tr("the customer must leave");
    case SessionReason::EquipmentProblem: return tr("an equipment problem");
    case SessionReason::WrongApplicationDetails: return tr("wrong application details");
    case SessionReason::AgentsOwnWords: return tr("“%1”").arg(reason.text);
    case SessionReason::WindowClosed: return tr("the window was closed during the recording");
    case SessionReason::RecordingFailed: return tr("the recording file could not be written");
    case SessionReason::RecordingCouldNotStart: return tr("the recording could not start");
    case SessionReason::Interrupted:
        return tr("DualRec stopped while the session was open (a crash, a forced stop or a power cut); "
                  "it was closed at the next start");
    case SessionReason::CommandInterrupted: return tr("the recording program was stopped");
    case SessionReason::DurationLimit: return tr("the set recording time was reached");
    case SessionReason::SourceEnded: return tr("the video source ended");
    case SessionReason::Unknown: return tr("a reason given in the technical details");
    case SessionReason::None:
    case SessionReason::Invalid: break;
    }
    return {};
}

QString HistoryText::event(const SessionEvent &event, const EventContext &context)
{
    // English sentences may begin with "step 3 …"; a sentence starts with a capital.
    auto text = sentence(event, context);
    if (!text.isEmpty() && text.front().isLower())
        text.front() = text.front().toUpper();
    return text;
}

QString HistoryText::sentence(const SessionEvent &event, const EventContext &context)
{
    const auto detail = parseEventDetail(event);
    const auto &name = context.agentName;
    const auto stepText = step(event.stepIndex, context.plan);
    switch (event.type) {
    case SessionEventType::Created: {
        const auto products = productNames(context.plan);
        QString text = products.isEmpty() ? tr("%1 prepared a recording.").arg(name)
                                          : tr("%1 prepared a recording of %2.").arg(name, products);
        if (!detail.previousSession.isNull())
            text = tr("%1 %2", "two sentences in a row").arg(text, tr("It records again a sale whose earlier recording was not usable."));
        return text;
    }
    case SessionEventType::StateChanged: {
        const auto why = reason(detail.reason);
        switch (event.trigger) {
        case SessionTrigger::Start: return tr("%1 started the recording; the customer is asked for consent.").arg(name);
        case SessionTrigger::GiveConsent: return tr("The customer agreed to be recorded.");
        case SessionTrigger::RefuseConsent: return tr("The customer declined to be recorded; the session ended.");
        case SessionTrigger::Pause:
            if (detail.reason.reason == SessionReason::PausedByAgent)
                return tr("%1 paused the recording.").arg(name);
            return why.isEmpty() ? tr("The recording was paused.") : tr("The recording paused by itself: %1.").arg(why);
        case SessionTrigger::Resume: return tr("%1 resumed the recording.").arg(name);
        case SessionTrigger::CompleteSteps: return tr("All steps are done; the recording ended.");
        case SessionTrigger::Abort:
            switch (detail.reason.reason) {
            case SessionReason::CustomerWantsToStop:
            case SessionReason::CustomerMustLeave:
            case SessionReason::EquipmentProblem:
            case SessionReason::WrongApplicationDetails:
            case SessionReason::AgentsOwnWords:
                return tr("%1 aborted the recording, reason: %2.").arg(name, why);
            default:
                return why.isEmpty() ? tr("The recording was aborted.") : tr("The recording was aborted: %1.").arg(why);
            }
        case SessionTrigger::Fail:
            if (detail.reason.reason == SessionReason::Interrupted)
                return tr("The session was interrupted: %1.").arg(why);
            return why.isEmpty() ? tr("The recording failed.") : tr("The recording failed: %1.").arg(why);
        case SessionTrigger::Invalid: break;
        }
        return tr("The session went from “%1” to “%2”.")
            .arg(WorkflowText::sessionState(event.from), WorkflowText::sessionState(event.to));
    }
    case SessionEventType::StepStarted:
        if (detail.presenceMet == false)
            return tr("%1 began; not everyone it requires is in the picture yet.").arg(stepText);
        return tr("%1 began.").arg(stepText);
    case SessionEventType::StepCompleted: {
        if (!detail.counted)
            return tr("%1 is done.").arg(stepText);
        QString text = tr("%1 is done after %2.").arg(stepText, duration(*detail.counted));
        if (detail.violation && detail.violation->count() >= 1000)
            text = tr("%1 %2", "two sentences in a row")
                       .arg(text, tr("Someone required was out of the picture for %1 of it.").arg(duration(*detail.violation)));
        return text;
    }
    case SessionEventType::StepCompletionRefused: {
        QStringList unmet;
        for (const auto requirement : detail.unmet)
            unmet.append(WorkflowText::unmet(requirement));
        if (unmet.isEmpty())
            return tr("%1 could not be completed yet.").arg(stepText);
        return tr("%1 could not be completed yet: %2.").arg(stepText, unmet.join(tr("; ")));
    }
    case SessionEventType::AnswerRecorded:
        if (detail.answer == Answer::Yes)
            return tr("In %1 the customer answered “yes”.").arg(stepText);
        if (detail.answer == Answer::No)
            return tr("In %1 the customer answered “no”.").arg(stepText);
        return tr("In %1 the customer's answer was recorded.").arg(stepText);
    case SessionEventType::SnapshotRecorded: return tr("In %1 a close-up was taken.").arg(stepText);
    case SessionEventType::PresenceSatisfied:
        return tr("In %1 everyone required is in the picture again.").arg(stepText);
    case SessionEventType::PresenceViolated:
        if (detail.presence) {
            const auto &facts = *detail.presence;
            if (!facts.agent && !facts.policyholder)
                return tr("In %1 the agent and the customer left the picture.").arg(stepText);
            if (!facts.agent)
                return tr("In %1 the agent left the picture.").arg(stepText);
            if (!facts.policyholder)
                return tr("In %1 the customer left the picture.").arg(stepText);
            return tr("In %1 someone else the step requires (the insured or a guardian) was not in the picture.").arg(stepText);
        }
        return tr("In %1 someone required left the picture.").arg(stepText);
    case SessionEventType::Invalid: break;
    }
    return tr("An event the history does not know (see the technical details).");
}

QString HistoryText::technical(const SessionEvent &event)
{
    QStringList lines{QString::fromLatin1(sessionEventTypeName(event.type)),
                      event.wallTime.toUTC().toString(Qt::ISODateWithMs)};
    if (event.type == SessionEventType::StateChanged)
        lines.append(QStringLiteral("%1 -> %2 (%3)")
                         .arg(QLatin1String(sessionStateName(event.from)), QLatin1String(sessionStateName(event.to)),
                              QLatin1String(sessionTriggerName(event.trigger))));
    if (!event.stepId.isEmpty())
        lines.append(event.stepId);
    if (!event.detail.isEmpty())
        lines.append(event.detail);
    return lines.join(u'\n');
}

QString HistoryText::qcVerdict(storage::StoredVerdict verdict)
{
    switch (verdict) {
    case storage::StoredVerdict::Pending:
        return tr("Awaiting QC");
    case storage::StoredVerdict::Pass:
        return tr("QC passed");
    case storage::StoredVerdict::Fail:
        return tr("QC failed");
    case storage::StoredVerdict::NeedsReview:
        return tr("QC: review needed");
    case storage::StoredVerdict::Invalid:
        break;
    }
    return tr("Awaiting QC");
}

QString HistoryText::uploadState(std::optional<storage::UploadState> state)
{
    if (!state)
        return tr("Not queued for upload");
    switch (*state) {
    case storage::UploadState::Queued: return tr("Waiting for upload");
    case storage::UploadState::Uploading: return tr("Uploading");
    case storage::UploadState::Blocked: return tr("Upload stopped: needs attention");
    case storage::UploadState::Acknowledged: return tr("Received by the insurer");
    case storage::UploadState::Purged: return tr("Received by the insurer, removed from this computer");
    case storage::UploadState::Invalid: break;
    }
    return tr("Not queued for upload");
}

QString HistoryText::fileSize(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 1000)
        return tr("%n byte(s)", nullptr, int(std::max<qint64>(0, bytes)));
    if (bytes < 1000 * 1000)
        return tr("%1 KB").arg(locale.toString(double(bytes) / 1e3, 'f', 1));
    if (bytes < 1000LL * 1000 * 1000)
        return tr("%1 MB").arg(locale.toString(double(bytes) / 1e6, 'f', 1));
    return tr("%1 GB").arg(locale.toString(double(bytes) / 1e9, 'f', 2));
}

QString HistoryText::duration(milliseconds duration)
{
    const auto total = std::max<qint64>(0, duration.count() / 1000);
    const int hours = int(total / 3600);
    const int minutes = int((total / 60) % 60);
    const int seconds = int(total % 60);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(seconds);
    return tr("%1 s").arg(seconds);
}

QString HistoryText::localDateTime(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString HistoryText::localTime(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
}

} // namespace dualrec::ui
