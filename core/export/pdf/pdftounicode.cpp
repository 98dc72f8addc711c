#include "pdftounicode.h"

#include <QList>

#include <algorithm>
#include <map>

namespace marginalia {

namespace {

// A CMap's tokens, as far as a ToUnicode map uses them: <hex>, [, ], and words.
struct Token {
    enum Kind { Hex, Open, Close, Word, End } kind = End;
    QByteArray text; // the decoded bytes of a Hex, the word itself
};

class Tokens {
public:
    explicit Tokens(const QByteArray &data) : m_data(data) {}

    Token next()
    {
        skipSpaceAndComments();
        if (m_at >= m_data.size())
            return {};
        const char c = m_data[m_at];
        if (c == '<' && m_at + 1 < m_data.size() && m_data[m_at + 1] != '<')
            return hex();
        if (c == '[' || c == ']') {
            ++m_at;
            return {c == '[' ? Token::Open : Token::Close, {}};
        }
        const qsizetype start = m_at;
        if (c == '(') {
            skipString();
        } else if (c == '<' || c == '>') {
            m_at += m_at + 1 < m_data.size() && m_data[m_at + 1] == c ? 2 : 1;
        } else {
            do
                ++m_at;
            while (m_at < m_data.size() && !isDelimiter(m_data[m_at]) && !isSpace(m_data[m_at]));
        }
        return {Token::Word, m_data.mid(start, m_at - start)};
    }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
    static bool isDelimiter(char c) { return QByteArrayView("()<>[]{}/%").contains(c); }

    void skipSpaceAndComments()
    {
        while (m_at < m_data.size()) {
            if (isSpace(m_data[m_at])) {
                ++m_at;
            } else if (m_data[m_at] == '%') {
                while (m_at < m_data.size() && m_data[m_at] != '\n' && m_data[m_at] != '\r')
                    ++m_at;
            } else {
                break;
            }
        }
    }

    void skipString()
    {
        int depth = 0;
        for (; m_at < m_data.size(); ++m_at) {
            const char c = m_data[m_at];
            if (c == '\\')
                ++m_at;
            else if (c == '(')
                ++depth;
            else if (c == ')' && --depth == 0) {
                ++m_at;
                return;
            }
        }
    }

    Token hex()
    {
        const qsizetype close = m_data.indexOf('>', m_at);
        if (close < 0) {
            m_at = m_data.size();
            return {Token::Word, {}}; // unterminated: no CMap this reads
        }
        QByteArray digits = m_data.mid(m_at + 1, close - m_at - 1);
        m_at = close + 1;
        digits = digits.simplified().replace(' ', "");
        return {Token::Hex, QByteArray::fromHex(digits)};
    }

