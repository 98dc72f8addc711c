// The renderer on real FRUS documents: reading text in order, live markers and references, page break
// positions, the notes list, and hostile text that must stay text.
#include "render/documentrenderer.h"

#include "parse/citation.h"
#include "model/readingtext.h"
#include "model/volume.h"
#include "parse/teiparser.h"
#include "parse/volumeloader.h"
#include "render/links.h"
#include "support/numberedheads.h"
#include "support/testdata.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QThread>

#include <gtest/gtest.h>

#include <future>
#include <map>

using namespace marginalia;

namespace {

// Each volume is parsed once for the whole run; frus1934v05 takes a while.
const Volume &volume(const char *name)
{
    static std::map<std::string, Volume> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        Result<Volume> loaded = loadVolume(test::dataPath(QString::fromUtf8(name)));
        if (!loaded) {
            ADD_FAILURE() << qPrintable(loaded.error().toString());
            loaded = Volume{};
        }
        it = cache.emplace(name, std::move(*loaded)).first;
    }
    return it->second;
}

const Volume &v09() { return volume("frus1961-63v09-d316-d318.xml"); }

const Document &d317()
{
    const Document *doc = v09().document(QStringLiteral("d317"));
    EXPECT_NE(doc, nullptr);
    static const Document empty;
    return doc ? *doc : empty;
}

// The document's characters in [start, end), block separators as '\n'.
QString textAt(const QTextDocument &doc, int start, int end)
{
    QTextCursor c(const_cast<QTextDocument *>(&doc));
    c.setPosition(start);
    c.setPosition(end, QTextCursor::KeepAnchor);
    return c.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

// The format of the character at `position`.
QTextCharFormat formatAt(const QTextDocument &doc, int position)
{
    QTextCursor c(const_cast<QTextDocument *>(&doc));
    c.setPosition(position + 1);
    return c.charFormat();
}

std::optional<LinkTarget> linkAt(const QTextDocument &doc, int position)
{
    const QTextCharFormat format = formatAt(doc, position);
    if (!format.isAnchor())
        return std::nullopt;
    return parseLink(QUrl(format.anchorHref()));
}

// Every href of the document, one per run of formatted text.
QStringList allHrefs(const QTextDocument &doc)
{
    QStringList hrefs;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isAnchor() || !f.anchorHref().isEmpty())
                hrefs << f.anchorHref();
        }
    }
    return hrefs;
}

} // namespace

TEST(Links, RoundTripEveryKind)
{
    const std::vector<LinkTarget> targets{{LinkTarget::Footnote, 1, {}}, {LinkTarget::Reference, 0, {}},
                                          {LinkTarget::Back, 12, {}}, {LinkTarget::Person, -1, QStringLiteral("p_HLH1")},
                                          {LinkTarget::Term, -1, QStringLiteral("t_a/b c?#%")}};
    for (const LinkTarget &t : targets) {
        const QUrl url(linkUrl(t).toString());
        ASSERT_TRUE(parseLink(url).has_value()) << qPrintable(url.toString());
        EXPECT_EQ(*parseLink(url), t) << qPrintable(url.toString());
    }
}

TEST(Links, RejectsUrlsTheRendererDidNotMake)
{
    for (const char *url : {"http://example.com/footnote/1", "https://history.state.gov/", "file:///etc/passwd",
                            "javascript:alert(1)", "footnote/1", "#d316", "marginalia:footnote/x",
                            "marginalia:footnote/-1", "marginalia:unknown/1", "marginalia:person/",
                            "marginalia://host/footnote/1", "marginalia:footnote/1?q=1"}) {
        EXPECT_FALSE(parseLink(QUrl(QString::fromUtf8(url))).has_value()) << url;
    }
}

