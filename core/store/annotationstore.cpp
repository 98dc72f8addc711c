#include "annotationstore.h"

#include "util/translate.h"

#include "database.h"
#include "ftsquery.h"
#include "statement.h"
#include "tagrows.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace marginalia {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

// Whether the file has schema 3's interchange column: a version 1 or 2 file opened for reading is read as
// it is, without it.
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
    a.created = parseTime(row.text(11));
    a.modified = parseTime(row.text(12));
    const QString tags = row.text(13);
    if (!tags.isEmpty())
        a.tags = tags.split(QChar(0x1f));
    a.interchange = row.text(14);
    return a;
}

Result<std::vector<Annotation>> queryAnnotations(const Database &db, const QString &tail,
                                                 const QVariantList &values = {})
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

Result<void> checkAnnotation(const QString &path, const Annotation &a)
{
    if (a.id.trimmed().isEmpty())
        return fail(path, 0, 0, Tr::tr("cannot save an annotation without an id"));
    if (a.document.trimmed().isEmpty())
        return fail(path, 0, 0, Tr::tr("cannot save annotation %1: it names no document").arg(a.id));
    return {};
}

// Keeps the annotation's row in annotations_fts (same rowid) in step with its note, quote and tags.
Result<void> writeSearchRow(const Database &db, qint64 rowid, const Annotation &a, const QStringList &tags)
{
    if (auto done = Statement::run(db, QStringLiteral("DELETE FROM annotations_fts WHERE rowid = ?"),
                                   {rowid});
        !done)
        return done;
    return Statement::run(db,
                          QStringLiteral("INSERT INTO annotations_fts(rowid, note, exact, tags) VALUES (?, ?, ?, ?)"),
                          {rowid, a.note, a.selector.exact, tags.join(QLatin1Char(' '))});
}

QVariantList columnValues(const Annotation &a)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime created = a.created.isValid() ? a.created : now;
    const QDateTime modified = a.modified.isValid() ? a.modified : created;
    return {a.document, Statement::notNull(a.selector.footnote), a.selector.exact, a.selector.prefix, a.selector.suffix,
            a.selector.start, a.selector.end, a.color, a.note, a.author, isoTime(created), isoTime(modified),
            Statement::notNull(a.interchange), a.id};
}

// Writes the row, its tags and its search row; `replace` updates an existing row instead of adding one.
Result<void> writeAnnotation(const Database &db, const Annotation &a, bool replace)
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
    return writeSearchRow(db, rowid->toLongLong(), a, *tags);
}

Result<void> addOne(const Database &db, const Annotation &a)
{
    Result<QVariant> existing = Statement::scalar(db, QStringLiteral("SELECT 1 FROM annotations WHERE id = ?"),
                                                  {a.id});
    if (!existing)
        return fail(existing.error());
    if (existing->isValid())
        return fail(db.path(), 0, 0, Tr::tr("an annotation with id %1 is already there").arg(a.id));
    return writeAnnotation(db, a, false);
}

} // namespace

AnnotationStore::AnnotationStore(Database &db) : m_db(db) {}

Result<void> AnnotationStore::add(const Annotation &annotation)
{
    if (auto ok = checkAnnotation(m_db.path(), annotation); !ok)
        return ok;
    return m_db.transaction([&] { return addOne(m_db, annotation); });
}

Result<void> AnnotationStore::update(const Annotation &annotation)
{
    if (auto ok = checkAnnotation(m_db.path(), annotation); !ok)
        return ok;
    return m_db.transaction([&] { return writeAnnotation(m_db, annotation, true); });
}

Result<bool> AnnotationStore::remove(const QString &id)
{
    bool removed = false;
    auto done = m_db.transaction([&]() -> Result<void> {
        // annotations_fts has no foreign key to cascade along; its row goes first, by the shared rowid.
        auto unindexed = Statement::run(m_db, QStringLiteral("DELETE FROM annotations_fts WHERE rowid ="
                                                                     " (SELECT rowid FROM annotations WHERE id = ?)"),
                                        {id});
        if (!unindexed)
            return unindexed;
        Statement erase(m_db, QStringLiteral("DELETE FROM annotations WHERE id = ?"));
        erase.bind(id);
        if (auto erased = erase.exec(); !erased)
            return erased;
        removed = erase.rowsAffected() > 0;
        return {};
    });
    if (!done)
        return fail(done.error());
    return removed;
}

Result<std::optional<Annotation>> AnnotationStore::find(const QString &id) const
{
    auto found = queryAnnotations(m_db, QStringLiteral("WHERE a.id = ?"), {id});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return std::optional<Annotation>();
    return std::optional<Annotation>(std::move(found->front()));
}

Result<std::vector<Annotation>> AnnotationStore::forDocument(const QString &documentKey) const
{
    return queryAnnotations(m_db,
                            QStringLiteral("WHERE a.document = ? ORDER BY a.start, a.\"end\", a.created"), {documentKey});
}

Result<std::vector<Annotation>> AnnotationStore::withTag(const QString &tag) const
{
    return queryAnnotations(m_db,
                            QStringLiteral("WHERE a.id IN (SELECT x.annotation_id FROM annotation_tags x"
                                           " JOIN tags t ON t.id = x.tag_id WHERE t.folded = ?)"
                                           " ORDER BY a.document, a.start, a.\"end\""),
                            {foldTagName(tag)});
}

Result<std::vector<Annotation>> AnnotationStore::all() const
{
    return queryAnnotations(m_db,
                            QStringLiteral("ORDER BY a.document, a.start, a.\"end\""));
}

Result<int> AnnotationStore::merge(const std::vector<Annotation> &annotations)
{
    for (const Annotation &a : annotations) {
        if (auto ok = checkAnnotation(m_db.path(), a); !ok)
            return fail(ok.error());
    }
    int changed = 0;
    auto done = m_db.transaction([&]() -> Result<void> {
        for (const Annotation &a : annotations) {
            Result<QVariant> modified = Statement::scalar(
                m_db, QStringLiteral("SELECT modified FROM annotations WHERE id = ?"), {a.id});
            if (!modified)
                return fail(modified.error());
            const bool exists = modified->isValid();
            // Newer wins; an import without a modification time never replaces what is here.
            if (exists && !(a.modified.isValid() && a.modified > parseTime(modified->toString())))
                continue;
            if (auto written = writeAnnotation(m_db, a, exists); !written)
                return written;
            ++changed;
        }
        return {};
    });
    if (!done)
        return fail(done.error());
    return changed;
}

Result<std::vector<Tag>> AnnotationStore::tags() const
{
    return listTags(m_db);
}

Result<void> AnnotationStore::setTagColor(const QString &name, const QString &color)
{
    static const QRegularExpression rgb(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!rgb.match(color).hasMatch())
        return fail(m_db.path(), 0, 0, Tr::tr("%1 is not a colour; write it as #RRGGBB").arg(color));
    return m_db.transaction([&]() -> Result<void> {
        Result<qint64> id = tagId(m_db, name, color);
        if (!id)
            return fail(id.error());
        return Statement::run(m_db, QStringLiteral("UPDATE tags SET color = ? WHERE id = ?"), {color, *id});
    });
}

Result<QString> AnnotationStore::tagColor(const QString &name) const
{
    Result<QVariant> color = Statement::scalar(m_db,
                                               QStringLiteral("SELECT color FROM tags WHERE folded = ?"),
                                               {foldTagName(name)});
    if (!color)
        return fail(color.error());
    return color->toString();
}

} // namespace marginalia
