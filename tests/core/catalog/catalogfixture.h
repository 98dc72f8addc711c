#pragma once

#include "catalog/catalog.h"
#include "catalog/catalogindexer.h"
#include "parse/volumeloader.h"
#include "support/testdata.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace marginalia::test {

inline std::vector<CatalogVolumeInfo> volumesOf(Catalog &catalog)
{
    auto volumes = catalog.volumes();
    EXPECT_TRUE(volumes) << volumes.error().toString().toStdString();
    return volumes ? *volumes : std::vector<CatalogVolumeInfo>{};
}

// How many document rows the index holds for a volume, through the search (an empty query lists them).
inline int documentRows(Catalog &catalog, const QString &volume)
{
    CatalogQuery query;
    query.volume = volume;
    query.limit = 0;
    auto found = catalog.search(query);
    EXPECT_TRUE(found) << found.error().toString().toStdString();
    return found ? found->total : -1;
}

inline void setMtime(const QString &path, const QDateTime &when)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.setFileTime(when, QFileDevice::FileModificationTime));
}

// A library index in a temporary folder, over copies of the real volumes of tests/data in its volumes/
// folder (the source the tests add).
class CatalogFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("volumes")));
    }

    QString libraryPath() const { return m_dir.filePath(QStringLiteral("library.sqlite")); }
    QString volumesPath() const { return m_dir.filePath(QStringLiteral("volumes")); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    // Copies tests/data/NAME into volumes/ (as `as` when given); returns its path.
    QString copy(const QString &name, const QString &as = {})
    {
        return write(as.isEmpty() ? name : as, readData(name));
    }
    // A copy of tests/data/NAME whose volume id `oldId` is `newId` throughout, as volumes/NEWID.xml.
    QString copyWithId(const QString &name, const QString &oldId, const QString &newId)
    {
        QByteArray data = readData(name);
        data.replace(oldId.toUtf8(), newId.toUtf8());
        return write(newId + QStringLiteral(".xml"), data);
    }
    QString write(const QString &relative, const QByteArray &data)
    {
        const QString path = QDir(volumesPath()).filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
        file.write(data);
        return path;
    }

    std::unique_ptr<Catalog> open(DatabaseAccess access = DatabaseAccess::Write)
    {
        auto catalog = Catalog::open(libraryPath(), access);
        EXPECT_TRUE(catalog) << catalog.error().toString().toStdString();
        return catalog ? std::move(catalog).value() : nullptr;
    }
    void addVolumesFolder()
    {
        auto catalog = open();
        ASSERT_TRUE(catalog);
        auto added = catalog->addSources({volumesPath()});
        ASSERT_TRUE(added) << added.error().toString().toStdString();
    }
    IndexReport index(const IndexOptions &options = {})
    {
        auto report = indexCatalog(libraryPath(), options);
        EXPECT_TRUE(report) << report.error().toString().toStdString();
        return report ? *report : IndexReport{};
    }
    // The three test volumes, copied and indexed.
    void indexTestVolumes()
    {
        copy(QStringLiteral("frus1934v05.xml"));
        copy(QStringLiteral("frus1894Nicaragua.xml"));
        copy(QStringLiteral("frus1961-63v09-d316-d318.xml"));
        addVolumesFolder();
        const IndexReport report = index();
        ASSERT_EQ(report.indexed, 3);
        ASSERT_EQ(report.failed, 0);
    }
    static Volume load(const QString &name)
    {
        auto volume = loadVolume(dataPath(name));
        EXPECT_TRUE(volume) << volume.error().toString().toStdString();
        return volume ? std::move(volume).value() : Volume{};
    }

private:
    QTemporaryDir m_dir;
};

inline const CatalogVolumeInfo *findVolume(const std::vector<CatalogVolumeInfo> &volumes, const QString &id)
{
    for (const CatalogVolumeInfo &v : volumes) {
        if (v.id == id)
            return &v;
    }
    return nullptr;
}

} // namespace marginalia::test
