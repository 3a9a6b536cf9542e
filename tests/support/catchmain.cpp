// The test runner: Catch2 with a Qt application object, so code that needs an event loop,
// QSettings or (for UI tests) fonts and widgets runs as in the app.
#include <catch2/catch_session.hpp>

#ifdef DUALREC_TEST_GUI
#include <QApplication>
#else
#include <QCoreApplication>
#endif

int main(int argc, char *argv[])
{
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
