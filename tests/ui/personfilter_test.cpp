// Issue 10, item 4 in the window: the person filter of the library search, completed from the
// glossaries of the indexed volumes.
#include "librarysearchfixture.h"

#include "support/testdata.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpression>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

namespace marginalia::test {
namespace {

const QString V09 = QStringLiteral("frus1961-63v09");
const QString V09File = QStringLiteral("frus1961-63v09-d316-d318.xml");

// The extract of FRUS 1961–63 v09 with the entries of the volume's list of persons for the persons its
// three documents name (the extract in tests/data leaves the front matter out; no other test volume
// has a glossary of persons).
QByteArray v09WithPersons()
{
    QByteArray data = readData(V09File);
    const QByteArray front = R"(<front><div type="section" xml:id="persons"><list>
        <item><hi rend="strong"><persName xml:id="p_BJN1">Behrman, Jack N.</persName>,</hi> Assistant Secretary of Commerce for International Affairs</item>
        <item><hi rend="strong"><persName xml:id="p_HLH1">Hodges, Luther H.</persName>,</hi> Secretary of Commerce</item>
        <item><hi rend="strong"><persName xml:id="p_KC2">Kaysen, Carl</persName>,</hi> Deputy Special Assistant to the President for National Security Affairs</item>
        <item><hi rend="strong"><persName xml:id="p_RD3">Rusk, Dean</persName>,</hi> Secretary of State</item>
        <item><hi rend="strong"><persName xml:id="p_TPH1">Trezise, Philip H.</persName>,</hi> Deputy Assistant Secretary of State for Economic Affairs</item>
      </list></div></front>)";
    EXPECT_TRUE(data.contains("<body>"));
    data.replace(QByteArray("<body>"), QByteArray(front + "<body>"));
    return data;
}

// The documents of the file that name `person` (a persName corresp="#ID" inside them), as "volume/id":
// read from the XML, not from the index.
QStringList documentsNaming(const QByteArray &xml, const QString &volumeId, const QString &person)
{
    static const QRegularExpression id(QStringLiteral("xml:id=\"(d\\d+)\""));
    const QString text = QString::fromUtf8(xml);
    const QString mention = QStringLiteral("corresp=\"#%1\"").arg(person);
    QStringList keys;
    const QStringList parts = text.split(QStringLiteral("<div type=\"document\""));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QRegularExpressionMatch m = id.match(parts[i]);
        if (m.hasMatch() && parts[i].contains(mention))
            keys << volumeId + u'/' + m.captured(1);
    }
    return keys;
}

class PersonFilterWindow : public LibrarySearchWindow {
protected:
    PersonFilterWindow()
        : LibrarySearchWindow({{QStringLiteral("frus1934v05.xml"), readData(QStringLiteral("frus1934v05.xml"))},
                               {QStringLiteral("frus1894Nicaragua.xml"), readData(QStringLiteral("frus1894Nicaragua.xml"))},
                               {V09File, v09WithPersons()}})
    {
    }

    QLineEdit *personEdit() const { return filters()->personEdit(); }
    QCompleter *completer() const { return filters()->personCompleter(); }
    bool showFilters()
    {
        QTest::mouseClick(pane()->filterButton(), Qt::LeftButton);
        // The names are read in the background once the window has the index.
        return filters()->isVisible()
            && QTest::qWaitFor([&] { return completer()->model()->rowCount() > 0; }, 10000);
    }
    // Types `part` into the person field; the completer's list is then what it offers.
    QStringList offeredFor(const QString &part)
    {
        personEdit()->setFocus();
        personEdit()->selectAll(); // typed over, so that the field is never empty (which would search)
        QTest::keyClicks(personEdit(), part);
        QStringList offered;
        for (int r = 0; r < completer()->completionModel()->rowCount(); ++r)
            offered << completer()->completionModel()->index(r, 0).data().toString();
        return offered;
    }
    // The window with the completer's list, a window of its own that grabbing the window leaves out.
    void saveScreenshotWithPopup(const QString &name)
    {
        QPixmap shot = m_window.grab();
        QPainter painter(&shot);
        QWidget *popup = completer()->popup();
        painter.drawPixmap(m_window.mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))), popup->grab());
        painter.end();
        QDir().mkpath(QStringLiteral(MARGINALIA_TEST_ARTIFACTS));
        EXPECT_TRUE(shot.save(QStringLiteral(MARGINALIA_TEST_ARTIFACTS) + u'/' + name + QStringLiteral(".png")));
    }
    // Every document the index finds for `text`, as "volume/id", without filters.
    QStringList unfiltered(const QString &text)
    {
        CatalogQuery q;
        q.text = text;
        q.limit = 10000;
        auto found = m_index->search(q);
        EXPECT_TRUE(found);
        QStringList keys;
        for (const CatalogHit &hit : found ? found->results : std::vector<CatalogHit>{})
            keys << hit.volume + u'/' + hit.id;
        return keys;
    }
};

