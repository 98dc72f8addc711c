#include "annotationrows.h"

#include "database.h"
#include "nativestatement.h"
#include "statement.h"
#include "tagrows.h"
#include "util/translate.h"

#include <QCoreApplication>

namespace marginalia {

namespace {

// Whether the file has schema 4's interchange column: a file of versions 1 to 3 opened for reading is
// read as it is, without it.
bool hasInterchangeColumn(const Database &db)
{
    Result<QVariant> found = Statement::scalar(
        db, QStringLiteral("SELECT count(*) FROM pragma_table_info('annotations') WHERE name = 'interchange'"));
    return found && found->toInt() > 0;
}

// The columns readAnnotation() expects; tags come back in the order they were given, joined by U+001F.
QString selectAnnotations(bool withInterchange)
{
    return QStringLiteral(
               "SELECT a.id, a.document, a.footnote, a.exact, a.prefix, a.suffix, a.start, a.\"end\", a.color, a.note,"
               " a.author, a.created, a.modified,"
               " (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM annotation_tags x"
               "   JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id ORDER BY x.position)), ")
        + (withInterchange ? QStringLiteral("a.interchange") : QStringLiteral("''")) + QStringLiteral(" FROM annotations a ");
}

Annotation readAnnotation(const Statement &row)
{
    Annotation a;
    a.id = row.text(0);
    a.document = row.text(1);
    a.selector = TextSelector{row.text(2), row.text(3), row.text(4), row.text(5), row.integer(6), row.integer(7)};
    a.color = row.text(8);
    a.note = row.text(9);
    a.author = row.text(10);
    a.created = readStoredTime(row.text(11));
    a.modified = readStoredTime(row.text(12));
    const QString tags = row.text(13);
    if (!tags.isEmpty())
        a.tags = tags.split(QChar(0x1f));
    a.interchange = row.text(14);
    return a;
}

// Binds the columns of writeAnnotationRow()'s INSERT and UPDATE, which number them alike (?14 is the id).
void bindColumns(NativeStatement &write, const Annotation &a)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime created = a.created.isValid() ? a.created : now;
    const QDateTime modified = a.modified.isValid() ? a.modified : created;
    write.bind(1, a.document)
        .bindText(2, a.selector.footnote)
        .bind(3, a.selector.exact)
        .bind(4, a.selector.prefix)
        .bind(5, a.selector.suffix)
        .bind(6, qint64(a.selector.start))
        .bind(7, qint64(a.selector.end))
        .bind(8, a.color)
        .bind(9, a.note)
        .bind(10, a.author)
        .bind(11, storedTime(created))
        .bind(12, storedTime(modified))
        .bindText(13, a.interchange)
        .bind(14, a.id);
}

} // namespace

QString storedTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // Written here for the years 1970 to 9999, as Qt writes them: Qt's ISO writer goes through the
    // calendar and the locale's digits, and a first sync of 100,000 annotations writes 200,000 times.
    constexpr qint64 DayMs = 86400000;
    constexpr qint64 Year10000Ms = 253402300800000;
    const qint64 ms = time.toMSecsSinceEpoch();
    if (ms < 0 || ms >= Year10000Ms)
        return time.toUTC().toString(Qt::ISODateWithMs);
    // Days to a civil date (Howard Hinnant's days_from_civil, inverted), for days since 1970-01-01.
    const qint64 z = ms / DayMs + 719468;
    const qint64 era = z / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    const qint64 month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    const qint64 ofDay = ms % DayMs;
    char16_t text[24] = {};
    auto put = [&text](int at, qint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, year, 4);
    text[4] = u'-';
    put(5, month, 2);
    text[7] = u'-';
    put(8, day, 2);
    text[10] = u'T';
    put(11, ofDay / 3600000, 2);
    text[13] = u':';
    put(14, ofDay / 60000 % 60, 2);
    text[16] = u':';
    put(17, ofDay / 1000 % 60, 2);
    text[19] = u'.';
    put(20, ofDay % 1000, 3);
    text[23] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

