// The citations of d317 (FRUS 1961–63, vol. IX) and of d1 of FRUS 1934, vol. V, checked by hand against
// the TEI headers in tests/data and history.state.gov's recommended form.
#include "citation/citationsource.h"
#include "citation/citationstyles.h"

#include "citationfixture.h"
#include "model/volume.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::documentAt;
using test::loadLibrary;

QString cite(const Library &library, const char *id, CitationStyle style, const QString &pages = {})
{
    const DocumentAt at = documentAt(library, QString::fromUtf8(id));
    return formatCitation(citationSource(library, at.volume, at.document), style, pages).text;
}

TEST(CitationHeader, TheParserReadsTheBooksHeaderOfEachEra)
{
    const Library library = loadLibrary({"frus1961-63v09-d316-d318.xml", "frus1934v05.xml", "frus1894Nicaragua.xml"});
    const VolumeHeader &v09 = library.volume(0).header;
    EXPECT_EQ(library.volume(0).subseries, QStringLiteral("1961\u20131963")); // title type="sub-series"
    EXPECT_EQ(v09.series, QStringLiteral("Foreign Relations of the United States"));
    EXPECT_EQ(v09.volumeNumber, QStringLiteral("Volume IX"));
    EXPECT_EQ(v09.volumeTitle, QStringLiteral("Foreign Economic Policy"));
    EXPECT_EQ(v09.editors, (QStringList{QStringLiteral("Evans Gerakas"), QStringLiteral("David S. Patterson"),
                                        QStringLiteral("William F. Sanford, Jr."), QStringLiteral("Carolyn B. Yee")}));
    EXPECT_EQ(v09.generalEditors, QStringList{QStringLiteral("Glenn W. LaFantasie")});
    EXPECT_EQ(v09.publisher, QStringLiteral("United States Government Printing Office"));
    EXPECT_EQ(v09.pubPlace, QStringLiteral("Washington"));
    EXPECT_EQ(v09.published, QStringLiteral("1995")); // not the content-date "1961 to 1963"

    const VolumeHeader &v1934 = library.volume(1).header;
    EXPECT_EQ(v1934.series, QStringLiteral("Foreign Relations of the United States Diplomatic Papers"));
    EXPECT_EQ(v1934.volumeNumber, QStringLiteral("Volume V")); // title type="volumenumber"
    EXPECT_EQ(v1934.volumeTitle, QStringLiteral("The American Republics"));
    EXPECT_TRUE(v1934.editors.isEmpty()); // <editor role="primary"/>
    EXPECT_EQ(v1934.published, QStringLiteral("1952"));

    const VolumeHeader &v1894 = library.volume(2).header;
    EXPECT_EQ(v1894.series, QStringLiteral("Foreign Relations of the United States, 1894"));
    EXPECT_TRUE(v1894.volumeNumber.isEmpty());
    EXPECT_TRUE(v1894.volumeTitle.isEmpty());
    EXPECT_EQ(v1894.published, QStringLiteral("1895"));
}

TEST(CitationStyles, D317InTheOfficeOfTheHistoriansForm)
{
    const Library library = loadLibrary({"frus1961-63v09-d316-d318.xml"});
    EXPECT_EQ(cite(library, "d317", CitationStyle::Hsg),
              QStringLiteral("Foreign Relations of the United States, 1961\u20131963, Volume IX, Foreign Economic Policy, "
                             "eds. Evans Gerakas, David S. Patterson, William F. Sanford, Jr., and Carolyn B. Yee "
                             "(Washington: Government Printing Office, 1995), Document 317."));
    // A quoted passage adds its page.
    EXPECT_TRUE(cite(library, "d317", CitationStyle::Hsg, QStringLiteral("704"))
                    .endsWith(QStringLiteral("1995), Document 317, p. 704.")));
}

