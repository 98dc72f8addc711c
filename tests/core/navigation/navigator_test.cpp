#include "navigation/history.h"
#include "navigation/navigator.h"

#include "library/openlibrary.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <ostream>

namespace marginalia {

// So that a failed comparison says which position or focus it got.
void PrintTo(const ReaderPosition &p, std::ostream *os)
{
    *os << "{volume " << p.volume << ", document " << p.document << ", offset " << p.readingOffset << '}';
}

void PrintTo(const Focus &f, std::ostream *os)
{
    *os << "{kind " << int(f.kind) << ", index " << f.index << '}';
}

namespace {

ReaderPosition at(int document, int offset = 0)
{
    return ReaderPosition{0, document, offset};
}

TEST(History, StartsEmptyWithNowhereToGo)
{
    History history;
    EXPECT_FALSE(history.current().valid());
    EXPECT_FALSE(history.canGoBack());
    EXPECT_FALSE(history.canGoForward());
    EXPECT_FALSE(history.back().valid());
    EXPECT_FALSE(history.forward().valid());
}

TEST(History, BackAndForwardWalkTheVisitedPositions)
{
    History history;
    history.visit(at(1));
    history.visit(at(2));
    history.visit(at(3));
    EXPECT_TRUE(history.canGoBack());
    EXPECT_FALSE(history.canGoForward());
    EXPECT_EQ(history.back(), at(2));
    EXPECT_EQ(history.back(), at(1));
    EXPECT_FALSE(history.canGoBack());
    EXPECT_EQ(history.back(), at(1)); // unchanged at the start
    EXPECT_EQ(history.forward(), at(2));
    EXPECT_EQ(history.forward(), at(3));
    EXPECT_EQ(history.forward(), at(3));
}

TEST(History, VisitingAfterGoingBackDropsTheForwardList)
{
    History history;
    history.visit(at(1));
    history.visit(at(2));
    history.visit(at(3));
    history.back();
    history.back();
    history.visit(at(7));
    EXPECT_FALSE(history.canGoForward());
    EXPECT_EQ(history.size(), 2);
    EXPECT_EQ(history.back(), at(1));
    EXPECT_EQ(history.forward(), at(7));
}

TEST(History, TheCurrentPositionIsNotAddedTwiceButAnotherPlaceInTheSameDocumentIs)
{
    History history;
    history.visit(at(1, 10));
    history.visit(at(1, 10));
    EXPECT_EQ(history.size(), 1);
    history.visit(at(1, 500));
    EXPECT_EQ(history.size(), 2);
    EXPECT_EQ(history.back(), at(1, 10));
}

TEST(History, UpdateCurrentMovesThePositionWithoutAddingAStep)
{
    History history;
    history.visit(at(1));
    history.visit(at(2));
    history.updateCurrent(at(2, 321));
    EXPECT_EQ(history.size(), 2);
    EXPECT_EQ(history.current(), at(2, 321));
    history.back();
    EXPECT_EQ(history.forward(), at(2, 321));
}

TEST(History, KeepsTheLatest500Steps)
{
    History history;
    for (int i = 0; i < 620; ++i)
        history.visit(at(i));
    EXPECT_EQ(history.size(), 500);
    EXPECT_EQ(history.current(), at(619));
    ReaderPosition oldest;
    while (history.canGoBack())
        oldest = history.back();
    EXPECT_EQ(oldest, at(120));
}

// The TEI extract (volume 0: d316, d317, d318) and the text copy of d317 (volume 1), as the app opens them.
class NavigatorTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const char *name : {"frus1961-63v09-d316-d318.xml", "frus1961-63v09-d317.txt"}) {
            Result<Volume> volume = loadVolume(test::dataPath(QString::fromUtf8(name)));
            ASSERT_TRUE(volume) << qPrintable(volume.error().toString());
            m_library.add(std::make_shared<const Volume>(std::move(*volume)));
        }
        ASSERT_EQ(m_library.library().size(), 2);
        ASSERT_EQ(m_library.library().volume(tei).documents.size(), 3u);
    }

    int documentIndex(const QString &id) const { return m_library.library().volume(tei).documentIndex(id); }

    // The position and focus of the last currentChanged.
    static std::pair<ReaderPosition, Focus> lastChange(const QSignalSpy &spy)
    {
        const QList<QVariant> args = spy.last();
        return {args.at(0).value<ReaderPosition>(), args.at(1).value<Focus>()};
    }

    static constexpr int tei = 0;
    static constexpr int textCopy = 1;
    OpenLibrary m_library;
    Navigator m_navigator{&m_library};
    QSignalSpy m_changed{&m_navigator, &Navigator::currentChanged};
    QSignalSpy m_history{&m_navigator, &Navigator::historyChanged};
    QSignalSpy m_unresolved{&m_navigator, &Navigator::unresolved};
    QSignalSpy m_notOpen{&m_navigator, &Navigator::volumeNotOpen};
    QSignalSpy m_external{&m_navigator, &Navigator::externalLinkRequested};
};