TEST(DocumentRenderer, D317ShowsTheReadingTextWordsInOrder)
{
    const RenderedText r = renderDocument(v09(), d317(), RenderStyle::light());
    const QString shown = r.document->toPlainText();
    const QStringList words = ReadingText(d317().body).text().split(QRegularExpression(QStringLiteral("\\s+")),
                                                                    Qt::SkipEmptyParts);
    ASSERT_GT(words.size(), 300);
    qsizetype at = 0;
    for (const QString &word : words) {
        const qsizetype found = shown.indexOf(word, at);
        ASSERT_GE(found, 0) << "missing after " << at << ": " << qPrintable(word);
        at = found + word.size();
    }
}

TEST(DocumentRenderer, D317MarkerOneIsARaisedLinkAfterBloc)
{
    const RenderedText r = renderDocument(v09(), d317(), RenderStyle::light());
    ASSERT_EQ(r.markers.size(), d317().footnotes.size());
    const RenderedText::Span span = r.markers[1];
    ASSERT_TRUE(span.valid());
    EXPECT_EQ(textAt(*r.document, span.start, span.end), QStringLiteral("1"));
    // A word joiner (U+2060, added text) between them keeps the marker on the word's line.
    EXPECT_EQ(textAt(*r.document, span.start - 6, span.start), QStringLiteral("bloc.\u2060"));
    EXPECT_EQ(formatAt(*r.document, span.start).verticalAlignment(), QTextCharFormat::AlignSuperScript);
    const auto link = linkAt(*r.document, span.start);
    ASSERT_TRUE(link.has_value());
    EXPECT_EQ(*link, (LinkTarget{LinkTarget::Footnote, 1, {}}));
    // The source note's marker ends the heading, and the signature's ends "Dean".
    EXPECT_EQ(textAt(*r.document, r.markers[0].start - 7, r.markers[0].end), QStringLiteral("Hodges\u20600"));
    EXPECT_EQ(textAt(*r.document, r.markers[4].start - 5, r.markers[4].end), QStringLiteral("Dean\u20604"));
}

TEST(DocumentRenderer, D317ReadingOffsetsAndPositionsMapBothWays)
{
    const RenderedText r = renderDocument(v09(), d317(), RenderStyle::light());
    const ReadingText reading(d317().body);
    const int dear = int(reading.text().indexOf(QStringLiteral("Dear Luther")));
    ASSERT_GT(dear, 0);
    const int position = r.positionOfOffset(dear);
    ASSERT_GE(position, 0);
    EXPECT_EQ(textAt(*r.document, position, position + 11), QStringLiteral("Dear Luther"));
    const RenderedText::Offset back = r.offsetOfPosition(position);
    EXPECT_EQ(back.readingOffset, dear);
    EXPECT_EQ(back.footnote, -1);
    // Every offset of the reading text outside separators comes back to itself.
    for (int offset = 0; offset < reading.text().size(); ++offset) {
        if (reading.text().at(offset) == QLatin1Char('\n'))
            continue;
        const int p = r.positionOfOffset(offset);
        ASSERT_EQ(r.document->characterAt(p), reading.text().at(offset)) << offset;
        ASSERT_EQ(r.offsetOfPosition(p).readingOffset, offset);
    }
    // The marker after "bloc." is not reading text: it maps to the end of "bloc.".
    const int bloc = int(reading.text().indexOf(QStringLiteral("bloc."))) + 5;
    EXPECT_EQ(r.offsetOfPosition(r.markers[1].start + 1).readingOffset, bloc);
}

TEST(DocumentRenderer, D317PageBreak704StandsAtTheStartOfItsParagraph)
{
    const RenderedText r = renderDocument(v09(), d317(), RenderStyle::light());
    const PageBreak *pb = d317().pageBreakByLabel(QStringLiteral("704"));
    ASSERT_NE(pb, nullptr);
    const int position = r.pageBreaks.at(std::size_t(pb - d317().pageBreaks.data()));
    const QTextBlock block = r.document->findBlock(position);
    EXPECT_EQ(block.position(), position);
    EXPECT_TRUE(block.text().startsWith(QStringLiteral("As I wrote you"))) << qPrintable(block.text());
}

