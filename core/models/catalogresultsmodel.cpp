#include "catalogresultsmodel.h"

#include "library/citationlabel.h"
#include "model/documentnumber.h"
#include "util/plaintext.h"

#include <QLocale>

namespace marginalia {

namespace {

// A volume row has no internal id; a document row keeps its group's number plus one.
constexpr quintptr NoGroup = 0;

// Text from the index (titles, snippets) made safe for the view's rich text, and the hits the index
// marked with «» in bold. The text is escaped before the marks become tags, so nothing of the file is
// ever read as markup.
QString markedHtml(const QString &snippet)
{
    QString html = snippet.toHtmlEscaped();
    html.replace(QStringLiteral("«"), QStringLiteral("<b>")).replace(QStringLiteral("»"), QStringLiteral("</b>"));
    return html;
}

// Without a translation loaded, "%n document(s)" shows its "(s)": English gets its two forms here.
QString documentCount(int n)
{
    return n == 1 ? CatalogResultsModel::tr("%Ln document", nullptr, 1) : CatalogResultsModel::tr("%Ln documents", nullptr, n);
}

// An estimate to two significant figures (377,802 → 380,000): its digits past those mean nothing.
int roundedEstimate(int n)
{
    int unit = 1;
    while (n / unit >= 100)
        unit *= 10;
    return (n + unit / 2) / unit * unit;
}

QString unmarked(QString snippet)
{
    return snippet.remove(QChar(u'«')).remove(QChar(u'»'));
}

} // namespace

CatalogResultsModel::CatalogResultsModel(QObject *parent) : QAbstractItemModel(parent) {}

QModelIndex CatalogResultsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, 0, NoGroup) : QModelIndex();
    if (parent.internalId() != NoGroup || parent.row() >= int(m_groups.size()))
        return {};
    const Group &group = m_groups[std::size_t(parent.row())];
    return row < int(group.hits.size()) ? createIndex(row, 0, quintptr(parent.row()) + 1) : QModelIndex();
}

QModelIndex CatalogResultsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == NoGroup)
        return {};
    return createIndex(int(child.internalId() - 1), 0, NoGroup);
}

int CatalogResultsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != NoGroup || parent.column() != 0)
        return 0;
    return int(m_groups[std::size_t(parent.row())].hits.size());
}

int CatalogResultsModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant CatalogResultsModel::volumeData(const Group &group, int role) const
{
    const QString title = m_titles.value(group.volume);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 (%2)").arg(shortVolumeName(group.volume, title), documentCount(int(group.hits.size())));
    case HtmlRole:
        return QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span>")
            .arg(shortVolumeName(group.volume, title).toHtmlEscaped(),
                 documentCount(int(group.hits.size())).toHtmlEscaped());
    case Qt::ToolTipRole:
        return plainTooltip(title.isEmpty() ? group.volume : QStringLiteral("%1\n%2").arg(title, group.volume));
    case VolumeIdRole:
        return group.volume;
    case IsVolumeRole:
        return true;
    case DocumentIdRole:
        return QString();
    default:
        return {};
    }
}

QVariant CatalogResultsModel::hitData(const CatalogHit &hit, int role) const
{
    // An index made before issue 12 may hold "11." as a number and "2." or "13.Memorandum …" as a title.
    const QString plainNumber = normalDocumentNumber(hit.number);
    const QString number = plainNumber.isEmpty() ? QString() : tr("No. %1").arg(plainNumber);
    const QString title = withoutOwnNumber(hit.title, hit.number);
    switch (role) {
    case Qt::DisplayRole:
    {
        QStringList parts;
        for (const QString &part : {number, hit.date, title, unmarked(hit.snippet)}) {
            if (!part.isEmpty())
                parts << part;
        }
        return parts.join(QStringLiteral(" · "));
    }
    case HtmlRole: {
        QString head = number.isEmpty() ? QString() : QStringLiteral("<b>%1</b> ").arg(number.toHtmlEscaped());
        if (!hit.date.isEmpty())
            head += QStringLiteral("<span style='color:gray'>%1</span> ").arg(hit.date.toHtmlEscaped());
        return QStringLiteral("%1%2<br><small>%3</small>").arg(head, title.toHtmlEscaped(), markedHtml(hit.snippet));
    }
    case Qt::ToolTipRole:
        return plainTooltip(title);
    case VolumeIdRole:
        return hit.volume;
    case DocumentIdRole:
        return hit.id;
    case IsVolumeRole:
        return false;
    case DateRole:
        return hit.date;
    case KindRole:
        return hit.kind;
    case NumberRole:
        return hit.number;
    default:
        return {};
    }
}

QVariant CatalogResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != 0)
        return {};
    if (index.internalId() == NoGroup)
        return index.row() < int(m_groups.size()) ? volumeData(m_groups[std::size_t(index.row())], role) : QVariant();
    const std::size_t group = std::size_t(index.internalId() - 1);
    if (group >= m_groups.size() || index.row() >= int(m_groups[group].hits.size()))
        return {};
    return hitData(m_groups[group].hits[std::size_t(index.row())], role);
}

void CatalogResultsModel::setVolumeTitles(const QHash<QString, QString> &titles)
{
    m_titles = titles;
    if (!m_groups.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_groups.size()) - 1, 0));
}

QString CatalogResultsModel::summary() const
{
    if (m_query.trimmed().isEmpty())
        return {};
    if (!m_error.isEmpty())
        return m_error;
    if (m_total == 0)
        return tr("No document of the library matches.");
    // An estimate says so, in round figures, until the count comes.
    const QString documents = m_totalExact ? documentCount(m_total)
                                           : CatalogResultsModel::tr("About %1 documents (counting…)").arg(QLocale().toString(roundedEstimate(m_total)));
    const QString volumes = volumeCount() == 1 ? tr("%Ln volume", nullptr, 1) : tr("%Ln volumes", nullptr, volumeCount());
    if (m_shown < m_total)
        return tr("%1 — the best %2 shown, from %3").arg(documents, QLocale().toString(m_shown), volumes);
    return tr("%1 in %2").arg(documents, volumes);
}

void CatalogResultsModel::setResults(const CatalogQuery &query, const CatalogSearchResults &results)
{
    beginResetModel();
    m_groups.clear();
    m_query = query.text;
    m_error.clear();
    m_total = results.total;
    m_totalExact = results.totalExact;
    m_shown = int(results.results.size());
    QHash<QString, std::size_t> groupOf;
    for (const CatalogHit &hit : results.results) {
        auto it = groupOf.find(hit.volume);
        if (it == groupOf.end()) {
            it = groupOf.insert(hit.volume, m_groups.size());
            m_groups.push_back({hit.volume, {}});
        }
        m_groups[*it].hits.push_back(hit);
    }
    endResetModel();
}

void CatalogResultsModel::setTotal(const CatalogQuery &query, int total)
{
    if (query.text != m_query || !m_error.isEmpty())
        return;
    m_total = total;
    m_totalExact = true;
    Q_EMIT summaryChanged();
}

void CatalogResultsModel::setError(const CatalogQuery &query, const QString &message)
{
    beginResetModel();
    m_groups.clear();
    m_query = query.text;
    m_error = message;
    m_total = m_shown = 0;
    m_totalExact = true;
    endResetModel();
}

void CatalogResultsModel::clear()
{
    beginResetModel();
    m_groups.clear();
    m_query.clear();
    m_error.clear();
    m_total = m_shown = 0;
    m_totalExact = true;
    endResetModel();
}

} // namespace marginalia
