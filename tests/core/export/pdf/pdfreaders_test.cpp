// Issue 13: the export as other readers read it. Poppler's pdftotext and pdftoppm and Python's standard
// library (pdfdump.py) read the file, not the qpdf that wrote it.

#include "export/pdf/pdfexport.h"
#include "pdfreadback.h"

#include "anchor/anchoring.h"
#include "annotation/documentkey.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "store/annotationschema.h"
#include "store/annotationstore.h"
#include "store/database.h"
#include "support/testdata.h"

#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace marginalia {
namespace {

// The colour the passages are given: a saturated yellow, far from the black of the text.
const QString yellow = QStringLiteral("#FFD54A");

class PdfReaders : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        Result<std::unique_ptr<Database>> db =
            Database::open(annotationSchema(), m_dir.filePath(QStringLiteral("annotations.sqlite")));
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        m_db = std::move(db).value();
        m_store = std::make_unique<AnnotationStore>(*m_db);
        Result<Volume> volume = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
        ASSERT_TRUE(volume) << volume.error().toString().toStdString();
        m_volume = m_library.add(std::make_shared<const Volume>(std::move(volume).value()));
    }

    int documentIndex(const QString &id) const { return m_library.volume(m_volume).documentIndex(id); }
    const Document &document(const QString &id) const
    {
        return m_library.volume(m_volume).documents.at(std::size_t(documentIndex(id)));
    }

    // An annotation of d317 on [start, end) of its body's reading text, or of note `footnote`'s text.
    QString annotateSpan(int start, int end, const QString &footnote = {})
    {
        const Document &doc = document(QStringLiteral("d317"));
        const QString text =
            footnote.isEmpty() ? ReadingText(doc.body).text() : plainText(doc.footnoteById(footnote)->content);
        Annotation a;
        a.id = newAnnotationId();
        a.document = documentKey(m_library, m_volume, documentIndex(QStringLiteral("d317")));
        a.selector = makeSelector(text, start, end, footnote);
        a.color = yellow;
        a.author = QStringLiteral("Historian");
        a.created = a.modified = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
        EXPECT_TRUE(m_store->add(a));
        return a.id;
    }
    // An annotation on the first `quote` of d317's body (or of note `footnote`).
    QString annotate(const QString &quote, const QString &footnote = {})
    {
        const Document &doc = document(QStringLiteral("d317"));
        const QString text =
            footnote.isEmpty() ? ReadingText(doc.body).text() : plainText(doc.footnoteById(footnote)->content);
        const qsizetype at = text.indexOf(quote);
        EXPECT_GE(at, 0) << quote.toStdString();
        return annotateSpan(int(at), int(at + quote.size()), footnote);
    }

    QString exportDocuments(const QStringList &ids, const QString &name)
    {
        PdfExportRequest request;
        for (const QString &id : ids)
            request.documents.emplace_back(m_volume, documentIndex(id));
        request.output = m_dir.filePath(name);
        const Result<PdfExportReport> report = exportPdf(m_library, m_store.get(), request);
        EXPECT_TRUE(report) << report.error().toString().toStdString();
        return request.output;
    }

    QTemporaryDir m_dir;
    Library m_library;
    int m_volume = -1;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnnotationStore> m_store;
};

