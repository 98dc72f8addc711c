#include "tagrows.h"

#include "database.h"
#include "util/translate.h"

#include <QCoreApplication>

#include <array>

namespace marginalia {

namespace {

// Light highlighter colours, distinct from each other and readable under black text.
constexpr std::array<const char *, 12> Palette = {
    "#F6D55C", "#9BD39B", "#8EC5F0", "#F4A6AC", "#C9B2E8", "#F8B878",
    "#7ED3C8", "#DDBB94", "#B5D66C", "#EBA1C6", "#A9B4F2", "#C8C8C8",
};

Result<QString> nextPaletteColor(const Database &db)
{
    Result<QVariant> count = Statement::scalar(db, QStringLiteral("SELECT count(*) FROM tags"));
    if (!count)
        return fail(count.error());
    return QString::fromLatin1(Palette.at(std::size_t(count->toLongLong()) % Palette.size()));
}

} // namespace

QString foldTagName(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

Result<qint64> tagId(const Database &db, const QString &name, const QString &color)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(db.path(), 0, 0, Tr::tr("a tag needs a name"));
    Result<QVariant> id = Statement::scalar(db, QStringLiteral("SELECT id FROM tags WHERE folded = ?"),
                                            {foldTagName(trimmed)});
    if (!id)
        return fail(id.error());
    if (id->isValid())
        return id->toLongLong();
    Result<QString> newColor = color.isEmpty() ? nextPaletteColor(db) : Result<QString>(color);
    if (!newColor)
        return fail(newColor.error());
    Statement insert(db, QStringLiteral("INSERT INTO tags (name, folded, color) VALUES (?, ?, ?)"));
    insert.bind(trimmed).bind(foldTagName(trimmed)).bind(*newColor);
    if (auto done = insert.exec(); !done)
        return fail(done.error());
    return insert.lastInsertId();
}

Result<QStringList> setAnnotationTags(const Database &db, const QString &annotationId, const QStringList &tags)
{
    if (auto cleared = Statement::run(db, QStringLiteral("DELETE FROM annotation_tags WHERE annotation_id = ?"),
                                      {annotationId});
        !cleared)
        return fail(cleared.error());
    QStringList stored;
    QList<qint64> ids;
    for (const QString &tag : tags) {
        if (tag.trimmed().isEmpty())
            continue;
        Result<qint64> id = tagId(db, tag);
        if (!id)
            return fail(id.error());
        if (ids.contains(*id))
            continue;
        auto linked = Statement::run(
            db, QStringLiteral("INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)"),
            {annotationId, *id, int(ids.size())});
        if (!linked)
            return fail(linked.error());
        ids << *id;
        Result<QVariant> name = Statement::scalar(db, QStringLiteral("SELECT name FROM tags WHERE id = ?"), {*id});
        if (!name)
            return fail(name.error());
        stored << name->toString();
    }
    return stored;
}

Result<std::vector<Tag>> listTags(const Database &db)
{
    Statement query(db,
                    QStringLiteral("SELECT t.name, t.color, count(x.annotation_id) FROM tags t"
                                   " LEFT JOIN annotation_tags x ON x.tag_id = t.id GROUP BY t.id ORDER BY t.folded"));
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<Tag> tags;
    while (query.next())
        tags.push_back(Tag{query.text(0), query.text(1), query.integer(2)});
    return tags;
}

} // namespace marginalia
