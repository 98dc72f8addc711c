// Issue 10, item 4: the persons of the indexed volumes' glossaries, each id once, for the window's
// person filter.
#include "catalogfixture.h"

#include "catalog/catalogpersonsjob.h"

#include <QSignalSpy>
#include <QThread>

namespace marginalia::test {
namespace {

// A glossary of persons put in front of a test volume's body (the test volumes have none of their own).
QByteArray withPersons(const QString &name, const QByteArray &items)
{
    QByteArray data = readData(name);
    EXPECT_TRUE(data.contains("<body>"));
    data.replace(QByteArray("<body>"),
                 QByteArray("<front><div type=\"section\" xml:id=\"persons\"><list>" + items + "</list></div></front><body>"));
    return data;
}

QByteArray person(const char *id, const char *name)
{
    return QByteArray(QByteArray("<item><hi rend=\"strong\"><persName xml:id=\"") + id + "\">" + name + "</persName>,</hi> x</item>");
}

class CatalogPersons : public CatalogFixture {
protected:
    // FRUS volumes of one period share their ids; here the id p_RD3 is in both, spelt two ways.
    void indexTwoGlossaries()
    {
        write(QStringLiteral("v09.xml"), withPersons(QStringLiteral("frus1961-63v09-d316-d318.xml"),
                                                     person("p_RD3", "Rusk, Dean") + person("p_HLH1", "Hodges, Luther H.")));
        write(QStringLiteral("nicaragua.xml"),
              withPersons(QStringLiteral("frus1894Nicaragua.xml"),
                          person("p_ZJS1", "Zelaya, José Santos") + person("p_RD3", "Rusk, David Dean")));
        copy(QStringLiteral("frus1934v05.xml")); // no glossary
        addVolumesFolder();
        ASSERT_EQ(index().indexed, 3);
    }
    static QStringList describe(const std::vector<CatalogPerson> &persons)
    {
        QStringList rows;
        for (const CatalogPerson &p : persons)
            rows << QStringLiteral("%1|%2|%3").arg(p.id, p.name).arg(p.volumes);
        return rows;
    }
};

TEST_F(CatalogPersons, Issue10EachIdOnceByNameWithTheVolumesListingIt)
{
    indexTwoGlossaries();
    auto persons = open(DatabaseAccess::Read)->allPersons();
    ASSERT_TRUE(persons) << persons.error().toString().toStdString();
    EXPECT_EQ(describe(*persons), (QStringList{QStringLiteral("p_HLH1|Hodges, Luther H.|1"),
                                               QStringLiteral("p_RD3|Rusk, David Dean|2"),
                                               QStringLiteral("p_ZJS1|Zelaya, José Santos|1")}));
}

TEST_F(CatalogPersons, Issue10TheGlossaryOfAMissingVolumeIsLeftOut)
{
    indexTwoGlossaries();
    ASSERT_TRUE(QFile::rename(QDir(volumesPath()).filePath(QStringLiteral("nicaragua.xml")), tempPath(QStringLiteral("aside.xml"))));
    ASSERT_EQ(index().missing, 1);
    auto persons = open(DatabaseAccess::Read)->allPersons();
    ASSERT_TRUE(persons);
    EXPECT_EQ(describe(*persons),
              (QStringList{QStringLiteral("p_HLH1|Hodges, Luther H.|1"), QStringLiteral("p_RD3|Rusk, Dean|1")}));
}

TEST_F(CatalogPersons, Issue10TheJobDeliversThePersonsOnTheOwnersThread)
{
    indexTwoGlossaries();
    CatalogPersonsJob job(libraryPath());
    QThread *deliveredOn = nullptr;
    std::vector<CatalogPerson> delivered;
    QObject::connect(&job, &CatalogPersonsJob::personsReady, &job, [&](const std::vector<CatalogPerson> &persons) {
        deliveredOn = QThread::currentThread();
        delivered = persons;
    });
    QSignalSpy ready(&job, &CatalogPersonsJob::personsReady);
    job.load();
    ASSERT_TRUE(ready.wait(10000));
    EXPECT_EQ(deliveredOn, QThread::currentThread());
    EXPECT_EQ(describe(delivered), describe(*open(DatabaseAccess::Read)->allPersons()));
}

TEST_F(CatalogPersons, Issue10AFileThatIsNoIndexFailsWithItsName)
{
    const QString path = write(QStringLiteral("not-an-index.sqlite"), QByteArray("plain text, not SQLite"));
    CatalogPersonsJob job(path);
    QSignalSpy failed(&job, &CatalogPersonsJob::failed);
    job.load();
    ASSERT_TRUE(failed.wait(10000));
    const Error error = failed.at(0).at(0).value<Error>();
    EXPECT_TRUE(error.toString().contains(QStringLiteral("not-an-index.sqlite"))) << error.toString().toStdString();
}

} // namespace
} // namespace marginalia::test