TEST(CitationStyles, D317AsAChicagoCorrespondenceNote)
{
    const Library library = loadLibrary({"frus1961-63v09-d316-d318.xml"});
    EXPECT_EQ(cite(library, "d317", CitationStyle::ChicagoNote),
              QStringLiteral("Secretary of State Rusk to Secretary of Commerce Hodges, letter, Washington, September 5, 1962, "
                             "in Foreign Relations of the United States, 1961\u20131963, ed. Glenn W. LaFantasie, vol. IX, "
                             "Foreign Economic Policy, ed. Evans Gerakas, David S. Patterson, William F. Sanford, Jr., and "
                             "Carolyn B. Yee (Washington, DC: GPO, 1995), doc. 317, "
                             "https://history.state.gov/historicaldocuments/frus1961-63v09/d317."));
}

TEST(CitationStyles, D317AsAChicagoBibliographyEntry)
{
    const Library library = loadLibrary({"frus1961-63v09-d316-d318.xml"});
    EXPECT_EQ(cite(library, "d317", CitationStyle::ChicagoBibliography),
              QStringLiteral("Secretary of State Rusk to Secretary of Commerce Hodges. Letter. Washington, September 5, 1962. "
                             "In Foreign Relations of the United States, 1961\u20131963. Edited by Glenn W. LaFantasie. "
                             "Vol. IX, Foreign Economic Policy, edited by Evans Gerakas, David S. Patterson, William F. "
                             "Sanford, Jr., and Carolyn B. Yee. Washington, DC: GPO, 1995. Doc. 317. "
                             "https://history.state.gov/historicaldocuments/frus1961-63v09/d317."));
}

TEST(CitationStyles, HtmlItalicisesTheTitles)
{
    const Library library = loadLibrary({"frus1961-63v09-d316-d318.xml"});
    const DocumentAt at = documentAt(library, QStringLiteral("d317"));
    const CitationSource source = citationSource(library, at.volume, at.document);
    EXPECT_TRUE(formatCitation(source, CitationStyle::Hsg).html.startsWith(
        QStringLiteral("<i>Foreign Relations of the United States</i>, 1961\u20131963, Volume IX")));
    EXPECT_TRUE(formatCitation(source, CitationStyle::ChicagoNote)
                    .html.contains(QStringLiteral("vol. IX, <i>Foreign Economic Policy</i>, ed. Evans")));
}

TEST(CitationStyles, A1934DocumentIsCitedByPage)
{
    const Library library = loadLibrary({"frus1934v05.xml"});
    // d1 runs from page 1 to page 2; the volume prints no document numbers.
    EXPECT_EQ(cite(library, "d1", CitationStyle::Hsg),
              QStringLiteral("Foreign Relations of the United States Diplomatic Papers, 1934, The American Republics, "
                             "Volume V (Washington: Government Printing Office, 1952), pp. 1\u20132."));
    EXPECT_TRUE(cite(library, "d1", CitationStyle::Hsg, QStringLiteral("1")).endsWith(QStringLiteral("1952), p. 1.")));
    EXPECT_EQ(cite(library, "d1", CitationStyle::ChicagoNote),
              QStringLiteral("The Ambassador in Chile (Sevier) to the Acting Secretary of State, telegram, Santiago, "
                             "January 5, 1934, in Foreign Relations of the United States Diplomatic Papers, 1934, vol. V, "
                             "The American Republics (Washington, DC: GPO, 1952), pp. 1\u20132, "
                             "https://history.state.gov/historicaldocuments/frus1934v05/d1."));
    EXPECT_EQ(cite(library, "d1", CitationStyle::ChicagoBibliography),
              QStringLiteral("The Ambassador in Chile (Sevier) to the Acting Secretary of State. Telegram. Santiago, "
                             "January 5, 1934. In Foreign Relations of the United States Diplomatic Papers, 1934. Vol. V, "
                             "The American Republics, 1\u20132. Washington, DC: GPO, 1952. "
                             "https://history.state.gov/historicaldocuments/frus1934v05/d1."));
}

