#include "ui/workflowtext.h"

#include <QDir>
#include <QLocale>
#include <QStringList>

namespace dualrec::ui {

using namespace dualrec::workflow;

QString WorkflowText::stepKind(StepKind kind)
{
    switch (kind) {
    case StepKind::Consent: return tr("Consent to recording");
    case StepKind::MandatedPrompt: return tr("Mandated prompt");
    case StepKind::AgentIdentity: return tr("Agent identity");
    case StepKind::DocumentsShown: return tr("Documents shown");
    case StepKind::Explanation: return tr("Explanation");
    case StepKind::CustomerAnswer: return tr("Customer's answer");
    case StepKind::Signature: return tr("Signature");
    case StepKind::RiskStatement: return tr("Hand-copied risk statement");
    case StepKind::Closing: return tr("Closing");
    case StepKind::Invalid: break;
    }
    return tr("Unknown step");
}

QString WorkflowText::topic(ExplanationTopic topic)
{
    switch (topic) {
    case ExplanationTopic::Insurer: return tr("Insurer");
    case ExplanationTopic::Coverage: return tr("Coverage");
    case ExplanationTopic::Payment: return tr("Payment");
    case ExplanationTopic::Term: return tr("Policy term");
    case ExplanationTopic::CoolingOff: return tr("Cooling-off period");
    case ExplanationTopic::SurrenderLoss: return tr("Loss on surrender");
    case ExplanationTopic::BenefitUncertainty: return tr("Uncertain benefits");
    case ExplanationTopic::Exclusions: return tr("Exclusions");
    case ExplanationTopic::Other: return tr("Other");
    case ExplanationTopic::Invalid: break;
    }
    return {};
}

QString WorkflowText::presence(PresenceRequirement presence)
{
    switch (presence) {
    case PresenceRequirement::None: return tr("no one needs to be in frame");
    case PresenceRequirement::Agent: return tr("agent in frame");
    case PresenceRequirement::Both: return tr("agent and customer in frame");
    case PresenceRequirement::AllParties: return tr("everyone in frame");
    case PresenceRequirement::Invalid: break;
    }
    return {};
}

QString WorkflowText::closeUp(CloseUp closeUp)
{
    switch (closeUp) {
    case CloseUp::AgentId: return tr("show the agent's ID to the camera");
    case CloseUp::CustomerId: return tr("show the customer's ID to the camera");
    case CloseUp::Documents: return tr("show the documents to the camera");
    case CloseUp::Signature: return tr("show the signature to the camera");
    case CloseUp::RiskStatement: return tr("show the hand-copied statement to the camera");
    case CloseUp::None:
    case CloseUp::Invalid: break;
    }
    return {};
}

QString WorkflowText::category(ProductCategory category)
{
    switch (category) {
    case ProductCategory::Life: return tr("Life insurance");
    case ProductCategory::Annuity: return tr("Annuity");
    case ProductCategory::CriticalIllness: return tr("Critical illness");
    case ProductCategory::Health: return tr("Health insurance");
    case ProductCategory::Accident: return tr("Accident insurance");
    case ProductCategory::Invalid: break;
    }
    return {};
}

QString WorkflowText::design(ProductDesign design)
{
    switch (design) {
    case ProductDesign::Traditional: return tr("traditional");
    case ProductDesign::Participating: return tr("participating");
    case ProductDesign::Universal: return tr("universal");
    case ProductDesign::InvestmentLinked: return tr("investment-linked");
    case ProductDesign::Invalid: break;
    }
    return {};
}

QString WorkflowText::channel(Channel channel)
{
    switch (channel) {
    case Channel::Agency: return tr("Individual agency");
    case Channel::Bancassurance: return tr("Bancassurance");
    case Channel::AncillaryAgency: return tr("Other ancillary agency");
    case Channel::Broker: return tr("Broker");
    case Channel::Direct: return tr("Direct sales");
    case Channel::Telephone: return tr("Telephone sales");
    case Channel::Internet: return tr("Internet");
    case Channel::Invalid: break;
    }
    return {};
}

QString WorkflowText::unmet(UnmetRequirement requirement)
{
    switch (requirement) {
    case UnmetRequirement::Presence: return tr("not everyone required is in frame");
    case UnmetRequirement::Duration: return tr("the step has not run long enough");
    case UnmetRequirement::Answer: return tr("the customer has not answered yes");
    case UnmetRequirement::CloseUp: return tr("no close-up snapshot taken");
    case UnmetRequirement::Invalid: break;
    }
    return {};
}

QString WorkflowText::sessionState(SessionState state)
{
    switch (state) {
    case SessionState::Created: return tr("Ready");
    case SessionState::Consent: return tr("Asking for consent");
    case SessionState::Steps: return tr("Recording");
    case SessionState::Paused: return tr("Paused");
    case SessionState::Finished: return tr("Finished");
    case SessionState::Refused: return tr("Refused by the customer");
    case SessionState::Aborted: return tr("Aborted");
    case SessionState::Failed: return tr("Failed");
    case SessionState::Invalid: break;
    }
    return {};
}

QString WorkflowText::requirements(const StepRequirements &requirements)
{
    QStringList parts{presence(requirements.presence)};
    if (requirements.minDuration.count() > 0)
        parts.append(tr("at least %n second(s)", nullptr, int((requirements.minDuration.count() + 999) / 1000)));
    if (requirements.answerRequired)
        parts.append(tr("customer answers yes"));
    if (requirements.closeUp != CloseUp::None)
        parts.append(closeUp(requirements.closeUp));
    if (requirements.lockedText)
        parts.append(tr("fixed text, read word for word"));
    return parts.join(tr(", "));
}

QString WorkflowText::presenceProblem(vision::PresenceProblem problem)
{
    using vision::PresenceProblem;
    switch (problem) {
    case PresenceProblem::None: return tr("Agent and customer are both in the picture");
    case PresenceProblem::AgentMissing: return tr("The agent is not in the picture. Please sit back in front of the camera.");
    case PresenceProblem::CustomerMissing: return tr("The customer is not in the picture. Please ask the customer to sit in front of the camera.");
    case PresenceProblem::BothMissing: return tr("Nobody is in the picture. Please both sit in front of the camera.");
    case PresenceProblem::ThirdParty: return tr("Someone else is in the picture. Only the agent and the customer may be seen.");
    case PresenceProblem::CameraBlocked: return tr("The camera sees nothing. Please check that the lens is not covered and the room is lit.");
    case PresenceProblem::Invalid: break;
    }
    return {};
}

QString WorkflowText::residentIdError(ResidentIdError error)
{
    switch (error) {
    case ResidentIdError::WrongLength: return tr("an ID number has 18 characters (or 15 digits for old cards)");
    case ResidentIdError::BadCharacter: return tr("an ID number has only digits, with an X allowed at the end");
    case ResidentIdError::BadDate: return tr("the birth date in the ID number is not a real date");
    case ResidentIdError::BadChecksum: return tr("the ID number's last character does not match: please check each digit");
    case ResidentIdError::Invalid: break;
    }
    return {};
}

QString WorkflowText::saleProblem(SaleFormProblem problem, const SaleFormCheck &check)
{
    switch (problem) {
    case SaleFormProblem::MissingApplicationNo: return tr("Enter the application number.");
    case SaleFormProblem::UnprintableText:
        return tr("A field contains an invisible or control character (for example a line break). Type it again.");
    case SaleFormProblem::MissingPolicyholderName: return tr("Enter the policyholder's name.");
    case SaleFormProblem::MissingPolicyholderId: return tr("Enter the policyholder's ID number.");
    case SaleFormProblem::BadPolicyholderId:
        return tr("The policyholder's ID number is not valid: %1.")
            .arg(check.idError ? residentIdError(*check.idError) : QString());
    case SaleFormProblem::MissingChannel: return tr("Choose the sales channel.");
    case SaleFormProblem::NoProduct: return tr("Choose at least one product.");
    case SaleFormProblem::PlanUnusable: return tr("These products cannot be recorded together: %1").arg(check.planError);
    case SaleFormProblem::ScopeUndecidable: return tr("The recording rules cannot be applied: %1").arg(check.scopeError);
    case SaleFormProblem::BadPremium: {
        QStringList products;
        for (const int index : check.badPremiums) {
            if (check.plan && index < check.plan->products().size())
                products.append(tr("《%1》").arg(check.plan->products().at(index).name));
        }
        return tr("The premium of %1 is not an amount: enter yuan, for example 12000 or 12000.50.")
            .arg(products.join(tr(", ")));
    }
    case SaleFormProblem::MissingScriptValues: {
        QStringList values;
        for (const auto &value : check.missingValues)
            values.append(missingValue(value, check));
        return tr("The script needs these values before the recording can start: %1.").arg(values.join(tr("; ")));
    }
    case SaleFormProblem::Invalid: break;
    }
    return {};
}

QString WorkflowText::paymentMethod(workflow::PaymentMethod method)
{
    switch (method) {
    case workflow::PaymentMethod::Annual: return tr("Annual");
    case workflow::PaymentMethod::Single: return tr("Single payment");
    case workflow::PaymentMethod::SemiAnnual: return tr("Half-yearly");
    case workflow::PaymentMethod::Quarterly: return tr("Quarterly");
    case workflow::PaymentMethod::Monthly: return tr("Monthly");
    case workflow::PaymentMethod::Invalid: break;
    }
    return {};
}

QString WorkflowText::missingValue(const workflow::MissingValue &value, const workflow::SaleFormCheck &check)
{
    const QString product = check.plan && value.productIndex >= 0 && value.productIndex < check.plan->products().size()
                                ? tr("《%1》").arg(check.plan->products().at(value.productIndex).name)
                                : tr("the products");
    const auto &name = value.placeholder;
    if (name == QLatin1String("agent_name"))
        return tr("your name in your account (a supervisor sets it on the accounts page)");
    if (name == QLatin1String("agent_id"))
        return tr("your licence number in your account (a supervisor adds it on the accounts page)");
    if (name == QLatin1String("institution_name"))
        return tr("the institution's full name (set by branch IT in the policy file, or by a supervisor in the settings)");
    if (name == QLatin1String("institution_short_name"))
        return tr("the institution's standard short name (set by branch IT in the policy file, or by a supervisor in "
                  "the settings)");
    if (name == QLatin1String("customer_name"))
        return tr("the policyholder's name");
    if (name == QLatin1String("insured_name"))
        return tr("the insured person's name");
    if (name == QLatin1String("application_no"))
        return tr("the application number");
    if (name == QLatin1String("premium"))
        return tr("the premium of %1").arg(product);
    if (name == QLatin1String("payment_method"))
        return tr("the payment method of %1").arg(product);
    if (name == QLatin1String("payment_period"))
        return tr("the payment period of %1").arg(product);
    // A product fact the template should give: its file needs fixing (dualrec script check).
    return tr("a value the script template does not give (%1): ask branch IT to check the template").arg(name);
}

QString WorkflowText::userRole(storage::UserRole role)
{
    switch (role) {
    case storage::UserRole::Agent: return tr("Agent");
    case storage::UserRole::Supervisor: return tr("Supervisor");
    case storage::UserRole::It: return tr("Branch IT");
    case storage::UserRole::Invalid: break;
    }
    return {};
}

QString WorkflowText::accountProblem(storage::AccountProblem problem, int minimumPasswordLength)
{
    switch (problem) {
    case storage::AccountProblem::MissingLogin: return tr("Enter a login.");
    case storage::AccountProblem::LoginHasSpaces: return tr("The login must not contain spaces.");
    case storage::AccountProblem::LoginTooLong:
        return tr("The login is too long: at most %1 characters.").arg(storage::kMaximumLoginLength);
    case storage::AccountProblem::LoginTaken: return tr("This login is already taken. Choose another one.");
    case storage::AccountProblem::MissingDisplayName: return tr("Enter the person's name.");
    case storage::AccountProblem::BadLicenceNo:
        return tr("The licence number may contain only digits, letters and hyphens (at most 40).");
    case storage::AccountProblem::MissingRole: return tr("Choose a role.");
    case storage::AccountProblem::PasswordTooShort:
        return tr("The password needs at least %n character(s).", nullptr, minimumPasswordLength);
    case storage::AccountProblem::PasswordsDiffer: return tr("The two passwords are not the same.");
    case storage::AccountProblem::UnknownAccount: return tr("This account no longer exists.");
    case storage::AccountProblem::LastSupervisor:
        return tr("This is the last supervisor or IT account that can manage accounts. Create another one first.");
    case storage::AccountProblem::OwnAccount: return tr("You cannot disable your own account.");
    case storage::AccountProblem::Invalid: break;
    }
    return {};
}

QString WorkflowText::answer(Answer answer)
{
    switch (answer) {
    case Answer::Yes: return tr("Yes");
    case Answer::No: return tr("No");
    case Answer::Invalid: break;
    }
    return tr("—");
}

QString WorkflowText::eventType(SessionEventType type)
{
    switch (type) {
    case SessionEventType::Created: return tr("Session created");
    case SessionEventType::StateChanged: return tr("State changed");
    case SessionEventType::StepStarted: return tr("Step started");
    case SessionEventType::StepCompleted: return tr("Step completed");
    case SessionEventType::StepCompletionRefused: return tr("Step not completed (requirements unmet)");
    case SessionEventType::AnswerRecorded: return tr("Answer recorded");
    case SessionEventType::SnapshotRecorded: return tr("Snapshot recorded");
    case SessionEventType::PresenceSatisfied: return tr("Presence as required");
    case SessionEventType::PresenceViolated: return tr("Someone required left the picture");
    case SessionEventType::Invalid: break;
    }
    return {};
}

QString WorkflowText::preflight(const PreflightResult &result)
{
    const auto gigabytes = [](qint64 bytes) { return QLocale().toString(double(bytes) / 1e9, 'f', 1); };
    const bool failed = result.status == PreflightStatus::Failed;
    switch (result.item) {
    case PreflightItem::VideoSource:
        if (failed && result.detail.contains(QLatin1String("no picture")))
            return tr("The camera delivers no picture yet: check that it is plugged in and not used by another program.");
        return failed ? tr("No video source is connected: nothing can be recorded.") : tr("Video source connected.");
    case PreflightItem::Light:
        if (result.meanLuma < 0 || (failed && result.detail.startsWith(QLatin1String("no picture"))))
            return tr("Light: no picture has been checked yet.");
        if (failed && result.lightPending)
            return tr("Light: still checking the picture (it takes a second or two).");
        if (failed && result.pictureUnusable)
            return tr("Light: the camera shows no usable picture (a uniform or frozen image, brightness %1 of 255). "
                      "Check that nothing covers the lens and that the camera works.")
                .arg(qRound(result.meanLuma));
        if (failed)
            return tr("Light: the picture is too dark or the lens is covered (brightness %1 of 255). Turn on a light or uncover the camera.")
                .arg(qRound(result.meanLuma));
        if (result.status == PreflightStatus::Warning)
            return tr("Light: the picture is dim (brightness %1 of 255); faces may be missed.").arg(qRound(result.meanLuma));
        return tr("Light: good (brightness %1 of 255).").arg(qRound(result.meanLuma));
    case PreflightItem::Framing:
        if (result.faces >= 2)
            return tr("Framing: %n face(s) in the picture.", nullptr, result.faces);
        return tr("Framing: %n face(s) in the picture; agent and customer should both sit inside the guide.", nullptr,
                  std::max(0, result.faces));
    case PreflightItem::Microphone:
        if (failed)
            return tr("Microphone: no sound arrives. Check that it is plugged in and not muted.");
        if (result.status == PreflightStatus::Warning)
            return tr("Microphone: very quiet (loudest %1 dB). Speak a few words to test it.").arg(qRound(result.loudestDbfs));
        return tr("Microphone: working (loudest %1 dB).").arg(qRound(result.loudestDbfs));
    case PreflightItem::DiskSpace:
        if (result.availableBytes < 0)
            return tr("The free disk space cannot be read.");
        return tr("Disk: %1 GB free, a recording needs about %2 GB.")
            .arg(gigabytes(result.availableBytes), gigabytes(result.requiredBytes));
    case PreflightItem::Clock:
        return failed ? tr("The computer's clock is wrong. Ask branch IT to set the date and time.")
                      : tr("Clock: the date and time look right.");
    case PreflightItem::Power:
        if (result.batteryPercent < 0)
            return tr("Power: mains.");
        if (result.onMains)
            return tr("Power: mains, battery %1%.").arg(result.batteryPercent);
        return failed ? tr("Battery at %1%: connect the charger first.").arg(result.batteryPercent)
                      : tr("Power: battery at %1%.").arg(result.batteryPercent);
    case PreflightItem::Invalid:
        break;
    }
    return {};
}

QString WorkflowText::stepTitle(const ScriptPlan &plan, qsizetype index)
{
    if (index < 0 || index >= plan.steps().size())
        return tr("Step %1").arg(index + 1);
    const auto &step = plan.steps().at(index);
    if (plan.products().size() > 1 && step.productIndex >= 0 && step.productIndex < plan.products().size())
        return tr("%1 (%2)", "a step's title and its product").arg(step.definition.title, plan.products().at(step.productIndex).name);
    return step.definition.title;
}

QString WorkflowText::languageInUse()
{
    // Each catalogue translates this to its own code; without one the source language shows.
    return tr("en", "the code of the language of this catalogue: zh_CN in the Chinese one");
}

QString WorkflowText::duration(std::chrono::milliseconds duration)
{
    const auto total = std::max<qint64>(0, duration.count() / 1000);
    const auto hours = total / 3600;
    const auto minutes = (total / 60) % 60;
    const auto seconds = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

} // namespace dualrec::ui

namespace dualrec::ui {

QString WorkflowText::journalStartup(const storage::JournalStartupReport &report)
{
    QStringList lines;
    if (report.outcome == storage::JournalStartup::Recovered) {
        const auto copy = QDir::toNativeSeparators(report.damagedCopy);
        if (!report.restoredBackup.isEmpty()) {
            const auto when = QLocale().toString(report.backupTakenAt.toLocalTime(), QLocale::ShortFormat);
            lines.append(tr("The journal on this computer was damaged. It was restored from the backup of %1, and %n "
                            "session(s) recorded since then were added back from their recording files. What was "
                            "saved after %1 (sign-ins, steps and account changes) may be missing. The damaged journal "
                            "was kept as %2.",
                            nullptr, report.reindexedSessions)
                             .arg(when, copy));
        } else {
            lines.append(tr("The journal on this computer was damaged and there was no usable backup. A new journal "
                            "was started and %n session(s) were added back from their recording files; the accounts "
                            "and the earlier history are missing. The damaged journal was kept as %1.",
                            nullptr, report.reindexedSessions)
                             .arg(copy));
        }
        if (!report.unreadableSidecars.isEmpty())
            lines.append(tr("%n recording description file(s) could not be read; their sessions are missing.", nullptr,
                            int(report.unreadableSidecars.size())));
    }
    if (report.accountsLost)
        lines.append(tr("This computer had user accounts, but the journal has none. Ask branch IT to restore the "
                        "journal or to create the accounts again; no first account can be created here."));
    if (!lines.isEmpty())
        lines.append(tr("Tell your supervisor or branch IT."));
    return lines.join(u'\n');
}

QString WorkflowText::journalIntegrity(const storage::JournalStartupReport &report)
{
    if (!report.integrityBroken())
        return {};
    QStringList lines;
    if (!report.audit.intact && report.audit.firstBadSeq > 0)
        lines.append(tr("The audit log of this computer was changed outside DualRec: the check at start-up found it "
                        "broken at entry %1 (%n place(s) in all). Someone may have edited, deleted or reordered entries.",
                        nullptr, int(report.audit.breaks.size() + report.audit.moreBreaks))
                         .arg(report.audit.firstBadSeq));
    else if (!report.audit.intact)
        lines.append(tr("The audit log of this computer could not be checked at start-up."));
    if (report.oldChainBroken)
        lines.append(tr("The audit log was already broken when this version of DualRec took it over, so its older "
                        "entries are not protected."));
    for (const auto &account : report.accountProblems)
        lines.append(tr("The account \"%1\" was created or changed outside DualRec; it cannot sign in.").arg(account.login));
    lines.append(tr("This has been written to the audit log. Ask branch IT to run \"dualrec verify --journal\" on this "
                    "computer and to examine the journal."));
    return lines.join(u'\n');
}

} // namespace dualrec::ui
