#pragma once

// Drives widgets the way a person does: key presses and mouse clicks enter through the window
// system interface (the path the platform plugin uses), so shortcuts, mnemonics, focus, tab
// order and disabled widgets behave exactly as in the app. Uses the two input hooks QtGui
// exports for test drivers instead of linking Qt Test (style P12: Qt Test only for QSignalSpy).
#include <QApplication>
#include <QElapsedTimer>
#include <QString>
#include <QThread>
#include <QWidget>
#include <QWindow>

#include <functional>

Q_GUI_EXPORT void qt_handleKeyEvent(QWindow *window, QEvent::Type type, int key, Qt::KeyboardModifiers modifiers,
                                    const QString &text, bool autorepeat, ushort count);
Q_GUI_EXPORT bool qt_sendShortcutOverrideEvent(QObject *object, ulong timestamp, int key, Qt::KeyboardModifiers modifiers,
                                               const QString &text, bool autorepeat, ushort count);
Q_GUI_EXPORT void qt_handleMouseEvent(QWindow *window, const QPointF &local, const QPointF &global,
                                      Qt::MouseButtons state, Qt::MouseButton button, QEvent::Type type,
                                      Qt::KeyboardModifiers modifiers, int timestamp);

namespace dualrec::test {

/// Processes events until `done` holds or `timeoutMs` passed; returns `done()`.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

inline void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

inline QWindow *windowOf(QWidget *widget)
{
    return widget->window()->windowHandle();
}

/// Presses and releases `key` with `modifiers` in the window of `anyWidget` (the focused widget
/// gets it, or a shortcut fires).
inline void pressKey(QWidget *anyWidget, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier,
                     const QString &text = {})
{
    auto *window = windowOf(anyWidget);
    // As the platform does: the shortcut map sees the press first (shortcuts, mnemonics), and
    // only a press no shortcut took goes to the focused widget.
    QObject *target = QApplication::focusWidget() ? static_cast<QObject *>(QApplication::focusWidget())
                                                  : static_cast<QObject *>(window);
    const bool shortcut = qt_sendShortcutOverrideEvent(target, 0, key, modifiers, text, false, 1);
    if (!shortcut)
        qt_handleKeyEvent(window, QEvent::KeyPress, key, modifiers, text, false, 1);
    qt_handleKeyEvent(window, QEvent::KeyRelease, key, modifiers, text, false, 1);
    settle();
    if (shortcut) {
        // A button's shortcut animates the click and emits clicked() about 100 ms later.
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 160) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(5);
        }
    }
}

/// Types `text` into whatever has the focus, one character at a time.
inline void typeText(QWidget *anyWidget, const QString &text)
{
    for (const QChar c : text) {
        const int key = c.isDigit() || (c.isLetter() && c.unicode() < 128) ? int(c.toUpper().unicode()) : int(Qt::Key_unknown);
        pressKey(anyWidget, key, Qt::NoModifier, QString(c));
    }
}

/// A left click in the middle of `widget`. A disabled widget ignores it, as it would a person's.
inline void click(QWidget *widget)
{
    auto *window = windowOf(widget);
    const QPointF local = widget->mapTo(widget->window(), widget->rect().center());
    const QPointF global = widget->mapToGlobal(widget->rect().center());
    qt_handleMouseEvent(window, local, global, Qt::LeftButton, Qt::LeftButton, QEvent::MouseButtonPress, Qt::NoModifier, 0);
    qt_handleMouseEvent(window, local, global, Qt::NoButton, Qt::LeftButton, QEvent::MouseButtonRelease, Qt::NoModifier, 0);
    settle();
}

} // namespace dualrec::test
