#include "core/util/text.h"

namespace dualrec {

std::optional<qsizetype> firstUnprintable(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, text.at(i + 1));
            switch (QChar::category(code)) {
            case QChar::Other_Format:
            case QChar::Other_PrivateUse:
            case QChar::Other_NotAssigned:
                return i;
            default:
                ++i;
                continue;
            }
        }
        switch (QChar::category(code)) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return i;
        default:
            break;
        }
    }
    return std::nullopt;
}

QString describeUnprintable(QStringView text, qsizetype position)
{
    char32_t code = text.at(position).unicode();
    if (text.at(position).isHighSurrogate() && position + 1 < text.size())
        code = QChar::surrogateToUcs4(text.at(position), text.at(position + 1));
    return QStringLiteral("U+%1 at character %2")
        .arg(QString::number(uint(code), 16).toUpper().rightJustified(4, u'0'))
        .arg(position + 1);
}

} // namespace dualrec
