// addPdfObjects on a PDF made here with QPdfWriter, read back with Poppler-Qt6 (what Okular uses) and qpdf.

#include "export/pdf/pdfobjects.h"
#include "pdfreadback.h"

#include <QFile>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTextDocument>

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QSizeF letter(612, 792);
const QString firstLine = QStringLiteral("The Ambassador spoke of a code of fair practices.");
const QString secondLine = QStringLiteral("Nothing came of it before the conference.");

// Where a word of a line drawn at `baseline` (points, top-left origin) lies.
QRectF wordRect(const QFont &font, QPaintDevice *device, const QString &line, const QString &word, QPointF baseline)
{
    const QFontMetricsF metrics(font, device);
    const qsizetype at = line.indexOf(word);
    const double left = baseline.x() + metrics.horizontalAdvance(line.left(at));
    return QRectF(left, baseline.y() - metrics.ascent(), metrics.horizontalAdvance(word), metrics.height());
}

class PdfObjects : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_font = QFont(QStringLiteral("DejaVu Sans"));
        m_font.setPointSizeF(12);
        writeInput();
    }

    // Two Letter pages in points (72 dpi, no margins), so painter coordinates are the geometry's.
    void writeInput()
    {
        QPdfWriter writer(m_input);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.setFont(m_font);
        painter.drawText(QPointF(72, 144), firstLine);
        m_fair = wordRect(m_font, &writer, firstLine, QStringLiteral("fair practices."), QPointF(72, 144));
        // Anchors become /URI links in QPdfWriter's output, whatever their scheme.
        QTextDocument links;
        links.setDefaultFont(m_font);
        links.setHtml(QStringLiteral("<a href=\"file:///etc/passwd\">file</a> <a href=\"#fn1\">1</a> "
                                     "<a href=\"marginalia:doc/d316\">316</a> <a href=\"https://history.state.gov/\">web</a>"));
        painter.translate(72, 300);
        links.drawContents(&painter);
        painter.resetTransform();
        writer.newPage();
        painter.drawText(QPointF(72, 200), firstLine);
        painter.drawText(QPointF(72, 220), secondLine);
        m_spanFirst = wordRect(m_font, &writer, firstLine, QStringLiteral("practices."), QPointF(72, 200));
        m_spanSecond = wordRect(m_font, &writer, secondLine, QStringLiteral("Nothing came"), QPointF(72, 220));
    }

    PdfGeometry geometry() const
    {
        PdfGeometry g;
        g.pageSize = letter;
        g.pageCount = 2;
        g.highlights.push_back({QStringLiteral("6f1c2d3e-0000-4000-8000-000000000001"), 0, {m_fair}, QColor(0xFF, 0xE0, 0x8C),
                                QStringLiteral("Hodges’ phrase — naïve?\nTags: labour, trade"), QStringLiteral("Jürgen"),
                                QStringLiteral("2024-03-05T14:30:00Z")});
        g.highlights.push_back({QStringLiteral("6f1c2d3e-0000-4000-8000-000000000002"), 1, {m_spanFirst, m_spanSecond},
                                QColor(0x9F, 0xD3, 0xF5), QStringLiteral("Across two lines"), QStringLiteral("ann"),
                                QStringLiteral("2024-03-06T09:00:00.123Z")});
        g.links.push_back({0, QRectF(72, 400, 20, 14), {1, 188}, {}});
        g.outline = {{QStringLiteral("Document 316"), {0, 72}, 0},
                     {QStringLiteral("Notes of 316"), {1, 188}, 1},
                     {QStringLiteral("Document 317: Bundy → Rusk"), {1, 20}, 0}};
        g.title = QStringLiteral("Trade policy, 1961");
        g.subject = QStringLiteral("FRUS 1961–63, vol. IX");
        g.keywords = {QStringLiteral("labour"), QStringLiteral("trade")};
        return g;
    }

    QString added(const PdfGeometry &g)
    {
        const Result<bool> result = addPdfObjects(m_input, g, m_output);
        EXPECT_TRUE(result) << result.error().toString().toStdString();
        return m_output;
    }

    QTemporaryDir m_dir;
    QString m_input = m_dir.filePath(QStringLiteral("composed.pdf"));
    QString m_output = m_dir.filePath(QStringLiteral("out.pdf"));
    QFont m_font;
    QRectF m_fair, m_spanFirst, m_spanSecond;
};

