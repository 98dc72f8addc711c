#include "teiheader.h"

namespace marginalia {

using tei::Element;

namespace {

QString *titleField(Volume &volume, QStringView type)
{
    VolumeHeader &h = volume.header;
    QString *field = nullptr;
    if (type == QLatin1String("complete"))
        field = &volume.title;
    else if (type == QLatin1String("sub-series") || type == QLatin1String("subseries"))
        field = &volume.subseries;
    else if (type == QLatin1String("series"))
        field = &h.series;
    else if (type == QLatin1String("volume-number") || type == QLatin1String("volumenumber"))
        field = &h.volumeNumber;
    else if (type == QLatin1String("volume"))
        field = &h.volumeTitle;
    return field && field->isEmpty() ? field : nullptr;
}

QString *editorField(VolumeHeader &h, QStringView role)
{
    QStringList *list = role == QLatin1String("general") ? &h.generalEditors
        : role == QLatin1String("primary") || role.isEmpty() ? &h.editors
                                                             : nullptr;
    if (!list)
        return nullptr;
    list->append(QString());
    return &list->last();
}

} // namespace

QString *teiHeaderField(Volume &volume, Element element, const XmlAttributes &attrs)
{
    VolumeHeader &h = volume.header;
    const QStringView type = attrs.value(QLatin1String("type"));
    switch (element) {
    case Element::Title:
        return titleField(volume, type);
    case Element::Editor:
        return editorField(h, attrs.value(QLatin1String("role")));
    case Element::Publisher:
        return h.publisher.isEmpty() ? &h.publisher : nullptr;
    case Element::PubPlace:
        return h.pubPlace.isEmpty() ? &h.pubPlace : nullptr;
    case Element::Date:
        // The publicationStmt's date of publication; its content-date is what the documents cover.
        if (h.published.isEmpty() && (type.isEmpty() || type == QLatin1String("publication-date")))
            return &h.published;
        return nullptr;
    case Element::Idno:
        if (type != QLatin1String("frus"))
            return nullptr;
        volume.id.clear(); // the idno names the volume better than the root's xml:id
        return &volume.id;
    default:
        return nullptr;
    }
}

void finishTeiHeader(Volume &volume)
{
    VolumeHeader &h = volume.header;
    volume.title = volume.title.simplified();
    volume.subseries = volume.subseries.simplified();
    for (QString *field : {&h.series, &h.volumeNumber, &h.volumeTitle, &h.publisher, &h.pubPlace, &h.published})
        *field = field->simplified();
    for (QStringList *names : {&h.editors, &h.generalEditors}) {
        for (QString &name : *names)
            name = name.simplified();
        names->removeAll(QString());
    }
}

} // namespace marginalia