// Every <src> <dst> pair of the bfchar and bfrange sections of a ToUnicode CMap (ranges with a start
// code expanded), as code → UTF-16 hex.
std::map<QString, QString> toUnicodePairs(const QByteArray &cmap)
{
    std::map<QString, QString> pairs;
    const QString text = QString::fromLatin1(cmap);
    static const QRegularExpression chars(QStringLiteral("beginbfchar(.*?)endbfchar"),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression pair(QStringLiteral("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>"));
    for (auto section = chars.globalMatch(text); section.hasNext();) {
        for (auto p = pair.globalMatch(section.next().captured(1)); p.hasNext();) {
            const auto m = p.next();
            pairs[m.captured(1).toUpper()] = m.captured(2).toUpper();
        }
    }
    static const QRegularExpression ranges(QStringLiteral("beginbfrange(.*?)endbfrange"),
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression range(
        QStringLiteral("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*(?:<([0-9A-Fa-f]+)>|\\[([^\\]]*)\\])"));
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]+)>"));
    for (auto section = ranges.globalMatch(text); section.hasNext();) {
        for (auto r = range.globalMatch(section.next().captured(1)); r.hasNext();) {
            const auto m = r.next();
            const uint from = m.captured(1).toUInt(nullptr, 16);
            const uint to = m.captured(2).toUInt(nullptr, 16);
            QStringList targets;
            if (m.hasCaptured(3)) {
                for (uint code = from; code <= to; ++code)
                    targets.append(QStringLiteral("%1").arg(m.captured(3).toUInt(nullptr, 16) + code - from, 4, 16,
                                                            QLatin1Char('0')));
            } else {
                for (auto h = hex.globalMatch(m.captured(4)); h.hasNext();)
                    targets.append(h.next().captured(1));
            }
            for (uint code = from; code <= to && int(code - from) < targets.size(); ++code)
                pairs[QStringLiteral("%1").arg(code, 4, 16, QLatin1Char('0')).toUpper()] =
                    targets[int(code - from)].toUpper();
        }
    }
    return pairs;
}

TEST_F(PdfReaders, Issue13SpacesExtractAsSpacesAndEveryToUnicodeMapsTheSpaceToU0020)
{
    const QString output = exportDocuments({QStringLiteral("d317")}, QStringLiteral("d317.pdf"));
    const QString text = test::pdfText(output);
    EXPECT_FALSE(text.contains(QLatin1Char('\t'))) << text.toStdString();
    EXPECT_TRUE(text.simplified().contains(QStringLiteral("This is in response to the suggestion in your letter of August 17")))
        << text.toStdString();

    const test::PdfObjects dump = test::dumpPdf(output);
    int maps = 0;
    int withSpace = 0;
    for (const auto &[key, object] : dump.objects) {
        static const QRegularExpression toUnicode(QStringLiteral("/ToUnicode\\s+(\\d+)\\s+(\\d+)\\s+R"));
        const auto m = toUnicode.match(object);
        if (!m.hasMatch())
            continue;
        const QString stream = m.captured(1) + QLatin1Char(' ') + m.captured(2);
        ASSERT_TRUE(dump.streams.contains(stream)) << stream.toStdString();
        const std::map<QString, QString> pairs = toUnicodePairs(dump.streams.at(stream));
        ASSERT_FALSE(pairs.empty()) << dump.streams.at(stream).toStdString();
        int spaces = 0;
        for (const auto &[code, target] : pairs) {
            EXPECT_NE(target, QStringLiteral("0009")) << "font " << key.toStdString() << " glyph " << code.toStdString();
            spaces += target == QStringLiteral("0020");
        }
        EXPECT_LE(spaces, 1) << "font " << key.toStdString();
        withSpace += spaces;
        ++maps;
    }
    EXPECT_GE(maps, 2); // the serif text and its bold and italic faces
    EXPECT_GE(withSpace, 2);
}

// The share of the pixels of `rect` (points) of `image` (rendered at `dpi`) that are yellow: the
// highlight's colour, not the white paper, not the black or grey of text.
double yellowShare(const QImage &image, const QRectF &rect, int dpi)
{
    const QRect pixels = QRectF(rect.topLeft() * dpi / 72.0, rect.bottomRight() * dpi / 72.0).toRect() & image.rect();
    int yellowPixels = 0;
    for (int y = pixels.top(); y <= pixels.bottom(); ++y) {
        for (int x = pixels.left(); x <= pixels.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            yellowPixels += c.red() > 150 && c.green() > 120 && c.red() - c.blue() > 60;
        }
    }
    return pixels.isEmpty() ? 0 : double(yellowPixels) / double(pixels.width() * pixels.height());
}