    const QByteArray &m_data;
    qsizetype m_at = 0;
};

unsigned codeOf(const QByteArray &bytes)
{
    unsigned code = 0;
    for (const char b : bytes)
        code = (code << 8) | static_cast<unsigned char>(b);
    return code;
}

// UTF-16BE bytes → the string they stand for.
QString utf16(const QByteArray &bytes)
{
    QString out;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
        out.append(QChar(char16_t((static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]))));
    return out;
}

// `text` with its last code unit moved on by `by`: a bfrange's start string for the codes after its first.
QString advanced(QString text, unsigned by)
{
    if (!text.isEmpty())
        text.back() = QChar(char16_t(text.back().unicode() + by));
    return text;
}

// The white space a font may map to its space glyph besides U+0020.
bool isSpaceControl(const QString &text)
{
    return text.size() == 1 && text[0].unicode() >= 0x09 && text[0].unicode() <= 0x0D;
}

QByteArray hexOf(unsigned code, int bytes)
{
    QByteArray out(bytes, '\0');
    for (int i = bytes - 1; i >= 0; --i, code >>= 8)
        out[i] = char(code & 0xFF);
    return out.toHex().toUpper();
}

QByteArray hexOf(const QString &text)
{
    QByteArray out;
    for (const QChar c : text)
        out += hexOf(c.unicode(), 2);
    return out;
}

struct Parsed {
    QByteArray header; // everything before the first mapping section
    QByteArray footer; // everything after the last one
    std::map<unsigned, QString> map;
    int codeBytes = 2;
};

bool readRange(Tokens &tokens, const Token &low, std::map<unsigned, QString> &map)
{
    const Token high = tokens.next();
    Token dst = tokens.next();
    if (high.kind != Token::Hex)
        return false;
    const unsigned from = codeOf(low.text);
    const unsigned to = codeOf(high.text);
    if (to < from || to - from > 0xFFFF)
        return false;
    if (dst.kind == Token::Hex) {
        const QString start = utf16(dst.text);
        for (unsigned code = from; code <= to; ++code)
            map[code] = advanced(start, code - from);
        return true;
    }
    if (dst.kind != Token::Open)
        return false;
    for (unsigned code = from;; ++code) {
        dst = tokens.next();
        if (dst.kind == Token::Close)
            return true;
        if (dst.kind != Token::Hex)
            return false;
        map[code] = utf16(dst.text);
    }
}

std::optional<Parsed> parse(const QByteArray &cmap)
{
    Parsed parsed;
    Tokens tokens(cmap);
    for (Token t = tokens.next(); t.kind != Token::End; t = tokens.next()) {
        if (t.kind != Token::Word || (t.text != "beginbfchar" && t.text != "beginbfrange"))
            continue;
        const bool range = t.text == "beginbfrange";
        const QByteArray endWord = range ? "endbfrange" : "endbfchar";
        for (Token src = tokens.next();; src = tokens.next()) {
            if (src.kind == Token::Word && src.text == endWord)
                break;
            if (src.kind != Token::Hex)
                return std::nullopt;
            parsed.codeBytes = int(src.text.size());
            if (range) {
                if (!readRange(tokens, src, parsed.map))
                    return std::nullopt;
            } else {
                const Token dst = tokens.next();
                if (dst.kind != Token::Hex)
                    return std::nullopt;
                parsed.map[codeOf(src.text)] = utf16(dst.text);
            }
        }
    }
    // The count before the first section's keyword belongs to it, so the header ends before that line.
    const qsizetype charAt = cmap.indexOf("beginbfchar");
    const qsizetype rangeAt = cmap.indexOf("beginbfrange");
    const qsizetype firstSection = charAt < 0 ? rangeAt : rangeAt < 0 ? charAt : std::min(charAt, rangeAt);
    const qsizetype lastEnd = std::max(cmap.lastIndexOf("endbfchar") + qsizetype(sizeof("endbfchar") - 1),
                       cmap.lastIndexOf("endbfrange") + qsizetype(sizeof("endbfrange") - 1));
    if (firstSection < 0 || lastEnd <= firstSection || parsed.map.empty())
        return std::nullopt;
    const qsizetype lineStart = cmap.lastIndexOf('\n', firstSection) + 1;
    parsed.header = cmap.left(lineStart);
    parsed.footer = cmap.mid(lastEnd);
    return parsed;
}

} // namespace

std::optional<QByteArray> toUnicodeWithSpaces(const QByteArray &cmap)
{
    std::optional<Parsed> parsed = parse(cmap);
    if (!parsed)
        return std::nullopt;
    for (auto &[code, text] : parsed->map) {
        if (isSpaceControl(text))
            text = QStringLiteral(" ");
    }
    // One bfchar entry per glyph, at most 100 to a section as the CMap specification allows.
    QByteArray out = parsed->header;
    auto it = parsed->map.begin();
    while (it != parsed->map.end()) {
        QByteArray section;
        int n = 0;
        for (; it != parsed->map.end() && n < 100; ++it, ++n)
            section += '<' + hexOf(it->first, parsed->codeBytes) + "> <" + hexOf(it->second) + ">\n";
        out += QByteArray::number(n) + " beginbfchar\n" + section + "endbfchar\n";
    }
    out += parsed->footer;
    return out;
}

} // namespace marginalia
