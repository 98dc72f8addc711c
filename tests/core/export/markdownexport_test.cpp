#include "export/markdownexport.h"

#include "anchor/anchoring.h"
#include "annotation/documentkey.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString teiName = QStringLiteral("frus1961-63v09-d316-d318.xml");
const QString copyName = QStringLiteral("frus1961-63v09-d317.txt");
const QString v09Doc317 = QStringLiteral("FRUS 1961\u201363, vol. IX, Doc. 317");

int open(Library &library, const QString &name)
{
    Result<Volume> volume = loadVolume(test::dataPath(name));
    EXPECT_TRUE(volume.has_value());
    return volume ? library.add(std::make_shared<const Volume>(std::move(volume).value())) : -1;
}

// An annotation on the `occurrence`-th `quote` of the body (or of note `footnote`) of d317 in `library`.
Annotation on(const Library &library, int volume, const QString &quote, const QString &footnote = {}, int occurrence = 1)
{
    const int d = library.volume(volume).documentIndex(QStringLiteral("d317"));
    const Document &doc = library.volume(volume).documents.at(std::size_t(d));
    const QString text = footnote.isEmpty() ? ReadingText(doc.body).text()
                                            : plainText(doc.footnoteById(footnote)->content);
    qsizetype at = -1;
    for (int i = 0; i < occurrence; ++i)
        at = text.indexOf(quote, at + 1);
    EXPECT_GE(at, 0) << quote.toStdString();
    Annotation a;
    a.id = newAnnotationId();
    a.document = documentKey(library, volume, d);
    a.selector = makeSelector(text, int(at), int(at + quote.size()), footnote);
    a.color = QStringLiteral("#FFE08C");
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    return a;
}

TEST(MarkdownExport, CitesQuoteNoteTagsAndPageFromTheTei)
{
    Library library;
    const int tei = open(library, teiName);
    Annotation a = on(library, tei, QStringLiteral("code of fair practices"));
    a.note = QStringLiteral("Compare the draft code.");
    a.tags = {QStringLiteral("Trade"), QStringLiteral("Cold War")};
    const QString md = annotationsMarkdown({a}, library, QStringLiteral("Trade"));
    EXPECT_TRUE(md.startsWith(QStringLiteral("# Trade\n\n"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("## ") + v09Doc317
                            + QStringLiteral(": Letter From Secretary of State Rusk to Secretary of Commerce Hodges\n")))
        << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("\n> code of fair practices\n")));
    EXPECT_TRUE(md.contains(QStringLiteral("\nCompare the draft code.\n")));
    EXPECT_TRUE(md.contains(QStringLiteral("\n#Trade #Cold-War\n")));
    EXPECT_TRUE(md.contains(QStringLiteral("\u2014 ") + v09Doc317 + QStringLiteral(", p. 704\n"))) << md.toStdString();
}

TEST(MarkdownExport, PageFollowsWhereThePassageStarts)
{
    Library library;
    const int tei = open(library, teiName);
    // The second "trade" stands before the break to page 704: the document's first page.
    const Annotation before = on(library, tei, QStringLiteral("trade"), {}, 2);
    const QString md = annotationsMarkdown({before}, library);
    EXPECT_TRUE(md.contains(v09Doc317 + QStringLiteral(", p. 703\n"))) << md.toStdString();
}

TEST(MarkdownExport, LoneTextCopyIsCitedWithVolumeAndPage)
{
    Library library;
    const int copy = open(library, copyName);
    const QString md = annotationsMarkdown({on(library, copy, QStringLiteral("code of fair practices"))}, library);
    EXPECT_TRUE(md.contains(v09Doc317 + QStringLiteral(", p. 704\n"))) << md.toStdString();
}

TEST(MarkdownExport, PassageInANoteNamesTheNote)
{
    Library library;
    const int tei = open(library, teiName);
    const Annotation a = on(library, tei, QStringLiteral("NATO Council"), QStringLiteral("d317fn1"));
    const QString md = annotationsMarkdown({a}, library);
    EXPECT_TRUE(md.contains(QStringLiteral("> NATO Council\n")));
    EXPECT_TRUE(md.contains(v09Doc317 + QStringLiteral(", p. 703, n. 1\n"))) << md.toStdString();
}