TEST_F(PdfReaders, Issue13TheHighlightsColourIsTheAnnotationsAloneNotThePages)
{
    const QString id = annotate(QStringLiteral("multilateral export controls"));
    const QString output = exportDocuments({QStringLiteral("d317")}, QStringLiteral("d317.pdf"));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    int checked = 0;
    for (int p = 0; p < doc->numPages(); ++p) {
        const auto page = doc->page(p);
        for (const auto &annotation : page->annotations({Poppler::Annotation::AHighlight})) {
            ASSERT_EQ(annotation->uniqueName(), id);
            constexpr int dpi = 100;
            const QImage shown = test::renderPage(output, p, dpi, true);
            const QImage hidden = test::renderPage(output, p, dpi, false);
            for (const auto &quad : static_cast<const Poppler::HighlightAnnotation &>(*annotation).highlightQuads()) {
                const QRectF rect = test::quadRect(quad, page->pageSizeF());
                EXPECT_GT(yellowShare(shown, rect, dpi), 0.5) << "page " << p;
                EXPECT_EQ(yellowShare(hidden, rect, dpi), 0.0) << "page " << p;
                ++checked;
            }
        }
    }
    EXPECT_GE(checked, 1);
}

// The raised marker that follows `word` on `page`: its box in points; empty when there is none.
QRectF markerBox(const Poppler::Page &page, const QString &word, const QString &marker)
{
    const auto boxes = page.textList();
    for (std::size_t i = 0; i + 1 < boxes.size(); ++i) {
        if (boxes[i]->text() == word && boxes[i + 1]->text() == marker)
            return boxes[i + 1]->boundingBox();
    }
    return {};
}

TEST_F(PdfReaders, Issue13AHighlightEndingAtAFootnoteMarkerLeavesTheMarkerOut)
{
    // Marker 2 stands inside its paragraph, the text going on after it.
    annotate(QStringLiteral("develop a code of fair practices."));
    const QString output = exportDocuments({QStringLiteral("d317")}, QStringLiteral("d317.pdf"));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    const auto page = doc->page(0);
    const QRectF marker = markerBox(*page, QStringLiteral("practices."), QStringLiteral("2"));
    ASSERT_FALSE(marker.isEmpty());
    const auto highlights = page->annotations({Poppler::Annotation::AHighlight});
    ASSERT_EQ(highlights.size(), 1u);
    const auto quads = static_cast<const Poppler::HighlightAnnotation &>(*highlights.front()).highlightQuads();
    ASSERT_FALSE(quads.isEmpty());
    // The passage's last line, the marker's.
    const QRectF covered = test::quadRect(quads.back(), page->pageSizeF());
    ASSERT_TRUE(covered.contains(QPointF(covered.center().x(), marker.center().y())));
    // The period before the marker is covered; the marker is not, not even in part.
    EXPECT_LE(covered.right(), marker.left() + 0.5) << covered.right() << " " << marker.left();
    EXPECT_GT(covered.right(), marker.left() - 4);
}

