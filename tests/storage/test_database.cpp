// Database hands each thread its own connection. Threads end and their ids are reused (glibc
// gives a new thread the id of one just joined): the new thread must open its own connection,
// and the dead thread's must be gone.
#include "core/storage/database.h"

#include <QSqlDatabase>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

#include <pthread.h>
#include <set>
#include <thread>

using namespace dualrec::storage;

TEST_CASE("a thread's connection closes when the thread ends / and a thread with a reused id opens its own")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto opened = Database::open(dir.filePath(QStringLiteral("journal.sqlite")));
    REQUIRE(opened.has_value());
    const auto database = *opened;
    REQUIRE(database->run(QStringLiteral("CREATE TABLE t (v INTEGER)")).has_value());
    const auto before = QSqlDatabase::connectionNames().size();

    std::set<pthread_t> ids;
    int succeeded = 0;
    for (int i = 0; i < 20; ++i) {
        std::thread worker([&] {
            ids.insert(pthread_self());
            if (database->run(QStringLiteral("INSERT INTO t (v) VALUES (?)"), {i}).has_value())
                ++succeeded;
        });
        worker.join();
    }
    CHECK(succeeded == 20);
    INFO(ids.size() << " distinct thread ids for 20 threads");
    // Every thread's connection went with it: only this thread's is left.
    CHECK(QSqlDatabase::connectionNames().size() == before);
    auto count = database->run(QStringLiteral("SELECT COUNT(*) FROM t"));
    REQUIRE(count.has_value());
    REQUIRE(count->next());
    CHECK(count->value(0).toInt() == 20);
}