TEST(DocumentRenderer, D317LooksLikeTheLetter)
{
    const RenderedText r = renderDocument(v09(), d317(), RenderStyle::light());
    const QTextBlock heading = r.document->begin();
    EXPECT_TRUE(heading.text().startsWith(QStringLiteral("317. Letter From")));
    EXPECT_EQ(heading.charFormat().fontWeight(), QFont::Bold);
    const QTextBlock dateline = heading.next();
    EXPECT_EQ(dateline.text(), QStringLiteral("Washington, September 5, 1962."));
    EXPECT_TRUE(dateline.blockFormat().alignment() & Qt::AlignRight);
    const int dear = int(r.document->toPlainText().indexOf(QStringLiteral("Dear Luther")));
    EXPECT_EQ(formatAt(*r.document, dear).fontCapitalization(), QFont::SmallCaps);
    EXPECT_TRUE(r.document->lastBlock().blockFormat().alignment() & Qt::AlignRight); // "Dean4"
}

TEST(DocumentRenderer, D317NotesListEveryNoteWithLiveLinks)
{
    const Document &doc = d317();
    const RenderedText r = renderFootnotes(v09(), doc, documentCitations(doc), RenderStyle::light());
    ASSERT_EQ(r.notes.size(), doc.footnotes.size());
    for (std::size_t i = 0; i < r.notes.size(); ++i) {
        ASSERT_TRUE(r.notes[i].valid()) << i;
        if (i > 0) {
            EXPECT_GT(r.notes[i].start, r.notes[i - 1].start) << "notes in document order";
        }
        const QString entry = textAt(*r.document, r.notes[i].start, r.notes[i].end);
        EXPECT_TRUE(entry.contains(plainText(doc.footnotes[i].content))) << qPrintable(entry);
        const auto back = linkAt(*r.document, r.notes[i].end - 1);
        ASSERT_TRUE(back.has_value()) << i;
        EXPECT_EQ(*back, (LinkTarget{LinkTarget::Back, int(i), {}}));
    }
    const QTextCursor ref = r.document->find(QStringLiteral("Document 316"));
    ASSERT_FALSE(ref.isNull());
    const auto link = linkAt(*r.document, ref.selectionStart());
    ASSERT_TRUE(link.has_value());
    EXPECT_EQ(*link, (LinkTarget{LinkTarget::Reference, 0, {}}));
    // Offsets inside a note are relative to that note's own text.
    const int position = r.positionOfOffset(0, 2);
    EXPECT_EQ(textAt(*r.document, position, position + 12), QStringLiteral("Document 316"));
    EXPECT_EQ(r.offsetOfPosition(position).footnote, 2);
    EXPECT_EQ(r.positionOfOffset(0, -1), -1);
}

TEST(DocumentRenderer, D317NotesHeadTheSourceAndResolveIbid)
{
    const Document &doc = d317();
    const RenderedText r = renderFootnotes(v09(), doc, documentCitations(doc), RenderStyle::light());
    EXPECT_TRUE(r.document->begin().text().contains(QStringLiteral("Source")));
    const auto entry = [&](int i) { return textAt(*r.document, r.notes[std::size_t(i)].start, r.notes[std::size_t(i)].end); };
    EXPECT_TRUE(entry(1).startsWith(QStringLiteral("1.")));
    EXPECT_TRUE(entry(1).contains(QStringLiteral("Ibid. = Department of State, Central Files, 460.509/8-1762")))
        << qPrintable(entry(1));
    EXPECT_FALSE(entry(3).contains(QStringLiteral("Ibid. =")));
}

// The view renders off the GUI thread and takes the document over when it is done.
TEST(DocumentRenderer, RendersOffTheGuiThread)
{
    const RenderedText here = renderDocument(v09(), d317(), RenderStyle::light());
    RenderedText there = std::async(std::launch::async, [] {
                             RenderedText r = renderDocument(v09(), d317(), RenderStyle::light());
                             r.document->moveToThread(QCoreApplication::instance()->thread());
                             return r;
                         }).get();
    EXPECT_EQ(there.document->thread(), QThread::currentThread());
    EXPECT_EQ(there.document->toPlainText(), here.document->toPlainText());
    EXPECT_EQ(there.segments.size(), here.segments.size());
    there.document->setTextWidth(600);
    EXPECT_GT(there.document->size().height(), 0);
}