TEST_F(PdfReaders, Issue13APassageAcrossAPrintedPageCitesBothPagesAndTheSourceNoteIsSource)
{
    const QString text = ReadingText(document(QStringLiteral("d317")).body).text();
    const qsizetype from = text.indexOf(QStringLiteral("air corridor harassment."));
    const QString last = QStringLiteral("As I wrote you on August 9");
    const qsizetype to = text.indexOf(last) + last.size();
    ASSERT_GT(from, 0);
    ASSERT_GT(to, from);
    annotateSpan(int(from), int(to));
    annotate(QStringLiteral("Department of State, Central Files"), QStringLiteral("d317fn0"));
    annotate(QStringLiteral("Consultative Group"), QStringLiteral("d317fn1"));
    const QString output = exportDocuments({QStringLiteral("d317")}, QStringLiteral("d317.pdf"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QString extracted = test::pdfText(output).replace(spaces, QStringLiteral(" "));
    EXPECT_TRUE(extracted.contains(QStringLiteral("Doc. 317, pp. 703\u2013704"))) << extracted.toStdString();
    EXPECT_TRUE(extracted.contains(QStringLiteral("Doc. 317, p. 703, Source"))) << extracted.toStdString();
    EXPECT_TRUE(extracted.contains(QStringLiteral("Doc. 317, p. 703, n. 1"))) << extracted.toStdString();
    EXPECT_FALSE(extracted.contains(QStringLiteral("n. 0"))) << extracted.toStdString();
}

// The link colour of print (RenderStyle's #1a4f8a) and its antialiased edges: blue well above red and green.
bool isLinkBlue(const QColor &c)
{
    return c.blue() - c.red() > 40 && c.blue() - c.green() > 20;
}

// Pixels of the link colour that no link annotation covers, over every page; `blue` counts them all.
int linkColouredOutsideLinks(const QString &path, const Poppler::Document &doc, int &blue)
{
    constexpr int dpi = 100;
    int outside = 0;
    for (int p = 0; p < doc.numPages(); ++p) {
        const auto page = doc.page(p);
        std::vector<QRectF> areas;
        for (const auto &link : page->links())
            areas.push_back(test::toPoints(link->linkArea().normalized(), page->pageSizeF()).adjusted(-1, -1, 1, 1));
        const QImage image = test::renderPage(path, p, dpi, false);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (!isLinkBlue(image.pixelColor(x, y)))
                    continue;
                ++blue;
                const QPointF at((x + 0.5) * 72.0 / dpi, (y + 0.5) * 72.0 / dpi);
                const bool covered = std::any_of(areas.begin(), areas.end(), [&](const QRectF &r) { return r.contains(at); });
                if (!covered && ++outside <= 5) {
                    ADD_FAILURE() << "page " << p << ": a link-coloured pixel at " << at.x() << ", " << at.y()
                                  << " (points) outside every link";
                }
            }
        }
    }
    return outside;
}

// The link over `word` where it follows `before`, on the first page where it does.
struct FoundLink {
    int page = -1;
    std::unique_ptr<Poppler::Link> link;
};
FoundLink linkOn(const Poppler::Document &doc, const QString &before, const QString &word)
{
    for (int p = 0; p < doc.numPages(); ++p) {
        const auto page = doc.page(p);
        const auto boxes = page->textList();
        for (std::size_t i = 0; i + 1 < boxes.size(); ++i) {
            if (boxes[i]->text() != before || boxes[i + 1]->text() != word)
                continue;
            for (auto &link : page->links()) {
                if (test::toPoints(link->linkArea().normalized(), page->pageSizeF()).contains(boxes[i + 1]->boundingBox().center()))
                    return {p, std::move(link)};
            }
        }
    }
    return {};
}

QString uriOf(const FoundLink &found)
{
    if (!found.link || found.link->linkType() != Poppler::Link::Browse)
        return {};
    return static_cast<const Poppler::LinkBrowse &>(*found.link).url();
}

int gotoPageOf(const FoundLink &found)
{
    if (!found.link || found.link->linkType() != Poppler::Link::Goto)
        return -1;
    return static_cast<const Poppler::LinkGoto &>(*found.link).destination().pageNumber();
}

// The page (1-based) the outline entry of the document numbered `number` opens; 0 when there is none.
int outlinePage(const Poppler::Document &doc, const QString &number)
{
    for (const Poppler::OutlineItem &item : doc.outline()) {
        if (item.name().startsWith(number + QStringLiteral(". ")) && item.destination())
            return item.destination()->pageNumber();
    }
    return 0;
}

TEST_F(PdfReaders, Issue13AReferenceToADocumentNotInTheFileLinksToItsHistoryStateGovPage)
{
    const QString output = exportDocuments({QStringLiteral("d318")}, QStringLiteral("d318.pdf"));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    EXPECT_EQ(uriOf(linkOn(*doc, QStringLiteral("Document"), QStringLiteral("317"))).toStdString(),
              "https://history.state.gov/historicaldocuments/frus1961-63v09/d317");
    // "footnote 3" names d318's own third note: it leads there.
    const FoundLink footnote = linkOn(*doc, QStringLiteral("footnote"), QStringLiteral("3"));
    ASSERT_GE(gotoPageOf(footnote), 1);
    EXPECT_TRUE(doc->page(gotoPageOf(footnote) - 1)->text(QRectF()).simplified().contains(QStringLiteral("Printed")));
    int blue = 0;
    EXPECT_EQ(linkColouredOutsideLinks(output, *doc, blue), 0);
    EXPECT_GT(blue, 0);
    EXPECT_EQ(test::unsafeObjects(output), QStringList());
}

