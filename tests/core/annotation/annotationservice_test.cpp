#include "annotation/annotationservice.h"

#include "library/library.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "store/annotationstore.h"

#include "core/store/storetesting.h"
#include "support/testdata.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString D317 = QStringLiteral("frus1961-63v09/d317");

// Runs SQL on the database file behind the service's back, as another program (or damage) would.
void rawExec(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("behind"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(sql)) << sql.toStdString();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("behind"));
}

// The service on a fresh database, and document 317 of the real FRUS 1961–63 vol. IX file.
class AnnotationServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const Result<bool> opened = m_service.open(dbPath());
        ASSERT_TRUE(opened) << opened.error().toString().toStdString();
        Result<Volume> volume = loadVolume(test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml")),
                                           test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
        ASSERT_TRUE(volume) << volume.error().toString().toStdString();
        m_volume = std::move(volume).value();
        const int d = m_volume.documentIndex(QStringLiteral("d317"));
        ASSERT_GE(d, 0);
        m_doc = &m_volume.documents.at(std::size_t(d));
        m_body = ReadingText(m_doc->body).text();
    }

    QString dbPath() const { return m_dir.filePath(QStringLiteral("annotations.sqlite")); }

    // A draft on the first occurrence of `words` in the body.
    Annotation draftOn(const QString &words)
    {
        const int at = int(m_body.indexOf(words));
        EXPECT_GE(at, 0) << words.toStdString();
        return AnnotationService::draft(*m_doc, D317, {-1, at, at + int(words.size())}).value_or(Annotation{});
    }

    QTemporaryDir m_dir;
    AnnotationService m_service;
    Volume m_volume;
    const Document *m_doc = nullptr;
    QString m_body;
};

TEST_F(AnnotationServiceTest, Issue9DraftOnTheBodyCarriesIdAuthorCreationDefaultColourAndSelector)
{
    const QString words = QStringLiteral("the rule of unanimity");
    const int at = int(m_body.indexOf(words));
    const std::optional<Annotation> a = AnnotationService::draft(*m_doc, D317, {-1, at, at + int(words.size())});
    ASSERT_TRUE(a.has_value());
    EXPECT_FALSE(QUuid::fromString(a->id).isNull()) << a->id.toStdString();
    EXPECT_EQ(a->document, D317);
    EXPECT_EQ(a->author, defaultAuthor());
    EXPECT_EQ(a->color, defaultAnnotationColor());
    EXPECT_EQ(a->color, QStringLiteral("#FFE08C"));
    EXPECT_TRUE(a->created.isValid());
    EXPECT_FALSE(a->modified.isValid()); // stamped when written
    EXPECT_EQ(a->selector.exact, words);
    EXPECT_EQ(a->selector.start, at);
    EXPECT_EQ(a->selector.end, at + int(words.size()));
    EXPECT_TRUE(a->selector.footnote.isEmpty());
    EXPECT_TRUE(m_body.left(at).endsWith(a->selector.prefix));
    EXPECT_TRUE(m_body.mid(at + int(words.size())).startsWith(a->selector.suffix));
}

TEST_F(AnnotationServiceTest, Issue9DraftOnANoteNamesTheNote)
{
    ASSERT_FALSE(m_doc->footnotes.empty());
    const int n = int(m_doc->footnotes.size()) - 1;
    const QString text = plainText(m_doc->footnotes.back().content);
    const std::optional<Annotation> a = AnnotationService::draft(*m_doc, D317, {n, 0, 7});
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->selector.footnote, m_doc->footnotes.back().id);
    EXPECT_FALSE(a->selector.footnote.isEmpty());
    EXPECT_EQ(a->selector.exact, text.left(7));
}

TEST_F(AnnotationServiceTest, Issue9DraftOnBlanksOrOutsideTheNotesIsNone)
{
    const int space = int(m_body.indexOf(u' '));
    EXPECT_FALSE(AnnotationService::draft(*m_doc, D317, {-1, space, space + 1}).has_value());
    EXPECT_FALSE(AnnotationService::draft(*m_doc, D317, {int(m_doc->footnotes.size()), 0, 3}).has_value());
}

TEST_F(AnnotationServiceTest, Issue9DraftOnQuoteCountsTheBodyThenTheNotes)
{
    const QString quote = QStringLiteral("Rusk");
    const int inBody = int(m_body.count(quote));
    const AnnotationService::QuoteMatch first = AnnotationService::draftOnQuote(*m_doc, D317, quote, 1);
    ASSERT_TRUE(first.draft.has_value());
    EXPECT_EQ(first.draft->selector.exact, quote);
    EXPECT_TRUE(first.draft->selector.footnote.isEmpty());
    const AnnotationService::QuoteMatch inNote = AnnotationService::draftOnQuote(*m_doc, D317, quote, inBody + 1);
    ASSERT_TRUE(inNote.draft.has_value());
    EXPECT_FALSE(inNote.draft->selector.footnote.isEmpty());
    const AnnotationService::QuoteMatch none = AnnotationService::draftOnQuote(*m_doc, D317, quote, 1000);
    EXPECT_FALSE(none.draft.has_value());
    EXPECT_GT(none.seen, inBody);
    EXPECT_EQ(AnnotationService::draftOnQuote(*m_doc, D317, QStringLiteral("not in the letter"), 1).seen, 0);
}

