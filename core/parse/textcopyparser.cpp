#include "textcopyparser.h"

#include "textcopyfootnotes.h"
#include "textcopyheading.h"
#include "textcopytext.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>

namespace marginalia {

namespace {

// Index of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7), or -1.
qsizetype firstInvalidUtf8(const QByteArray &data)
{
    const auto *s = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : low;   // overlong
            high = c == 0xED ? 0x9F : high; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : low;
            high = c == 0xF4 ? 0x8F : high; // beyond U+10FFFF
        } else {
            return i;
        }
        if (i + length > n || s[i + 1] < low || s[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

Error invalidUtf8Error(const QByteArray &data, const QString &fileName)
{
    const qsizetype bad = firstInvalidUtf8(data);
    const QString message = Tr::tr("the file is not valid UTF-8 text");
    if (bad < 0)
        return Error{fileName, 0, 0, message};
    const qsizetype lineStart = bad > 0 ? data.lastIndexOf('\n', bad - 1) + 1 : 0;
    const qsizetype skip = lineStart == 0 && data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    // Columns count characters, as an editor shows them; the bytes before `bad` are valid.
    const qsizetype column = QString::fromUtf8(data.mid(lineStart + skip, bad - lineStart - skip)).size() + 1;
    return Error{fileName, data.left(bad).count('\n') + 1, column,
                 Tr::tr("the file is not valid UTF-8 text (byte 0x%1)")
                     .arg(uint(uchar(data[bad])), 2, 16, QLatin1Char('0'))};
}

QStringList splitLines(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text.split(QLatin1Char('\n'));
}

bool isBlank(const QString &line)
{
    return std::all_of(line.begin(), line.end(), [](QChar c) { return c.isSpace(); });
}

// "[Extract]", "[Telegram]": a bracketed line is a paragraph of its own even without blank lines around it.
bool isBracketedParagraph(const QString &line)
{
    const QString t = line.trimmed();
    return t.size() >= 3 && t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']'))
        && t.indexOf(QLatin1Char(']')) == t.size() - 1 && collapseParagraph(t).breaks.empty();
}

// "53", "14a", "*": a footnote label and nothing else.
bool isBareLabel(const QString &text)
{
    static const QRegularExpression label(QStringLiteral("^(?:[1-9]\\d{0,2}[a-c]?|0|[*\u2020\u2021\u00A7\u2016\u00B6])$"));
    return text.size() <= 4 && label.match(text).hasMatch();
}

// history.state.gov names a document page "<volume id>-d<number>" and a saved copy tends to keep it
// ("frus1934v05-d126.txt"): the document id of a page whose heading has no number.
QString documentNumberFromFileName(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^frus[A-Za-z0-9-]+?-d(\\d{1,6})(?![A-Za-z0-9])"));
    const QRegularExpressionMatch m = pattern.match(QFileInfo(fileName).fileName());
    return m.hasMatch() ? m.captured(1) : QString();
}

// Reads one text copy into a one-document volume; the steps follow the corpus README's import rule.
class TextCopyReader {
public:
    TextCopyReader(QStringList lines, const QString &fileName, const TextCopyHome *home)
        : m_lines(std::move(lines)), m_fileName(fileName), m_home(home)
    {
    }

    Result<Volume> read();

private:
    void readHeading(const TextCopyHeading &heading);
    void readBody(int from, int to);
    void addBodyParagraph(const TextCopyParagraph &para, int line, std::vector<TextCopyBreak> &pending);
    void addPageBreak(const QString &n, Location where);
    void readDateline(int block);
    void placeLabelsOfTheirOwn();
    void finish();

