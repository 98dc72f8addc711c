#include "volumeinfo.h"

#include "library/library.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace marginalia {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// A text copy has no title of its own; the volume it belongs to names it.
QString titleOf(const Library &library, int volumeIndex)
{
    const Volume &v = library.volume(volumeIndex);
    const int home = library.homeVolume(volumeIndex);
    if (v.title.isEmpty() && home >= 0)
        return library.volume(home).title;
    return v.title;
}

} // namespace

VolumeStats libraryStats(const Library &library, int volumeIndex)
{
    const Volume &v = library.volume(volumeIndex);
    VolumeStats stats = v.stats;
    if (v.format != SourceFormat::TextCopy)
        return stats;
    stats.resolvedReferences = 0;
    for (const Document &doc : v.documents) {
        for (const CrossReference &ref : doc.crossReferences) {
            if (ref.volume.isEmpty() && ref.kind != ReferenceKind::External
                && ref.kind != ReferenceKind::OtherVolume && library.resolve(volumeIndex, ref))
                ++stats.resolvedReferences;
        }
    }
    return stats;
}

QJsonObject volumeInfoJson(const Library &library, int volumeIndex)
{
    const Volume &v = library.volume(volumeIndex);
    const VolumeStats s = libraryStats(library, volumeIndex);
    const QJsonObject references{
        {QStringLiteral("total"), s.references},
        {QStringLiteral("internal"), s.internalReferences},
        {QStringLiteral("resolved"), s.resolvedReferences},
        {QStringLiteral("external"), s.references - s.internalReferences},
    };
    return QJsonObject{
        {QStringLiteral("id"), stringOrNull(library.volumeIdOf(volumeIndex))},
        {QStringLiteral("title"), stringOrNull(titleOf(library, volumeIndex))},
        {QStringLiteral("source"), v.sourcePath},
        {QStringLiteral("format"),
         v.format == SourceFormat::Tei ? QStringLiteral("tei") : QStringLiteral("text")},
        {QStringLiteral("documents"), s.documents},
        {QStringLiteral("footnotes"), s.footnotes},
        {QStringLiteral("pageBreaks"), s.pageBreaks},
        {QStringLiteral("crossReferences"), references},
        {QStringLiteral("warnings"), int(v.warnings.size())},
    };
}

QString volumeInfoText(const Library &library, int volumeIndex)
{
    const Volume &v = library.volume(volumeIndex);
    const VolumeStats s = libraryStats(library, volumeIndex);
    const QString id = library.volumeIdOf(volumeIndex);

    QString out = v.sourcePath + QLatin1Char('\n');
    out += Tr::tr("  volume:           %1\n").arg(id.isEmpty() ? Tr::tr("(unknown)") : id);
    const QString title = titleOf(library, volumeIndex);
    if (!title.isEmpty())
        out += Tr::tr("  title:            %1\n").arg(title);
    out += Tr::tr("  format:           %1\n")
               .arg(v.format == SourceFormat::Tei ? Tr::tr("TEI") : Tr::tr("plain-text copy"));
    out += Tr::tr("  documents:        %1\n").arg(s.documents);
    out += Tr::tr("  footnotes:        %1\n").arg(s.footnotes);
    out += Tr::tr("  page breaks:      %1\n").arg(s.pageBreaks);
    out += Tr::tr("  cross-references: %1 (%2 internal, %3 of them resolved; %4 external)\n")
               .arg(s.references)
               .arg(s.internalReferences)
               .arg(s.resolvedReferences)
               .arg(s.references - s.internalReferences);
    if (!v.warnings.empty())
        out += Tr::tr("  warnings:         %1\n").arg(v.warnings.size());
    return out;
}

} // namespace marginalia
