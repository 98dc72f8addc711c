#include "catalogschema.h"

#include "documenttextstore.h"
#include "util/translate.h"

#include <QStandardPaths>

namespace marginalia {

namespace {

QStringList schemaVersion1()
{
    QStringList statements = documentTextTables();
    // PRAGMA takes no bound values; the number is ours, not user input.
    statements << QStringLiteral("PRAGMA application_id = %1").arg(CatalogApplicationId);
    return statements;
}

} // namespace

const DatabaseSchema &catalogSchema()
{
    static const DatabaseSchema schema{CatalogApplicationId, Tr::tr("library index"), {{1, schemaVersion1()}}};
    return schema;
}

QString defaultCatalogPath()
{
    const QString fromEnvironment = qEnvironmentVariable("MARGINALIA_LIBRARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // Spelled out as Database::defaultPath() is, so that marginalia-cli finds the window's index.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Marginalia/Marginalia/catalog.sqlite");
}

} // namespace marginalia
