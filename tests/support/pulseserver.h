#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace dualrec::test {

/// A private PulseAudio server for one test with a single loudspeaker that plays into nothing
/// (module-null-sink), so code that plays sound runs as on a laptop. Start it before anything in
/// the process asks Qt for audio devices: it sets PULSE_SERVER for this process. Stopped when
/// the object goes.
class PulseServer final
{
public:
    PulseServer();
    ~PulseServer();
    PulseServer(const PulseServer &) = delete;
    PulseServer &operator=(const PulseServer &) = delete;

    /// Empty when the server runs; else why not.
    [[nodiscard]] const QString &error() const { return m_error; }
    /// How many streams are playing to the loudspeaker now (pactl list short sink-inputs).
    [[nodiscard]] int playingStreams() const;

private:
    QTemporaryDir m_home;
    QProcess m_server;
    QString m_socket;
    QString m_error;
};

} // namespace dualrec::test
