// A timed walk-through of a script at natural reading pace: every step's text (placeholders
// filled with typical values) spoken by the app's own Mandarin voice at the normal and the
// elder-friendly rate, next to the template's minimum durations and its time estimate.
// The spoken time is what the agent's reading (or the voice broadcast) takes at least; a step
// cannot be shorter than its minimum either.
//
//   dualrec_bench_walkthrough TEMPLATES_DIR [TEMPLATE_ID]
#include "core/voice/speechsynthesizer.h"
#include "core/workflow/templatelibrary.h"
#include "core/workflow/timeestimate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace dualrec;
using namespace std::chrono;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc < 2) {
        out << "usage: dualrec_bench_walkthrough TEMPLATES_DIR [TEMPLATE_ID]\n";
        return 2;
    }
    const auto library = workflow::TemplateLibrary::loadDirectories({QString::fromLocal8Bit(argv[1])});
    const QString id = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("traditional-life");
    auto plan = library.plan(id);
    if (!plan) {
        out << "cannot plan " << id << ": " << plan.error().detail << "\n";
        return 2;
    }
    // Typical values for every placeholder a step uses (what the forms and accounts provide).
    workflow::SaleContext context;
    const QHash<QString, QString> typical{
        {QStringLiteral("customer_name"), QStringLiteral("王秀兰")},
        {QStringLiteral("agent_name"), QStringLiteral("李晓")},
        {QStringLiteral("agent_id"), QStringLiteral("02000132010080020160512345")},
        {QStringLiteral("application_no"), QStringLiteral("AP2026120200017")},
        {QStringLiteral("insurer"), QStringLiteral("示例人寿保险股份有限公司")},
        {QStringLiteral("institution_short_name"), QStringLiteral("示例人寿")},
        {QStringLiteral("product_name"), QStringLiteral("示例终身寿险")},
        {QStringLiteral("premium"), QStringLiteral("一万二千元")},
        {QStringLiteral("payment_method"), QStringLiteral("年交")},
        {QStringLiteral("payment_period"), QStringLiteral("十年")},
        {QStringLiteral("term"), QStringLiteral("终身")},
        {QStringLiteral("insured_name"), QStringLiteral("王秀兰")},
        {QStringLiteral("cooling_off_days"), QStringLiteral("十五")},
    };
    context.values = typical;
    for (qsizetype i = 0; i < plan->products().size(); ++i)
        context.productValues.append(typical);

    out << "walk-through of " << id << " (" << plan->steps().size() << " steps), Mandarin voice espeak-ng cmn-latn-pinyin at "
        << voice::SpeechSynthesizer::kNormalRate << " and " << voice::SpeechSynthesizer::kSlowRate << " words/min\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
               .arg(QStringLiteral("step"), -4).arg(QStringLiteral("chars"), 6).arg(QStringLiteral("min s"), 6)
               .arg(QStringLiteral("est s"), 6).arg(QStringLiteral("spoken"), 7).arg(QStringLiteral("elder"), 7)
               .arg(QStringLiteral("title"));
    milliseconds minimum{0}, estimate{0}, spoken{0}, elder{0}, floorNormal{0}, floorElder{0};
    int unfilled = 0;
    for (qsizetype i = 0; i < plan->steps().size(); ++i) {
        const auto &step = plan->steps().at(i);
        const auto text = plan->renderedText(i, context);
        if (text.contains(QStringLiteral("【")))
            ++unfilled;
        const auto normal = voice::SpeechSynthesizer::synthesize(text, {voice::VoiceLanguage::Mandarin, false});
        const auto slow = voice::SpeechSynthesizer::synthesize(text, {voice::VoiceLanguage::Mandarin, true});
        if (!normal || !slow) {
            out << "synthesis failed: " << (normal ? slow.error() : normal.error()).detail << "\n";
            return 1;
        }
        const auto min = duration_cast<milliseconds>(step.definition.requirements.minDuration);
        const auto est = workflow::expectedStepDuration(step);
        minimum += min;
        estimate += est;
        spoken += normal->duration();
        elder += slow->duration();
        floorNormal += std::max(min, normal->duration());
        floorElder += std::max(min, slow->duration());
        out << QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
                   .arg(i + 1, 4).arg(text.size(), 6).arg(min.count() / 1000.0, 6, 'f', 0).arg(est.count() / 1000.0, 6, 'f', 0)
                   .arg(normal->duration().count() / 1000.0, 7, 'f', 1).arg(slow->duration().count() / 1000.0, 7, 'f', 1)
                   .arg(step.definition.title);
    }
    const auto minutes = [](milliseconds ms) { return QString::number(ms.count() / 60000.0, 'f', 1); };
    out << "sum: minimum " << minutes(minimum) << " min, template estimate " << minutes(estimate) << " min, spoken "
        << minutes(spoken) << " min (elder " << minutes(elder) << " min)\n";
    out << "shortest possible session (each step max(minimum, spoken)): " << minutes(floorNormal) << " min; elder "
        << minutes(floorElder) << " min\n";
    out << "steps whose text still shows a placeholder: " << unfilled << "\n";
    return 0;
}
