// The test runner: Catch2 with a Qt application object, so code that needs an event loop,
// QSettings or (for UI tests) fonts and widgets runs as in the app.
#include <catch2/catch_session.hpp>

#ifdef DUALREC_TEST_GUI
#include <QApplication>
#else
#include <QCoreApplication>
#endif

#ifndef _WIN32
#include <sys/stat.h>
#endif

int main(int argc, char *argv[])
{
#ifndef _WIN32
    // As the app does at start (core/util/owneronly.h): files made here are owner-only.
    ::umask(077);
#endif
#ifdef DUALREC_TEST_GUI
    // Widget tests render off screen unless a display is chosen on purpose.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    return Catch::Session().run(argc, argv);
}