TEST_F(NavigatorTest, OpeningADocumentMakesItCurrentAndTellsThePanes)
{
    m_navigator.openDocument(textCopy, 0);
    ASSERT_EQ(m_changed.size(), 1);
    EXPECT_EQ(lastChange(m_changed).first, (ReaderPosition{textCopy, 0, 0}));
    EXPECT_EQ(lastChange(m_changed).second, Focus{});
    EXPECT_EQ(m_navigator.current(), (ReaderPosition{textCopy, 0, 0}));
    EXPECT_FALSE(m_navigator.canGoBack());
    ASSERT_GE(m_history.size(), 1);

    m_navigator.openDocument(tei, 7); // no such document: nothing happens
    m_navigator.openDocument(5, 0);
    EXPECT_EQ(m_changed.size(), 1);
}

TEST_F(NavigatorTest, DocumentLinkInTheTextCopyOpensTheTeiDocumentAndBackReturnsToTheSavedOffset)
{
    m_navigator.openDocument(textCopy, 0);
    const Document &letter = m_library.library().volume(textCopy).documents.front();
    ASSERT_FALSE(letter.crossReferences.empty());
    ASSERT_EQ(letter.crossReferences[0].label, QStringLiteral("Document 316"));
    m_navigator.setReadingOffset(1234);

    m_navigator.followReference(0);
    ASSERT_EQ(m_changed.size(), 2);
    EXPECT_EQ(lastChange(m_changed).first, (ReaderPosition{tei, documentIndex(QStringLiteral("d316")), 0}));
    EXPECT_EQ(lastChange(m_changed).second, Focus{});
    EXPECT_TRUE(m_navigator.canGoBack());
    EXPECT_EQ(m_history.last(), (QList<QVariant>{true, false}));

    m_navigator.back();
    ASSERT_EQ(m_changed.size(), 3);
    EXPECT_EQ(lastChange(m_changed).first, (ReaderPosition{textCopy, 0, 1234}));
    EXPECT_EQ(lastChange(m_changed).second, (Focus{Focus::Offset, 1234}));
    EXPECT_EQ(m_history.last(), (QList<QVariant>{false, true}));

    m_navigator.forward();
    EXPECT_EQ(lastChange(m_changed).first, (ReaderPosition{tei, documentIndex(QStringLiteral("d316")), 0}));
    EXPECT_EQ(m_history.last(), (QList<QVariant>{true, false}));
    EXPECT_TRUE(m_unresolved.isEmpty());
}

TEST_F(NavigatorTest, PageBetweenDocumentsOpensTheDocumentThatStartsOnIt)
{
    m_navigator.openDocument(tei, documentIndex(QStringLiteral("d316")));
    m_navigator.followTarget(QStringLiteral("#pg_703"));
    ASSERT_EQ(m_changed.size(), 2);
    EXPECT_EQ(lastChange(m_changed).first.document, documentIndex(QStringLiteral("d317")));
    EXPECT_EQ(lastChange(m_changed).second, Focus{});
}

TEST_F(NavigatorTest, PageInsideADocumentScrollsToItsBreak)
{
    const int d317 = documentIndex(QStringLiteral("d317"));
    m_navigator.openDocument(tei, documentIndex(QStringLiteral("d316")));
    m_navigator.followTarget(QStringLiteral("#pg_704"));
    ASSERT_EQ(m_changed.size(), 2);
    EXPECT_EQ(lastChange(m_changed).first.document, d317);
    const Focus focus = lastChange(m_changed).second;
    ASSERT_EQ(focus.kind, Focus::PageBreak);
    EXPECT_EQ(m_library.library().volume(tei).documents[std::size_t(d317)].pageBreaks.at(std::size_t(focus.index)).n,
              QStringLiteral("704"));
}

TEST_F(NavigatorTest, FootnoteTargetOpensTheDocumentAtThatNote)
{
    m_navigator.openDocument(tei, documentIndex(QStringLiteral("d316")));
    // d318fn1 cites "#d318fn3" (meant d317fn3, see the corpus README); it is followed literally.
    m_navigator.followTarget(QStringLiteral("#d318fn3"));
    ASSERT_EQ(m_changed.size(), 2);
    EXPECT_EQ(lastChange(m_changed).first.document, documentIndex(QStringLiteral("d318")));
    EXPECT_EQ(lastChange(m_changed).second, (Focus{Focus::Footnote, 3}));
    EXPECT_EQ(m_library.library().volume(tei).documents[2].footnotes[3].id, QStringLiteral("d318fn3"));
}

TEST_F(NavigatorTest, ReferenceToAVolumeThatIsNotOpenSaysSo)
{
    m_navigator.openDocument(tei, documentIndex(QStringLiteral("d316")));
    m_navigator.followTarget(QStringLiteral("frus1961-63v13#pg_242"));
    ASSERT_EQ(m_notOpen.size(), 1);
    EXPECT_EQ(m_notOpen.last().at(0).toString(), QStringLiteral("frus1961-63v13"));
    EXPECT_EQ(m_notOpen.last().at(1).toString(), QStringLiteral("frus1961-63v13#pg_242"));
    EXPECT_EQ(m_changed.size(), 1);
    EXPECT_FALSE(m_navigator.canGoBack());
}

