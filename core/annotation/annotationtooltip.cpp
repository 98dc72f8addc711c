#include "annotationtooltip.h"

#include "util/translate.h"

#include <QLocale>

namespace marginalia {

namespace {

constexpr qsizetype LongestNote = 400;

} // namespace

QString annotationTooltip(const Annotation &annotation)
{
    const QDateTime when = annotation.modified.isValid() ? annotation.modified : annotation.created;
    const QString date = when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
    const bool noted = !annotation.note.trimmed().isEmpty();
    QString first;
    if (annotation.author.isEmpty())
        first = date.isEmpty() ? QString() : (noted ? Tr::tr("Note, %1") : Tr::tr("Highlight, %1")).arg(date);
    else if (date.isEmpty())
        first = (noted ? Tr::tr("Note by %1") : Tr::tr("Highlight by %1")).arg(annotation.author);
    else
        first = (noted ? Tr::tr("Note by %1, %2") : Tr::tr("Highlight by %1, %2")).arg(annotation.author, date);
    QStringList lines;
    if (!first.isEmpty())
        lines << first;
    if (noted) {
        QString note = annotation.note.trimmed();
        if (note.size() > LongestNote)
            note = note.left(LongestNote).trimmed() + QChar(0x2026);
        lines << note;
    }
    if (!annotation.tags.isEmpty())
        lines << Tr::tr("Tags: %1").arg(annotation.tags.join(QStringLiteral(", ")));
    return lines.join(u'\n');
}

} // namespace marginalia
