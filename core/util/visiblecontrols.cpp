#include "visiblecontrols.h"

namespace marginalia {

namespace {

// The bidirectional formatting characters that can make text read otherwise than it is stored
// (CVE-2021-42574): the embeddings and overrides, the isolates, and the marks.
bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
        || c == 0x061C;
}

bool isC1(char16_t c)
{
    return c >= 0x80 && c <= 0x9F;
}

void appendCodePointName(QString &out, char16_t c)
{
    out += QStringLiteral("<U+%1>").arg(int(c), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

QString visibleControls(QStringView text, LineBreaks breaks)
{
    QString out;
    out.reserve(text.size());
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        const bool layout = breaks == LineBreaks::Keep && (c == u'\n' || c == u'\t');
        if (c < 0x20 && !layout)
            out += QChar(char16_t(0x2400 + c));
        else if (c == 0x7F)
            out += QChar(char16_t(0x2421));
        else if (isC1(c) || isBidiControl(c))
            appendCodePointName(out, c);
        else
            out += qc;
    }
    return out;
}

QByteArray terminalSafeJson(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    const auto escape = [&out](int codePoint) {
        out += "\\u" + QByteArray::number(codePoint, 16).rightJustified(4, '0');
    };
    // Everything matched below is a whole UTF-8 sequence, and in JSON such characters occur only inside
    // strings, so an escape never lands in the middle of a token.
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto b = static_cast<unsigned char>(json[i]);
        if (b == 0x7F) {
            escape(0x7F);
        } else if (b == 0xC2 && i + 1 < n && isC1(static_cast<unsigned char>(json[i + 1]))) {
            escape(static_cast<unsigned char>(json[++i]));
        } else if (b == 0xE2 && i + 2 < n && static_cast<unsigned char>(json[i + 1]) >= 0x80) {
            const auto b1 = static_cast<unsigned char>(json[i + 1]);
            const auto b2 = static_cast<unsigned char>(json[i + 2]);
            const int c = ((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
            if (isBidiControl(char16_t(c))) {
                escape(c);
                i += 2;
            } else {
                out += char(b);
            }
        } else if (b == 0xD8 && i + 1 < n && static_cast<unsigned char>(json[i + 1]) == 0x9C) {
            escape(0x061C); // ARABIC LETTER MARK
            ++i;
        } else {
            out += char(b);
        }
    }
    return out;
}

} // namespace marginalia
