#include "teireader.h"

#include "unicodeinput.h"

#include "util/translate.h"

#include "teidocumentfixups.h"
#include "teiheader.h"
#include "teiparser.h"
#include "util/utf8.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace marginalia {

using tei::Element;

namespace {

enum Undo : std::uint32_t {
    EndBlock = 1 << 0,
    EndContainer = 1 << 1,
    PopStyle = 1 << 2,
    CloseLink = 1 << 3,
    EndFootnote = 1 << 4,
    EndDocument = 1 << 5,
    EndDivision = 1 << 6,
    LeaveList = 1 << 7,
    EndHeaderField = 1 << 8,
    EndGlossName = 1 << 9,
    EndGlossItem = 1 << 10,
    EndSkip = 1 << 11,
    LeaveCloser = 1 << 12,
    LeavePostscript = 1 << 13,
    LeaveLabel = 1 << 14,
    LeaveAttachment = 1 << 15,
    EndDivisionHead = 1 << 16,
    EndDivisionNote = 1 << 17,
};

constexpr QLatin1StringView kXmlNs("http://www.w3.org/XML/1998/namespace");
constexpr QLatin1StringView kFrusNs("http://history.state.gov/frus/ns/1.0");

// The span a dateline's date gives: @when alone, else @from/@to, else @notBefore/@notAfter (TEI's
// dating attributes; a one-sided range keeps its open end empty).
void datelineRange(const XmlAttributes &attrs, QString &from, QString &to)
{
    const QStringView when = attrs.value(QLatin1String("when"));
    if (!when.isEmpty()) {
        from = to = when.toString();
        return;
    }
    for (const auto &[first, last] : {std::pair{"from", "to"}, std::pair{"notBefore", "notAfter"}}) {
        from = attrs.value(QLatin1String(first)).toString();
        to = attrs.value(QLatin1String(last)).toString();
        if (!from.isEmpty() || !to.isEmpty())
            return;
    }
}

QString xmlId(const XmlAttributes &attrs)
{
    return attrs.value(kXmlNs, QLatin1String("id")).toString();
}

std::uint8_t stylesFor(QStringView rend)
{
    // Nearly every <hi> of a volume says just "italic" or "smallcaps": told at once, before the
    // searches that a combined value ("bold italic", "italic underline") needs.
    if (rend == QLatin1String("italic"))
        return Italic;
    if (rend == QLatin1String("smallcaps"))
        return SmallCaps;
    std::uint8_t s = 0;
    if (rend.contains(QLatin1String("italic")))
        s |= Italic;
    if (rend.contains(QLatin1String("smallcaps")))
        s |= SmallCaps;
    if (rend.contains(QLatin1String("strong")) || rend.contains(QLatin1String("bold")))
        s |= Bold;
    if (rend.contains(QLatin1String("sup")))
        s |= Superscript;
    if (rend.contains(QLatin1String("sub")) && !rend.contains(QLatin1String("sup")))
        s |= Subscript;
    if (rend.contains(QLatin1String("underline")))
        s |= Underline;
    return s;
}

std::uint8_t blockFlagsFor(QStringView rend)
{
    if (rend == QLatin1String("center"))
        return Centered;
    if (rend == QLatin1String("flushleft"))
        return FlushLeft;
    if (rend == QLatin1String("right"))
        return AlignRight;
    return 0;
}

} // namespace

TeiReader::TeiReader(const QByteArray &data, const QString &fileName,
                     const std::function<bool(qint64, qint64)> &progress)
    : m_data(data), m_fileName(fileName), m_progress(progress)
{
    m_volume.sourcePath = fileName;
    m_volume.format = SourceFormat::Tei;
}

Result<Volume> TeiReader::read()
{
    // Checked up front, so that the message names the byte and its place the same way on every path.
    if (const Utf8Problem bad = declaresUtf8(m_data) ? findInvalidUtf8(m_data) : Utf8Problem{}; !bad.valid()) {
        return fail(m_fileName, bad.line, bad.column,
                    Tr::tr("the file is not valid UTF-8 (byte %1)").arg(bad.offset + 1));
    }
    XmlTokenizer tokens(m_data, *this);
    m_tokens = &tokens;
    const bool read = tokens.read();
    m_tokens = nullptr;
    if (!read) {
        const XmlProblem &p = tokens.problem();
        if (p.noElement)
            return fail(m_fileName, 0, 0, Tr::tr("the file is empty or holds no XML element"));
        return fail(m_fileName, p.line, p.column, p.message);
    }
    if (m_volume.id.isEmpty())
        m_volume.id = QFileInfo(m_fileName).completeBaseName();
    finishTeiHeader(m_volume);
    finishVolume(m_volume);
    return std::move(m_volume);
}

