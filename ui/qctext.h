#pragma once

#include "core/qc/sessionqc.h"
#include "core/storage/qcrepository.h"
#include "core/workflow/scriptplan.h"

#include <QCoreApplication>
#include <QString>

namespace dualrec::ui {

/// The QC verdict and spot-checks in words for a bank employee: one sentence per reason, with the
/// step by its title and the moment as minutes and seconds of the recording; the stored English
/// detail only in tooltips (technical()). Stateless; GUI thread (translator installed).
class QcText final
{
    Q_DECLARE_TR_FUNCTIONS(QcText)

public:
    /// What the verdict means for the person at the desk ("QC passed: nothing to do." ...).
    [[nodiscard]] static QString verdictSentence(qc::QcOutcome outcome);
    /// One reason as a sentence. `plan` may be null (steps are then named by their id in the tooltip only).
    /// A presence reason names its party (`who`), so that the agent's and the customer's absence in
    /// one step read as two different sentences.
    [[nodiscard]] static QString reason(workflow::QcReasonKind kind, workflow::QcSeverity severity, const QString &stepId,
                                        std::optional<std::chrono::milliseconds> start, std::optional<std::chrono::milliseconds> end,
                                        const workflow::ScriptPlan *plan, vision::Party who = vision::Party::Invalid);
    [[nodiscard]] static QString reason(const qc::QcReason &reason, const workflow::ScriptPlan *plan);
    [[nodiscard]] static QString reason(const storage::QcReasonRecord &reason, const workflow::ScriptPlan *plan);
    /// A supervisor's reason code in words ("Misleading statement").
    [[nodiscard]] static QString spotCheckCode(const QString &code);
    /// A spot-check as a sentence: who, when, passed or failed, which step, why, the note.
    [[nodiscard]] static QString spotCheck(const storage::QcVerdictRecord &check, const QString &reviewerName,
                                           const workflow::ScriptPlan *plan);
    /// "0:12" (minutes:seconds of the recording).
    [[nodiscard]] static QString position(std::chrono::milliseconds at);
    /// The stored reason (kind, step id, times in ms, English detail), for a tooltip.
    [[nodiscard]] static QString technical(const storage::QcReasonRecord &reason);

private:
    [[nodiscard]] static QString stepName(const QString &stepId, const workflow::ScriptPlan *plan);
};

} // namespace dualrec::ui
