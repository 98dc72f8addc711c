#include "citedbymodel.h"

#include "library/citationlabel.h"
#include "util/plaintext.h"

namespace marginalia {

CitedByModel::CitedByModel(QObject *parent) : QAbstractListModel(parent) {}

int CitedByModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_citing.size());
}

QString CitedByModel::placeOf(const CitingDocument &citing) const
{
    const QString volume = shortVolumeName(citing.volume);
    const QString document = citing.number.isEmpty() ? citing.title : tr("Doc. %1").arg(citing.number);
    const QString place = QStringLiteral("%1, %2").arg(volume, document);
    return citing.inNote ? tr("%1, in a note").arg(place) : place;
}

QVariant CitedByModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const CitingDocument &c = m_citing[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 — %2\n%3").arg(placeOf(c), c.title, c.sentence);
    case HtmlRole:
        return QStringLiteral("<b>%1</b> %2<br><small>%3</small>")
            .arg(placeOf(c).toHtmlEscaped(), c.number.isEmpty() ? QString() : c.title.toHtmlEscaped(),
                 c.sentence.toHtmlEscaped());
    case Qt::ToolTipRole:
        return plainTooltip(c.title);
    case VolumeIdRole:
        return c.volume;
    case DocumentIdRole:
        return c.id;
    case SentenceRole:
        return c.sentence;
    case InNoteRole:
        return c.inNote;
    default:
        return {};
    }
}

void CitedByModel::setCitations(const QString &volumeId, const QString &documentId, const std::vector<CitingDocument> &citing)
{
    beginResetModel();
    m_volume = volumeId;
    m_document = documentId;
    m_citing = citing;
    endResetModel();
}

void CitedByModel::clear()
{
    setCitations({}, {}, {});
}

} // namespace marginalia
