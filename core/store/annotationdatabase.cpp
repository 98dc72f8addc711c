#include "annotationdatabase.h"

#include "annotationstore.h"
#include "database.h"

namespace marginalia {

AnnotationDatabase::AnnotationDatabase() = default;
AnnotationDatabase::AnnotationDatabase(AnnotationDatabase &&) noexcept = default;

AnnotationDatabase &AnnotationDatabase::operator=(AnnotationDatabase &&other) noexcept
{
    store.reset(); // before the connection it uses
    database = std::move(other.database);
    store = std::move(other.store);
    return *this;
}

AnnotationDatabase::~AnnotationDatabase()
{
    store.reset(); // before the connection it uses
    database.reset();
}

Result<AnnotationDatabase> AnnotationDatabase::open(const QString &path)
{
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db)
        return fail(db.error());
    AnnotationDatabase opened;
    opened.database = std::move(db).value();
    opened.store = std::make_unique<AnnotationStore>(*opened.database);
    return opened;
}

} // namespace marginalia
