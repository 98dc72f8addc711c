// Issue 14: whose annotations the window shows in a team, and what hovering a highlight says of it.

#include "annotation/annotationtooltip.h"
#include "annotation/authorfilter.h"
#include "util/plaintext.h"

#include <QLocale>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

Annotation by(const QString &author)
{
    Annotation a;
    a.author = author;
    return a;
}

TEST(AuthorFilter, OutsideATeamEveryAnnotationIsTheUsersAndShown)
{
    const AuthorFilter filter; // no names: no team
    for (const QString &author : {QString(), QStringLiteral("dave"), QStringLiteral("acct:alice@hypothes.is")}) {
        EXPECT_TRUE(filter.accepts(by(author)));
        EXPECT_TRUE(filter.isMine(by(author))) << "an imported annotation stays editable alone";
    }
    EXPECT_TRUE(AuthorFilter::mine({}).accepts(by(QStringLiteral("anyone"))));
}

TEST(AuthorFilter, InATeamMineIsTheLocalNameAndTheRoleAndOneMemberIsOnlyTheirs)
{
    const QStringList me{QStringLiteral("dave"), QStringLiteral("bob")}; // written here as dave, synced as bob
    const AuthorFilter mine = AuthorFilter::mine(me);
    EXPECT_TRUE(mine.accepts(by(QStringLiteral("dave"))));
    EXPECT_TRUE(mine.accepts(by(QStringLiteral("bob"))));
    EXPECT_TRUE(mine.accepts(by(QString()))) << "written before annotations had names";
    EXPECT_FALSE(mine.accepts(by(QStringLiteral("alice"))));

    const AuthorFilter alice = AuthorFilter::of(QStringLiteral("alice"), me);
    EXPECT_TRUE(alice.accepts(by(QStringLiteral("alice"))));
    EXPECT_FALSE(alice.accepts(by(QStringLiteral("bob"))));
    EXPECT_FALSE(alice.accepts(by(QStringLiteral("Alice")))) << "role names are case-sensitive in PostgreSQL";
    EXPECT_FALSE(alice.isMine(by(QStringLiteral("alice"))));

    const AuthorFilter everyone = AuthorFilter::everyone(me);
    EXPECT_TRUE(everyone.accepts(by(QStringLiteral("alice"))));
    EXPECT_FALSE(everyone.isMine(by(QStringLiteral("alice")))) << "shown, but not the user's to change";
    EXPECT_TRUE(everyone.isMine(by(QStringLiteral("bob"))));
}

TEST(AnnotationTooltip, SaysWhoWroteItWhenWithTheNoteAndTags)
{
    Annotation a = by(QStringLiteral("alice"));
    a.modified = QDateTime(QDate(2026, 12, 2), QTime(14, 5), Qt::UTC);
    a.note = QStringLiteral("  Compare the Kennedy Round brief  ");
    a.tags = {QStringLiteral("GATT"), QStringLiteral("Kennedy Round")};
    const QString date = QLocale().toString(a.modified.toLocalTime(), QLocale::ShortFormat);
    EXPECT_EQ(annotationTooltip(a), QStringLiteral("Note by alice, %1\nCompare the Kennedy Round brief\n"
                                                   "Tags: GATT, Kennedy Round").arg(date));

    Annotation plain = by(QStringLiteral("bob"));
    EXPECT_EQ(annotationTooltip(plain), QStringLiteral("Highlight by bob"));
    plain.author.clear();
    EXPECT_EQ(annotationTooltip(plain), QString());

    Annotation longNote = by(QStringLiteral("carol"));
    longNote.note = QString(2000, u'x');
    const QStringList lines = annotationTooltip(longNote).split(u'\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_LT(lines[1].size(), 500);
    EXPECT_TRUE(lines[1].endsWith(QChar(0x2026)));
}

TEST(JoinedTooltips, KeepsEachPartAsPlainTextAndMarkupInertWhenJoined)
{
    EXPECT_EQ(joinedTooltips(QStringLiteral("Note by alice"), QString()), QStringLiteral("Note by alice"));
    EXPECT_EQ(joinedTooltips(QString(), QStringLiteral("Rusk")), QStringLiteral("Rusk"));
    EXPECT_EQ(joinedTooltips(QStringLiteral("Note by alice"), QStringLiteral("Dean Rusk")),
              QStringLiteral("Note by alice\n\nDean Rusk"));
    const QString hostile = plainTooltip(QStringLiteral("<img src=\"/tmp/x.fifo\"> & co"));
    const QString joined = joinedTooltips(plainTooltip(QStringLiteral("Note by alice")), hostile);
    EXPECT_TRUE(joined.contains(QLatin1String("&lt;img"))) << joined.toStdString();
    EXPECT_FALSE(joined.contains(QLatin1String("<img"))) << joined.toStdString();
    EXPECT_TRUE(joined.startsWith(QLatin1String("<p style=\"white-space:pre-wrap\">Note by alice</p><hr/>")))
        << joined.toStdString();
}

} // namespace
} // namespace marginalia