TEST_F(PdfReaders, Issue13EveryLinkColouredWordOfD316IsALink)
{
    // d316 names Document 312, which no file here holds.
    const QString output = exportDocuments({QStringLiteral("d316"), QStringLiteral("d317")}, QStringLiteral("d316.pdf"));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    EXPECT_EQ(uriOf(linkOn(*doc, QStringLiteral("(Document"), QStringLiteral("312)"))).toStdString(),
              "https://history.state.gov/historicaldocuments/frus1961-63v09/d312");
    // d317's note names Document 316, which is in the file.
    ASSERT_GE(outlinePage(*doc, QStringLiteral("316")), 1);
    EXPECT_EQ(gotoPageOf(linkOn(*doc, QStringLiteral("Document"), QStringLiteral("316."))),
              outlinePage(*doc, QStringLiteral("316")));
    int blue = 0;
    EXPECT_EQ(linkColouredOutsideLinks(output, *doc, blue), 0);
    EXPECT_GT(blue, 0);
}

TEST_F(PdfReaders, Issue13WithTheTextCopyOpenTooDocument317InD318LeadsToTheExportedCopy)
{
    Result<Volume> copy = loadVolume(test::dataPath(QStringLiteral("frus1961-63v09-d317.txt")));
    ASSERT_TRUE(copy) << copy.error().toString().toStdString();
    const int copyVolume = m_library.add(std::make_shared<const Volume>(std::move(copy).value()));
    PdfExportRequest request;
    request.documents = {{copyVolume, 0}, {m_volume, documentIndex(QStringLiteral("d318"))}};
    request.output = m_dir.filePath(QStringLiteral("copy.pdf"));
    ASSERT_TRUE(exportPdf(m_library, m_store.get(), request));
    const auto doc = test::openPdf(request.output);
    ASSERT_TRUE(doc);
    ASSERT_GE(outlinePage(*doc, QStringLiteral("317")), 1);
    EXPECT_EQ(gotoPageOf(linkOn(*doc, QStringLiteral("Document"), QStringLiteral("317"))),
              outlinePage(*doc, QStringLiteral("317")));
    int blue = 0;
    EXPECT_EQ(linkColouredOutsideLinks(request.output, *doc, blue), 0);
}

TEST_F(PdfReaders, Issue13AReferenceToAnotherVolumesPageLinksToThatPageAndEveryWebLinkIsAHistoryStateGovPage)
{
    Result<Volume> nicaragua = loadVolume(test::dataPath(QStringLiteral("frus1894Nicaragua.xml")));
    ASSERT_TRUE(nicaragua) << nicaragua.error().toString().toStdString();
    const int v = m_library.add(std::make_shared<const Volume>(std::move(nicaragua).value()));
    PdfExportRequest request;
    for (int d = 0; d < int(m_library.volume(v).documents.size()); ++d)
        request.documents.emplace_back(v, d);
    request.output = m_dir.filePath(QStringLiteral("nicaragua.pdf"));
    ASSERT_TRUE(exportPdf(m_library, m_store.get(), request));
    const auto doc = test::openPdf(request.output);
    ASSERT_TRUE(doc);
    EXPECT_EQ(uriOf(linkOn(*doc, QStringLiteral("page"), QStringLiteral("469,"))).toStdString(),
              "https://history.state.gov/historicaldocuments/frus1889/pg_469");
    static const QRegularExpression allowed(
        QStringLiteral("^https://history\\.state\\.gov/historicaldocuments/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$"));
    int web = 0;
    for (int p = 0; p < doc->numPages(); ++p) {
        for (const auto &link : doc->page(p)->links()) {
            if (link->linkType() == Poppler::Link::Goto)
                continue;
            ASSERT_EQ(link->linkType(), Poppler::Link::Browse);
            const QString url = static_cast<const Poppler::LinkBrowse &>(*link).url();
            EXPECT_TRUE(allowed.match(url).hasMatch()) << url.toStdString();
            ++web;
        }
    }
    EXPECT_GE(web, 1);
}

