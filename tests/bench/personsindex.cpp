#include "personsindex.h"

#include "store/catalogschema.h"
#include "store/catalogstore.h"
#include "store/database.h"

#include <QTemporaryDir>

namespace marginalia::bench {

namespace {

bool fill(const QString &path)
{
    auto db = Database::open(catalogSchema(), path);
    if (!db)
        return false;
    CatalogStore store(**db);
    for (int v = 0; v < PersonsIndexVolumes; ++v) {
        CatalogVolumeRecord volume;
        volume.id = QStringLiteral("frus-bench-v%1").arg(v, 4, 10, QLatin1Char('0'));
        volume.title = volume.id;
        for (int k = 0; k < PersonsPerVolume; ++k) {
            const int person = v * 20 + k;
            volume.persons.push_back({QStringLiteral("p_P%1").arg(person),
                                      QStringLiteral("Surname%1, Given %2").arg(person).arg(person % 97),
                                      QStringLiteral("Official of the Department of State")});
        }
        CatalogFileStamp stamp;
        stamp.path = QStringLiteral("/bench/%1.xml").arg(volume.id);
        stamp.size = 1;
        stamp.mtime = 1;
        stamp.hash = volume.id;
        if (!store.writeVolume(stamp, volume))
            return false;
    }
    return true;
}

} // namespace

QString personsIndex()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("persons.sqlite"));
        return fill(file) ? file : QString();
    }();
    return path;
}

} // namespace marginalia::bench