TEST_F(PersonFilterWindow, Issue10APersonPickedByPartOfTheNameKeepsToTheDocumentsNamingThem)
{
    ASSERT_TRUE(searchIndex(QStringLiteral("trade")));
    const int total = results()->total();
    const QStringList everything = unfiltered(QStringLiteral("trade"));
    ASSERT_EQ(int(everything.size()), total);
    ASSERT_TRUE(showFilters());

    // Part of the surname, any case: the one person, shown with the id.
    ASSERT_EQ(offeredFor(QStringLiteral("behr")), QStringList{QStringLiteral("Behrman, Jack N. (p_BJN1)")});
    QAbstractItemView *popup = completer()->popup();
    ASSERT_TRUE(QTest::qWaitFor([&] { return popup->isVisible(); }, 5000));
    saveScreenshotWithPopup(QStringLiteral("library-search-person-completion"));
    ASSERT_TRUE(waitForAnswer([&] {
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
    }));
    EXPECT_EQ(personEdit()->text(), QStringLiteral("Behrman, Jack N. (p_BJN1)"));
    EXPECT_EQ(results()->query(), QStringLiteral("trade"));

    // Exactly the documents of the unfiltered answer that name him in the file (only d318 does).
    QStringList expected;
    const QStringList naming = documentsNaming(v09WithPersons(), V09, QStringLiteral("p_BJN1"));
    for (const QString &key : everything) {
        if (naming.contains(key))
            expected << key;
    }
    ASSERT_EQ(naming, QStringList{V09 + QStringLiteral("/d318")});
    QStringList shown = listedKeys();
    shown.sort();
    expected.sort();
    EXPECT_EQ(shown, expected);
    EXPECT_EQ(results()->total(), int(expected.size()));
    EXPECT_TRUE(pane()->libraryView()->isVisible());
    saveScreenshot(QStringLiteral("library-search-person"));

    // A first name finds its person too; Kaysen is named in d316 only.
    ASSERT_EQ(offeredFor(QStringLiteral("carl")), QStringList{QStringLiteral("Kaysen, Carl (p_KC2)")});
    ASSERT_TRUE(waitForAnswer([&] {
        QTest::keyClick(completer()->popup(), Qt::Key_Down);
        QTest::keyClick(completer()->popup(), Qt::Key_Return);
    }));
    EXPECT_EQ(listedKeys(), documentsNaming(v09WithPersons(), V09, QStringLiteral("p_KC2")));
}

TEST_F(PersonFilterWindow, Issue10ClearingThePersonRestoresTheUnfilteredTotal)
{
    ASSERT_TRUE(searchIndex(QStringLiteral("trade")));
    const int total = results()->total();
    ASSERT_GT(total, 3);
    ASSERT_TRUE(showFilters());
    offeredFor(QStringLiteral("Hodges"));
    ASSERT_TRUE(waitForAnswer([&] { QTest::keyClick(personEdit(), Qt::Key_Return); }));
    EXPECT_EQ(results()->total(), 3) << "Hodges is named in all three documents of v09, and nowhere else";
    EXPECT_EQ(listed(V09).size(), 3);
    ASSERT_TRUE(waitForAnswer([&] { personEdit()->clear(); }));
    EXPECT_EQ(results()->total(), total);
    EXPECT_EQ(results()->total(), independentTotal(QStringLiteral("trade")));
}

TEST_F(PersonFilterWindow, Issue10APersonTheGlossariesDoNotKnowGetsAPlainMessage)
{
    ASSERT_TRUE(searchIndex(QStringLiteral("trade")));
    ASSERT_TRUE(showFilters());
    EXPECT_TRUE(offeredFor(QStringLiteral("Zelaya")).isEmpty());
    ASSERT_TRUE(waitForAnswer([&] { QTest::keyClick(personEdit(), Qt::Key_Return); }));
    QString message = pane()->librarySummary()->text();
    EXPECT_EQ(message, QStringLiteral("No person of the library's glossaries is called “Zelaya”."));
    EXPECT_FALSE(pane()->libraryView()->isVisible());
    saveScreenshot(QStringLiteral("library-search-unknown-person"));

    // A part that several names hold asks for one of them.
    EXPECT_GE(offeredFor(QStringLiteral("an")).size(), 2);
    ASSERT_TRUE(waitForAnswer([&] { QTest::keyClick(personEdit(), Qt::Key_Return); }));
    message = pane()->librarySummary()->text();
    EXPECT_TRUE(message.contains(QStringLiteral("choose one from the list"))) << message.toStdString();

    // The id alone is a person; the list comes back.
    offeredFor(QStringLiteral("p_RD3"));
    ASSERT_TRUE(waitForAnswer([&] { QTest::keyClick(personEdit(), Qt::Key_Return); }));
    EXPECT_TRUE(pane()->libraryView()->isVisible());
    QStringList shown = listedKeys();
    shown.sort();
    EXPECT_EQ(shown, documentsNaming(v09WithPersons(), V09, QStringLiteral("p_RD3")));
}

} // namespace
} // namespace marginalia::test
