// Issue 12, item 14, in the index-backed tree: document rows read "2. Memorandum …" once, both for a volume
// indexed now and for an index made by the old importer, whose stored outline still holds "2." as a title
// and "11." as a number (the tree must not need a re-index to show them right).
#include "catalog/catalogvolumes.h"
#include "catalog/lazyvolume.h"
#include "catalog/volumeoutline.h"
#include "models/catalogmodel.h"
#include "parse/teiparser.h"

#include "../catalog/catalogfixture.h"
#include "modeltestwarnings.h"
#include "support/numberedheads.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString volumeId = QStringLiteral("frus1952-54v08");

// What the importer stored before issue 12: @n as written, and the head with only "NNN. " (a space
// after the dot) or "No. NNN. " taken off the front.
Volume asTheOldImporterStoredIt(Volume v, const QByteArray &xml)
{
    static const QRegularExpression oldPrefix(QStringLiteral("^(No\\.\\s*)?\\d+[A-Za-z]?\\.\\s+"));
    static const QRegularExpression rawNumber(QStringLiteral("xml:id=\"(d\\d+)\" n=\"([^\"]*)\""));
    QHash<QString, QString> numbers;
    for (auto it = rawNumber.globalMatch(QString::fromUtf8(xml)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        numbers.insert(m.captured(1), m.captured(2));
    }
    for (Document &doc : v.documents) {
        doc.number = numbers.value(doc.id);
        QString title = doc.body.front().text;
        title.replace(u'\n', u' ');
        doc.title = title.remove(oldPrefix);
    }
    return v;
}

class CatalogModelTitlesTest : public test::CatalogFixture {
protected:
    void indexNumberedHeads()
    {
        m_path = write(volumeId + QStringLiteral(".xml"), test::numberedHeadsVolume());
        addVolumesFolder();
        const IndexReport report = index();
        ASSERT_EQ(report.indexed, 1);
    }
    // Puts the old importer's outline of the volume in the index in place of the one just made.
    void ageTheIndex()
    {
        const QByteArray xml = test::numberedHeadsVolume();
        Result<Volume> read = TeiParser::parse(xml, m_path);
        ASSERT_TRUE(read.has_value());
        const Volume old = asTheOldImporterStoredIt(std::move(read).value(), xml);
        const QString connection = QStringLiteral("issue12-old-index");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(libraryPath());
            ASSERT_TRUE(db.open()) << db.lastError().text().toStdString();
            QSqlQuery update(db);
            ASSERT_TRUE(update.prepare(QStringLiteral(
                "UPDATE volume_outlines SET outline = ? WHERE volume = (SELECT rowid FROM volumes WHERE id = ?)")));
            update.addBindValue(encodeVolumeOutline(old, xml));
            update.addBindValue(volumeId);
            ASSERT_TRUE(update.exec()) << update.lastError().text().toStdString();
            ASSERT_EQ(update.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(connection);
    }
    // Document rows of the volume by id, as the tree shows them once expanded.
    QHash<QString, QString> rows()
    {
        m_catalog = open();
        EXPECT_TRUE(m_catalog);
        if (!m_catalog)
            return {};
        m_volumes = std::make_unique<CatalogVolumes>(m_catalog.get());
        m_model = std::make_unique<CatalogModel>(m_volumes.get());
        QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::Warning);
        const QModelIndex volume = m_model->indexOfVolume(volumeId);
        m_model->fetchMore(volume);
        QHash<QString, QString> out;
        collect(volume, out);
        return out;
    }
    void collect(const QModelIndex &parent, QHash<QString, QString> &out) const
    {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (child.data(CatalogModel::KindRole).toInt() == CatalogModel::DocumentNode)
                out.insert(child.data(CatalogModel::DocumentIdRole).toString(), child.data().toString());
            collect(child, out);
        }
    }
    void expectRowsShowEachNumberOnce(const QHash<QString, QString> &rows) const
    {
        ASSERT_EQ(rows.size(), 10);
        for (const auto &[id, label] : test::numberedHeadsLabels())
            EXPECT_EQ(rows[id], label) << id.toStdString();
    }

    test::ModelTestWarnings m_warnings;
    QString m_path;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<CatalogVolumes> m_volumes;
    std::unique_ptr<CatalogModel> m_model;
};

TEST_F(CatalogModelTitlesTest, Issue12RowsOfAFreshIndexShowEachNumberOnce)
{
    ASSERT_NO_FATAL_FAILURE(indexNumberedHeads());
    expectRowsShowEachNumberOnce(rows());
    EXPECT_TRUE(m_warnings.messages().isEmpty()) << m_warnings.messages().join(u'\n').toStdString();
}

TEST_F(CatalogModelTitlesTest, Issue12RowsOfAnOlderIndexShowEachNumberOnceWithoutAReindex)
{
    ASSERT_NO_FATAL_FAILURE(indexNumberedHeads());
    ASSERT_NO_FATAL_FAILURE(ageTheIndex());
    // The index now holds what the old importer stored ("2.", "11.", "13.Memorandum …").
    {
        auto catalog = open();
        ASSERT_TRUE(catalog);
        CatalogVolumes volumes(catalog.get());
        auto lazy = volumes.volume(volumeId);
        ASSERT_TRUE(lazy) << lazy.error().toString().toStdString();
        const Volume &stored = (*lazy)->outline().volume;
        EXPECT_EQ(stored.document(QStringLiteral("d2"))->title, QStringLiteral("2."));
        EXPECT_EQ(stored.document(QStringLiteral("d11"))->number, QStringLiteral("11."));
        EXPECT_EQ(stored.document(QStringLiteral("d13"))->title, QStringLiteral("13.Memorandum of Conversation"));
    }
    expectRowsShowEachNumberOnce(rows());
    EXPECT_TRUE(m_warnings.messages().isEmpty()) << m_warnings.messages().join(u'\n').toStdString();
}

} // namespace
} // namespace marginalia