// Issue 13 (7): a passage over the break to page 704 cites both pages; one in the source note is cited
// as the page prints it, "Source", not as note 0.
TEST(MarkdownExport, Issue13APassageAcrossAPrintedPageCitesBothPages)
{
    Library library;
    const int tei = open(library, teiName);
    const Document &doc = library.volume(tei).documents.at(std::size_t(library.volume(tei).documentIndex(QStringLiteral("d317"))));
    const QString text = ReadingText(doc.body).text();
    const int from = int(text.indexOf(QStringLiteral("air corridor harassment.")));
    const int to = int(text.indexOf(QStringLiteral("As I wrote you")) + QStringLiteral("As I wrote you").size());
    ASSERT_GT(from, 0);
    Annotation a = on(library, tei, QStringLiteral("air corridor harassment."));
    a.selector = makeSelector(text, from, to);
    const QString md = annotationsMarkdown({a}, library);
    EXPECT_TRUE(md.contains(v09Doc317 + QStringLiteral(", pp. 703\u2013704\n"))) << md.toStdString();
}

TEST(MarkdownExport, Issue13APassageInTheSourceNoteIsCitedAsSource)
{
    Library library;
    const int tei = open(library, teiName);
    const Annotation a = on(library, tei, QStringLiteral("Central Files"), QStringLiteral("d317fn0"));
    const QString md = annotationsMarkdown({a}, library);
    EXPECT_TRUE(md.contains(v09Doc317 + QStringLiteral(", p. 703, Source\n"))) << md.toStdString();
    EXPECT_FALSE(md.contains(QStringLiteral("n. 0"))) << md.toStdString();
}

TEST(MarkdownExport, DocumentNotOpenIsCitedByItsKeyWithoutPage)
{
    Library library;
    const int tei = open(library, teiName);
    const Annotation a = on(library, tei, QStringLiteral("code of fair practices"));
    const QString md = annotationsMarkdown({a}, Library{});
    EXPECT_TRUE(md.contains(QStringLiteral("## frus1961-63v09/d317\n"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("\u2014 frus1961-63v09/d317\n")));
    EXPECT_FALSE(md.contains(QStringLiteral("p. ")));
}

TEST(MarkdownExport, GroupsByDocumentInReadingOrder)
{
    Library library;
    const int tei = open(library, teiName);
    Annotation later = on(library, tei, QStringLiteral("code of fair practices"));
    Annotation earlier = on(library, tei, QStringLiteral("trade"));
    Annotation elsewhere = later;
    elsewhere.document = QStringLiteral("frus1934v05/d12");
    const QString md = annotationsMarkdown({later, elsewhere, earlier}, library);
    EXPECT_EQ(md.count(QStringLiteral("\n## ")) + int(md.startsWith(QStringLiteral("## "))), 2);
    EXPECT_LT(md.indexOf(QStringLiteral("> trade")), md.indexOf(QStringLiteral("> code of fair")));
    EXPECT_LT(md.indexOf(QStringLiteral("> code of fair")), md.indexOf(QStringLiteral("## frus1934v05/d12")));
}

TEST(MarkdownExport, NoteKeepsLineBreaksAndMarkupIsEscaped)
{
    Library library;
    const int tei = open(library, teiName);
    Annotation a = on(library, tei, QStringLiteral("code of fair practices"));
    a.note = QStringLiteral("# not a heading\nsee *this* [link](x)\n\n1. not a list");
    const QString md = annotationsMarkdown({a}, library);
    EXPECT_TRUE(md.contains(QStringLiteral("\\# not a heading  \nsee \\*this\\* \\[link\\](x)\n\n1\\. not a list\n")))
        << md.toStdString();
}

TEST(MarkdownExport, EscapeLeavesPlainTextAlone)
{
    EXPECT_EQ(escapeMarkdown(QStringLiteral("code of fair practices, 1962")), QStringLiteral("code of fair practices, 1962"));
    EXPECT_EQ(escapeMarkdown(QStringLiteral("- item")), QStringLiteral("\\- item"));
    EXPECT_EQ(escapeMarkdown(QStringLiteral("a_b <c>")), QStringLiteral("a\\_b \\<c\\>"));
}

} // namespace
} // namespace marginalia
