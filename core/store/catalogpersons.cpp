#include "catalogstore.h"

#include "database.h"
#include "statement.h"

namespace marginalia {

// One row per id: FRUS volumes of one period share their glossary ids (p_HC1 is Hull, Cordell in most
// volumes of the 1930s), and the filter matches the id wherever it is mentioned. Missing and failed
// volumes are left out as search leaves them out.
Result<std::vector<CatalogPerson>> CatalogStore::persons() const
{
    Statement query(m_db, QStringLiteral("SELECT p.id, MIN(p.name) AS name, COUNT(*) FROM persons p"
                                         " JOIN volumes v ON v.rowid = p.volume WHERE v.state = ?"
                                         " GROUP BY p.id ORDER BY name COLLATE NOCASE, p.id"));
    if (auto done = query.exec({int(CatalogVolumeInfo::State::Indexed)}); !done)
        return fail(done.error());
    std::vector<CatalogPerson> persons;
    while (query.next())
        persons.push_back({query.text(0), query.text(1), query.integer(2)});
    return persons;
}

} // namespace marginalia