void TeiReader::registerId(const XmlAttributes &attrs, IdTarget target)
{
    const QString id = xmlId(attrs);
    if (!id.isEmpty())
        m_volume.ids.insert(id, target);
}

void TeiReader::startElement(QByteArrayView localName, QByteArrayView prefix, const XmlAttributes &attrs)
{
    const Element e = tei::elementFor(localName);
    if (m_elementCount++ == 0 && e != Element::Tei) {
        QByteArray qualified = localName.toByteArray();
        if (!prefix.isEmpty())
            qualified = prefix.toByteArray() + ':' + qualified;
        m_tokens->stop(Tr::tr("not a TEI file: the root element is <%1>, expected <TEI>")
                           .arg(QString::fromUtf8(qualified)));
        return;
    }
    // Every 4096 elements: often enough for a progress bar, rare enough to cost nothing.
    if (m_progress && (m_elementCount & 0xFFF) == 0 && !m_progress(m_tokens->bytesRead(), m_data.size())) {
        m_tokens->stop(TeiParser::cancelledMessage());
        return;
    }
    // Every id counts for resolving references; the handlers below refine what it names. A skeleton
    // leaves a document's own id to the reader of that document, so that an id the two both hold is
    // always one the file gives twice (teiparallel.cpp then leaves the file to the sequential reader).
    if (!(m_slots && e == Element::Div && attrs.value(QLatin1String("type")) == QLatin1String("document")))
        registerId(attrs, {IdTarget::Other, m_inDocument ? int(m_volume.documents.size()) : -1, -1});
    std::uint32_t undo = 0;
    if (m_inDocument) {
        undo = startInDocument(e, attrs);
    } else {
        undo = startOutsideDocument(e, attrs);
    }
    m_stack.push_back({e, undo});
}

std::uint32_t TeiReader::startOutsideDocument(Element e, const XmlAttributes &attrs)
{
    const bool inHeader = !m_stack.empty() && m_stack.size() >= 2 && m_stack[1].element == Element::TeiHeader;
    if (inHeader) {
        // Markup inside a field (<hi> in a title) keeps adding to it.
        QString *field = teiHeaderField(m_volume, e, attrs);
        if (!field)
            return 0;
        m_headerField = field;
        return EndHeaderField;
    }
    switch (e) {
    case Element::Tei:
        m_volume.id = xmlId(attrs);
        return 0;
    case Element::Div: {
        if (attrs.value(QLatin1String("type")) == QLatin1String("document")) {
            if (!m_slots)
                return startDocument(attrs);
            m_slots->push_back({m_divisions.empty() ? -1 : m_divisions.back(), int(m_volume.pages.size())});
            return 0;
        }
        Division d;
        d.id = xmlId(attrs);
        d.type = attrs.value(QLatin1String("type")).toString();
        d.parent = m_divisions.empty() ? -1 : m_divisions.back();
        d.depth = int(m_divisions.size());
        m_volume.divisions.push_back(std::move(d));
        m_divisions.push_back(int(m_volume.divisions.size()) - 1);
        registerId(attrs, {IdTarget::Division, -1, m_divisions.back()});
        return EndDivision;
    }
    case Element::Head:
        if (!m_divisions.empty() && m_stack.back().element == Element::Div) {
            ++m_divisionHeadDepth;
            return EndDivisionHead;
        }
        break;
    case Element::Note:
        // A division head's note is not shown, but an Ibid. in the first document may repeat it.
        if (m_skipDepth++ == 0 && m_divisionHeadDepth && !m_divisions.empty()) {
            m_divisionNote.clear();
            m_inDivisionNote = true;
            return EndSkip | EndDivisionNote;
        }
        return EndSkip;
    case Element::Pb:
        pageBreak(attrs);
        return 0;
    case Element::Item:
        if (m_glossItemDepth++ == 0) {
            m_glossText.clear();
            m_glossId.clear();
            m_glossNameStart = m_glossNameEnd = -1;
        }
        return EndGlossItem;
    case Element::Lb:
        // A line break parts words: "Russia<lb/>Economic Relations" in a chapter's head is two lines,
        // not "RussiaEconomic Relations" (a title, a header field, a glossary entry).
        characters(u" ");
        return 0;
    case Element::PersName:
    case Element::Term: {
        const QString id = xmlId(attrs);
        if (!id.isEmpty() && m_glossItemDepth > 0 && m_glossId.isEmpty()) {
            m_glossId = id;
            m_glossIsPerson = e == Element::PersName;
            m_glossNameStart = m_glossText.size();
            return EndGlossName;
        }
        break;
    }
    default:
        break;
    }
    return 0;
}

