#include "statementcache.h"

namespace marginalia {

StatementCache::Entry *StatementCache::lend(const QString &sql)
{
    auto found = m_entries.find(sql);
    if (found == m_entries.end()) {
        if (m_entries.size() >= Capacity)
            return nullptr;
        auto entry = std::make_unique<Entry>(Entry{QSqlQuery(m_connection), false});
        entry->query.setForwardOnly(true);
        if (!entry->query.prepare(sql))
            return nullptr;
        found = m_entries.emplace(sql, std::move(entry)).first;
    }
    Entry *entry = found->second.get();
    if (entry->lent)
        return nullptr;
    entry->lent = true;
    return entry;
}

void StatementCache::giveBack(Entry *entry)
{
    // finish() resets the SQLite statement: a SELECT not read to its end would otherwise keep its read
    // transaction (and the WAL snapshot) open.
    entry->query.finish();
    entry->lent = false;
}

} // namespace marginalia
