#pragma once

#include "model/annotation.h"

#include <QString>
#include <QStringList>

namespace marginalia {

// Whose annotations the window shows: everyone's (the default, and all there is outside a team), the
// user's own, or one member's. "Own" is known by name: an annotation written here carries the local
// user's name until a sync gives it the role the team server knows the user by, so both count.
struct AuthorFilter {
    enum class Kind { Everyone, Mine, Member };
    Kind kind = Kind::Everyone;
    QString member;  // for Member
    QStringList me;  // the names the user writes under; none outside a team, where every annotation is theirs

    static AuthorFilter everyone(QStringList me = {});
    static AuthorFilter mine(QStringList me);
    static AuthorFilter of(const QString &member, QStringList me = {});

    bool accepts(const Annotation &annotation) const;
    // Whether the user may change it: outside a team all are theirs; in one, those they wrote (one without
    // an author was written here before annotations had names).
    bool isMine(const Annotation &annotation) const;
};

} // namespace marginalia
