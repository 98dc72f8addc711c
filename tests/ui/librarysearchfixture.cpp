#include "librarysearchfixture.h"

#include "catalog/catalogindexer.h"
#include "support/testdata.h"

#include <QAbstractItemView>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

namespace marginalia::test {

IndexedLibrary::IndexedLibrary(const std::vector<VolumeFile> &files)
{
    EXPECT_TRUE(QDir(m_indexDir.path()).mkpath(QStringLiteral("volumes")));
    for (const auto &[name, data] : files) {
        QFile out(m_indexDir.filePath(QStringLiteral("volumes/") + name));
        EXPECT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(data);
    }
    m_indexPath = m_indexDir.filePath(QStringLiteral("library.sqlite"));
    {
        auto writer = Catalog::open(m_indexPath, DatabaseAccess::Write);
        EXPECT_TRUE(writer && (*writer)->addSources({m_indexDir.filePath(QStringLiteral("volumes"))}));
    }
    auto report = indexCatalog(m_indexPath, {});
    EXPECT_TRUE(report && report->indexed == int(files.size()));
    auto reader = Catalog::open(m_indexPath, DatabaseAccess::Read);
    EXPECT_TRUE(reader);
    if (reader)
        m_index = std::move(reader).value();
}

std::vector<VolumeFile> testVolumes(const QStringList &names)
{
    std::vector<VolumeFile> files;
    for (const QString &name : names)
        files.emplace_back(name, readData(name));
    return files;
}

const QStringList &allTestVolumes()
{
    static const QStringList files{QStringLiteral("frus1934v05.xml"), QStringLiteral("frus1894Nicaragua.xml"),
                                   QStringLiteral("frus1961-63v09-d316-d318.xml")};
    return files;
}

LibrarySearchWindow::LibrarySearchWindow(const QStringList &files) : LibrarySearchWindow(testVolumes(files)) {}

LibrarySearchWindow::LibrarySearchWindow(const std::vector<VolumeFile> &files)
    : IndexedLibrary(files),
      ReaderFixture([this](const QString &library) { EXPECT_TRUE(QFile::copy(m_indexPath, library)); })
{
}

bool LibrarySearchWindow::searchIndex(const QString &query)
{
    QSignalSpy reset(results(), &QAbstractItemModel::modelReset);
    pane()->setQuery(query);
    QTest::keyClick(pane()->findChild<QLineEdit *>(), Qt::Key_Return);
    return reset.wait(10000) && results()->query() == query;
}

bool LibrarySearchWindow::waitForAnswer(const std::function<void()> &change)
{
    QSignalSpy reset(results(), &QAbstractItemModel::modelReset);
    change();
    return !reset.isEmpty() || reset.wait(10000); // a query refused before asking is answered at once

}

QStringList LibrarySearchWindow::listed(const QString &volumeId) const
{
    QStringList ids;
    for (int g = 0; g < results()->rowCount(); ++g) {
        const QModelIndex group = results()->index(g, 0);
        if (group.data(CatalogResultsModel::VolumeIdRole).toString() != volumeId)
            continue;
        for (int r = 0; r < results()->rowCount(group); ++r)
            ids << results()->index(r, 0, group).data(CatalogResultsModel::DocumentIdRole).toString();
    }
    return ids;
}

QStringList LibrarySearchWindow::listedKeys() const
{
    QStringList keys;
    for (int g = 0; g < results()->rowCount(); ++g) {
        const QString volume = results()->index(g, 0).data(CatalogResultsModel::VolumeIdRole).toString();
        for (const QString &id : listed(volume))
            keys << volume + u'/' + id;
    }
    return keys;
}

QModelIndex LibrarySearchWindow::rowOf(const QString &volumeId, const QString &documentId) const
{
    for (int g = 0; g < results()->rowCount(); ++g) {
        const QModelIndex group = results()->index(g, 0);
        for (int r = 0; r < results()->rowCount(group); ++r) {
            const QModelIndex row = results()->index(r, 0, group);
            if (row.data(CatalogResultsModel::VolumeIdRole).toString() == volumeId
                && row.data(CatalogResultsModel::DocumentIdRole).toString() == documentId)
                return row;
        }
    }
    return {};
}

void LibrarySearchWindow::click(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

int LibrarySearchWindow::independentTotal(const QString &text)
{
    CatalogQuery q;
    q.text = text;
    auto found = m_index->search(q);
    EXPECT_TRUE(found);
    return found ? found->total : -1;
}

} // namespace marginalia::test
