// What the window does with files it cannot read and with hostile text: report, keep what is open, show
// text only as text.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "render/links.h"
#include "support/testdata.h"

#include <QAction>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QSignalSpy>
#include <QTextBlock>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class ReaderBadInput : public ReaderFixture {
protected:
    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return path;
    }
};

} // namespace

TEST_F(ReaderBadInput, MalformedFileIsReportedAndLeavesTheOpenDocumentAlone)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    const QString before = m_window.documentView()->toPlainText();
    const QString bad = writeFile(QStringLiteral("broken.xml"),
                                  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body>\n<p>open</div>\n");
    QSignalSpy failed(m_window.opener(), &VolumeOpener::failed);
    ASSERT_TRUE(open({bad}));
    ASSERT_EQ(failed.count(), 1);
    const auto error = failed.at(0).at(0).value<Error>();
    EXPECT_EQ(error.file, bad);
    EXPECT_EQ(error.line, 3);
    EXPECT_GT(error.column, 0);
    EXPECT_EQ(m_library.library().size(), 1);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));
    EXPECT_EQ(m_window.documentView()->toPlainText(), before);
}

TEST_F(ReaderBadInput, MissingFileIsReported)
{
    QSignalSpy failed(m_window.opener(), &VolumeOpener::failed);
    ASSERT_TRUE(open({m_dir.filePath(QStringLiteral("nowhere.xml"))}));
    EXPECT_EQ(failed.count(), 1);
    EXPECT_EQ(m_library.library().size(), 0);
}

TEST_F(ReaderBadInput, MarkupInADocumentStaysText)
{
    const QString path = writeFile(QStringLiteral("hostile.xml"), R"TEI(<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div type="document" xml:id="d1" n="1"><head>1. &lt;b&gt;Bold&lt;/b&gt; title</head>
<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href="file:///etc/passwd"&gt;x&lt;/a&gt; &lt;img src="http://example.com/t.png"&gt;</p>
<p>See <ref target="javascript:alert(1)">this</ref> and <ref target="file:///etc/passwd">that</ref>.</p></div></body></text></TEI>)TEI");
    ASSERT_TRUE(open({path}));
    const QString shown = m_window.documentView()->toPlainText();
    EXPECT_TRUE(shown.contains(QStringLiteral("<script>alert(1)</script>")));
    EXPECT_TRUE(shown.contains(QStringLiteral("<a href=\"file:///etc/passwd\">x</a>")));
    EXPECT_TRUE(shown.contains(QStringLiteral("<b>Bold</b>")));
    // Every link in the view is one the renderer made; the two refs lead nowhere when followed.
    const QTextDocument *doc = m_window.documentView()->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            EXPECT_FALSE(f.isImageFormat());
            if (f.isAnchor()) {
                EXPECT_TRUE(parseLink(QUrl(f.anchorHref())).has_value()) << f.anchorHref().toStdString();
            }
        }
    }
    QSignalSpy external(&m_navigator, &Navigator::externalLinkRequested);
    QSignalSpy unresolved(&m_navigator, &Navigator::unresolved);
    m_navigator.followReference(0);
    m_navigator.followReference(1);
    EXPECT_EQ(external.count(), 0);
    EXPECT_EQ(unresolved.count(), 2);
}

TEST_F(ReaderBadInput, TextCopyWhoseMarkersDoNotLineUpOpensWithAWarning)
{
    QByteArray text = test::readData(QStringLiteral("frus1961-63v09-d317.txt"));
    text.replace("bloc.1", "bloc."); // marker 1 gone: the list no longer lines up with the text
    const QString path = writeFile(QStringLiteral("d317-damaged.txt"), text);
    QSignalSpy warned(m_window.opener(), &VolumeOpener::warned);
    ASSERT_TRUE(open({path}));
    EXPECT_GE(warned.count(), 1);
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));
    EXPECT_TRUE(m_window.documentView()->toPlainText().contains(QStringLiteral("Dear Luther")));
}

TEST(ReaderWithBrokenDatabase, OpensDocumentsAndLeavesTheDatabaseFileAlone)
{
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("annotations.sqlite"));
    QFile corrupt(dbPath);
    ASSERT_TRUE(corrupt.open(QIODevice::WriteOnly));
    const QByteArray bytes = QByteArrayLiteral("SQLite format 3") + QByteArray(4096, '\x5a');
    corrupt.write(bytes);
    corrupt.close();

    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    OpenLibrary library;
    Navigator navigator(&library);
    LibraryModel model(&library);
    AnnotationService annotations;
    const Result<bool> opened = annotations.open(dbPath);
    ASSERT_FALSE(opened.has_value());
    EXPECT_TRUE(opened.error().toString().contains(dbPath));
    SearchResultsModel search(&library);
    QUndoStack undo;
    MainWindow window({&library, &navigator, &model, &search, &settings, &annotations, &undo});
    window.opener()->setInteractive(false);
    window.show();
    QSignalSpy finished(window.opener(), &VolumeOpener::finished);
    window.opener()->open({test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317"));
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_TRUE(window.documentView()->toPlainText().contains(QStringLiteral("Dear Luther")));
    // Annotating is off, and trying says why instead of writing anything.
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->text() == QObject::tr("&Highlight")) {
            EXPECT_FALSE(a->isEnabled());
        }
    }
    QTextCursor c(window.documentView()->document());
    c.setPosition(10);
    c.setPosition(20, QTextCursor::KeepAnchor);
    window.documentView()->setTextCursor(c);
    window.annotationController()->highlightSelection();
    ASSERT_TRUE(corrupt.open(QIODevice::ReadOnly));
    EXPECT_EQ(corrupt.readAll(), bytes);
}
