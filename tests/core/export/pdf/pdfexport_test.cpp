// The whole export on real FRUS files, read back with Poppler-Qt6, qpdf and pdftotext.

#include "export/pdf/pdfexport.h"
#include "pdfreadback.h"

#include "anchor/anchoring.h"
#include "annotation/documentkey.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/database.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

namespace marginalia {
namespace {

const QString d316to318 = QStringLiteral("frus1961-63v09-d316-d318.xml");

struct Passage {
    QString quote;
    QString note;
    QStringList tags;
    QString color;
};

// Three passages of d317: a short one before a footnote marker, one of a few words, one long enough
// to run over several lines.
const std::vector<Passage> passages = {
    {QStringLiteral("code of fair practices"), QStringLiteral("Which code? See 316."), {QStringLiteral("trade")},
     QStringLiteral("#FFE08C")},
    {QStringLiteral("multilateral export controls"), QStringLiteral("COCOM — the “Consultative Group”"),
     {QStringLiteral("cocom"), QStringLiteral("export controls")}, QStringLiteral("#9FD3F5")},
    {QStringLiteral("At a time when we are engaged in talks with the Soviets on matters of major political importance, "
                    "I would not wish to undertake trade control negotiations"),
     QStringLiteral("Berlin talks"), {QStringLiteral("trade")}, QStringLiteral("#B5E3A1")},
};

// The five notes of d317 (source note first), as pdftotext should give some of their words.
const QStringList noteTexts = {
    QStringLiteral("Source: Department of State, Central Files, 460.509/8-1762."),
    QStringLiteral("In his August 17 letter to Rusk, Hodges proposed negotiations"),
    QStringLiteral("Document 316."),
    QStringLiteral("The draft Code of Fair Practices in International Trade was sent to Hodges on September 5"),
    QStringLiteral("Printed from a copy that indicates Rusk signed the original."),
};

QString simplified(const QString &text)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    return QString(text).replace(spaces, QStringLiteral(" ")).trimmed();
}

// Letters and digits only, lower case: words as a text box list and a quote both give them.
QString lettersOf(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetter())
            out.append(c.toLower());
    }
    return out;
}