std::vector<std::unique_ptr<Poppler::Annotation>> highlightsOf(const Poppler::Page &page)
{
    return page.annotations({Poppler::Annotation::AHighlight});
}

void expectNear(const QRectF &actual, const QRectF &expected, double tolerance = 0.1)
{
    EXPECT_NEAR(actual.left(), expected.left(), tolerance);
    EXPECT_NEAR(actual.top(), expected.top(), tolerance);
    EXPECT_NEAR(actual.right(), expected.right(), tolerance);
    EXPECT_NEAR(actual.bottom(), expected.bottom(), tolerance);
}

// Poppler's box of each word of `words` on `page`; they must all be inside the quad.
void expectCovers(const Poppler::Page &page, const QRectF &quad, const QStringList &words)
{
    for (const QString &word : words) {
        bool seen = false;
        for (const auto &box : page.textList()) {
            if (box->text() != word)
                continue;
            seen = true;
            const QRectF glyphs = box->boundingBox();
            EXPECT_LE(quad.left(), glyphs.left() + 0.5) << word.toStdString();
            EXPECT_GE(quad.right(), glyphs.right() - 0.5) << word.toStdString();
            EXPECT_LE(quad.top(), glyphs.top() + 0.5) << word.toStdString();
            EXPECT_GE(quad.bottom(), glyphs.bottom() - 0.5) << word.toStdString();
        }
        EXPECT_TRUE(seen) << "no text box " << word.toStdString();
    }
}

TEST_F(PdfObjects, HighlightsCarryNoteColourAuthorAndUuid)
{
    const auto doc = test::openPdf(added(geometry()));
    ASSERT_TRUE(doc);
    ASSERT_EQ(doc->numPages(), 2);
    const auto annotations = highlightsOf(*doc->page(0));
    ASSERT_EQ(annotations.size(), 1u);
    const Poppler::Annotation &h = *annotations.front();
    EXPECT_EQ(h.contents(), QStringLiteral("Hodges’ phrase — naïve?\nTags: labour, trade"));
    EXPECT_EQ(h.author(), QStringLiteral("Jürgen"));
    EXPECT_EQ(h.uniqueName(), QStringLiteral("6f1c2d3e-0000-4000-8000-000000000001"));
    EXPECT_EQ(h.style().color().name(), QStringLiteral("#ffe08c"));
    EXPECT_EQ(h.modificationDate(), QDateTime(QDate(2024, 3, 5), QTime(14, 30), Qt::UTC));
}

TEST_F(PdfObjects, QuadsLieOverTheWordsOnEachLine)
{
    const auto doc = test::openPdf(added(geometry()));
    ASSERT_TRUE(doc);
    const auto first = highlightsOf(*doc->page(0));
    ASSERT_EQ(first.size(), 1u);
    const auto quads = static_cast<const Poppler::HighlightAnnotation &>(*first.front()).highlightQuads();
    ASSERT_EQ(quads.size(), 1);
    expectNear(test::quadRect(quads[0], letter), m_fair);
    expectCovers(*doc->page(0), test::quadRect(quads[0], letter), {QStringLiteral("fair"), QStringLiteral("practices.")});

    const auto second = highlightsOf(*doc->page(1));
    ASSERT_EQ(second.size(), 1u);
    const auto spanQuads = static_cast<const Poppler::HighlightAnnotation &>(*second.front()).highlightQuads();
    ASSERT_EQ(spanQuads.size(), 2);
    expectNear(test::quadRect(spanQuads[0], letter), m_spanFirst);
    expectNear(test::quadRect(spanQuads[1], letter), m_spanSecond);
    expectCovers(*doc->page(1), test::quadRect(spanQuads[1], letter), {QStringLiteral("Nothing"), QStringLiteral("came")});
    expectNear(test::toPoints(second.front()->boundary(), letter), m_spanFirst.united(m_spanSecond));
}

