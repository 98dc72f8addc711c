#include "annotationrows.h"

#include "database.h"
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

QVariantList columnValues(const Annotation &a)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime created = a.created.isValid() ? a.created : now;
    const QDateTime modified = a.modified.isValid() ? a.modified : created;
    return {a.document, Statement::notNull(a.selector.footnote), a.selector.exact, a.selector.prefix, a.selector.suffix,
            a.selector.start, a.selector.end, a.color, a.note, a.author, storedTime(created), storedTime(modified),
            Statement::notNull(a.interchange), a.id};
}

} // namespace

QString storedTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
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
    for (const Row &row : m_rows) {
        if (!row.replace)
            continue;
        if (auto done = Statement::run(db, QStringLiteral("DELETE FROM annotations_fts WHERE rowid = ?"), {row.rowid});
            !done)
            return done;
    }
    Statement insert(db, QStringLiteral("INSERT INTO annotations_fts(rowid, note, exact, tags) VALUES (?, ?, ?, ?)"));
    for (const Row &row : m_rows) {
        if (auto done = insert.exec({row.rowid, row.note, row.exact, row.tags}); !done)
            return done;
    }
    m_rows.clear();
    return {};
}

Result<void> writeAnnotationRow(const Database &db, const Annotation &a, bool replace, SearchRows *later)
{
    const QString sql = replace
        ? QStringLiteral("UPDATE annotations SET document = ?, footnote = ?, exact = ?, prefix = ?, suffix = ?,"
                         " start = ?, \"end\" = ?, color = ?, note = ?, author = ?, created = ?, modified = ?,"
                         " interchange = ? WHERE id = ?")
        : QStringLiteral("INSERT INTO annotations (document, footnote, exact, prefix, suffix, start, \"end\", color,"
                         " note, author, created, modified, interchange, id)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement write(db, sql);
    for (const QVariant &value : columnValues(a))
        write.bind(value);
    if (auto done = write.exec(); !done)
        return done;
    if (replace && write.rowsAffected() == 0)
        return fail(db.path(), 0, 0, Tr::tr("there is no annotation %1 to update").arg(a.id));
    Result<QVariant> rowid = Statement::scalar(db, QStringLiteral("SELECT rowid FROM annotations WHERE id = ?"),
                                               {a.id});
    if (!rowid)
        return fail(rowid.error());
    Result<QStringList> tags = setAnnotationTags(db, a.id, a.tags);
    if (!tags)
        return fail(tags.error());
    // Its search row (same rowid) follows its note, quote and tags: with the batch's, or now, replacing
    // whatever row of that rowid the index holds.
    if (later) {
        later->add(rowid->toLongLong(), replace, a, *tags);
        return {};
    }
    SearchRows now;
    now.add(rowid->toLongLong(), true, a, *tags);
    return now.write(db);
}

Result<bool> eraseAnnotationRow(const Database &db, const QString &id)
{
    // annotations_fts has no foreign key to cascade along; its row goes first, by the shared rowid.
    if (auto unindexed = Statement::run(db, QStringLiteral("DELETE FROM annotations_fts WHERE rowid ="
                                                           " (SELECT rowid FROM annotations WHERE id = ?)"),
                                        {id});
        !unindexed)
        return fail(unindexed.error());
    Statement erase(db, QStringLiteral("DELETE FROM annotations WHERE id = ?"));
    erase.bind(id);
    if (auto erased = erase.exec(); !erased)
        return fail(erased.error());
    return erase.rowsAffected() > 0;
}

} // namespace marginalia