// The XMP packet as pdfinfo prints it (Poppler-Qt's metadata() reads its UTF-8 as PDFDocEncoding).
QString xmpOf(const QString &path)
{
    QProcess pdfinfo;
    pdfinfo.start(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), path});
    EXPECT_TRUE(pdfinfo.waitForFinished(60000));
    return QString::fromUtf8(pdfinfo.readAllStandardOutput());
}

const QString volumeTitle = QStringLiteral("Foreign Relations of the United States, 1961\u20131963, Volume IX, Foreign Economic Policy");

TEST_F(PdfReaders, Issue13AWholeVolumeIsTitledAsTheVolumeWithXmpLanguageAndItsSource)
{
    const QString output = exportDocuments({QStringLiteral("d316"), QStringLiteral("d317"), QStringLiteral("d318")},
                                           QStringLiteral("volume.pdf"));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->info(QStringLiteral("Title")), volumeTitle);
    const QString xmp = xmpOf(output);
    EXPECT_TRUE(xmp.contains(QStringLiteral("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">") + volumeTitle
                             + QStringLiteral("</rdf:li>")))
        << xmp.toStdString();
    EXPECT_TRUE(xmp.contains(
        QStringLiteral("<dc:source>https://history.state.gov/historicaldocuments/frus1961-63v09</dc:source>")))
        << xmp.toStdString();
    static const QRegularExpression created(QStringLiteral("<xmp:CreateDate>(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)</xmp:CreateDate>"));
    const auto date = created.match(xmp);
    ASSERT_TRUE(date.hasMatch()) << xmp.toStdString();
    EXPECT_TRUE(xmp.contains(QStringLiteral("<xmp:ModifyDate>") + date.captured(1) + QStringLiteral("</xmp:ModifyDate>")));
    EXPECT_LE(std::abs(QDateTime::fromString(date.captured(1), Qt::ISODate).secsTo(QDateTime::currentDateTimeUtc())), 120);
    // The information dictionary says the same.
    EXPECT_EQ(doc->date(QStringLiteral("CreationDate")).toUTC(), QDateTime::fromString(date.captured(1), Qt::ISODate));

    const test::PdfObjects dump = test::dumpPdf(output);
    int catalogs = 0;
    for (const auto &[key, object] : dump.objects) {
        if (!object.contains(QStringLiteral("/Type /Catalog")) && !object.contains(QStringLiteral("/Type/Catalog")))
            continue;
        EXPECT_TRUE(object.contains(QStringLiteral("/Lang (en-US)"))) << object.toStdString();
        ++catalogs;
    }
    EXPECT_EQ(catalogs, 1);
}

TEST_F(PdfReaders, Issue13ADocumentsXmpSourceIsItsPageAndItsIdsAndNotesAreNamedDestinations)
{
    const QString output = exportDocuments({QStringLiteral("d317")}, QStringLiteral("d317.pdf"));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    EXPECT_TRUE(xmpOf(output).contains(
        QStringLiteral("<dc:source>https://history.state.gov/historicaldocuments/frus1961-63v09/d317</dc:source>")))
        << xmpOf(output).toStdString();
    const std::unique_ptr<Poppler::LinkDestination> letter = doc->linkDestination(QStringLiteral("d317"));
    ASSERT_TRUE(letter);
    EXPECT_EQ(letter->pageNumber(), 1);
    const std::unique_ptr<Poppler::LinkDestination> note = doc->linkDestination(QStringLiteral("d317fn3"));
    ASSERT_TRUE(note);
    const QString noteText = QStringLiteral("The draft Code of Fair Practices in International");
    int notePage = 0;
    for (int p = 0; p < doc->numPages(); ++p) {
        if (doc->page(p)->text(QRectF()).simplified().contains(noteText))
            notePage = p + 1;
    }
    EXPECT_EQ(note->pageNumber(), notePage);
    // The note's destination opens above its text, not at the page's top when it is lower down.
    const auto boxes = doc->page(notePage - 1)->textList();
    for (const auto &box : boxes) {
        if (box->text() == QStringLiteral("draft")) {
            EXPECT_LE(note->top(), box->boundingBox().top() / doc->page(notePage - 1)->pageSizeF().height() + 0.01);
            EXPECT_GE(note->top(), box->boundingBox().top() / doc->page(notePage - 1)->pageSizeF().height() - 0.05);
            break;
        }
    }
    for (const QString &id : {QStringLiteral("d317fn0"), QStringLiteral("d317fn1"), QStringLiteral("d317fn4")})
        EXPECT_TRUE(doc->linkDestination(id)) << id.toStdString();
}

