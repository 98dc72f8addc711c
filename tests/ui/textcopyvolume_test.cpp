// Issue 11: a text copy is read by the TEI document it repeats whichever of the two the window opens
// first. A copy opened before its volume is read again, in its place, once the volume is in.
#include "readerfixture.h"

#include "support/testdata.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class TextCopyAndVolume : public ReaderFixture {
protected:
    // frus1934v05 d122 as a user saved it: a name that says nothing, no number in its heading, and the
    // book's labels (38, 39, 38, 38, 40) that the copy alone cannot turn into the TEI's ids.
    QString pastedCopy()
    {
        const QString path = m_dir.filePath(QStringLiteral("pasted.txt"));
        EXPECT_TRUE(QFile::copy(dataPath(QStringLiteral("textcopies/frus1934v05-d122.txt")), path));
        return path;
    }

    const Document &teiDocument(const QString &id)
    {
        for (int v = 0; v < m_library.library().size(); ++v) {
            const Volume &volume = m_library.library().volume(v);
            if (volume.format != SourceFormat::TextCopy && volume.document(id))
                return *volume.document(id);
        }
        ADD_FAILURE() << "no TEI document " << id.toStdString();
        static const Document none;
        return none;
    }

    static QStringList footnoteIds(const Document &doc)
    {
        QStringList ids;
        for (const Footnote &note : doc.footnotes)
            ids << note.id;
        return ids;
    }
};

} // namespace

TEST_F(TextCopyAndVolume, Issue11ACopyOpenedBeforeItsVolumeIsReadAgainByIt)
{
    ASSERT_TRUE(open({pastedCopy()}));
    const int copy = m_navigator.current().volume;
    EXPECT_TRUE(currentDocument().id.isEmpty()); // alone it cannot know which document it is
    const QString citedAlone = m_window.citationLabel()->text();

    QSignalSpy replaced(&m_library, &OpenLibrary::volumeReplaced);
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1934v05.xml"))}));
    ASSERT_EQ(replaced.count(), 1);
    EXPECT_EQ(replaced.front().front().toInt(), copy);
    const Document &tei = teiDocument(QStringLiteral("d122"));
    const Document &read = m_library.library().volume(copy).documents.at(0);
    EXPECT_EQ(read.id, QStringLiteral("d122"));
    EXPECT_EQ(read.number, tei.number);
    EXPECT_EQ(footnoteIds(read), footnoteIds(tei));

    // Back to the copy: the window shows its new reading, the TEI's labels in the notes pane.
    QTest::keyClick(&m_window, Qt::Key_Left, Qt::AltModifier);
    ASSERT_EQ(m_navigator.current().volume, copy);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d122"));
    const QString notes = m_window.footnotePane()->toPlainText();
    EXPECT_TRUE(notes.contains(QStringLiteral("Not printed."))) << notes.toStdString();
    // Read by its volume, the copy is cited as that volume's document.
    EXPECT_TRUE(m_window.citationLabel()->text().startsWith(QStringLiteral("FRUS 1934, vol. V, Doc. 122,")))
        << m_window.citationLabel()->text().toStdString() << " / alone: " << citedAlone.toStdString();
    EXPECT_NE(m_window.citationLabel()->text(), citedAlone);
    saveScreenshot(QStringLiteral("textcopy-read-again-by-its-volume"));
}

// One request that names the copy first, as the bundled sample does, gives what the reverse order gives.
TEST_F(TextCopyAndVolume, Issue11ACopyNamedBeforeItsVolumeInOneRequestIsReadByIt)
{
    ASSERT_TRUE(open({pastedCopy(), dataPath(QStringLiteral("frus1934v05.xml"))}));
    ASSERT_EQ(m_library.library().volume(0).format, SourceFormat::TextCopy);
    const Document &read = m_library.library().volume(0).documents.at(0);
    EXPECT_EQ(read.id, QStringLiteral("d122"));
    EXPECT_EQ(footnoteIds(read), footnoteIds(teiDocument(QStringLiteral("d122"))));
    EXPECT_EQ(currentDocument().id, QStringLiteral("d122")); // the first file named is shown
}

// A volume that does not hold the copy's document leaves the copy as it was read.
TEST_F(TextCopyAndVolume, Issue11AnotherVolumeLeavesTheCopyAsItWas)
{
    ASSERT_TRUE(open({pastedCopy()}));
    const std::shared_ptr<const Volume> before = m_library.library().volumePtr(0);
    QSignalSpy replaced(&m_library, &OpenLibrary::volumeReplaced);
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1894Nicaragua.xml"))}));
    EXPECT_EQ(replaced.count(), 0);
    EXPECT_EQ(m_library.library().volumePtr(0), before);
}