std::uint32_t TeiReader::startDocument(const XmlAttributes &attrs)
{
    m_inDocument = true;
    m_documentDepth = int(m_stack.size());
    m_doc = Document{};
    m_doc.id = xmlId(attrs);
    m_doc.number = attrs.value(QLatin1String("n")).toString();
    m_doc.subtype = attrs.value(QLatin1String("subtype")).toString();
    m_doc.firstPage = m_documentRun ? QString() : m_lastPage;
    m_doc.division = m_divisions.empty() ? -1 : m_divisions.back();
    m_doc.dateFrom = attrs.value(kFrusNs, QLatin1String("doc-dateTime-min")).toString();
    m_doc.dateTo = attrs.value(kFrusNs, QLatin1String("doc-dateTime-max")).toString();
    m_doc.date = sameDayDate(m_doc.dateFrom, m_doc.dateTo);
    m_flows.clear();
    m_flows.push_back(std::make_unique<FlowBuilder>(&m_doc, -1));
    m_titleBlock = -1;
    m_listDepth = m_closerDepth = m_postscriptDepth = m_attachmentDepth = 0;
    m_datelineCount = m_placeDepth = 0;
    ++m_volume.stats.documents;
    registerId(attrs, {IdTarget::Document, int(m_volume.documents.size()), -1});
    return EndDocument;
}

std::uint32_t TeiReader::startInDocument(Element e, const XmlAttributes &attrs)
{
    switch (e) {
    case Element::P:
        return startParagraph(attrs);
    case Element::Hi:
        flow().pushStyle(stylesFor(attrs.value(QLatin1String("rend"))));
        return PopStyle;
    case Element::Note:
        if (attrs.value(QLatin1String("rend")) == QLatin1String("inline")) {
            flow().beginBlock(BlockKind::InlineNote, 0, 0);
            return EndBlock;
        }
        return startFootnote(attrs);
    case Element::Ref:
        return startReference(attrs);
    case Element::PersName:
    case Element::Gloss: {
        const QStringView target = attrs.value(QLatin1String(e == Element::PersName ? "corresp" : "target"));
        if (!target.startsWith(u'#'))
            break;
        const bool person = e == Element::PersName;
        m_doc.entities.push_back({person ? EntityRef::Person : EntityRef::Term, target.mid(1).toString()});
        flow().openLink(person ? AnchorKind::Person : AnchorKind::Term, int(m_doc.entities.size()) - 1);
        return CloseLink;
    }
    case Element::Pb:
        pageBreak(attrs);
        return 0;
    case Element::Lb:
        flow().lineBreak();
        if (m_placeDepth)
            m_doc.place += u' ';
        return 0;
    case Element::Head:
        return startHead();
    case Element::Dateline:
        ++m_datelineCount;
        flow().beginBlock(BlockKind::Dateline, AlignRight, 0);
        return EndBlock;
    case Element::PlaceName:
        if (m_datelineCount == 1 && m_doc.place.isEmpty()) {
            ++m_placeDepth;
            return 0; // m_placeDepth is left in endElement by element type
        }
        break;
    case Element::Date:
        if (m_datelineCount == 1 && !m_flows.empty() && m_flows.size() == 1) {
            const QStringView when = attrs.value(QLatin1String("when"));
            if (!when.isEmpty())
                m_doc.date = when.toString();
            if (m_doc.dateFrom.isEmpty() && m_doc.dateTo.isEmpty())
                datelineRange(attrs, m_doc.dateFrom, m_doc.dateTo);
        }
        break;
    case Element::List:
        ++m_listDepth;
        return LeaveList;
    case Element::Label:
        flow().beginLabel();
        return LeaveLabel;
    case Element::Item:
        flow().beginItem(m_closerDepth ? BlockKind::Closer : BlockKind::ListItem, m_closerDepth ? AlignRight : 0,
                         std::uint8_t(std::min(m_listDepth, 255)));
        return EndBlock;
    case Element::Quote:
        if (attrs.value(QLatin1String("rend")) == QLatin1String("blockquote") || flow().currentBlockEmpty()) {
            flow().beginContainer(InQuote);
            return EndContainer;
        }
        break;
    case Element::Closer:
        ++m_closerDepth;
        flow().beginBlock(BlockKind::Closer, AlignRight, 0);
        return EndBlock | LeaveCloser;
    case Element::Postscript:
        ++m_postscriptDepth;
        flow().beginBlock(BlockKind::Postscript, 0, 0);
        return EndBlock | LeavePostscript;
    case Element::Row:
        flow().beginBlock(BlockKind::TableRow,
                          attrs.value(QLatin1String("role")) == QLatin1String("label") ? HeaderRow : 0, 0);
        return EndBlock;
    case Element::Cell:
        flow().beginCell();
        break;
    case Element::Opener:
    case Element::Byline:
        flow().beginBlock(BlockKind::Paragraph, 0, 0);
        return EndBlock;
    case Element::Attachment:
    case Element::Div:
        ++m_attachmentDepth;
        flow().beginBlock(BlockKind::Paragraph, 0, 0);
        return EndBlock | LeaveAttachment;
    default:
        break;
    }
    return 0;
}

