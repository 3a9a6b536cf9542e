#pragma once

#include <QByteArray>
#include <QString>
#include <QtEndian>

#include <algorithm>

namespace dualrec::seal {

/// Thread contract: one walker per stream, used from one thread.
/// Walks the top-level boxes of an MP4 as its bytes stream past: every box whole and inside
/// the file, `ftyp` first, a `moov`, and in a fragmented file each `moof`'s sequence number
/// (its `mfhd`) greater than the one before, each followed by its `mdat`.
class Mp4Walker final
{
public:
    void feed(const char *data, qint64 size)
    {
        qint64 at = 0;
        while (at < size && m_problem.isEmpty()) {
            if (m_skip > 0) {
                const qint64 step = std::min(m_skip, size - at);
                m_skip -= step;
                at += step;
                continue;
            }
            const qint64 step = std::min<qint64>(m_want - m_header.size(), size - at);
            m_header.append(data + at, step);
            at += step;
            if (m_header.size() == m_want)
                parsed();
        }
        m_offset += size;
    }
    /// Empty when the file was a well-formed MP4 to its end.
    [[nodiscard]] QString finish()
    {
        if (!m_problem.isEmpty())
            return m_problem;
        if (m_skip > 0 || !m_header.isEmpty())
            return QStringLiteral("MP4: the last box runs past the end of the file");
        if (!m_sawFtyp || !m_sawMoov)
            return QStringLiteral("MP4: no ftyp or no moov box");
        if (m_expectMdat)
            return QStringLiteral("MP4: fragment %1 has no mdat").arg(m_lastSequence);
        return {};
    }
    [[nodiscard]] int fragments() const { return m_fragments; }

private:
    static quint32 be32(const char *p)
    {
        const auto *u = reinterpret_cast<const unsigned char *>(p);
        return quint32(u[0]) << 24 | quint32(u[1]) << 16 | quint32(u[2]) << 8 | quint32(u[3]);
    }
    void parsed()
    {
        if (!m_inMoof) {
            qint64 size = be32(m_header.constData());
            const QByteArray type = m_header.mid(4, 4);
            if (size == 1 && m_want == 8) {
                m_want = 16; // a 64-bit size follows
                return;
            }
            qint64 headerSize = m_want;
            if (size == 1)
                size = qint64(quint64(be32(m_header.constData() + 8)) << 32 | be32(m_header.constData() + 12));
            if (size == 0) {
                m_problem = QStringLiteral("MP4: a box of open-ended size (not written by DualRec)");
                return;
            }
            if (size < headerSize) {
                m_problem = QStringLiteral("MP4: box \"%1\" has an impossible size %2").arg(QString::fromLatin1(type.toHex())).arg(size);
                return;
            }
            if (!m_sawFtyp && type != "ftyp") {
                m_problem = QStringLiteral("MP4: it does not start with an ftyp box");
                return;
            }
            m_sawFtyp = true;
            if (type == "moov")
                m_sawMoov = true;
            if (type == "mdat")
                m_expectMdat = false;
            m_header.clear();
            if (type == "moof") {
                if (m_expectMdat) {
                    m_problem = QStringLiteral("MP4: fragment %1 has no mdat before the next fragment").arg(m_lastSequence);
                    return;
                }
                m_moofLeft = size - headerSize;
                m_want = 16; // mfhd: size, type, version/flags, sequence number
                m_inMoof = true;
                return;
            }
            m_skip = size - headerSize;
            m_want = 8;
            return;
        }
        // The first child of a moof.
        if (m_inMoof) {
            m_inMoof = false;
            if (m_header.mid(4, 4) != "mfhd") {
                m_problem = QStringLiteral("MP4: a fragment without its mfhd header");
                return;
            }
            const quint32 sequence = be32(m_header.constData() + 12);
            if (m_fragments > 0 && sequence <= m_lastSequence) {
                m_problem = QStringLiteral("MP4: fragment sequence number %1 follows %2 (fragments missing, repeated or reordered)")
                                .arg(sequence)
                                .arg(m_lastSequence);
                return;
            }
            m_lastSequence = sequence;
            ++m_fragments;
            m_expectMdat = true;
            m_skip = m_moofLeft - 16;
            m_header.clear();
            m_want = 8;
            if (m_skip < 0)
                m_problem = QStringLiteral("MP4: a fragment smaller than its mfhd");
        }
    }

    QByteArray m_header;
    qint64 m_want = 8;
    qint64 m_skip = 0;
    qint64 m_offset = 0;
    qint64 m_moofLeft = 0;
    bool m_inMoof = false;
    bool m_sawFtyp = false;
    bool m_sawMoov = false;
    bool m_expectMdat = false;
    quint32 m_lastSequence = 0;
    int m_fragments = 0;
    QString m_problem;
};

} // namespace dualrec::seal
