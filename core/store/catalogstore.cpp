#include "catalogstore.h"

#include "database.h"
#include "databasecheck.h"
#include "statement.h"
#include "util/translate.h"

#include <QtEndian>

#include <zstd.h>

#include <memory>

namespace marginalia {

namespace {

// The unit and record separators: in no FRUS text (the readers drop control characters).
constexpr char FieldSeparator = '\x1f';
constexpr char PartSeparator = '\x1e';
// zstd's level 1 compresses text at about four times zlib's level 1 for as many bytes.
constexpr int ZstdLevel = 1;
// No block is near this: one holds about 8 KB, or one document, and the longest FRUS document is a few MB.
constexpr unsigned long long MaxBlockBytes = 1ull << 30;

using State = CatalogVolumeInfo::State;

} // namespace

std::pair<int, int> TextBlockPacker::add(const QString &title, const QString &text, const QString &notes)
{
    return addUtf8(title.toUtf8(), text.toUtf8(), notes.toUtf8());
}

std::pair<int, int> TextBlockPacker::addUtf8(const QByteArray &title, const QByteArray &text, const QByteArray &notes)
{
    // 8 KB: a snippet decompresses one block (0.05 ms); 32 KB would compress 8 % better and cost a search
    // three times as much.
    constexpr qsizetype BlockBytes = 8 * 1024;
    if (m_open.size() >= BlockBytes)
        close();
    if (m_parts > 0)
        m_open += PartSeparator;
    m_open += title;
    m_open += FieldSeparator;
    m_open += text;
    m_open += FieldSeparator;
    m_open += notes;
    return {int(m_blocks.size()), m_parts++};
}

void TextBlockPacker::close()
{
    if (m_parts == 0)
        return;
    m_blocks.push_back(compressTextBlock(m_open));
    m_open.clear();
    m_parts = 0;
}

std::vector<QByteArray> TextBlockPacker::finish()
{
    close();
    return std::move(m_blocks);
}

QByteArray compressTextBlock(const QByteArray &plain)
{
    QByteArray out(qsizetype(ZSTD_compressBound(std::size_t(plain.size()))), Qt::Uninitialized);
    // A context per thread: making one costs more than compressing a block of 8 KB.
    thread_local const std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
    if (!context)
        return {};
    const std::size_t size = ZSTD_compressCCtx(context.get(), out.data(), std::size_t(out.size()), plain.constData(),
                                               std::size_t(plain.size()), ZstdLevel);
    if (ZSTD_isError(size))
        return {};
    out.truncate(qsizetype(size));
    return out;
}

QByteArray uncompressTextBlock(const QByteArray &block)
{
    if (block.size() < 4 || quint32(qFromLittleEndian<quint32>(block.constData())) != ZSTD_MAGICNUMBER)
        return qUncompress(block); // written before the blocks were zstd's
    const unsigned long long size = ZSTD_getFrameContentSize(block.constData(), std::size_t(block.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > MaxBlockBytes)
        return {};
    QByteArray plain(qsizetype(size), Qt::Uninitialized);
    thread_local const std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
    if (!context)
        return {};
    const std::size_t done = ZSTD_decompressDCtx(context.get(), plain.data(), std::size_t(plain.size()),
                                                 block.constData(), std::size_t(block.size()));
    if (ZSTD_isError(done) || done != size)
        return {};
    return plain;
}

bool unpackDocumentText(const QByteArray &block, int part, QString &title, QString &text, QString &notes)
{
    return documentTextAt(uncompressTextBlock(block), part, title, text, notes);
}

bool documentTextAt(const QByteArray &plain, int part, QString &title, QString &text, QString &notes)
{
    qsizetype begin = 0;
    for (int i = 0; i < part && begin >= 0; ++i) {
        begin = plain.indexOf(PartSeparator, begin);
        if (begin >= 0)
            ++begin;
    }
    if (begin < 0 || plain.isEmpty())
        return false;
    qsizetype end = plain.indexOf(PartSeparator, begin);
    if (end < 0)
        end = plain.size();
    const qsizetype first = plain.indexOf(FieldSeparator, begin);
    const qsizetype second = first < 0 ? -1 : plain.indexOf(FieldSeparator, first + 1);
    if (first < 0 || second < 0 || second >= end)
        return false;
    title = QString::fromUtf8(plain.constData() + begin, first - begin);
    text = QString::fromUtf8(plain.constData() + first + 1, second - first - 1);
    notes = QString::fromUtf8(plain.constData() + second + 1, end - second - 1);
    return true;
}

CatalogStore::CatalogStore(Database &db) : m_db(db) {}

Result<std::vector<CatalogVolumeInfo>> CatalogStore::volumes() const
{
    Statement query(m_db, QStringLiteral("SELECT id, title, subseries, year_from, year_to, path, size, mtime, hash,"
                                         " documents, footnotes, state, error FROM volumes"
                                         " ORDER BY id IS NULL, id, path"));
    if (auto done = query.exec(); !done)
        return fail(done.error());
    std::vector<CatalogVolumeInfo> volumes;
    while (query.next()) {
        CatalogVolumeInfo v;
        v.id = query.text(0);
        v.title = query.text(1);
        v.subseries = query.text(2);
        v.yearFrom = query.integer(3);
        v.yearTo = query.integer(4);
        v.path = query.text(5);
        v.size = query.value(6).toLongLong();
        v.modified = QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
        v.hash = query.text(8);
        v.documents = query.integer(9);
        v.footnotes = query.integer(10);
        v.state = State(query.integer(11));
        v.error = query.text(12);
        volumes.push_back(std::move(v));
    }
    return volumes;
}

Result<CatalogStatus> CatalogStore::status() const
{
    Statement query(m_db, QStringLiteral("SELECT state, count(*), total(documents), total(footnotes) FROM volumes"
                                         " GROUP BY state"));
    if (auto done = query.exec(); !done)
        return fail(done.error());
    CatalogStatus status;
    while (query.next()) {
        const int count = query.integer(1);
        switch (State(query.integer(0))) {
        case State::Indexed:
            status.volumes = count;
            status.documents = int(query.value(2).toLongLong());
            status.footnotes = int(query.value(3).toLongLong());
            break;
        case State::Missing:
            status.missing = count;
            break;
        case State::Failed:
            status.failed = count;
            break;
        }
    }
    return status;
}

Result<QByteArray> CatalogStore::volumeOutline(const QString &volumeId) const
{
    // A version-1 index, read as it is, keeps the outlines in the volumes' rows.
    Result<bool> own = tableExists(m_db, QStringLiteral("volume_outlines"));
    if (!own)
        return fail(own.error());
    Statement query(m_db, *own ? QStringLiteral("SELECT o.outline FROM volumes v JOIN volume_outlines o ON o.volume = v.rowid WHERE v.id = ?")
                               : QStringLiteral("SELECT outline FROM volumes WHERE id = ?"));
    if (auto done = query.exec({volumeId}); !done)
        return fail(done.error());
    if (!query.next())
        return fail(m_db.path(), 0, 0, Tr::tr("no volume %1 in the library").arg(volumeId));
    return query.value(0).toByteArray();
}

Result<std::vector<CatalogDocumentInfo>> CatalogStore::documents(const QString &volumeId) const
{
    Statement query(m_db, QStringLiteral("SELECT d.id, d.number, d.title, d.kind, d.date_from, d.date_to, d.place,"
                                         " d.first_page, d.division, d.chapter, d.footnotes FROM documents d"
                                         " JOIN volumes v ON v.rowid = d.volume WHERE v.id = ? ORDER BY d.ordinal"));
    if (auto done = query.exec({volumeId}); !done)
        return fail(done.error());
    std::vector<CatalogDocumentInfo> documents;
    while (query.next()) {
        documents.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.text(4), query.text(5),
                             query.text(6), query.text(7), query.text(8), query.text(9), query.integer(10)});
    }
    return documents;
}