class PdfExport : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        Result<std::unique_ptr<Database>> db = Database::open(annotationSchema(), m_dir.filePath(QStringLiteral("annotations.sqlite")));
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        m_db = std::move(db).value();
        m_store = std::make_unique<AnnotationStore>(*m_db);
    }

    int load(const QString &name)
    {
        Result<Volume> volume = loadVolume(test::dataPath(name));
        EXPECT_TRUE(volume) << volume.error().toString().toStdString();
        return volume ? m_library.add(std::make_shared<const Volume>(std::move(volume).value())) : -1;
    }

    std::pair<int, int> d317()
    {
        const int v = load(d316to318);
        return {v, m_library.volume(v).documentIndex(QStringLiteral("d317"))};
    }

    std::vector<Annotation> annotate(std::pair<int, int> at)
    {
        const Document &doc = m_library.volume(at.first).documents.at(std::size_t(at.second));
        const QString text = ReadingText(doc.body).text();
        std::vector<Annotation> made;
        for (const Passage &p : passages) {
            const qsizetype start = text.indexOf(p.quote);
            EXPECT_GE(start, 0) << p.quote.toStdString();
            Annotation a;
            a.id = newAnnotationId();
            a.document = documentKey(m_library, at.first, at.second);
            a.selector = makeSelector(text, int(start), int(start + p.quote.size()));
            a.note = p.note;
            a.tags = p.tags;
            a.color = p.color;
            a.author = QStringLiteral("Historian");
            a.created = a.modified = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
            EXPECT_TRUE(m_store->add(a));
            made.push_back(a);
        }
        return made;
    }

    Result<PdfExportReport> exportTo(const PdfExportRequest &request, const std::function<bool(double)> &progress = {})
    {
        return exportPdf(m_library, m_store.get(), request, progress);
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QStringList filesIn(const QString &folder) const
    {
        return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    QTemporaryDir m_dir;
    Library m_library;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnnotationStore> m_store;
};

// Poppler's words on `page` whose centre lies in one of the quads, in reading order.
QString wordsUnder(const Poppler::Page &page, const QList<Poppler::HighlightAnnotation::Quad> &quads)
{
    const QSizeF size = page.pageSizeF();
    QStringList words;
    for (const auto &box : page.textList()) {
        const QPointF centre = box->boundingBox().center();
        for (const auto &quad : quads) {
            if (test::quadRect(quad, size).contains(centre)) {
                words.append(box->text());
                break;
            }
        }
    }
    return words.join(QLatin1Char(' '));
}

TEST_F(PdfExport, D317HasItsThreeHighlightsWithNotesColoursAndUuids)
{
    const auto at = d317();
    const std::vector<Annotation> made = annotate(at);
    const QString output = path(QStringLiteral("d317.pdf"));
    const Result<PdfExportReport> report = exportTo({{at}, {}, output});
    ASSERT_TRUE(report) << report.error().toString().toStdString();
    EXPECT_EQ(report->documents, 1);
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    EXPECT_EQ(report->pages, doc->numPages());

    std::map<QString, int> seen; // uuid → highlights (a passage over a page break gives two)
    for (int p = 0; p < doc->numPages(); ++p) {
        const auto page = doc->page(p);
        for (const auto &annotation : page->annotations({Poppler::Annotation::AHighlight})) {
            const auto made_ = std::find_if(made.begin(), made.end(),
                                            [&](const Annotation &a) { return a.id == annotation->uniqueName(); });
            ASSERT_NE(made_, made.end()) << annotation->uniqueName().toStdString();
            ++seen[made_->id];
            EXPECT_TRUE(annotation->contents().contains(made_->note)) << annotation->contents().toStdString();
            for (const QString &tag : made_->tags)
                EXPECT_TRUE(annotation->contents().contains(tag)) << annotation->contents().toStdString();
            EXPECT_EQ(annotation->style().color().name(QColor::HexRgb).toUpper(), made_->color);
            EXPECT_EQ(annotation->author(), made_->author);
            const auto quads = static_cast<const Poppler::HighlightAnnotation &>(*annotation).highlightQuads();
            EXPECT_FALSE(quads.isEmpty());
            // What lies under the quads is the passage (on this page): its words, and no others.
            const QString under = lettersOf(wordsUnder(*page, quads));
            EXPECT_FALSE(under.isEmpty());
            EXPECT_TRUE(lettersOf(passages.at(std::size_t(made_ - made.begin())).quote).contains(under))
                << wordsUnder(*page, quads).toStdString();
        }
    }
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(report->highlights, int(std::accumulate(seen.begin(), seen.end(), 0,
                                                      [](int n, const auto &s) { return n + s.second; })));
}

// Every word of each passage lies under its quads (the test above shows nothing else does).
TEST_F(PdfExport, D317HighlightsCoverEveryWordOfTheirPassage)
{
    const auto at = d317();
    const std::vector<Annotation> made = annotate(at);
    const QString output = path(QStringLiteral("d317.pdf"));
    ASSERT_TRUE(exportTo({{at}, {}, output}));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    std::map<QString, QString> covered;
    for (int p = 0; p < doc->numPages(); ++p) {
        const auto page = doc->page(p);
        for (const auto &annotation : page->annotations({Poppler::Annotation::AHighlight})) {
            const auto quads = static_cast<const Poppler::HighlightAnnotation &>(*annotation).highlightQuads();
            covered[annotation->uniqueName()] += lettersOf(wordsUnder(*page, quads));
        }
    }
    for (std::size_t i = 0; i < made.size(); ++i)
        EXPECT_EQ(covered[made[i].id], lettersOf(passages[i].quote)) << passages[i].quote.toStdString();
}

TEST_F(PdfExport, D317TextHoldsTheFiveFootnotes)
{
    const auto at = d317();
    const QString output = path(QStringLiteral("d317.pdf"));
    ASSERT_TRUE(exportTo({{at}, {}, output}));
    const QString text = simplified(test::pdfText(output));
    for (const QString &note : noteTexts)
        EXPECT_TRUE(text.contains(note)) << note.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("This is in response to the suggestion in your letter of August 17")));
    EXPECT_EQ(test::unsafeObjects(output), QStringList());
}

// The page whose text holds `words`, 0-based; -1 when none does.
int pageHolding(const Poppler::Document &doc, const QString &words)
{
    for (int p = 0; p < doc.numPages(); ++p) {
        if (simplified(doc.page(p)->text(QRectF())).contains(words))
            return p;
    }
    return -1;
}