QDateTime readStoredTime(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

Result<std::vector<Annotation>> queryAnnotations(const Database &db, const QString &tail,
                                                 const QVariantList &values)
{
    Statement query(db, selectAnnotations(hasInterchangeColumn(db)) + tail);
    for (const QVariant &value : values)
        query.bind(value);
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<Annotation> found;
    while (query.next())
        found.push_back(readAnnotation(query));
    return found;
}

void SearchRows::add(qint64 rowid, bool replace, const Annotation &a, const QStringList &tags)
{
    m_rows.push_back(Row{rowid, replace, a.note, a.selector.exact, tags.join(QLatin1Char(' '))});
}

Result<void> SearchRows::write(const Database &db)
{
    {
        NativeStatement unindex(db, "DELETE FROM annotations_fts WHERE rowid = ?1");
        for (const Row &row : m_rows) {
            if (!row.replace)
                continue;
            if (auto done = unindex.bind(1, row.rowid).run(); !done)
                return done;
        }
    }
    NativeStatement insert(db, "INSERT INTO annotations_fts(rowid, note, exact, tags) VALUES (?1, ?2, ?3, ?4)");
    for (const Row &row : m_rows) {
        if (auto done = insert.bind(1, row.rowid).bind(2, row.note).bind(3, row.exact).bind(4, row.tags).run(); !done)
            return done;
    }
    m_rows.clear();
    return {};
}

Result<void> writeAnnotationRow(const Database &db, const Annotation &a, bool replace, SearchRows *later)
{
    NativeStatement write(db, replace ? "UPDATE annotations SET document = ?1, footnote = ?2, exact = ?3, prefix = ?4,"
                                        " suffix = ?5, start = ?6, \"end\" = ?7, color = ?8, note = ?9, author = ?10,"
                                        " created = ?11, modified = ?12, interchange = ?13 WHERE id = ?14"
                                      : "INSERT INTO annotations (document, footnote, exact, prefix, suffix, start,"
                                        " \"end\", color, note, author, created, modified, interchange, id)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    bindColumns(write, a);
    if (auto done = write.run(); !done)
        return done;
    if (replace && write.changes() == 0)
        return fail(db.path(), 0, 0, Tr::tr("there is no annotation %1 to update").arg(a.id));
    qint64 rowid = write.lastInsertRowid();
    if (replace) {
        NativeStatement find(db, "SELECT rowid FROM annotations WHERE id = ?1");
        Result<bool> found = find.bind(1, a.id).next();
        if (!found)
            return fail(found.error());
        rowid = *found ? find.integer(0) : 0;
    }
    // A new annotation has no tag rows yet (they cascade away with the annotation they belong to).
    QStringList tags;
    if (replace || !a.tags.isEmpty()) {
        Result<QStringList> stored = setAnnotationTags(db, a.id, a.tags);
        if (!stored)
            return fail(stored.error());
        tags = std::move(*stored);
    }
    // Its search row (same rowid) follows its note, quote and tags: with the batch's, or now, replacing
    // whatever row of that rowid the index holds.
    if (later) {
        later->add(rowid, replace, a, tags);
        return {};
    }
    SearchRows now;
    now.add(rowid, true, a, tags);
    return now.write(db);
}

Result<bool> eraseAnnotationRow(const Database &db, const QString &id)
{
    // annotations_fts has no foreign key to cascade along; its row goes first, by the shared rowid.
    NativeStatement unindex(db, "DELETE FROM annotations_fts WHERE rowid = (SELECT rowid FROM annotations WHERE id = ?1)");
    if (auto done = unindex.bind(1, id).run(); !done)
        return fail(done.error());
    NativeStatement erase(db, "DELETE FROM annotations WHERE id = ?1");
    if (auto done = erase.bind(1, id).run(); !done)
        return fail(done.error());
    return erase.changes() > 0;
}

} // namespace marginalia
