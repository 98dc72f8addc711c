#include "annotationdatabase.h"

#include "annotationschema.h"
#include "annotationstore.h"
#include "database.h"

#include <QFileInfo>

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

namespace {

Result<std::unique_ptr<Database>> openDatabase(const QString &path, DatabaseAccess access)
{
    if (access == DatabaseAccess::Write)
        return Database::open(annotationSchema(), path);
    // MARGINALIA_DB, like --db, names a file the user chose: a typo there is reported, not read as empty.
    const bool defaultNotYetMade = qEnvironmentVariableIsEmpty("MARGINALIA_DB") && path == Database::defaultPath()
        && !QFileInfo::exists(path);
    return defaultNotYetMade ? Database::openEmpty(annotationSchema(), path)
                             : Database::openForReading(annotationSchema(), path);
}

} // namespace

Result<AnnotationDatabase> AnnotationDatabase::open(const QString &path, DatabaseAccess access)
{
    Result<std::unique_ptr<Database>> db = openDatabase(path, access);
    if (!db)
        return fail(db.error());
    AnnotationDatabase opened;
    opened.database = std::move(db).value();
    opened.store = std::make_unique<AnnotationStore>(*opened.database);
    return opened;
}

} // namespace marginalia