// Where marker `number` sits: the digit right after `word` (Poppler gives the raised digit a box of its
// own); an empty rectangle (in points) when the page has none.
QRectF markerAfter(const Poppler::Page &page, const QString &word, int number)
{
    const auto boxes = page.textList();
    for (std::size_t i = 0; i + 1 < boxes.size(); ++i) {
        if (boxes[i]->text() == word && boxes[i + 1]->text() == QString::number(number))
            return boxes[i + 1]->boundingBox();
    }
    return {};
}

TEST_F(PdfExport, D317FootnoteMarkersLinkToThePageOfTheirNote)
{
    const auto at = d317();
    annotate(at);
    const QString output = path(QStringLiteral("d317.pdf"));
    ASSERT_TRUE(exportTo({{at}, {}, output}));
    const auto doc = test::openPdf(output);
    ASSERT_TRUE(doc);
    // The word each of d317's markers follows.
    const QStringList before = {QStringLiteral("Hodges"), QStringLiteral("bloc."), QStringLiteral("practices."),
                                QStringLiteral("future."), QStringLiteral("Dean")};
    for (int note = 0; note < noteTexts.size(); ++note) {
        int linked = 0;
        for (int p = 0; p < doc->numPages(); ++p) {
            const auto page = doc->page(p);
            const QRectF marker = markerAfter(*page, before[note], note);
            if (marker.isEmpty())
                continue;
            for (const auto &link : page->links()) {
                if (link->linkType() != Poppler::Link::Goto
                    || !test::toPoints(link->linkArea().normalized(), page->pageSizeF()).contains(marker.center()))
                    continue;
                const int target = static_cast<const Poppler::LinkGoto &>(*link).destination().pageNumber() - 1;
                EXPECT_EQ(target, pageHolding(*doc, noteTexts[note])) << "marker " << note;
                ++linked;
            }
        }
        EXPECT_EQ(linked, 1) << "links from marker " << note;
    }
}

TEST_F(PdfExport, WholeVolumeHasOneOutlineEntryPerDocument)
{
    const int v = load(QStringLiteral("frus1894Nicaragua.xml"));
    PdfExportRequest request;
    for (int d = 0; d < int(m_library.volume(v).documents.size()); ++d)
        request.documents.emplace_back(v, d);
    request.output = path(QStringLiteral("nicaragua.pdf"));
    const Result<PdfExportReport> report = exportTo(request);
    ASSERT_TRUE(report) << report.error().toString().toStdString();
    EXPECT_EQ(report->documents, 138);
    const auto doc = test::openPdf(request.output);
    ASSERT_TRUE(doc);
    const QVector<Poppler::OutlineItem> outline = doc->outline();
    EXPECT_EQ(outline.size(), 138);
    // Each entry leads to the page where its document's title is.
    for (int i = 0; i < std::min<int>(int(outline.size()), 5); ++i)
        EXPECT_GE(outline[i].destination()->pageNumber(), 1);
    EXPECT_EQ(doc->info(QStringLiteral("Creator")), QStringLiteral("Marginalia"));
}

TEST_F(PdfExport, TagExportHoldsOnlyThatTagsPassagesAndNamesItInKeywords)
{
    const auto at = d317();
    annotate(at);
    PdfExportRequest request;
    request.tag = QStringLiteral("cocom");
    request.output = path(QStringLiteral("cocom.pdf"));
    const Result<PdfExportReport> report = exportTo(request);
    ASSERT_TRUE(report) << report.error().toString().toStdString();
    EXPECT_EQ(report->documents, 1);
    const auto doc = test::openPdf(request.output);
    ASSERT_TRUE(doc);
    int highlights = 0;
    for (int p = 0; p < doc->numPages(); ++p) {
        for (const auto &annotation : doc->page(p)->annotations({Poppler::Annotation::AHighlight})) {
            EXPECT_TRUE(annotation->contents().contains(QStringLiteral("COCOM")));
            ++highlights;
        }
    }
    EXPECT_GE(highlights, 1);
    EXPECT_TRUE(doc->info(QStringLiteral("Keywords")).contains(QStringLiteral("cocom")));
}

