#include "authorfilter.h"

namespace marginalia {

AuthorFilter AuthorFilter::everyone(QStringList me)
{
    return AuthorFilter{Kind::Everyone, {}, std::move(me)};
}

AuthorFilter AuthorFilter::mine(QStringList me)
{
    return AuthorFilter{Kind::Mine, {}, std::move(me)};
}

AuthorFilter AuthorFilter::of(const QString &member, QStringList me)
{
    return AuthorFilter{Kind::Member, member, std::move(me)};
}

bool AuthorFilter::isMine(const Annotation &annotation) const
{
    return me.isEmpty() || annotation.author.isEmpty() || me.contains(annotation.author);
}

bool AuthorFilter::accepts(const Annotation &annotation) const
{
    switch (kind) {
    case Kind::Everyone:
        return true;
    case Kind::Mine:
        return isMine(annotation);
    case Kind::Member:
        return annotation.author == member;
    }
    return true;
}

} // namespace marginalia
