// Issue 12 (16): File › Export Annotations… and File › Import Annotations…, through the menu, against
// the real marginalia-cli: the window's file equals the command's for the same database and document,
// and an import goes through the annotation service (undo, team sync) with a plain report.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "annotationexchangecontroller.h"
#include "annotationexportdialog.h"
#include "models/annotationsmodel.h"
#include "support/testdata.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTimer>
#include <QTest>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QString kVolume = QStringLiteral("frus1961-63v09-d316-d318.xml");

class WindowAnnotationExchange : public ReaderFixture {
protected:
    QAction *action(const char *name) { return m_window.findChild<QAction *>(QString::fromLatin1(name)); }

    // Two annotations on Doc 317 as a user makes them (a highlight by its key, a note), one on Doc 316.
    void annotate()
    {
        ASSERT_TRUE(open({dataPath(kVolume)}, QStringLiteral("d316")));
        selectInView(QStringLiteral("Western code of fair trade practices"));
        QTest::keyClick(m_window.documentView(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        m_navigator.openDocument(0, m_library.library().volume(0).documentIndex(QStringLiteral("d317")));
        ASSERT_EQ(currentDocument().id, QStringLiteral("d317"));
        selectInView(QStringLiteral("obtain agreement in COCOM"));
        QTest::keyClick(m_window.documentView(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        selectInView(QStringLiteral("determined effort to get our Allies"));
        m_window.annotationController()->noteSelection(QStringLiteral("Compare the NSC record of July 17."));
        ASSERT_EQ(m_window.documentAnnotations()->rowCount(), 2);
    }

    // File › Export Annotations…, answered as a user answers it: the format typed into its list, the path
    // typed, Export clicked. `everything` picks "Every annotation" instead of this document's.
    void exportThroughTheMenu(const QString &formatLabel, const QString &path, bool everything = false)
    {
        QTimer poll;
        poll.setInterval(30);
        QObject::connect(&poll, &QTimer::timeout, [&] {
            auto *dialog = qobject_cast<AnnotationExportDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible())
                return;
            poll.stop();
            if (everything) {
                for (QRadioButton *choice : dialog->findChildren<QRadioButton *>())
                    if (choice->text() == QStringLiteral("Every annotation"))
                        QTest::mouseClick(choice, Qt::LeftButton, {}, QPoint(4, choice->height() / 2));
            }
            auto *format = dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"));
            format->setFocus();
            QTest::keyClicks(format, formatLabel);
            auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("exportPath"));
            file->selectAll();
            QTest::keyClicks(file, path);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        poll.start();
        QSignalSpy exported(m_window.annotationExchange(), &AnnotationExchangeController::exported);
        action("exportAnnotationsAction")->trigger(); // returns once the dialog is answered
        ASSERT_EQ(exported.size(), 1);
        EXPECT_EQ(exported.at(0).at(0).toString(), path);
    }

    QByteArray cliExport(const QStringList &options)
    {
        QProcess cli;
        cli.start(QStringLiteral(MARGINALIA_CLI),
                  QStringList{QStringLiteral("export-annotations"), QStringLiteral("--db"), m_annotations.path()}
                      + options + QStringList{dataPath(kVolume)});
        EXPECT_TRUE(cli.waitForFinished(60000));
        EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
        return cli.readAllStandardOutput();
    }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        return file.readAll();
    }

    QMessageBox *report()
    {
        return m_window.findChild<QMessageBox *>(QStringLiteral("annotationExchangeReport"));
    }
};

} // namespace

TEST_F(WindowAnnotationExchange, W3cExportOfTheDocumentEqualsTheCli)
{
    annotate();
    const QString out = m_dir.filePath(QStringLiteral("d317.jsonld"));
    exportThroughTheMenu(QStringLiteral("W3C"), out);
    const QByteArray window = contents(out);
    EXPECT_EQ(window, cliExport({QStringLiteral("--doc"), QStringLiteral("frus1961-63v09/d317")}));
    // Read back as JSON: this document's two, with positions counted in its TEI text.
    const QJsonObject collection = QJsonDocument::fromJson(window).object();
    EXPECT_EQ(collection.value(QStringLiteral("total")).toInt(), 2);
    const QJsonArray items = collection.value(QStringLiteral("first")).toObject().value(QStringLiteral("items")).toArray();
    ASSERT_EQ(items.size(), 2);
    EXPECT_TRUE(window.contains("TextPositionSelector"));
    EXPECT_TRUE(window.contains("Compare the NSC record of July 17."));
    EXPECT_FALSE(window.contains("d316"));
}

TEST_F(WindowAnnotationExchange, MarkdownExportOfEveryAnnotationEqualsTheCli)
{
    annotate();
    const QString out = m_dir.filePath(QStringLiteral("all.md"));
    exportThroughTheMenu(QStringLiteral("Markdown"), out, true);
    const QByteArray window = contents(out);
    EXPECT_EQ(window, cliExport({QStringLiteral("--format"), QStringLiteral("markdown")}));
    EXPECT_TRUE(window.startsWith("# Annotations")) << window.left(80).toStdString();
    EXPECT_TRUE(window.contains("obtain agreement in COCOM"));
    EXPECT_TRUE(window.contains("Western code of fair trade practices"));
    EXPECT_TRUE(window.contains("p. ")); // cited with its page, from the open volume
}

// Issue 13 (15): with a citation style chosen under Edit › Citation Style, the window's Markdown cites
// each document in it, as `export-annotations --citation-style` does.
TEST_F(WindowAnnotationExchange, Issue13MarkdownCitesEachDocumentInTheChosenStyleAsTheCliDoes)
{
    annotate();
    m_window.controller()->setCitationStyle(CitationStyle::Hsg);
    const QString out = m_dir.filePath(QStringLiteral("cited.md"));
    exportThroughTheMenu(QStringLiteral("Markdown"), out, true);
    const QByteArray window = contents(out);
    EXPECT_EQ(window, cliExport({QStringLiteral("--format"), QStringLiteral("markdown"), QStringLiteral("--citation-style"),
                                 QStringLiteral("hsg")}));
    EXPECT_TRUE(window.contains("Volume IX, Foreign Economic Policy")) << window.left(600).toStdString();
    EXPECT_TRUE(window.contains("Document 317")) << window.left(600).toStdString();
}

TEST_F(WindowAnnotationExchange, HypothesisImportIsReportedListedUndoneAndSynced)
{
    ASSERT_TRUE(open({dataPath(kVolume)}, QStringLiteral("d317")));
    ASSERT_EQ(m_window.documentAnnotations()->rowCount(), 0);
    const QString file = dataPath(QStringLiteral("hypothesis/search-frus1961-63v09.json"));
    m_window.annotationExchange()->setImportFileChooser([file] { return file; });
    QSignalSpy written(&m_annotations, &AnnotationService::written); // what a team sync pushes on
    action("importAnnotationsAction")->trigger();

    // Three anchored (d316, d317, d318); the page note and the reply are skipped and named.
    ASSERT_NE(report(), nullptr);
    EXPECT_EQ(report()->text().toStdString(), "Imported search-frus1961-63v09.json: 3 added, 0 updated, 0 unchanged, 2 skipped.");
    EXPECT_EQ(report()->textFormat(), Qt::PlainText);
    EXPECT_EQ(report()->detailedText().count(QStringLiteral("skipped: ")), 2);
    EXPECT_TRUE(report()->detailedText().contains(file + u':')) << report()->detailedText().toStdString();
    EXPECT_GE(written.size(), 1);
    ASSERT_EQ(m_window.documentAnnotations()->rowCount(), 1);
    EXPECT_EQ(m_window.documentAnnotations()->index(0).data(AnnotationsModel::QuoteRole).toString(),
              QStringLiteral("we could not at this time obtain agreement in COCOM"));
    report()->close();
    QApplication::processEvents();

    // The same file again changes nothing and says so.
    action("importAnnotationsAction")->trigger();
    ASSERT_NE(report(), nullptr);
    EXPECT_EQ(report()->text().toStdString(), "Imported search-frus1961-63v09.json: 0 added, 0 updated, 3 unchanged, 2 skipped.");
    report()->close();
    QApplication::processEvents();

    // Edit › Undo takes the import back, all of it; Redo brings it again.
    m_window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&m_window));
    QTest::keyClick(m_window.documentView(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(m_window.documentAnnotations()->rowCount(), 0);
    EXPECT_EQ(m_annotations.annotatedDocuments().size(), 0);
    QTest::keyClick(m_window.documentView(), Qt::Key_Y, Qt::ControlModifier);
    EXPECT_EQ(m_window.documentAnnotations()->rowCount(), 1);
    EXPECT_EQ(m_annotations.annotatedDocuments().size(), 3);
}

TEST_F(WindowAnnotationExchange, ImportOfAFileThatIsNotJsonSaysWhereAndChangesNothing)
{
    ASSERT_TRUE(open({dataPath(kVolume)}, QStringLiteral("d317")));
    const QString file = m_dir.filePath(QStringLiteral("broken.jsonld"));
    QFile broken(file);
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("{\"type\": \"AnnotationCollection\",\n  \"first\": [");
    broken.close();
    m_window.annotationExchange()->setImportFileChooser([file] { return file; });
    action("importAnnotationsAction")->trigger();
    ASSERT_NE(report(), nullptr);
    EXPECT_TRUE(report()->text().startsWith(file + QStringLiteral(":2:"))) << report()->text().toStdString();
    EXPECT_TRUE(report()->text().contains(QStringLiteral("not valid JSON")));
    EXPECT_EQ(m_annotations.annotatedDocuments().size(), 0);
    EXPECT_FALSE(m_undoStack.canUndo());
}
