#pragma once

#include <QProcess>
#include <QStringList>
#include <QString>

#include <optional>

namespace dualrec::test {

/// A private X server (Xvfb) for one test, on a display number it picks itself; stopped when
/// the object goes. Tests that need a real window system start one instead of relying on
/// whatever DISPLAY the environment has.
class XvfbServer final
{
public:
    XvfbServer();
    ~XvfbServer();
    XvfbServer(const XvfbServer &) = delete;
    XvfbServer &operator=(const XvfbServer &) = delete;

    /// ":N", or empty when the server did not start (then error() says why).
    [[nodiscard]] const QString &display() const { return m_display; }
    [[nodiscard]] const QString &error() const { return m_error; }

    /// The names of the top-level windows on the display (xwininfo -root -tree).
    [[nodiscard]] QString windowTree() const;
    /// The environment of a DualRec started on this display: the xcb platform, its settings and
    /// XDG data under `home` (config/, xdgdata/), the device key in a file (no Secret Service).
    [[nodiscard]] QProcessEnvironment appEnvironment(const QString &home) const;
    /// Photographs the whole screen into `pngPath` (ImageMagick's import); false on failure.
    [[nodiscard]] bool screenshot(const QString &pngPath) const;
    /// Polls the window tree until a window named with one of `titles` is there, `program` has
    /// ended, or `timeoutMs` passed; returns the last tree (the caller checks what it needs).
    [[nodiscard]] QString waitForWindow(const QStringList &titles, const QProcess &program, int timeoutMs = 60000) const;

private:
    QProcess m_server;
    QString m_display;
    QString m_error;
};

} // namespace dualrec::test
