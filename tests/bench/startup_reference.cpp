// The reference of `scripts/bench startup`: the smallest Qt Widgets program with a main window
// (a title, a label, the platform's default size), started the same way as DualRec.
// `--version` prints a line and exits without a window, as `dualrec --version` does.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTextStream>

int main(int argc, char **argv)
{
    if (argc > 1 && QLatin1String(argv[1]) == QLatin1String("--version")) {
        QCoreApplication app(argc, argv);
        QTextStream(stdout) << "startup-reference 1.0" << Qt::endl;
        return 0;
    }
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("startup-reference"));
    window.setCentralWidget(new QLabel(QStringLiteral("reference"), &window));
    window.resize(1024, 700);
    window.show();
    return app.exec();
}