// Acrobat's order, which Okular, Evince and pdf.js expect: upper-left, upper-right, lower-left, lower-right.
TEST_F(PdfObjects, QuadPointsAreInAcrobatOrderAndPrintable)
{
    QPDF pdf;
    pdf.processFile(QFile::encodeName(added(geometry())).constData());
    auto annots = QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle().getKey("/Annots");
    QPDFObjectHandle highlight;
    for (int i = 0; i < annots.getArrayNItems(); ++i) {
        if (annots.getArrayItem(i).getKey("/Subtype").isNameAndEquals("/Highlight"))
            highlight = annots.getArrayItem(i);
    }
    ASSERT_TRUE(highlight.isDictionary());
    auto q = highlight.getKey("/QuadPoints").getArrayAsVector();
    ASSERT_EQ(q.size(), 8u);
    const auto v = [&](int i) { return q.at(std::size_t(i)).getNumericValue(); };
    EXPECT_NEAR(v(0), m_fair.left(), 0.01);               // upper-left
    EXPECT_NEAR(v(1), 792 - m_fair.top(), 0.01);
    EXPECT_NEAR(v(2), m_fair.right(), 0.01);              // upper-right
    EXPECT_NEAR(v(3), 792 - m_fair.top(), 0.01);
    EXPECT_NEAR(v(4), m_fair.left(), 0.01);               // lower-left
    EXPECT_NEAR(v(5), 792 - m_fair.bottom(), 0.01);
    EXPECT_NEAR(v(6), m_fair.right(), 0.01);              // lower-right
    EXPECT_NEAR(v(7), 792 - m_fair.bottom(), 0.01);
    EXPECT_EQ(highlight.getKey("/F").getIntValue(), 4);
    EXPECT_TRUE(highlight.getKey("/AP").getKey("/N").isStream());
    EXPECT_TRUE(highlight.getKey("/P").isPageObject());
}

TEST_F(PdfObjects, LinksGoToTheirPage)
{
    const auto doc = test::openPdf(added(geometry()));
    ASSERT_TRUE(doc);
    std::vector<const Poppler::LinkGoto *> gotos;
    const auto links = doc->page(0)->links();
    for (const auto &link : links) {
        if (link->linkType() == Poppler::Link::Goto)
            gotos.push_back(static_cast<const Poppler::LinkGoto *>(link.get()));
    }
    ASSERT_EQ(gotos.size(), 1u);
    EXPECT_FALSE(gotos[0]->isExternal());
    EXPECT_EQ(gotos[0]->destination().pageNumber(), 2);
    EXPECT_NEAR(gotos[0]->destination().top() * 792, 188, 0.5);
    expectNear(test::toPoints(gotos[0]->linkArea().normalized(), letter), QRectF(72, 400, 20, 14));
}

TEST_F(PdfObjects, OutlineNestsEntriesUnderTheirDocument)
{
    const auto doc = test::openPdf(added(geometry()));
    ASSERT_TRUE(doc);
    const QVector<Poppler::OutlineItem> outline = doc->outline();
    ASSERT_EQ(outline.size(), 2);
    EXPECT_EQ(outline[0].name(), QStringLiteral("Document 316"));
    EXPECT_EQ(outline[1].name(), QStringLiteral("Document 317: Bundy → Rusk"));
    EXPECT_EQ(outline[0].destination()->pageNumber(), 1);
    EXPECT_EQ(outline[1].destination()->pageNumber(), 2);
    const QVector<Poppler::OutlineItem> notes = outline[0].children();
    ASSERT_EQ(notes.size(), 1);
    EXPECT_EQ(notes[0].name(), QStringLiteral("Notes of 316"));
    EXPECT_EQ(notes[0].destination()->pageNumber(), 2);
    EXPECT_NEAR(notes[0].destination()->top() * 792, 188, 0.5);
    EXPECT_FALSE(outline[1].hasChildren());
}

