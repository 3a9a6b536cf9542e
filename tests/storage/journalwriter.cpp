// A child process for the crash-consistency test: writes sessions and their events into the
// journal of a data folder as fast as it can and reports every committed transaction on
// stdout, until it is killed.
//   S <session-id>          the session row is committed
//   E <session-id> <count>  its <count> events and final state are committed
#include "core/storage/journal.h"
#include "core/util/clock.h"

#include <QCoreApplication>

#include <cstdio>

using namespace dualrec;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: journalwriter DATA-DIR\n");
        return 2;
    }
    SystemClock clock;
    auto journal = storage::Journal::open(QString::fromLocal8Bit(argv[1]), clock);
    if (!journal) {
        std::fprintf(stderr, "journalwriter: %s\n", qPrintable(journal.error().toString()));
        return 1;
    }
    for (int i = 0;; ++i) {
        const int count = (i * 7) % 25 + 2;
        storage::SessionRecord record;
        record.id = workflow::SessionId::generate();
        record.applicationNo = QStringLiteral("W-%1").arg(i);
        record.agentId = QStringLiteral("agent-%1").arg(i % 4);
        record.customerRef = QString::number(count);
        record.templateId = QStringLiteral("traditional-life");
        record.templateVersion = QStringLiteral("1.0.0");
        record.products = {{QStringLiteral("P1"), QStringLiteral("一")}, {QStringLiteral("P2"), QStringLiteral("二")}};
        record.scopeReason = QStringLiteral("crash test");
        if (auto created = (*journal)->sessions().create(record); !created) {
            std::fprintf(stderr, "journalwriter: %s\n", qPrintable(created.error().toString()));
            return 1;
        }
        std::printf("S %s\n", qPrintable(record.id.toString()));
        std::fflush(stdout);

        QList<workflow::SessionEvent> events;
        for (int e = 0; e < count - 1; ++e) {
            workflow::SessionEvent event;
            event.type = workflow::SessionEventType::StepStarted;
            event.wallTime = clock.wallNow();
            event.monotonic = clock.monotonicNow();
            event.stepIndex = e;
            event.stepId = QStringLiteral("step-%1").arg(e);
            events.append(event);
        }
        workflow::SessionEvent finished;
        finished.type = workflow::SessionEventType::StateChanged;
        finished.wallTime = clock.wallNow();
        finished.from = workflow::SessionState::Steps;
        finished.to = workflow::SessionState::Finished;
        finished.trigger = workflow::SessionTrigger::CompleteSteps;
        events.append(finished);
        if (auto appended = (*journal)->sessions().appendEvents(record.id, 0, events); !appended) {
            std::fprintf(stderr, "journalwriter: %s\n", qPrintable(appended.error().toString()));
            return 1;
        }
        std::printf("E %s %d\n", qPrintable(record.id.toString()), count);
        std::fflush(stdout);
    }
}
