#include "ui/qctext.h"

#include "ui/historytext.h"

namespace dualrec::ui {

using workflow::QcReasonKind;
using workflow::QcSeverity;

QString QcText::verdictSentence(qc::QcOutcome outcome)
{
    switch (outcome) {
    case qc::QcOutcome::Pass:
        return tr("Quality check passed: nothing was found that the insurer rejects recordings for.");
    case qc::QcOutcome::NeedsReview:
        return tr("Quality check: a supervisor should look at this recording for the reasons below.");
    case qc::QcOutcome::Fail:
        return tr("Quality check failed: the insurer would reject this recording for the reasons below. Record the sale again.");
    case qc::QcOutcome::Pending:
    case qc::QcOutcome::Invalid:
        break;
    }
    return tr("The quality check has not been done yet.");
}

QString QcText::position(std::chrono::milliseconds at)
{
    const qint64 seconds = std::max<qint64>(0, at.count() / 1000);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString QcText::stepName(const QString &stepId, const workflow::ScriptPlan *plan)
{
    if (plan) {
        for (qsizetype i = 0; i < plan->steps().size(); ++i) {
            if (plan->steps().at(i).id == stepId)
                return HistoryText::step(i, plan);
        }
    }
    return {};
}

QString QcText::reason(QcReasonKind kind, QcSeverity severity, const QString &stepId, std::optional<std::chrono::milliseconds> start,
                       std::optional<std::chrono::milliseconds> end, const workflow::ScriptPlan *plan, vision::Party who)
{
    QString what;
    switch (kind) {
    case QcReasonKind::PresenceMissing:
        what = who == vision::Party::Agent      ? tr("the agent was out of the picture, though the step needs the agent")
               : who == vision::Party::Customer ? tr("the customer was out of the picture, though the step needs the customer")
                                                : tr("someone the step needs was out of the picture");
        break;
    case QcReasonKind::ThirdParty:
        what = tr("a third person was in the picture");
        break;
    case QcReasonKind::CameraBlocked:
        what = tr("the camera was covered or the picture froze");
        break;
    case QcReasonKind::RecordingGap:
        what = tr("the recording has a gap (camera or microphone lost, or picture or sound missing)");
        break;
    case QcReasonKind::StepTooShort:
        what = tr("the step was completed faster than its minimum time");
        break;
    case QcReasonKind::NoAudibleAnswer:
        what = tr("no answer from the customer could be heard");
        break;
    case QcReasonKind::AudioMissing:
        what = tr("there is no sound in the recording");
        break;
    case QcReasonKind::AudioClipped:
        what = tr("the sound is too loud and distorted");
        break;
    case QcReasonKind::NoRecording:
        // The whole session, not a moment of a recording that does not exist.
        return tr("There is no recording of this session, or it holds no picture: nothing shows the sale (fails the check).");
    case QcReasonKind::Incomplete:
        return tr("The session did not finish (it was stopped, failed, or the customer declined): the recording does not cover "
                  "every step (fails the check).");
    case QcReasonKind::Invalid:
        what = tr("an unknown problem was found");
        break;
    }
    switch (severity) {
    case QcSeverity::Fail:
        what = tr("%1 (fails the check)").arg(what);
        break;
    case QcSeverity::Review:
        what = tr("%1 (to be reviewed)").arg(what);
        break;
    case QcSeverity::Ignore:
    case QcSeverity::Invalid:
        break;
    }
    const QString step = stepName(stepId, plan);
    if (start && end && !step.isEmpty())
        return tr("In %1, from %2 to %3: %4.").arg(step, position(*start), position(*end), what);
    if (start && end)
        return tr("From %1 to %2 of the recording: %3.").arg(position(*start), position(*end), what);
    if (!step.isEmpty())
        return tr("In %1: %2.").arg(step, what);
    return tr("In the recording: %1.").arg(what);
}

QString QcText::reason(const qc::QcReason &reason, const workflow::ScriptPlan *plan)
{
    return QcText::reason(reason.kind, reason.severity, reason.stepId, reason.range.start, reason.range.end, plan, reason.who);
}

QString QcText::reason(const storage::QcReasonRecord &reason, const workflow::ScriptPlan *plan)
{
    const auto kind = qc::qcReasonKindFromName(reason.kind).value_or(QcReasonKind::Invalid);
    const auto severity = workflow::enumFromName(workflow::kQcSeverityNames, reason.severity).value_or(QcSeverity::Invalid);
    return QcText::reason(kind, severity, reason.stepId, reason.start, reason.end, plan, qc::partyFromName(reason.party));
}

QString QcText::spotCheckCode(const QString &code)
{
    if (code == QLatin1String("presence_missing"))
        return tr("Someone was out of the picture");
    if (code == QLatin1String("third_party"))
        return tr("A third person was present");
    if (code == QLatin1String("camera_blocked"))
        return tr("Camera covered");
    if (code == QLatin1String("recording_gap"))
        return tr("Gap in the recording");
    if (code == QLatin1String("step_too_short"))
        return tr("Step rushed");
    if (code == QLatin1String("no_audible_answer"))
        return tr("No audible answer");
    if (code == QLatin1String("audio_missing"))
        return tr("No sound");
    if (code == QLatin1String("audio_clipped"))
        return tr("Sound distorted");
    if (code == QLatin1String("no_recording"))
        return tr("No recording");
    if (code == QLatin1String("incomplete"))
        return tr("Session not finished");
    if (code == QLatin1String("script_not_followed"))
        return tr("Script not followed");
    if (code == QLatin1String("misleading_statement"))
        return tr("Misleading statement");
    if (code == QLatin1String("answer_unclear"))
        return tr("Answer unclear");
    if (code == QLatin1String("other"))
        return tr("Other");
    return code;
}

QString QcText::spotCheck(const storage::QcVerdictRecord &check, const QString &reviewerName, const workflow::ScriptPlan *plan)
{
    const bool passed = check.verdict == storage::StoredVerdict::Pass;
    const QString step = stepName(check.stepId, plan);
    QString sentence;
    if (step.isEmpty())
        sentence = passed ? tr("%1 spot-checked the session on %2: passed.").arg(reviewerName, HistoryText::localDateTime(check.at))
                          : tr("%1 spot-checked the session on %2: failed.").arg(reviewerName, HistoryText::localDateTime(check.at));
    else
        sentence = passed ? tr("%1 spot-checked %2 on %3: passed.").arg(reviewerName, step, HistoryText::localDateTime(check.at))
                          : tr("%1 spot-checked %2 on %3: failed.").arg(reviewerName, step, HistoryText::localDateTime(check.at));
    QStringList codes;
    for (const auto &reason : check.reasons)
        codes.append(spotCheckCode(reason.kind));
    if (!codes.isEmpty())
        sentence = HistoryText::tr("%1 %2", "two sentences in a row").arg(sentence, tr("Reasons: %1.").arg(codes.join(tr(", ", "list separator"))));
    if (!check.notes.isEmpty())
        sentence = HistoryText::tr("%1 %2", "two sentences in a row").arg(sentence, tr("Note: %1").arg(check.notes));
    return sentence;
}

QString QcText::technical(const storage::QcReasonRecord &reason)
{
    QStringList parts{reason.kind, reason.severity};
    if (!reason.stepId.isEmpty())
        parts.append(reason.stepId);
    if (reason.start && reason.end)
        parts.append(QStringLiteral("%1-%2 ms").arg(reason.start->count()).arg(reason.end->count()));
    if (!reason.detail.isEmpty())
        parts.append(reason.detail);
    return parts.join(u'\n');
}

} // namespace dualrec::ui