TEST_F(PdfObjects, InfoHoldsTitleKeywordsAndCreator)
{
    const auto doc = test::openPdf(added(geometry()));
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->info(QStringLiteral("Title")), QStringLiteral("Trade policy, 1961"));
    EXPECT_EQ(doc->info(QStringLiteral("Subject")), QStringLiteral("FRUS 1961–63, vol. IX"));
    EXPECT_EQ(doc->info(QStringLiteral("Keywords")), QStringLiteral("labour, trade"));
    EXPECT_EQ(doc->info(QStringLiteral("Creator")), QStringLiteral("Marginalia"));
}

TEST_F(PdfObjects, LinksToFilesAndOtherSchemesAreRemovedWebLinksKept)
{
    // The input must hold what is to be removed, or this test could not fail.
    const QStringList before = test::unsafeObjects(m_input);
    EXPECT_TRUE(before.join(QLatin1Char('\n')).contains(QLatin1String("file:///etc/passwd"))) << before.join(u'\n').toStdString();
    EXPECT_TRUE(before.join(QLatin1Char('\n')).contains(QLatin1String("marginalia:"))) << before.join(u'\n').toStdString();

    EXPECT_EQ(test::unsafeObjects(added(geometry())), QStringList());
    const auto doc = test::openPdf(m_output);
    ASSERT_TRUE(doc);
    QStringList browse;
    for (const auto &link : doc->page(0)->links()) {
        if (link->linkType() == Poppler::Link::Browse)
            browse.append(static_cast<const Poppler::LinkBrowse &>(*link).url());
    }
    EXPECT_EQ(browse, QStringList{QStringLiteral("https://history.state.gov/")});
}

TEST_F(PdfObjects, ReplacesAnExistingOutputWhole)
{
    QFile old(m_output);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(4 << 20, 'x')); // longer than the PDF: nothing of it may remain
    old.close();
    added(geometry());
    QFile result(m_output);
    ASSERT_TRUE(result.open(QIODevice::ReadOnly));
    const QByteArray bytes = result.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF-"));
    EXPECT_FALSE(bytes.contains(QByteArray(64, 'x')));
    EXPECT_TRUE(test::openPdf(m_output));
}

TEST_F(PdfObjects, AMissingInputIsAnErrorNamingIt)
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.pdf"));
    const Result<bool> result = addPdfObjects(missing, geometry(), m_output);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().file, missing);
    EXPECT_FALSE(result.error().message.isEmpty());
    EXPECT_FALSE(QFile::exists(m_output));
}

TEST_F(PdfObjects, AnInputThatIsNoPdfIsAnError)
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.pdf"));
    QFile file(bad);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4\nthis is not a PDF at all\n");
    file.close();
    const Result<bool> result = addPdfObjects(bad, geometry(), m_output);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().file, bad);
    EXPECT_FALSE(QFile::exists(m_output));
}

TEST_F(PdfObjects, AnOutputInAMissingFolderIsAnErrorNamingIt)
{
    const QString output = m_dir.filePath(QStringLiteral("no/such/folder/out.pdf"));
    const Result<bool> result = addPdfObjects(m_input, geometry(), output);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().file, output);
    EXPECT_FALSE(QFile::exists(output));
}

TEST_F(PdfObjects, ObjectsOnPagesThatDoNotExistAreLeftOut)
{
    PdfGeometry g = geometry();
    g.links.push_back({0, QRectF(10, 10, 10, 10), {7, 0}, {}});
    g.highlights.push_back({QStringLiteral("x"), 9, {QRectF(1, 1, 1, 1)}, Qt::red, {}, {}, {}});
    const auto doc = test::openPdf(added(g));
    ASSERT_TRUE(doc);
    EXPECT_EQ(highlightsOf(*doc->page(0)).size() + highlightsOf(*doc->page(1)).size(), 2u);
}

} // namespace
} // namespace marginalia