TEST(DocumentRenderer, FootnoteHtmlEscapesAndLinks)
{
    const Document &doc = d317();
    const QString html = footnoteHtml(v09(), doc, 2, {});
    EXPECT_TRUE(html.startsWith(QStringLiteral("<p><b>2.</b> "))) << qPrintable(html);
    EXPECT_TRUE(html.contains(QStringLiteral("<a href=\"marginalia:reference/0\">Document 316</a>"))) << qPrintable(html);
    const QString ibid = footnoteHtml(v09(), doc, 1, QStringLiteral("A & B"));
    EXPECT_TRUE(ibid.contains(QStringLiteral("Ibid. = A &amp; B"))) << qPrintable(ibid);
}

TEST(DocumentRenderer, GlossaryTooltipNamesAndDescribes)
{
    Volume v;
    v.persons.insert(QStringLiteral("p_HLH1"), {QStringLiteral("Hodges, Luther H."),
                                                QStringLiteral("Secretary of Commerce from January 21, 1961")});
    EXPECT_EQ(glossaryTooltip(v, {EntityRef::Person, QStringLiteral("p_HLH1")}),
              QStringLiteral("Hodges, Luther H., Secretary of Commerce from January 21, 1961"));
    EXPECT_TRUE(glossaryTooltip(v, {EntityRef::Term, QStringLiteral("p_HLH1")}).isEmpty());
    EXPECT_TRUE(glossaryTooltip(v, {EntityRef::Person, QStringLiteral("p_X")}).isEmpty());
}

// Issue 3, "Bad input": markup inside a document is shown as text and never becomes live.
TEST(DocumentRenderer, MarkupInTheTextStaysText)
{
    const QString hostile = QStringLiteral("<b>bold</b><script>alert(1)</script><a href='file:///etc/passwd'>x</a>");
    QByteArray xml = R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div type="document" xml:id="d1" n="1"><head>1. Letter<note n="0" xml:id="d1fn0" type="source">Source: HOSTILE</note></head>
<p>Before HOSTILE<note n="1" xml:id="d1fn1">Note HOSTILE</note> after.</p></div></body></text></TEI>)";
    xml.replace("HOSTILE", hostile.toHtmlEscaped().toUtf8());
    const Result<Volume> v = TeiParser::parse(xml, QStringLiteral("hostile.xml"));
    ASSERT_TRUE(v.has_value()) << qPrintable(v.error().toString());
    const Document &doc = v->documents.at(0);
    const RenderedText body = renderDocument(*v, doc, RenderStyle::light());
    EXPECT_TRUE(body.document->toPlainText().contains(hostile)) << qPrintable(body.document->toPlainText());
    const RenderedText notes = renderFootnotes(*v, doc, {}, RenderStyle::dark());
    EXPECT_TRUE(notes.document->toPlainText().contains(QStringLiteral("Note ") + hostile));
    for (const RenderedText *r : {&body, &notes}) {
        for (const QString &href : allHrefs(*r->document))
            EXPECT_TRUE(parseLink(QUrl(href)).has_value()) << qPrintable(href);
    }
    const QString html = footnoteHtml(*v, doc, 1, {});
    EXPECT_FALSE(html.contains(QStringLiteral("<script"))) << qPrintable(html);
    EXPECT_FALSE(html.contains(QStringLiteral("<a href='file"))) << qPrintable(html);
    EXPECT_TRUE(html.contains(hostile.toHtmlEscaped())) << qPrintable(html);
}

