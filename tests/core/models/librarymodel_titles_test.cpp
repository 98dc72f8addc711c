// Issue 12, item 14, in the library tree: a document's row reads "2. Memorandum …", never "2. 2. Memorandum",
// "11.. Memorandum" or "2. " with nothing after it, on heads in every numbered form and on every document of
// the test volumes.
#include "library/openlibrary.h"
#include "models/librarymodel.h"
#include "parse/teiparser.h"

#include "modeltestwarnings.h"
#include "sharedvolume.h"
#include "support/numberedheads.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

using test::ModelTestWarnings;

std::shared_ptr<const Volume> numberedHeads()
{
    Result<Volume> v = TeiParser::parse(test::numberedHeadsVolume(), QStringLiteral("numbered-heads.xml"));
    EXPECT_TRUE(v.has_value());
    return v ? std::make_shared<const Volume>(std::move(v).value()) : nullptr;
}

// Row text of every document under `parent`, by document id, depth first.
void documentRows(const QAbstractItemModel &model, const QModelIndex &parent, std::vector<std::pair<QString, QString>> &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        if (child.data(LibraryModel::KindRole).toInt() == LibraryModel::DocumentNode)
            out.emplace_back(child.data(LibraryModel::DocumentIdRole).toString(), child.data().toString());
        documentRows(model, child, out);
    }
}

QHash<QString, QString> rowsById(const QAbstractItemModel &model, const QModelIndex &volume)
{
    std::vector<std::pair<QString, QString>> rows;
    documentRows(model, volume, rows);
    QHash<QString, QString> byId;
    for (const auto &[id, label] : rows)
        byId.insert(id, label);
    return byId;
}

TEST(LibraryModelTitles, Issue12RowsShowEachNumberOnce)
{
    ModelTestWarnings warnings;
    OpenLibrary library;
    LibraryModel model(&library);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    const auto volume = numberedHeads();
    ASSERT_TRUE(volume);
    library.add(volume);

    const QHash<QString, QString> rows = rowsById(model, model.index(0, 0));
    ASSERT_EQ(rows.size(), 10);
    for (const auto &[id, label] : test::numberedHeadsLabels())
        EXPECT_EQ(rows[id], label) << id.toStdString();
    // Chapter rows keep the words a line break parts.
    const QModelIndex compilation = model.index(0, 0, model.index(0, 0));
    EXPECT_EQ(compilation.data().toString(), QStringLiteral("Russia Economic Relations"));
    EXPECT_EQ(model.index(0, 0, compilation).data().toString(), QStringLiteral("Trade Controls"));
    EXPECT_EQ(model.index(1, 0, compilation).data().toString(), QStringLiteral("Soviet Union Political Relations"));
    EXPECT_EQ(warnings.messages(), QStringList());
}

// Every document of the test volumes and the text copy: the row is its number alone, or its number, ". "
// and a title that does not open with the number again ("1. 1.", "No. 1. No. 1.", "[9.]").
TEST(LibraryModelTitles, Issue12NoRowOfTheTestVolumesRepeatsItsNumber)
{
    OpenLibrary library;
    LibraryModel model(&library);
    for (const char *name : {"frus1894Nicaragua.xml", "frus1934v05.xml", "frus1961-63v09-d316-d318.xml",
                             "frus1961-63v09-d317.txt"}) {
        const auto volume = test::sharedVolume(QString::fromUtf8(name));
        ASSERT_TRUE(volume) << name;
        library.add(volume);
    }
    int checked = 0;
    for (int v = 0; v < model.rowCount(); ++v) {
        const Volume &volume = library.library().volume(v);
        const QHash<QString, QString> rows = rowsById(model, model.index(v, 0));
        ASSERT_EQ(std::size_t(rows.size()), volume.documents.size()) << qPrintable(volume.sourcePath);
        for (const Document &doc : volume.documents) {
            const QString label = rows.value(doc.id);
            ASSERT_FALSE(doc.number.isEmpty()) << qPrintable(doc.id);
            const QString prefix = doc.number + QStringLiteral(". ");
            ASSERT_TRUE(label.startsWith(prefix)) << qPrintable(label);
            const QString rest = label.mid(prefix.size());
            EXPECT_FALSE(rest.isEmpty()) << qPrintable(label);
            const QRegularExpression again(QStringLiteral("^\\s*(No\\.?\\s*)?\\[?\\s*%1(\\.|\\]|\\s|$)")
                                               .arg(QRegularExpression::escape(doc.number)));
            EXPECT_FALSE(again.match(rest).hasMatch()) << qPrintable(label);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 138 + 639 + 3 + 1);
}

} // namespace
} // namespace marginalia
