#include "annotationstore.h"

#include "util/translate.h"

#include "database.h"
#include "ftsquery.h"
#include "annotationrows.h"
#include "statement.h"
#include "tagrows.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace marginalia {

namespace {

Result<void> checkAnnotation(const QString &path, const Annotation &a)
{
    if (a.id.trimmed().isEmpty())
        return fail(path, 0, 0, Tr::tr("cannot save an annotation without an id"));
    if (a.document.trimmed().isEmpty())
        return fail(path, 0, 0, Tr::tr("cannot save annotation %1: it names no document").arg(a.id));
    return {};
}

Result<void> addOne(const Database &db, const Annotation &a)
{
    Result<QVariant> existing = Statement::scalar(db, QStringLiteral("SELECT 1 FROM annotations WHERE id = ?"),
                                                  {a.id});
    if (!existing)
        return fail(existing.error());
    if (existing->isValid())
        return fail(db.path(), 0, 0, Tr::tr("an annotation with id %1 is already there").arg(a.id));
    return writeAnnotationRow(db, a, false);
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
    return m_db.transaction([&] { return writeAnnotationRow(m_db, annotation, true); });
}

Result<bool> AnnotationStore::remove(const QString &id)
{
    bool removed = false;
    auto done = m_db.transaction([&]() -> Result<void> {
        Result<bool> erased = eraseAnnotationRow(m_db, id);
        if (!erased)
            return fail(erased.error());
        removed = *erased;
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
        SearchRows searchRows;
        for (const Annotation &a : annotations) {
            Result<QVariant> modified = Statement::scalar(
                m_db, QStringLiteral("SELECT modified FROM annotations WHERE id = ?"), {a.id});
            if (!modified)
                return fail(modified.error());
            const bool exists = modified->isValid();
            // Newer wins; an import without a modification time never replaces what is here.
            if (exists && !(a.modified.isValid() && a.modified > readStoredTime(modified->toString())))
                continue;
            if (auto written = writeAnnotationRow(m_db, a, exists, &searchRows); !written)
                return written;
            ++changed;
        }
        return searchRows.write(m_db);
    });
    if (!done)
        return fail(done.error());
    return changed;
}

Result<QStringList> AnnotationStore::authors() const
{
    Statement query(m_db, QStringLiteral("SELECT DISTINCT author FROM annotations"
                                         " WHERE author IS NOT NULL AND author <> '' ORDER BY author"));
    if (auto done = query.exec(); !done)
        return fail(done.error());
    QStringList names;
    while (query.next())
        names << query.text(0);
    return names;
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