namespace {

// Renders every document of `v` that has table rows; checks each table run became one QTextTable whose
// first cell shows the first cell's text. Returns the number of tables.
int checkTables(const Volume &v)
{
    int tables = 0;
    for (const Document &doc : v.documents) {
        std::vector<const Block *> rows;
        for (const Block &b : doc.body) {
            if (b.kind == BlockKind::TableRow)
                rows.push_back(&b);
        }
        if (rows.empty())
            continue;
        const RenderedText r = renderDocument(v, doc, RenderStyle::light());
        int tableRows = 0;
        const QTextTable *first = nullptr;
        for (QTextFrame *frame : r.document->rootFrame()->childFrames()) {
            if (auto *table = qobject_cast<QTextTable *>(frame)) {
                first = first ? first : table;
                ++tables;
                tableRows += table->rows();
            }
        }
        EXPECT_EQ(tableRows, int(rows.size())) << qPrintable(doc.id);
        if (!first) {
            ADD_FAILURE() << "no table in " << qPrintable(doc.id);
            continue;
        }
        const QTextCursor cell = first->cellAt(0, 0).firstCursorPosition();
        const int cellEnd = rows[0]->cellStarts.size() > 1 ? rows[0]->cellStarts[1] - 1 : int(rows[0]->text.size());
        EXPECT_EQ(cell.block().text(), rows[0]->text.left(cellEnd)) << qPrintable(doc.id);
        if (cellEnd > 0) { // an empty cell has no reading text of its own
            const RenderedText::Offset offset = r.offsetOfPosition(cell.position());
            EXPECT_EQ(offset.readingOffset, ReadingText(doc.body).blockStart(int(rows[0] - doc.body.data())));
        }
    }
    return tables;
}

} // namespace

TEST(DocumentRenderer, TablesBecomeTextTables)
{
    // frus1894Nicaragua's one table (139 rows) is the table of contents, outside every document.
    checkTables(volume("frus1894Nicaragua.xml"));
    EXPECT_GT(checkTables(volume("frus1934v05.xml")), 10);
}

TEST(DocumentRenderer, ListItemsHangTheirLabelsAndQuotesAreIndented)
{
    const Volume &v = volume("frus1934v05.xml");
    const Document *doc = v.document(QStringLiteral("d5")); // "(1) The abolishment …", labelled items
    ASSERT_NE(doc, nullptr);
    const RenderedText r = renderDocument(v, *doc, RenderStyle::light());
    const ReadingText reading(doc->body);
    int items = 0;
    for (std::size_t i = 0; i < doc->body.size(); ++i) {
        const Block &b = doc->body[i];
        if (b.kind != BlockKind::ListItem || b.label.isEmpty())
            continue;
        ++items;
        const int start = r.positionOfOffset(reading.blockStart(int(i)));
        const QTextBlock shown = r.document->findBlock(start);
        // Issue 11: the label is the item's reading text; the tab that hangs it stands for its space.
        ASSERT_TRUE(b.text.startsWith(b.label + QLatin1Char(' '))) << b.text.toStdString();
        EXPECT_EQ(shown.text(), b.label + QLatin1Char('\t') + b.text.mid(b.labelLength + 1));
        EXPECT_LT(shown.blockFormat().textIndent(), 0) << "hanging indent";
        // The label's first character is the item's first character.
        EXPECT_EQ(r.offsetOfPosition(shown.position()).readingOffset, reading.blockStart(int(i)));
    }
    EXPECT_EQ(items, 5);

    const Document *quoted = v.document(QStringLiteral("d171"));
    ASSERT_NE(quoted, nullptr);
    const RenderedText q = renderDocument(v, *quoted, RenderStyle::light());
    const ReadingText quotedReading(quoted->body);
    for (std::size_t i = 0; i < quoted->body.size(); ++i) {
        const Block &b = quoted->body[i];
        const QTextBlock shown = q.document->findBlock(q.positionOfOffset(quotedReading.blockStart(int(i))));
        if (b.hasFlag(InQuote)) {
            EXPECT_GT(shown.blockFormat().leftMargin(), 0);
            EXPECT_GT(shown.blockFormat().rightMargin(), 0);
        }
        if (b.kind == BlockKind::InlineNote) { // the file number under the heading, small and muted
            EXPECT_LT(shown.charFormat().fontPointSize(), RenderStyle::light().pointSize());
        }
    }
}