TEST_F(AnnotationServiceTest, Issue9CreateEditDeleteThroughTheService)
{
    int changes = 0;
    QObject::connect(&m_service, &AnnotationService::annotationsChanged, [&](const QString &key) {
        EXPECT_EQ(key, D317);
        ++changes;
    });
    const Result<Annotation> added = m_service.add(draftOn(QStringLiteral("code of fair practices")));
    ASSERT_TRUE(added) << added.error().toString().toStdString();
    EXPECT_EQ(added->modified, added->created); // first written as created
    EXPECT_EQ(m_service.find(added->id), *added);

    Annotation edited = *added;
    edited.note = QStringLiteral("NSC Action 2455");
    const Result<Annotation> updated = m_service.update(edited);
    ASSERT_TRUE(updated) << updated.error().toString().toStdString();
    EXPECT_GT(updated->modified, added->modified);
    EXPECT_EQ(m_service.find(added->id)->note, QStringLiteral("NSC Action 2455"));
    EXPECT_EQ(m_service.forDocument(D317).size(), std::size_t(1));

    ASSERT_TRUE(m_service.remove(added->id));
    EXPECT_FALSE(m_service.find(added->id).has_value());
    EXPECT_EQ(changes, 3);
}

TEST_F(AnnotationServiceTest, Issue9DeletingWhatIsNotThereFailsAndSaysSo)
{
    std::optional<Error> reported;
    QObject::connect(&m_service, &AnnotationService::failed, [&](const Error &e) { reported = e; });
    const Result<bool> removed = m_service.remove(newAnnotationId());
    ASSERT_FALSE(removed);
    ASSERT_TRUE(reported.has_value());
    EXPECT_EQ(reported->message, removed.error().message);
}

TEST_F(AnnotationServiceTest, Issue9DefaultColourPaintsAnnotationsWithoutOneAndColoursNewOnes)
{
    Annotation a = draftOn(QStringLiteral("fruitless"));
    a.color.clear();
    EXPECT_EQ(m_service.paintColor(a), defaultAnnotationColor());
    EXPECT_EQ(*m_service.colorForNew({}, {}), defaultAnnotationColor());
    EXPECT_EQ(*m_service.colorForNew({}, {QStringLiteral("no such tag")}), defaultAnnotationColor());
    EXPECT_EQ(*m_service.colorForNew(QStringLiteral("#A8D1F0"), {}), QStringLiteral("#A8D1F0"));
    ASSERT_TRUE(m_service.store()->setTagColor(QStringLiteral("COCOM"), QStringLiteral("#B5E3A1")));
    EXPECT_EQ(*m_service.colorForNew({}, {QStringLiteral("cocom")}), QStringLiteral("#B5E3A1"));
    a.tags = {QStringLiteral("COCOM")};
    EXPECT_EQ(m_service.paintColor(a), QStringLiteral("#B5E3A1"));
}

TEST_F(AnnotationServiceTest, Issue9AReadErrorReachesTheCallerInsteadOfLookingLikeNoAnnotations)
{
    Annotation berlin = draftOn(QStringLiteral("Berlin"));
    berlin.note = QStringLiteral("Berlin again");
    ASSERT_TRUE(m_service.add(berlin));
    EXPECT_EQ(m_service.search(QStringLiteral("Berlin")).size(), std::size_t(1));
    std::vector<Error> reported;
    QObject::connect(&m_service, &AnnotationService::readFailed, [&](const Error &e) { reported.push_back(e); });
    rawExec(dbPath(), QStringLiteral("ALTER TABLE annotations RENAME TO annotations_gone"));

    EXPECT_TRUE(m_service.forDocument(D317).empty());
    ASSERT_EQ(reported.size(), std::size_t(1));
    EXPECT_EQ(reported[0].file, dbPath());
    EXPECT_TRUE(reported[0].message.contains(QStringLiteral("annotations"))) << reported[0].message.toStdString();
    EXPECT_TRUE(m_service.withTag(QStringLiteral("x")).empty());
    EXPECT_FALSE(m_service.find(newAnnotationId()).has_value());
    EXPECT_TRUE(m_service.search(QStringLiteral("Berlin")).empty());
    EXPECT_EQ(reported.size(), std::size_t(4));
}

TEST_F(AnnotationServiceTest, Issue9AFailedReadBeforeAnEditFailsTheEdit)
{
    Result<Annotation> added = m_service.add(draftOn(QStringLiteral("Berlin")));
    ASSERT_TRUE(added);
    rawExec(dbPath(), QStringLiteral("ALTER TABLE annotations RENAME TO annotations_gone"));
    std::optional<Error> reported;
    QObject::connect(&m_service, &AnnotationService::failed, [&](const Error &e) { reported = e; });
    EXPECT_FALSE(m_service.update(*added));
    EXPECT_TRUE(reported.has_value());
}

} // namespace
} // namespace marginalia