TEST(CitationStyles, AQuotedPassageCrossingAPageCitesBothPages)
{
    const Library library = loadLibrary({"frus1934v05.xml"});
    const DocumentAt d1 = documentAt(library, QStringLiteral("d1"));
    EXPECT_EQ(pagesOfQuote(library, d1, QStringLiteral("aiming to accord us preferential exchange")),
              QStringLiteral("1\u20132"));
    EXPECT_EQ(pagesOfQuote(library, d1, QStringLiteral("Please instruct by cable.")), QStringLiteral("2"));
    EXPECT_EQ(pagesOfQuote(library, d1, QStringLiteral("no such words")), std::nullopt);
    EXPECT_TRUE(cite(library, "d1", CitationStyle::Hsg, QStringLiteral("1\u20132")).endsWith(QStringLiteral("1952), pp. 1\u20132.")));
    const Library v09 = loadLibrary({"frus1961-63v09-d316-d318.xml"});
    EXPECT_EQ(pagesOfQuote(v09, documentAt(v09, QStringLiteral("d317")), QStringLiteral("As I wrote you on August 9")),
              QStringLiteral("704"));
    // From the end of page 703 onto page 704, across the paragraphs (which the reading text sets apart).
    const std::optional<QString> across = pagesOfQuote(v09, documentAt(v09, QStringLiteral("d317")),
                                                       QStringLiteral("air corridor harassment.\n\nAs I wrote you"));
    EXPECT_EQ(across, QStringLiteral("703\u2013704"));
}

TEST(CitationStyles, AVolumeWithoutVolumeTitleTakesItFromItsCompleteTitle)
{
    const Library library = loadLibrary({"frus1894Nicaragua.xml"});
    const DocumentAt at = documentAt(library, QStringLiteral("d1"));
    const CitationSource source = citationSource(library, at.volume, at.document);
    EXPECT_EQ(source.volumeTitle, QStringLiteral("Nicaragua (Mosquito Territory)"));
    EXPECT_FALSE(source.numbered);
    const QString hsg = formatCitation(source, CitationStyle::Hsg).text;
    EXPECT_TRUE(hsg.startsWith(QStringLiteral("Foreign Relations of the United States, 1894, Nicaragua (Mosquito "
                                              "Territory) (Washington: Government Printing Office, 1895), p")))
        << qPrintable(hsg);
}

TEST(CitationStyles, NamesAndStylesReadBack)
{
    for (const QString &name : citationStyleNames())
        EXPECT_EQ(citationStyleName(*citationStyleNamed(name)), name);
    EXPECT_EQ(citationStyleNamed(QStringLiteral("apa")), std::nullopt);
    EXPECT_EQ(joinNames({QStringLiteral("A")}), QStringLiteral("A"));
    EXPECT_EQ(joinNames({QStringLiteral("A"), QStringLiteral("B")}), QStringLiteral("A and B"));
    EXPECT_EQ(longDate(QStringLiteral("1934-01-05T18:00:00")), QStringLiteral("January 5, 1934"));
    EXPECT_EQ(longDate(QStringLiteral("1962-09")), QStringLiteral("September 1962"));
    EXPECT_EQ(longDate(QStringLiteral("undated")), QString());
}

} // namespace
} // namespace marginalia

namespace marginalia {
namespace {

TEST(CitationStyles, ATextCopyIsCitedAsItsHomeVolumesDocumentOrByWhatItsNameSays)
{
    const Library both = test::loadLibrary({"frus1961-63v09-d317.txt", "frus1961-63v09-d316-d318.xml"});
    const CitationSource copy = citationSource(both, 0, 0);
    EXPECT_EQ(copy.key, QStringLiteral("frus1961-63v09/d317"));
    EXPECT_EQ(copy.date, QStringLiteral("1962-09-05")); // the TEI's dateline, which the copy lacks
    EXPECT_TRUE(formatCitation(copy, CitationStyle::Hsg).text.endsWith(QStringLiteral("1995), Document 317.")));

    const Library alone = test::loadLibrary({"frus1961-63v09-d317.txt"});
    EXPECT_EQ(formatCitation(citationSource(alone, 0, 0), CitationStyle::ChicagoNote).text,
              QStringLiteral("Letter From Secretary of State Rusk to Secretary of Commerce Hodges, FRUS 1961\u201363, vol. IX, "
                             "Doc. 317, https://history.state.gov/historicaldocuments/frus1961-63v09/d317."));
}

} // namespace
} // namespace marginalia