std::uint32_t TeiReader::startParagraph(const XmlAttributes &attrs)
{
    // `<label>1.</label><item><p>It will be noticed …`: the item's first paragraph follows its label.
    if (flow().atLabelledItemStart())
        return 0;
    BlockKind kind = BlockKind::Paragraph;
    std::uint8_t flags = blockFlagsFor(attrs.value(QLatin1String("rend")));
    if (m_postscriptDepth) {
        kind = BlockKind::Postscript;
    } else if (m_closerDepth) {
        kind = BlockKind::Closer;
        flags |= AlignRight;
    }
    flow().beginBlock(kind, flags, 0);
    return EndBlock;
}

std::uint32_t TeiReader::startHead()
{
    // The first head of the body, outside attachments and lists, is the document's title line.
    const bool title = m_titleBlock == -1 && m_flows.size() == 1 && m_attachmentDepth == 0 && m_listDepth == 0;
    flow().beginBlock(BlockKind::Heading, 0, title ? 1 : 2);
    if (title)
        m_titleBlock = -2; // set to the block's index when it is emitted
    return EndBlock;
}

std::uint32_t TeiReader::startFootnote(const XmlAttributes &attrs)
{
    Footnote note;
    note.id = xmlId(attrs);
    note.label = attrs.value(QLatin1String("n")).toString();
    const int index = int(m_doc.footnotes.size());
    m_doc.footnotes.push_back(std::move(note));
    ++m_volume.stats.footnotes;
    registerId(attrs, {IdTarget::Footnote, int(m_volume.documents.size()), index});
    flow().pointAnchor(AnchorKind::FootnoteMarker, index);
    m_flows.push_back(std::make_unique<FlowBuilder>(&m_doc, index));
    return EndFootnote;
}

std::uint32_t TeiReader::startReference(const XmlAttributes &attrs)
{
    CrossReference ref = parseReferenceTarget(attrs.value(QLatin1String("target")));
    VolumeStats &stats = m_volume.stats;
    ++stats.references;
    if (ref.raw.startsWith(u'#'))
        ++stats.internalReferences;
    m_doc.crossReferences.push_back(std::move(ref));
    flow().openLink(AnchorKind::CrossReference, int(m_doc.crossReferences.size()) - 1);
    return CloseLink;
}

void TeiReader::pageBreak(const XmlAttributes &attrs)
{
    ++m_volume.stats.pageBreaks;
    VolumePage page{attrs.value(QLatin1String("n")).toString(), xmlId(attrs), -1};
    m_lastPage = page.n;
    if (m_inDocument) {
        page.document = int(m_volume.documents.size());
        if (m_flows.size() == 1 && m_doc.body.empty() && flow().currentBlockEmpty()) {
            m_doc.firstPage = page.n; // the document starts on this page
        } else {
            m_doc.pageBreaks.push_back({page.n, page.id, {}});
            flow().pointAnchor(AnchorKind::PageBreak, int(m_doc.pageBreaks.size()) - 1);
        }
    }
    if (!page.id.isEmpty())
        m_volume.ids.insert(page.id, {IdTarget::Page, page.document, int(m_volume.pages.size())});
    m_volume.pages.push_back(std::move(page));
}