TEST(DocumentRenderer, EveryDocumentOf1934v05RendersWithValidMarkers)
{
    const Volume &v = volume("frus1934v05.xml");
    ASSERT_GT(v.documents.size(), 600u);
    const RenderStyle style = RenderStyle::light();
    for (const Document &doc : v.documents) {
        const RenderedText body = renderDocument(v, doc, style);
        ASSERT_EQ(body.markers.size(), doc.footnotes.size());
        for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
            const RenderedText::Span span = body.markers[i];
            if (!doc.footnotes[i].marker.inBody() || doc.footnotes[i].marker.block < 0)
                continue;
            ASSERT_TRUE(span.valid()) << qPrintable(doc.id) << " note " << i;
            EXPECT_LT(span.start, span.end);
            EXPECT_EQ(textAt(*body.document, span.start, span.end), doc.footnotes[i].label) << qPrintable(doc.id);
            EXPECT_EQ(linkAt(*body.document, span.start), (LinkTarget{LinkTarget::Footnote, int(i), {}}));
        }
        for (std::size_t i = 0; i < body.segments.size(); ++i) {
            if (i > 0) {
                ASSERT_GE(body.segments[i].position, body.segments[i - 1].position + body.segments[i - 1].length);
            }
        }
        const RenderedText notes = renderFootnotes(v, doc, documentCitations(doc), style);
        for (std::size_t i = 0; i < doc.footnotes.size(); ++i)
            EXPECT_TRUE(notes.notes[i].valid()) << qPrintable(doc.id);
    }
}

namespace {

Volume parsedSnippet(const QByteArray &body)
{
    const QByteArray xml = QByteArray(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>)"
                                      R"(<div type="document" xml:id="d5" n="5"><head>Head</head>)")
        + body + "</div></body></text></TEI>";
    Result<Volume> v = TeiParser::parse(xml, QStringLiteral("snippet.xml"));
    EXPECT_TRUE(v.has_value());
    return v ? std::move(v).value() : Volume{};
}

} // namespace

// Issue 11: frus1934v05's `<label>1.</label><item><p>It will be noticed …` and
// `<label>(<hi rend="italic">a</hi>)</label><item>Where there is …`: the window shows both labels,
// hung before the item, the second with its italic a.
TEST(DocumentRenderer, Issue11LabelsShowBeforeAnItemsParagraphAndKeepTheirStyles)
{
    const Volume v = parsedSnippet(R"(<list><label>1.</label>
                            <item><p>It will be noticed that the first sentence of point No. 1 has
                                    been changed.</p></item>
                            <label>(<hi rend="italic">a</hi>)</label>
                                    <item>Where there is a genuine consumption tax.</item></list>)");
    ASSERT_EQ(v.documents.size(), 1u);
    const Document &doc = v.documents[0];
    ASSERT_EQ(doc.body.size(), 3u);
    const RenderedText r = renderDocument(v, doc, RenderStyle::light());
    const ReadingText reading(doc.body);
    const QTextBlock first = r.document->findBlock(r.positionOfOffset(reading.blockStart(1)));
    EXPECT_EQ(first.text(), QStringLiteral("1.\tIt will be noticed that the first sentence of point No. 1 has been changed."));
    EXPECT_LT(first.blockFormat().textIndent(), 0) << "hanging indent";
    const QTextBlock second = r.document->findBlock(r.positionOfOffset(reading.blockStart(2)));
    EXPECT_EQ(second.text(), QStringLiteral("(a)\tWhere there is a genuine consumption tax."));
    EXPECT_FALSE(formatAt(*r.document, second.position()).fontItalic());     // (
    EXPECT_TRUE(formatAt(*r.document, second.position() + 1).fontItalic());  // a
    EXPECT_FALSE(formatAt(*r.document, second.position() + 2).fontItalic()); // )
    EXPECT_FALSE(formatAt(*r.document, second.position() + 4).fontItalic()); // W
    // Every character maps back to the reading text, the label's included.
    EXPECT_EQ(r.offsetOfPosition(second.position() + 1).readingOffset, reading.blockStart(2) + 1);
    EXPECT_EQ(r.offsetOfPosition(second.position() + 4).readingOffset, reading.blockStart(2) + 4);
}

