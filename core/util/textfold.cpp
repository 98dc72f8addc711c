#include "textfold.h"

namespace marginalia {

namespace {

// Latin-1 letters without their accents (U+00C0…U+00FF), the common case done by table; signs and
// letters that have no canonical decomposition (Æ, Ø, ß, ×) stay as they are.
constexpr char16_t latin1Base[64 + 1] =
    u"AAAAAA\u00C6CEEEEIIII\u00D0NOOOOO\u00D7\u00D8UUUUY\u00DE\u00DF"
    u"aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7\u00F8uuuuy\u00FEy";

char16_t withoutAccent(char16_t c)
{
    if (c >= 0xC0 && c <= 0xFF)
        return latin1Base[c - 0xC0];
    // Other accented letters (ł has none, but č, ő, ş… do): the first character of the canonical
    // decomposition, repeatedly, since some decompose in several steps (ǘ → ü + ´ → u + ¨ + ´).
    for (int step = 0; step < 3 && QChar::isLetter(c) && QChar::decompositionTag(c) == QChar::Canonical; ++step) {
        const QString parts = QChar::decomposition(c);
        if (parts.isEmpty() || parts.front().isSurrogate())
            break;
        c = parts.front().unicode();
    }
    return c;
}

char16_t foldNonAscii(char16_t c, FoldCase foldCase)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: // ‘ ’ ‚ ‛ ′
        return u'\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: // “ ” „ ‟ ″
        return u'"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return u'-';
    case 0x00A0: case 0x2007: case 0x202F: // no-break spaces look like spaces to a reader
        return u' ';
    default:
        break;
    }
    if (QChar::isSurrogate(c))
        return c;
    c = withoutAccent(c);
    return foldCase == FoldCase::Ignore ? char16_t(QChar::toCaseFolded(char32_t(c))) : c;
}

inline char16_t foldUnit(char16_t c, FoldCase foldCase)
{
    if (c < 0x80)
        return foldCase == FoldCase::Ignore && c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c;
    return foldNonAscii(c, foldCase);
}

} // namespace

void foldForSearch(QStringView text, FoldCase foldCase, QString &out)
{
    out.resize(text.size());
    const char16_t *src = text.utf16();
    char16_t *dst = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0, n = text.size(); i < n; ++i)
        dst[i] = foldUnit(src[i], foldCase);
}

QString foldForSearch(QStringView text, FoldCase foldCase)
{
    QString out;
    foldForSearch(text, foldCase, out);
    return out;
}

QStringList foldedWords(QStringView typed)
{
    return foldForSearch(typed).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace marginalia