void TeiReader::endElement()
{
    if (m_stack.empty())
        return;
    const Frame frame = m_stack.back();
    m_stack.pop_back();
    const std::uint32_t u = frame.undo;
    if (frame.element == Element::PlaceName && m_placeDepth > 0)
        --m_placeDepth;
    if (u & EndHeaderField)
        m_headerField = nullptr;
    if (u & EndDivisionHead)
        --m_divisionHeadDepth;
    if (u & EndSkip)
        --m_skipDepth;
    if (u & EndDivisionNote) {
        m_inDivisionNote = false;
        m_volume.divisions[std::size_t(m_divisions.back())].headNotes << m_divisionNote.simplified();
    }
    if (u & EndGlossName)
        m_glossNameEnd = m_glossText.size();
    if (u & EndGlossItem)
        endGlossaryItem();
    if (u & EndDivision) {
        QString &title = m_volume.divisions[std::size_t(m_divisions.back())].title;
        title = title.simplified();
        m_divisions.pop_back();
    }
    if (!m_inDocument)
        return;
    if (u & PopStyle)
        flow().popStyle();
    if (u & CloseLink)
        flow().closeLink();
    if (u & EndContainer)
        flow().endContainer();
    if (u & EndBlock) {
        const bool title = m_titleBlock == -2 && frame.element == Element::Head;
        const int before = flow().blockCount();
        flow().endBlock();
        if (title) // an empty <head/> emits no block
            m_titleBlock = flow().blockCount() > before ? flow().blockCount() - 1 : kEmptyTitleHead;
    }
    if (u & LeaveList)
        --m_listDepth;
    if (u & LeaveLabel)
        flow().endLabel();
    if (u & LeaveCloser)
        --m_closerDepth;
    if (u & LeavePostscript)
        --m_postscriptDepth;
    if (u & LeaveAttachment)
        --m_attachmentDepth;
    if (u & EndFootnote && m_flows.size() > 1) {
        m_flows.back()->finish();
        m_flows.pop_back();
    }
    if (u & EndDocument)
        endDocument();
}

void TeiReader::utf8Characters(QByteArrayView utf8)
{
    // A document's reading text, nearly all of a volume's, goes into its flow in one decoding pass.
    if (m_inDocument && !m_placeDepth) {
        flow().appendUtf8(utf8);
        return;
    }
    m_decoded.resize(utf8.size());
    const QChar *end = m_utf8Decoder.appendToBuffer(m_decoded.data(), utf8);
    m_decoded.truncate(end - m_decoded.constData());
    characters(m_decoded);
}

void TeiReader::characters(QStringView text)
{
    if (m_inDocument) {
        flow().appendText(text);
        if (m_placeDepth)
            m_doc.place += text;
        return;
    }
    if (m_headerField)
        *m_headerField += text;
    if (m_inDivisionNote)
        m_divisionNote += text;
    if (m_divisionHeadDepth && !m_skipDepth && !m_divisions.empty())
        m_volume.divisions[std::size_t(m_divisions.back())].title += text;
    if (m_glossItemDepth)
        m_glossText += text;
}

void TeiReader::endGlossaryItem()
{
    if (--m_glossItemDepth > 0 || m_glossId.isEmpty() || m_glossNameEnd < 0)
        return;
    GlossaryEntry entry;
    entry.name = m_glossText.mid(m_glossNameStart, m_glossNameEnd - m_glossNameStart).simplified();
    QString rest = m_glossText.mid(m_glossNameEnd).simplified();
    while (!rest.isEmpty() && (rest.front() == u',' || rest.front() == u';' || rest.front() == u':'
                               || rest.front() == u' '))
        rest.remove(0, 1);
    entry.description = rest;
    const int index = -1;
    if (m_glossIsPerson) {
        m_volume.persons.insert(m_glossId, entry);
        m_volume.ids.insert(m_glossId, {IdTarget::Person, -1, index});
    } else {
        m_volume.terms.insert(m_glossId, entry);
        m_volume.ids.insert(m_glossId, {IdTarget::Term, -1, index});
    }
    m_glossId.clear();
}

void TeiReader::endDocument()
{
    while (m_flows.size() > 1) { // unbalanced only if the XML was, which the reader reports anyway
        m_flows.back()->finish();
        m_flows.pop_back();
    }
    m_flows.back()->finish();
    m_flows.clear();
    m_doc.place = m_doc.place.simplified();
    finishDocument(m_doc, m_titleBlock);
    m_volume.documents.push_back(std::move(m_doc));
    m_doc = Document{};
    m_inDocument = false;
}

} // namespace marginalia