// Issue 11: frus1961-63v09 d317 with an empty <head/>: its title is empty and the heading shows its number.
TEST(DocumentRenderer, Issue11AnEmptyHeadShowsTheDocumentsNumber)
{
    QByteArray xml = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const qsizetype start = xml.indexOf("<head>317.");
    ASSERT_GT(start, 0);
    xml.replace(start, xml.indexOf("</head>", start) + 7 - start, "<head/>");
    Result<Volume> v = TeiParser::parse(xml, QStringLiteral("d317.xml"));
    ASSERT_TRUE(v.has_value());
    const Document *doc = v->document(QStringLiteral("d317"));
    ASSERT_NE(doc, nullptr);
    EXPECT_TRUE(doc->title.isEmpty());
    const RenderedText r = renderDocument(*v, *doc, RenderStyle::light());
    EXPECT_EQ(r.document->begin().text().trimmed(), QStringLiteral("317."));
}

// Issue 12, item 14: the heading adds the document's number only when the head does not print it already,
// in whatever form ("[9.]", "13.Memorandum", "No. 3"), and a year that opens the head is no number of its own.
TEST(DocumentRenderer, Issue12TheHeadingShowsTheNumberOnce)
{
    Result<Volume> v = TeiParser::parse(test::numberedHeadsVolume(), QStringLiteral("numbered-heads.xml"));
    ASSERT_TRUE(v.has_value());
    const auto heading = [&](const char *id) {
        const Document *doc = v->document(QString::fromUtf8(id));
        EXPECT_NE(doc, nullptr) << id;
        QString text = doc ? renderDocument(*v, *doc, RenderStyle::light()).document->begin().text().trimmed() : QString();
        // A head's source note leaves its marker at the end: a word joiner and "0".
        if (text.endsWith(QStringLiteral("\u20600")))
            text.chop(2);
        return text;
    };
    EXPECT_EQ(heading("d2"), QStringLiteral("2."));
    EXPECT_EQ(heading("d9"), QStringLiteral("[9.] Memorandum for the Files"));
    EXPECT_EQ(heading("d13"), QStringLiteral("13.Memorandum of Conversation"));
    EXPECT_EQ(heading("d11"), QStringLiteral("11. Memorandum for the Record"));
    EXPECT_EQ(heading("d5"), QStringLiteral("5. 1934 Trade Agreement With the Soviet Union"));
    EXPECT_TRUE(heading("d3").startsWith(QStringLiteral("No. 3"))) << heading("d3").toStdString();
}

// A document 1 whose head opens with a year is still called 1 on screen; one without a head, numbered
// n="11.", shows "11." and not "11..".
TEST(DocumentRenderer, Issue12AYearIsNotTheDocumentsNumber)
{
    Result<Volume> v = TeiParser::parse(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
        <div type="document" xml:id="d1" n="1"><head>1934 Trade Agreement With Cuba</head><p>Text.</p></div>
        <div type="document" xml:id="d11" n="11."><p>The Ambassador called.</p></div></body></text></TEI>)",
                                        QStringLiteral("years.xml"));
    ASSERT_TRUE(v.has_value());
    ASSERT_EQ(v->documents.size(), 2u);
    const auto heading = [&](std::size_t d) {
        return renderDocument(*v, v->documents[d], RenderStyle::light()).document->begin().text().trimmed();
    };
    EXPECT_EQ(heading(0), QStringLiteral("1. 1934 Trade Agreement With Cuba"));
    EXPECT_EQ(heading(1), QStringLiteral("11."));
}
