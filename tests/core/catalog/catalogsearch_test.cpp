#include "catalogfixture.h"
namespace marginalia::test {
namespace {
class CatalogSearch : public CatalogFixture {};
TEST_F(CatalogSearch, Dump)
{
    indexTestVolumes();
    auto catalog = open(DatabaseAccess::Read);
    CatalogQuery query;
    query.volume = QStringLiteral("frus1961-63v09");
    auto found = catalog->search(query);
    ASSERT_TRUE(found) << found.error().toString().toStdString();
    for (auto &h : found->results)
        printf("%s %s %s %s %s\n", qPrintable(h.id), qPrintable(h.kind), qPrintable(h.date), qPrintable(h.title), qPrintable(h.snippet));
    for (const char *q : {"Tegucigalpa", "negotiate", "Document 316", "\"Soviet Union\""}) {
        query = {};
        query.text = QString::fromUtf8(q);
        found = catalog->search(query);
        ASSERT_TRUE(found) << found.error().toString().toStdString();
        printf("%s: %d\n", q, found->total);
        for (std::size_t i = 0; i < std::min<std::size_t>(3, found->results.size()); ++i)
            printf("  %s %s %f %s\n", qPrintable(found->results[i].volume), qPrintable(found->results[i].id), found->results[i].score, qPrintable(found->results[i].snippet));
    }
    auto cited = catalog->citedBy(QStringLiteral("frus1961-63v09"), QStringLiteral("d316"));
    ASSERT_TRUE(cited);
    for (auto &c : *cited)
        printf("cited by %s %s %d: %s\n", qPrintable(c.volume), qPrintable(c.id), c.inNote, qPrintable(c.sentence));
}
}
}