TEST_F(PdfReaders, Issue13TheSameContentGetsTheSameIdAndOtherContentAnother)
{
    const QString first = exportDocuments({QStringLiteral("d317")}, QStringLiteral("first.pdf"));
    QThread::msleep(1100); // another second: the dates differ, the content does not
    const QString second = exportDocuments({QStringLiteral("d317")}, QStringLiteral("second.pdf"));
    annotate(QStringLiteral("multilateral export controls"));
    const QString annotated = exportDocuments({QStringLiteral("d317")}, QStringLiteral("annotated.pdf"));
    const auto permanentId = [](const QString &path) {
        const auto doc = test::openPdf(path);
        QByteArray permanent, update;
        EXPECT_TRUE(doc && doc->getPdfId(&permanent, &update));
        EXPECT_EQ(permanent.size(), 32) << permanent.toStdString(); // 16 bytes, in hex
        return permanent;
    };
    EXPECT_EQ(permanentId(first), permanentId(second));
    EXPECT_NE(permanentId(first), permanentId(annotated));
}

TEST_F(PdfReaders, Issue13EmbeddedFontsAreNamedAsSubsets)
{
    const QString output = exportDocuments({QStringLiteral("d317")}, QStringLiteral("d317.pdf"));
    QProcess pdffonts;
    pdffonts.start(QStringLiteral("pdffonts"), {output});
    ASSERT_TRUE(pdffonts.waitForFinished(60000));
    const QStringList lines = QString::fromUtf8(pdffonts.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 4) << lines.join(QLatin1Char('\n')).toStdString(); // a heading, a rule, fonts
    static const QRegularExpression tagged(QStringLiteral("^[A-Z]{6}\\+\\S+ .* yes +yes +yes "));
    for (const QString &line : lines.mid(2))
        EXPECT_TRUE(tagged.match(line).hasMatch()) << line.toStdString(); // name, embedded, subset, ToUnicode
}

TEST_F(PdfReaders, Issue13SmallCapitalsExtractAsWrittenInWholeWords)
{
    const QString output = exportDocuments({QStringLiteral("d317")}, QStringLiteral("d317.pdf"));
    const QString text = test::pdfText(output).simplified();
    EXPECT_TRUE(text.contains(QStringLiteral("Dear Luther: This is in response"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("DEAR LUTHER"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("DOC."))) << text.toStdString();
    // Poppler's words, as a viewer selects them: "Doc." is one word, not "D" and "OC."; the salutation is
    // one span, as written.
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    QStringList words;
    for (const auto &box : doc->page(0)->textList())
        words.append(box->text());
    EXPECT_TRUE(words.contains(QStringLiteral("Doc."))) << words.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(words.contains(QStringLiteral("Dear Luther")) || words.contains(QStringLiteral("Dear")))
        << words.join(QLatin1Char('|')).toStdString();
    for (const QString &piece : {QStringLiteral("OC."), QStringLiteral("EAR"), QStringLiteral("UTHER"), QStringLiteral("OL.")})
        EXPECT_FALSE(words.contains(piece)) << piece.toStdString() << ": " << words.join(QLatin1Char('|')).toStdString();
    // Each piece of small capitals is a marked span with its text.
    const test::PdfObjects dump = test::dumpPdf(output);
    int spans = 0;
    for (const auto &[key, stream] : dump.streams)
        spans += int(stream.count("/ActualText"));
    EXPECT_GE(spans, 2);
}

} // namespace
} // namespace marginalia