Result<std::vector<CatalogGlossaryEntry>> CatalogStore::glossary(const QString &volumeId, Glossary table) const
{
    // The table name is one of ours, never user input.
    const QString name = table == Glossary::Persons ? QStringLiteral("persons") : QStringLiteral("terms");
    Statement query(m_db, QStringLiteral("SELECT g.id, g.name, g.description FROM %1 g JOIN volumes v"
                                         " ON v.rowid = g.volume WHERE v.id = ? ORDER BY g.name, g.id").arg(name));
    if (auto done = query.exec({volumeId}); !done)
        return fail(done.error());
    std::vector<CatalogGlossaryEntry> entries;
    while (query.next())
        entries.push_back({query.text(0), query.text(1), query.text(2)});
    return entries;
}

Result<QString> CatalogStore::volumePath(const QString &volumeId) const
{
    Result<QVariant> path = Statement::scalar(m_db, QStringLiteral("SELECT path FROM volumes WHERE id = ?"), {volumeId});
    if (!path)
        return fail(path.error());
    if (!path->isValid())
        return fail(m_db.path(), 0, 0, Tr::tr("no volume %1 in the library").arg(volumeId));
    return path->toString();
}

Result<std::vector<CitingDocument>> CatalogStore::citedBy(const QString &volumeId, const QString &documentId) const
{
    // A document citing another several times is listed once, with its first citing sentence.
    Statement query(m_db, QStringLiteral("SELECT v.id, d.id, d.number, d.title, r.sentence, r.in_note"
                                         " FROM cross_references r JOIN documents d ON d.rowid = r.document"
                                         " JOIN volumes v ON v.rowid = d.volume"
                                         " WHERE r.target_volume = ? AND r.target = ? AND v.state = ?"
                                         " ORDER BY v.id, d.ordinal, r.ordinal"));
    if (auto done = query.exec({volumeId, documentId, int(State::Indexed)}); !done)
        return fail(done.error());
    std::vector<CitingDocument> citing;
    while (query.next()) {
        const QString volume = query.text(0);
        const QString id = query.text(1);
        if (!citing.empty() && citing.back().volume == volume && citing.back().id == id)
            continue;
        citing.push_back({volume, id, query.text(2), query.text(3), query.text(4), query.integer(5) != 0});
    }
    return citing;
}

} // namespace marginalia