    QStringList m_lines;
    QString m_fileName;
    const TextCopyHome *m_home = nullptr; // the TEI document the copy repeats, when its volume is open
    Volume m_volume;
    Document m_doc;
    std::vector<int> m_blockLines; // 1-based line where each body block starts
    int m_titleStart = 0;          // index in the heading text where the title follows "NNN. "
    std::vector<int> m_labelsOfTheirOwn; // blocks that a label on a line of its own was glued to
};

Result<Volume> TextCopyReader::read()
{
    const auto hasWords = [](const QString &l) { return std::any_of(l.begin(), l.end(), [](QChar c) { return c.isLetter(); }); };
    if (std::none_of(m_lines.cbegin(), m_lines.cend(), hasWords)) {
        const auto first = std::find_if(m_lines.cbegin(), m_lines.cend(), [](const QString &l) { return !isBlank(l); });
        return fail(m_fileName, int(first - m_lines.cbegin()) + 1, 1,
                    Tr::tr("the text has no words, so it is not a copy of a document page"));
    }
    const TextCopyHeading heading = readTextCopyHeading(m_lines);
    readHeading(heading);
    const std::optional<TextCopyNoteList> notes = findNoteList(m_lines, heading.bodyFrom);
    readBody(heading.bodyFrom, notes ? notes->firstLine : int(m_lines.size()));
    if (notes) {
        TextCopyFootnotes footnotes(m_doc, m_fileName, m_blockLines);
        if (m_home)
            footnotes.attachFromHome(*notes, *m_home, m_titleStart, m_volume.warnings);
        else
            footnotes.attach(*notes, m_titleStart, m_volume.warnings);
    } else {
        m_volume.warnings.push_back(Error{
            m_fileName, 0, 0,
            Tr::tr(
                "a text copy with no footnote list: the text does not end in lines "
                "numbered 1., 2., \u2026, so the document opens without footnotes")});
    }
    placeLabelsOfTheirOwn();
    m_doc.title = m_doc.body.front().text.mid(m_titleStart);
    readDateline(1 + int(heading.above.size()));
    finish();
    return std::move(m_volume);
}

// The heading is block 0 (empty when the page has none); the source line above it follows it, as the
// TEI reader puts a volume's inline source note after the head.
void TextCopyReader::readHeading(const TextCopyHeading &heading)
{
    m_doc.number = m_home ? m_home->number
                          : heading.number.isEmpty() ? documentNumberFromFileName(m_fileName) : heading.number;
    if (m_home)
        m_doc.id = m_home->documentId;
    else if (!m_doc.number.isEmpty())
        m_doc.id = QLatin1Char('d') + m_doc.number;
    m_titleStart = heading.titleStart;
    Block block;
    block.kind = BlockKind::Heading;
    block.level = 1;
    block.text = heading.text;
    m_doc.body.push_back(std::move(block));
    m_blockLines.push_back((heading.line >= 0 ? heading.line : heading.bodyFrom) + 1);
    for (const TextCopyBreak &b : heading.breaks)
        addPageBreak(b.n, Location{-1, 0, b.offset});
    for (const TextCopyTopLine &line : heading.above) {
        Block above;
        above.text = line.text;
        m_doc.body.push_back(std::move(above));
        m_blockLines.push_back(line.line + 1);
    }
}

// Paragraphs are runs of non-blank lines (single lines when the copy has no blank line); a "[Page N]"
// paragraph of its own marks where the next begins.
void TextCopyReader::readBody(int from, int to)
{
    std::vector<TextCopyBreak> pending;
    QString raw;
    int rawLine = 0;
    // A copy with no blank line between its lines put each paragraph on a line of its own.
    const bool linePerParagraph = std::none_of(m_lines.cbegin() + std::min(from, to), m_lines.cbegin() + to,
                                               [](const QString &l) { return isBlank(l); });
    for (int j = from; j <= to; ++j) {
        const bool bracketed = j < to && (linePerParagraph || isBracketedParagraph(m_lines[j]));
        if (bracketed && !raw.isEmpty()) {
            addBodyParagraph(collapseParagraph(raw), rawLine, pending);
            raw.clear();
        }
        if (j == to || isBlank(m_lines[j])) {
            if (!raw.isEmpty())
                addBodyParagraph(collapseParagraph(raw), rawLine, pending);
            raw.clear();
            continue;
        }
        if (raw.isEmpty())
            rawLine = j + 1;
        else
            raw += QLatin1Char(' ');
        raw += m_lines[j];
        if (bracketed) {
            addBodyParagraph(collapseParagraph(raw), rawLine, pending);
            raw.clear();
        }
    }
    // A page label after the last paragraph: the page turns at the end of the text.
    const int last = int(m_doc.body.size()) - 1;
    for (const TextCopyBreak &b : pending)
        addPageBreak(b.n, Location{-1, last, int(m_doc.body.back().text.size())});
}

void TextCopyReader::addBodyParagraph(const TextCopyParagraph &para, int line, std::vector<TextCopyBreak> &pending)
{
    if (para.text.isEmpty()) {
        pending.insert(pending.end(), para.breaks.begin(), para.breaks.end());
        return;
    }
    int shift = 0;
    const Block &previous = m_doc.body.back();
    if (isBareLabel(para.text) && isBracketedParagraph(previous.text)) {
        // "[Translation]" / "53": a note the TEI has between blocks, after an inline source note, shows
        // its label on a line of its own. Glued to the note, it is found as any marker is. (A number on a
        // line of its own elsewhere, a table's cell, stays a paragraph.)
        Block &glued = m_doc.body.back();
        shift = int(glued.text.size());
        glued.text += para.text;
        m_labelsOfTheirOwn.push_back(int(m_doc.body.size()) - 1);
    } else if (!pending.empty() && previous.kind == BlockKind::Paragraph && para.text.front().isLower()) {
        // "Twelve" / "[Page 701]" / "of the 67 items": the copy split one sentence at the page turn.
        Block &merged = m_doc.body.back();
        merged.text += QLatin1Char(' ');
        shift = int(merged.text.size());
        merged.text += para.text;
    } else {
        Block block;
        block.text = para.text;
        m_doc.body.push_back(std::move(block));
        m_blockLines.push_back(line);
    }
    const int index = int(m_doc.body.size()) - 1;
    for (const TextCopyBreak &b : pending)
        addPageBreak(b.n, Location{-1, index, shift});
    for (const TextCopyBreak &b : para.breaks)
        addPageBreak(b.n, Location{-1, index, shift + b.offset});
    pending.clear();
}

void TextCopyReader::addPageBreak(const QString &n, Location where)
{
    m_doc.pageBreaks.push_back(PageBreak{n, QStringLiteral("pg_") + n, where});
}

// A marker that a label on a line of its own left at the end of a block stands where the TEI reader
// puts a note between blocks: at the start of the next one.
void TextCopyReader::placeLabelsOfTheirOwn()
{
    for (const int b : m_labelsOfTheirOwn) {
        if (b + 1 >= int(m_doc.body.size()))
            continue;
        for (Footnote &note : m_doc.footnotes) {
            if (note.marker.inBody() && note.marker.block == b && note.marker.offset == int(m_doc.body[std::size_t(b)].text.size()))
                note.marker = Location{-1, b + 1, 0};
        }
    }
}

// "Washington, September 5, 1962." as the first paragraph after the heading (and source line) is the dateline.
void TextCopyReader::readDateline(int index)
{
    if (int(m_doc.body.size()) <= index || m_doc.body[std::size_t(index)].text.size() > 120)
        return;
    static const QRegularExpression dateline(QStringLiteral(
        "^([A-Z][^,]{0,60}), ((?:January|February|March|April|May|June|July|August|September|October|November|"
        "December) \\d{1,2}, \\d{4})(?:, .{0,40}|\u2014.{0,30})?\\.?$"));
    Block &block = m_doc.body[std::size_t(index)];
    const QRegularExpressionMatch match = dateline.match(block.text);
    if (!match.hasMatch())
        return;
    const QDate date = QLocale::c().toDate(match.captured(2), QStringLiteral("MMMM d, yyyy"));
    if (!date.isValid())
        return;
    m_doc.place = match.captured(1);
    m_doc.date = date.toString(Qt::ISODate);
    block.kind = BlockKind::Dateline;
}

// Cross-references, anchors, ids and counts, once every text is final.
void TextCopyReader::finish()
{
    for (int b = 0; b < int(m_doc.body.size()); ++b)
        addDocumentReferences(m_doc.body[std::size_t(b)], Location{-1, b, 0}, m_doc.crossReferences);
    for (int f = 0; f < int(m_doc.footnotes.size()); ++f) {
        RichText &content = m_doc.footnotes[std::size_t(f)].content;
        for (int b = 0; b < int(content.size()); ++b)
            addDocumentReferences(content[std::size_t(b)], Location{f, b, 0}, m_doc.crossReferences);
    }
    addPointAnchors(m_doc);

    m_volume.format = SourceFormat::TextCopy;
    m_volume.sourcePath = m_fileName;
    if (!m_doc.id.isEmpty()) // a page that names no document has no id to be linked by
        m_volume.ids.insert(m_doc.id, IdTarget{IdTarget::Document, 0, -1});
    for (int f = 0; f < int(m_doc.footnotes.size()); ++f)
        m_volume.ids.insert(m_doc.footnotes[std::size_t(f)].id, IdTarget{IdTarget::Footnote, 0, f});
    for (int p = 0; p < int(m_doc.pageBreaks.size()); ++p) {
        const PageBreak &pb = m_doc.pageBreaks[std::size_t(p)];
        m_volume.pages.push_back(VolumePage{pb.n, pb.id, 0});
        m_volume.ids.insert(pb.id, IdTarget{IdTarget::Page, 0, p});
    }
    VolumeStats &stats = m_volume.stats;
    stats.documents = 1;
    stats.footnotes = int(m_doc.footnotes.size());
    stats.pageBreaks = int(m_doc.pageBreaks.size());
    stats.references = stats.internalReferences = int(m_doc.crossReferences.size());
    m_volume.documents.push_back(std::move(m_doc));
}

Result<Volume> parseTextCopy(const QByteArray &data, const QString &fileName, const TextCopyHome *home)
{
    const QString empty = Tr::tr("the file is empty");
    if (data.trimmed().isEmpty())
        return fail(fileName, 0, 0, empty);
    QStringDecoder decoder(QStringConverter::Utf8); // skips a leading BOM
    QString text = decoder.decode(data);
    if (decoder.hasError() || firstInvalidUtf8(data) >= 0)
        return fail(invalidUtf8Error(data, fileName));
    if (isBlank(text))
        return fail(fileName, 0, 0, empty);
    QStringList lines = splitLines(std::move(text));
    normaliseBackLinks(lines);
    return TextCopyReader(std::move(lines), fileName, home).read();
}

} // namespace

Result<Volume> TextCopyParser::parse(const QByteArray &data, const QString &fileName)
{
    return parseTextCopy(data, fileName, nullptr);
}

Result<Volume> TextCopyParser::parse(const QByteArray &data, const QString &fileName, const TextCopyHome &home)
{
    return parseTextCopy(data, fileName, &home);
}

} // namespace marginalia
