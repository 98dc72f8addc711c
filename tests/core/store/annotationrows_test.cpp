// The rows of an annotation in the annotation database (store/annotationrows.h).

#include "store/annotationrows.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

QString qtStoredTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

TEST(StoredTime, WritesWhatQtsIsoWriterWritesForAnyInstant)
{
    // storedTime() writes the years 1970 to 9999 itself; every other instant goes to Qt.
    QList<qint64> instants = {0, 1, 999, 86399999, 86400000, 951782400000 /* 2000-02-29 */, 4107542399999,
                              253402300799999 /* 9999-12-31T23:59:59.999 */, 253402300800000, -1, -86400001,
                              -62135596800000 /* year 1 */};
    QRandomGenerator random(14);
    for (int i = 0; i < 20000; ++i)
        instants << qint64(random.bounded(quint64(253402300800000)));
    for (int i = 0; i < 200; ++i)
        instants << -qint64(random.bounded(quint64(62135596800000)));
    for (const qint64 ms : instants) {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        ASSERT_EQ(storedTime(utc), qtStoredTime(utc)) << ms;
    }
    // Whatever the time's zone, the same instant is written in UTC.
    const QDateTime berlin = QDateTime(QDate(2026, 12, 2), QTime(15, 5, 0, 123), QTimeZone("Europe/Berlin"));
    EXPECT_EQ(storedTime(berlin), QStringLiteral("2026-12-02T14:05:00.123Z"));
    EXPECT_EQ(storedTime(berlin.toOffsetFromUtc(-5 * 3600)), QStringLiteral("2026-12-02T14:05:00.123Z"));
    EXPECT_EQ(storedTime(QDateTime()), QString());
    EXPECT_TRUE(storedTime(QDateTime()).isNull());
}

TEST(StoredTime, ReadsBackToTheSameMillisecond)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(1764684359999, Qt::UTC);
    EXPECT_EQ(readStoredTime(storedTime(time)), time);
}

} // namespace
} // namespace marginalia
