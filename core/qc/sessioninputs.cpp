#include "core/qc/sessioninputs.h"

#include "core/workflow/eventdetail.h"

#include <array>

namespace dualrec::qc {

using namespace std::chrono;

namespace {

QcStep stepOf(const workflow::PlannedStep &planned, milliseconds start, milliseconds end)
{
    QcStep step;
    step.id = planned.id;
    step.range = {start, std::max(start, end)};
    step.presence = planned.definition.requirements.presence;
    step.minDuration = planned.definition.requirements.minDuration;
    step.answerRequired = planned.definition.requirements.answerRequired;
    return step;
}

} // namespace

std::vector<QcStep> stepsFromEvents(const QList<workflow::SessionEvent> &events, const workflow::ScriptPlan &plan)
{
    std::vector<QcStep> steps;
    qsizetype open = -1; ///< index into steps of the step that is running
    const milliseconds last = events.isEmpty() ? milliseconds(0) : duration_cast<milliseconds>(events.last().monotonic);
    for (const auto &event : events) {
        const auto at = duration_cast<milliseconds>(event.monotonic);
        if (event.type == workflow::SessionEventType::StepStarted) {
            if (open >= 0)
                steps[std::size_t(open)].range.end = at;
            open = -1;
            const auto index = event.stepIndex;
            // A template changed since the session ran: a step it no longer has is left out.
            if (index < 0 || index >= plan.steps().size() || (!event.stepId.isEmpty() && plan.steps().at(index).id != event.stepId))
                continue;
            steps.push_back(stepOf(plan.steps().at(index), at, last));
            open = qsizetype(steps.size()) - 1;
        } else if (event.type == workflow::SessionEventType::StepCompleted && open >= 0 && steps[std::size_t(open)].id == event.stepId) {
            steps[std::size_t(open)].range.end = at;
            steps[std::size_t(open)].completed = true;
            open = -1;
        }
    }
    return steps;
}

Result<std::vector<QcStep>> stepsFromChapters(const QList<media::ChapterMark> &chapters, const workflow::ScriptPlan &plan, bool finished)
{
    std::vector<QcStep> steps;
    qsizetype next = 0;
    for (qsizetype c = 0; c < chapters.size(); ++c) {
        const auto &chapter = chapters.at(c);
        qsizetype index = -1;
        if (!chapter.id.isEmpty()) {
            for (qsizetype i = 0; i < plan.steps().size() && index < 0; ++i)
                index = plan.steps().at(i).id == chapter.id ? i : -1;
        } else {
            while (next < plan.steps().size() && plan.steps().at(next).definition.title != chapter.title)
                ++next;
            index = next < plan.steps().size() ? next++ : -1;
        }
        if (index < 0)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("chapter \"%1\" is not a step of template %2")
                                                        .arg(chapter.id.isEmpty() ? chapter.title : chapter.id, plan.id()));
        auto step = stepOf(plan.steps().at(index), chapter.start, chapter.end);
        step.completed = finished || c + 1 < chapters.size();
        steps.push_back(step);
    }
    return steps;
}

std::vector<PresenceFinding> presenceFindings(const std::vector<vision::PresenceDefect> &defects, nanoseconds origin)
{
    std::vector<PresenceFinding> findings;
    for (const auto &defect : defects) {
        findings.push_back({defect.kind, defect.who,
                            {duration_cast<milliseconds>(defect.start - origin), duration_cast<milliseconds>(defect.end - origin)}, {}});
    }
    return findings;
}

std::vector<PresenceFinding> presenceFromEvents(const QList<workflow::SessionEvent> &events)
{
    std::vector<PresenceFinding> findings;
    constexpr std::array parties{vision::Party::Agent, vision::Party::Customer};
    std::array<std::optional<milliseconds>, 2> since; ///< absent (while a step needed presence) since
    const auto close = [&](std::size_t p, milliseconds at) {
        if (since[p])
            findings.push_back({vision::DefectKind::PartyAbsent, parties[p], {*since[p], std::max(*since[p], at)},
                                QStringLiteral("from the session's presence events")});
        since[p].reset();
    };
    for (const auto &event : events) {
        const auto at = duration_cast<milliseconds>(event.monotonic);
        if (event.type == workflow::SessionEventType::PresenceViolated || event.type == workflow::SessionEventType::PresenceSatisfied) {
            const auto facts = workflow::parseEventDetail(event).presence;
            const bool violated = event.type == workflow::SessionEventType::PresenceViolated;
            const std::array<bool, 2> absent{violated && facts && !facts->agent, violated && facts && !facts->policyholder};
            for (std::size_t p = 0; p < parties.size(); ++p) {
                if (absent[p] && !since[p])
                    since[p] = at;
                else if (!absent[p])
                    close(p, at);
            }
        } else if (event.type == workflow::SessionEventType::StateChanged && workflow::isEndState(event.to)) {
            close(0, at);
            close(1, at);
        }
    }
    if (!events.isEmpty()) {
        const auto last = duration_cast<milliseconds>(events.last().monotonic);
        close(0, last);
        close(1, last);
    }
    return findings;
}

storage::StoredVerdict storedVerdict(QcOutcome outcome)
{
    switch (outcome) {
    case QcOutcome::Pending: return storage::StoredVerdict::Pending;
    case QcOutcome::Pass: return storage::StoredVerdict::Pass;
    case QcOutcome::NeedsReview: return storage::StoredVerdict::NeedsReview;
    case QcOutcome::Fail: return storage::StoredVerdict::Fail;
    case QcOutcome::Invalid: break;
    }
    return storage::StoredVerdict::Invalid;
}

QcOutcome outcomeOf(storage::StoredVerdict verdict)
{
    switch (verdict) {
    case storage::StoredVerdict::Pending: return QcOutcome::Pending;
    case storage::StoredVerdict::Pass: return QcOutcome::Pass;
    case storage::StoredVerdict::NeedsReview: return QcOutcome::NeedsReview;
    case storage::StoredVerdict::Fail: return QcOutcome::Fail;
    case storage::StoredVerdict::Invalid: break;
    }
    return QcOutcome::Invalid;
}

QList<storage::QcReasonRecord> reasonRecords(const QcVerdict &verdict)
{
    QList<storage::QcReasonRecord> records;
    for (const auto &reason : verdict.reasons) {
        records.append({QLatin1String(qcReasonKindName(reason.kind)), QLatin1String(qcSeverityName(reason.severity)), reason.stepId,
                        reason.range.start, reason.range.end, reason.detail,
                        reason.who == vision::Party::Invalid ? QString() : QString::fromLatin1(vision::partyName(reason.who))});
    }
    return records;
}

} // namespace dualrec::qc