TEST_F(PdfExport, ATagNoOpenDocumentCarriesIsAnError)
{
    d317();
    const QString output = path(QStringLiteral("none.pdf"));
    const Result<PdfExportReport> report = exportTo({{}, QStringLiteral("nowhere"), output});
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().file, output);
    EXPECT_FALSE(QFile::exists(output));
}

TEST_F(PdfExport, AnOutputFolderThatDoesNotExistIsAnErrorAndNoFile)
{
    const auto at = d317();
    const QString output = path(QStringLiteral("missing/folder/d317.pdf"));
    const Result<PdfExportReport> report = exportTo({{at}, {}, output});
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().file, output);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("folder"))) << report.error().message.toStdString();
    EXPECT_FALSE(QFile::exists(output));
}

TEST_F(PdfExport, AnUnwritableFolderIsAnErrorAndNoFile)
{
    const auto at = d317();
    QString folder = path(QStringLiteral("locked"));
    ASSERT_TRUE(QDir().mkpath(folder));
    ASSERT_TRUE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    QFile probe(folder + QStringLiteral("/probe"));
    if (probe.open(QIODevice::WriteOnly)) {
        // Running as root, which permissions do not stop: /proc takes no new files from anyone.
        probe.remove();
        folder = QStringLiteral("/proc");
        ASSERT_TRUE(QFileInfo(folder).isDir());
    }
    const QString output = folder + QStringLiteral("/d317.pdf");
    const Result<PdfExportReport> report = exportTo({{at}, {}, output});
    QFile::setPermissions(path(QStringLiteral("locked")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().file, output);
    EXPECT_TRUE(report.error().message.contains(QStringLiteral("cannot write"))) << report.error().message.toStdString();
    EXPECT_FALSE(QFile::exists(output));
    EXPECT_EQ(filesIn(folder).filter(QStringLiteral("d317")), QStringList());
}

TEST_F(PdfExport, AFolderGivenAsOutputIsAnError)
{
    const auto at = d317();
    const Result<PdfExportReport> report = exportTo({{at}, {}, m_dir.path()});
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().file, m_dir.path());
}

TEST_F(PdfExport, CancellingLeavesNoFileAndNoTemporaries)
{
    const auto at = d317();
    annotate(at);
    const QString folder = path(QStringLiteral("out"));
    ASSERT_TRUE(QDir().mkpath(folder));
    for (const double cancelAt : {0.0, 0.5, 0.9}) {
        const QString output = folder + QStringLiteral("/d317.pdf");
        double last = -1;
        const Result<PdfExportReport> report = exportTo({{at}, {}, output}, [&](double done) {
            EXPECT_GE(done, last);
            last = done;
            return done < cancelAt;
        });
        ASSERT_FALSE(report) << "cancel at " << cancelAt;
        EXPECT_EQ(report.error().message, pdfExportCancelledMessage());
        EXPECT_EQ(report.error().file, output);
        EXPECT_EQ(filesIn(folder), QStringList()) << "cancel at " << cancelAt;
    }
}

TEST_F(PdfExport, AFailedExportLeavesAnExistingFileAsItWas)
{
    const auto at = d317();
    const QString output = path(QStringLiteral("d317.pdf"));
    QFile old(output);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("the previous export");
    old.close();
    const Result<PdfExportReport> report = exportTo({{at}, {}, output}, [](double done) { return done < 0.5; });
    ASSERT_FALSE(report);
    ASSERT_TRUE(old.open(QIODevice::ReadOnly));
    EXPECT_EQ(old.readAll(), QByteArray("the previous export"));
    const QStringList exported = filesIn(m_dir.path()).filter(QRegularExpression(QStringLiteral("^d317")));
    EXPECT_EQ(exported, QStringList{QStringLiteral("d317.pdf")}) << exported.join(u' ').toStdString();
}

TEST_F(PdfExport, ProgressRunsFromZeroToOne)
{
    const auto at = d317();
    std::vector<double> seen;
    ASSERT_TRUE(exportTo({{at}, {}, path(QStringLiteral("d317.pdf"))}, [&](double done) {
        seen.push_back(done);
        return true;
    }));
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    EXPECT_TRUE(std::find(seen.begin(), seen.end(), 0.9) != seen.end());
}

} // namespace
} // namespace marginalia