TEST_F(NavigatorTest, OnlyWebAddressesLeaveTheLibrary)
{
    m_navigator.openDocument(tei, 0);
    m_navigator.followTarget(QStringLiteral("https://history.state.gov/"));
    ASSERT_EQ(m_external.size(), 1);
    EXPECT_EQ(m_external.last().at(0).toUrl(), QUrl(QStringLiteral("https://history.state.gov/")));

    for (const char *target : {"file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>", "http:nohost"})
        m_navigator.followTarget(QString::fromUtf8(target));
    EXPECT_EQ(m_external.size(), 1);
    ASSERT_EQ(m_unresolved.size(), 4);
    EXPECT_EQ(m_unresolved.at(0).at(1).toString(), QStringLiteral("file:///etc/passwd"));
    EXPECT_EQ(m_changed.size(), 1);
}

TEST_F(NavigatorTest, LinkToAWholeOpenVolumeOpensItsFirstDocument)
{
    m_navigator.openDocument(textCopy, 0);
    m_navigator.followTarget(QStringLiteral("frus1961-63v09"));
    ASSERT_EQ(m_changed.size(), 2);
    EXPECT_EQ(lastChange(m_changed).first, (ReaderPosition{tei, 0, 0}));
    m_navigator.followTarget(QStringLiteral("frus1961-63v13")); // a bare id of a volume not open
    ASSERT_EQ(m_notOpen.size(), 1);
    EXPECT_EQ(m_notOpen.last().at(0).toString(), QStringLiteral("frus1961-63v13"));
}

TEST_F(NavigatorTest, IdOutsideAnyDocumentIsUnresolved)
{
    m_navigator.openDocument(tei, 0);
    m_navigator.followTarget(QStringLiteral("#ch6")); // the chapter holds documents but is not in one
    ASSERT_EQ(m_unresolved.size(), 1);
    EXPECT_EQ(m_changed.size(), 1);
}

TEST_F(NavigatorTest, UnknownIdIsUnresolved)
{
    m_navigator.openDocument(tei, 0);
    m_navigator.followTarget(QStringLiteral("#d312")); // cited in d316, but not in the extract
    ASSERT_EQ(m_unresolved.size(), 1);
    EXPECT_EQ(m_unresolved.last().at(1).toString(), QStringLiteral("#d312"));
    EXPECT_EQ(m_changed.size(), 1);
}

TEST_F(NavigatorTest, EveryReferenceOfTheExtractLeadsSomewhereOrSaysWhyNot)
{
    // Each followed reference gives exactly one answer: a document, a volume to open, or unresolved.
    const Document &d316 = m_library.library().volume(tei).documents[0];
    for (int i = 0; i < int(d316.crossReferences.size()); ++i) {
        m_navigator.openDocument(tei, 0);
        const qsizetype before = m_changed.size() + m_unresolved.size() + m_notOpen.size() + m_external.size();
        m_navigator.followReference(i);
        const qsizetype after = m_changed.size() + m_unresolved.size() + m_notOpen.size() + m_external.size();
        EXPECT_EQ(after - before, 1) << "reference " << i;
    }
}

TEST_F(NavigatorTest, NextAndPreviousDocumentWalkLibraryOrderAcrossVolumes)
{
    m_navigator.openDocument(tei, 0);
    std::vector<ReaderPosition> visited{m_navigator.current()};
    for (int i = 0; i < 5; ++i) {
        m_navigator.nextDocument();
        visited.push_back(m_navigator.current());
    }
    const std::vector<ReaderPosition> expected{{tei, 0, 0}, {tei, 1, 0}, {tei, 2, 0}, {textCopy, 0, 0},
                                               {textCopy, 0, 0}, {textCopy, 0, 0}};
    EXPECT_EQ(visited, expected);
    EXPECT_EQ(m_changed.size(), 4); // nothing after the last document

    m_navigator.previousDocument();
    EXPECT_EQ(m_navigator.current(), (ReaderPosition{tei, 2, 0}));
    m_navigator.previousDocument();
    m_navigator.previousDocument();
    m_navigator.previousDocument();
    EXPECT_EQ(m_navigator.current(), (ReaderPosition{tei, 0, 0}));
    EXPECT_EQ(m_changed.size(), 7);
}

TEST_F(NavigatorTest, PositionAndFocusCrossAQueuedConnection)
{
    ReaderPosition received;
    Focus receivedFocus;
    QObject receiver;
    QObject::connect(&m_navigator, &Navigator::currentChanged, &receiver,
                     [&](const ReaderPosition &p, const Focus &f) {
                         received = p;
                         receivedFocus = f;
                     },
                     Qt::QueuedConnection);
    m_navigator.openDocument(tei, 2, Focus{Focus::Footnote, 1});
    EXPECT_FALSE(received.valid());
    QCoreApplication::processEvents();
    EXPECT_EQ(received, (ReaderPosition{tei, 2, 0}));
    EXPECT_EQ(receivedFocus, (Focus{Focus::Footnote, 1}));
}

} // namespace
} // namespace marginalia
