#include "core/workflow/eventdetail.h"

#include <array>

namespace dualrec::workflow {

namespace {

/// Reasons stored whole, and reasons stored as a prefix with free text after it. The texts are
/// the journal's format: never change one (old journals keep them), add new ones.
struct ReasonText final {
    SessionReason reason;
    const char *text;
};

constexpr std::array kWholeReasons{
    ReasonText{SessionReason::CustomerAgreed, "the customer agreed to be recorded"},
    ReasonText{SessionReason::CustomerDeclined, "the customer declined to be recorded"},
    ReasonText{SessionReason::PausedByAgent, "paused by the agent"},
    ReasonText{SessionReason::DeviceLost, "device lost"},
    ReasonText{SessionReason::CustomerWantsToStop, "customer_wants_to_stop"},
    ReasonText{SessionReason::CustomerMustLeave, "customer_must_leave"},
    ReasonText{SessionReason::EquipmentProblem, "equipment_problem"},
    ReasonText{SessionReason::WrongApplicationDetails, "wrong_application_details"},
    ReasonText{SessionReason::WindowClosed, "window closed during the recording"},
    ReasonText{SessionReason::Interrupted,
               "interrupted: DualRec stopped while the session was open (crash, forced stop or power loss); "
               "closed at the next start"},
    ReasonText{SessionReason::CommandInterrupted, "interrupted"},
    ReasonText{SessionReason::DurationLimit, "duration limit"},
};

constexpr std::array kPrefixReasons{
    ReasonText{SessionReason::AgentsOwnWords, "other: "},
    ReasonText{SessionReason::RecordingFailed, "recording failed: "},
    ReasonText{SessionReason::RecordingCouldNotStart, "recording could not start: "},
    ReasonText{SessionReason::SourceEnded, "source ended: "},
};

/// "key=value key=value": the values never contain spaces (ids, numbers, names).
QHash<QString, QString> fields(QStringView text)
{
    QHash<QString, QString> result;
    for (const auto token : text.split(u' ', Qt::SkipEmptyParts)) {
        const auto equals = token.indexOf(u'=');
        if (equals > 0)
            result.insert(token.left(equals).toString(), token.mid(equals + 1).toString());
    }
    return result;
}

std::optional<std::chrono::milliseconds> milliseconds(const QString &value)
{
    if (!value.endsWith(QLatin1String("ms")))
        return std::nullopt;
    bool ok = false;
    const auto count = QStringView(value).chopped(2).toLongLong(&ok);
    return ok && count >= 0 ? std::optional(std::chrono::milliseconds(count)) : std::nullopt;
}

std::optional<bool> flag(const QHash<QString, QString> &map, const QString &key)
{
    const auto value = map.value(key);
    if (value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("0"))
        return false;
    return std::nullopt;
}

} // namespace

QString sessionReasonText(SessionReason reason, const QString &text)
{
    for (const auto &row : kWholeReasons) {
        if (row.reason == reason)
            return QLatin1String(row.text);
    }
    for (const auto &row : kPrefixReasons) {
        if (row.reason == reason)
            return QLatin1String(row.text) + text;
    }
    return text; // None, Unknown: the text as it is
}

ParsedReason parseSessionReason(QStringView stored)
{
    if (stored.isEmpty())
        return {SessionReason::None, {}};
    for (const auto &row : kWholeReasons) {
        if (stored == QLatin1String(row.text))
            return {row.reason, {}};
    }
    for (const auto &row : kPrefixReasons) {
        if (stored.startsWith(QLatin1String(row.text)))
            return {row.reason, stored.mid(qsizetype(qstrlen(row.text))).toString()};
    }
    return {SessionReason::Unknown, stored.toString()};
}

QString abortReasonCode(SessionReason reason)
{
    switch (reason) {
    case SessionReason::CustomerWantsToStop:
    case SessionReason::CustomerMustLeave:
    case SessionReason::EquipmentProblem:
    case SessionReason::WrongApplicationDetails:
        return sessionReasonText(reason);
    default:
        return {};
    }
}

EventDetail parseEventDetail(const SessionEvent &event)
{
    EventDetail detail;
    const auto map = fields(event.detail);
    switch (event.type) {
    case SessionEventType::Created: {
        const auto plan = map.value(QStringLiteral("plan"));
        const auto at = plan.lastIndexOf(u'@');
        detail.planId = at < 0 ? plan : plan.left(at);
        detail.planVersion = at < 0 ? QString() : plan.mid(at + 1);
        detail.sources = map.value(QStringLiteral("sources")).split(u',', Qt::SkipEmptyParts);
        detail.previousSession = SessionId::fromString(map.value(QStringLiteral("re-recording-of")));
        break;
    }
    case SessionEventType::StepStarted:
        detail.stepKind = enumFromName(kStepKindNames, map.value(QStringLiteral("kind"))).value_or(StepKind::Invalid);
        if (map.value(QStringLiteral("presence")) == QLatin1String("met"))
            detail.presenceMet = true;
        else if (map.value(QStringLiteral("presence")) == QLatin1String("unmet"))
            detail.presenceMet = false;
        break;
    case SessionEventType::PresenceSatisfied:
    case SessionEventType::PresenceViolated: {
        const auto agent = flag(map, QStringLiteral("agent"));
        const auto policyholder = flag(map, QStringLiteral("policyholder"));
        const auto all = flag(map, QStringLiteral("all"));
        if (agent && policyholder && all)
            detail.presence = PresenceFacts{*agent, *policyholder, *all};
        break;
    }
    case SessionEventType::AnswerRecorded:
        if (map.value(QStringLiteral("answer")) == QLatin1String("yes"))
            detail.answer = Answer::Yes;
        else if (map.value(QStringLiteral("answer")) == QLatin1String("no"))
            detail.answer = Answer::No;
        break;
    case SessionEventType::SnapshotRecorded:
        detail.snapshot = event.detail.startsWith(QLatin1String("snapshot=")) ? event.detail.mid(9) : QString();
        break;
    case SessionEventType::StepCompletionRefused:
        for (const auto &name : map.value(QStringLiteral("unmet")).split(u',', Qt::SkipEmptyParts)) {
            for (auto requirement : {UnmetRequirement::Presence, UnmetRequirement::Duration, UnmetRequirement::Answer,
                                     UnmetRequirement::CloseUp}) {
                if (name == QLatin1String(unmetRequirementName(requirement)))
                    detail.unmet.append(requirement);
            }
        }
        break;
    case SessionEventType::StepCompleted: {
        detail.counted = milliseconds(map.value(QStringLiteral("counted")));
        detail.violation = milliseconds(map.value(QStringLiteral("violation")));
        bool ok = false;
        const int snapshots = map.value(QStringLiteral("snapshots")).toInt(&ok);
        if (ok && snapshots >= 0)
            detail.snapshots = snapshots;
        break;
    }
    case SessionEventType::StateChanged:
        detail.reason = parseSessionReason(event.detail);
        break;
    case SessionEventType::Invalid:
        break;
    }
    return detail;
}

QString createdDetail(const QString &planId, const QString &planVersion, const QStringList &sources, const SessionId &previous)
{
    QString text = QStringLiteral("plan=%1@%2 sources=%3").arg(planId, planVersion, sources.join(u','));
    if (!previous.isNull())
        text += QStringLiteral(" re-recording-of=") + previous.toString();
    return text;
}

QString stepStartedDetail(StepKind kind, bool presenceMet)
{
    return QStringLiteral("kind=") + enumToName(kStepKindNames, kind)
           + (presenceMet ? QStringLiteral(" presence=met") : QStringLiteral(" presence=unmet"));
}

QString presenceDetail(const PresenceFacts &facts)
{
    return QStringLiteral("agent=%1 policyholder=%2 all=%3").arg(int(facts.agent)).arg(int(facts.policyholder)).arg(int(facts.allParties));
}

QString answerDetail(Answer answer)
{
    return answer == Answer::Yes ? QStringLiteral("answer=yes") : QStringLiteral("answer=no");
}

QString snapshotDetail(const QString &reference)
{
    return QStringLiteral("snapshot=") + reference;
}

QString unmetDetail(const QList<UnmetRequirement> &unmet)
{
    QStringList names;
    for (const auto requirement : unmet)
        names.append(QLatin1String(unmetRequirementName(requirement)));
    return QStringLiteral("unmet=") + names.join(u',');
}

QString completedDetail(std::chrono::milliseconds counted, std::chrono::milliseconds violation, int snapshots)
{
    return QStringLiteral("counted=%1ms violation=%2ms snapshots=%3").arg(counted.count()).arg(violation.count()).arg(snapshots);
}

} // namespace dualrec::workflow
