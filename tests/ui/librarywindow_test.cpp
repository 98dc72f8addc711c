// Issue 10, the window side: the library index in the reader window — the tree from the index, Add to
// Library with its progress, documents read from their span, stubs read before they are shown, and
// references into volumes opened from the index on demand.
#include "readerfixture.h"

#include "indexprogresswidget.h"
#include "sessionrecorder.h"

#include "catalog/catalogindexer.h"
#include "model/readingtext.h"
#include "parse/volumeloader.h"
#include "render/links.h"
#include "support/testdata.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

namespace marginalia::test {
namespace {

const QString kVolume = QStringLiteral("frus1934v05.xml");
const QString kNicaragua = QStringLiteral("frus1894Nicaragua.xml");
const QString kExtract = QStringLiteral("frus1961-63v09-d316-d318.xml");

QString volumesFolder(const QString &libraryPath)
{
    return QFileInfo(libraryPath).dir().filePath(QStringLiteral("volumes"));
}

void writeCopy(const QString &folder, const QString &name, const QByteArray &data)
{
    QDir().mkpath(folder);
    QFile file(QDir(folder).filePath(name));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

// Copies of the three test volumes, and of frus1934v05 as "frus1889" (the volume a reference of the
// Nicaragua volume leads to: frus1889#pg_469, a page frus1934v05 has), indexed.
void indexTestVolumes(const QString &libraryPath)
{
    const QString folder = volumesFolder(libraryPath);
    for (const QString &name : {kVolume, kNicaragua, kExtract})
        writeCopy(folder, name, readData(name));
    writeCopy(folder, QStringLiteral("frus1889.xml"),
              readData(kVolume).replace(QByteArrayLiteral("frus1934v05"), QByteArrayLiteral("frus1889")));
    auto catalog = Catalog::open(libraryPath, DatabaseAccess::Write);
    ASSERT_TRUE(catalog) << catalog.error().toString().toStdString();
    ASSERT_TRUE((*catalog)->addSources({folder}));
    auto report = indexCatalog(libraryPath, {});
    ASSERT_TRUE(report) << report.error().toString().toStdString();
    ASSERT_EQ(report->indexed, 4);
}

const Volume &wholeVolume(const QString &name)
{
    static std::map<QString, Volume> volumes;
    auto it = volumes.find(name);
    if (it == volumes.end()) {
        Result<Volume> read = loadVolume(dataPath(name));
        EXPECT_TRUE(read) << read.error().toString().toStdString();
        it = volumes.emplace(name, read ? std::move(read).value() : Volume{}).first;
    }
    return it->second;
}

QString readingText(const Document &doc)
{
    return ReadingText(doc.body).text();
}

class LibraryWindow : public ReaderFixture {
protected:
    LibraryWindow() : ReaderFixture(&indexTestVolumes) {}

    LibraryController *controller() const { return m_window.libraryController(); }
    QTreeView *tree() const { return m_window.libraryPane()->catalogTree(); }

    // Double-clicks the row of `documentId` of `volumeId` in the Library tab, as the user does.
    void doubleClickDocument(const QString &volumeId, const QString &documentId)
    {
        const QModelIndex volume = m_catalogModel.indexOfVolume(volumeId);
        ASSERT_TRUE(volume.isValid());
        tree()->expand(volume);
        const QModelIndex row = m_catalogModel.indexOfDocument(volumeId, documentId);
        ASSERT_TRUE(row.isValid()) << documentId.toStdString();
        tree()->expand(row.parent());
        tree()->scrollTo(row);
        QCoreApplication::processEvents(); // the tree lays out what it expanded
        const QRect rect = tree()->visualRect(row);
        ASSERT_FALSE(rect.isEmpty());
        // QTest's double click is the second click only (no press before it): click first, as a hand does.
        QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
    }

    // The document on screen is `id` in full: its reading text is the whole-volume document's, and the
    // view shows it (a stub would show its heading at most).
    void expectShown(const QString &file, const QString &id)
    {
        ASSERT_TRUE(m_navigator.current().valid());
        const Document &shown = currentDocument();
        ASSERT_EQ(shown.id, id);
        const Document *whole = wholeVolume(file).document(id);
        ASSERT_TRUE(whole);
        EXPECT_EQ(readingText(shown), readingText(*whole));
        const QString text = readingText(*whole).simplified();
        const QString middle = text.mid(text.size() / 2, 60);
        EXPECT_FALSE(middle.isEmpty());
        EXPECT_TRUE(m_window.documentView()->toPlainText().simplified().contains(middle)) << middle.toStdString();
    }
};

TEST_F(LibraryWindow, Issue10StartsOnTheIndexShowingTheTreeWithoutParsingAnyVolume)
{
    ASSERT_TRUE(controller());
    EXPECT_EQ(m_library.library().size(), 0); // nothing read
    EXPECT_EQ(m_window.libraryPane()->tabs()->currentWidget(), tree()->parentWidget());
    ASSERT_EQ(tree()->model()->rowCount(), 4);
    for (const QString &id : {QStringLiteral("frus1889"), QStringLiteral("frus1894Nicaragua"), QStringLiteral("frus1934v05"),
                             QStringLiteral("frus1961-63v09")})
        EXPECT_FALSE(m_catalogModel.isFetched(id)) << id.toStdString();
    EXPECT_EQ(m_catalogModel.indexOfVolume(QStringLiteral("frus1934v05")).data().toString(), QStringLiteral("FRUS 1934, vol. V"));
    // The open files are still a tab of their own.
    EXPECT_GE(m_window.libraryPane()->tabs()->indexOf(m_window.libraryPane()->tree()->parentWidget()), 0);
    saveScreenshot(QStringLiteral("issue10-library-tree"));
}

TEST_F(LibraryWindow, Issue10DoubleClickingADocumentReadsItFromItsSpanAndShowsIt)
{
    doubleClickDocument(QStringLiteral("frus1934v05"), QStringLiteral("d316"));
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_navigator.current().valid(); }, 5000));
    expectShown(kVolume, QStringLiteral("d316"));
    ASSERT_EQ(m_library.library().size(), 1);
    const Volume &open = m_library.library().volume(0);
    EXPECT_EQ(open.id, QStringLiteral("frus1934v05"));
    // The snapshot: only the document asked for has a body.
    const int bodies = int(std::count_if(open.documents.begin(), open.documents.end(),
                                         [](const Document &d) { return !d.body.empty(); }));
    EXPECT_EQ(bodies, 1);
    EXPECT_FALSE(m_catalogModel.isFetched(QStringLiteral("frus1894Nicaragua")));
    saveScreenshot(QStringLiteral("issue10-library-document"));
}

TEST_F(LibraryWindow, Issue10NextDocumentOfALibraryVolumeShowsItsTextNotAStub)
{
    ASSERT_TRUE(controller()->openLibraryDocument(QStringLiteral("frus1934v05"), QStringLiteral("d316")));
    const int volume = m_navigator.current().volume;
    QTest::keyClick(&m_window, Qt::Key_PageDown, Qt::ControlModifier);
    const Volume &whole = wholeVolume(kVolume);
    const QString next = whole.documents[std::size_t(whole.documentIndex(QStringLiteral("d316")) + 1)].id;
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentDocument().id == next; }, 5000));
    expectShown(kVolume, next);
    EXPECT_EQ(m_navigator.current().volume, volume); // the same volume, replaced in place
    EXPECT_EQ(m_library.library().size(), 1);
    // The Library tab marks it.
    EXPECT_EQ(tree()->currentIndex().data(CatalogModel::DocumentIdRole).toString(), next);
    // Back returns to a document read before: still whole.
    QTest::keyClick(&m_window, Qt::Key_PageUp, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentDocument().id == QStringLiteral("d316"); }, 5000));
    expectShown(kVolume, QStringLiteral("d316"));
}

TEST_F(LibraryWindow, Issue10AnInVolumeLinkOfALazilyOpenedDocumentOpensItsTarget)
{
    ASSERT_TRUE(controller()->openLibraryDocument(QStringLiteral("frus1961-63v09"), QStringLiteral("d317")));
    const Document &d317 = currentDocument();
    int reference = -1;
    for (std::size_t i = 0; i < d317.crossReferences.size(); ++i) {
        if (d317.crossReferences[i].target == QStringLiteral("d316") && d317.crossReferences[i].volume.isEmpty())
            reference = int(i);
    }
    ASSERT_GE(reference, 0);
    QTextEdit *pane = d317.crossReferences[std::size_t(reference)].where.inBody()
        ? static_cast<QTextEdit *>(m_window.documentView())
        : static_cast<QTextEdit *>(m_window.footnotePane());
    ASSERT_TRUE(clickLink(pane, linkUrl({LinkTarget::Reference, reference, {}})));
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentDocument().id == QStringLiteral("d316"); }, 5000));
    expectShown(kExtract, QStringLiteral("d316"));
    // Back to the letter, whole again.
    m_navigator.back();
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentDocument().id == QStringLiteral("d317"); }, 5000));
    expectShown(kExtract, QStringLiteral("d317"));
}

TEST_F(LibraryWindow, Issue10AReferenceIntoAnotherVolumeOfTheLibraryOpensItFromTheIndex)
{
    // frus1894Nicaragua cites "Foreign Relations for that year, page 469" (frus1889#pg_469).
    const Volume &nicaragua = wholeVolume(kNicaragua);
    QString citing;
    int reference = -1;
    for (const Document &doc : nicaragua.documents) {
        for (std::size_t i = 0; i < doc.crossReferences.size() && reference < 0; ++i) {
            if (doc.crossReferences[i].raw == QStringLiteral("frus1889#pg_469")) {
                citing = doc.id;
                reference = int(i);
            }
        }
    }
    ASSERT_GE(reference, 0);
    ASSERT_TRUE(controller()->openLibraryDocument(QStringLiteral("frus1894Nicaragua"), citing));
    QSignalSpy shown(&m_navigator, &Navigator::currentChanged);
    ASSERT_TRUE(clickLink(m_window.documentView(), linkUrl({LinkTarget::Reference, reference, {}})));
    ASSERT_TRUE(QTest::qWaitFor([&] { return currentVolumeId() == QStringLiteral("frus1889"); }, 5000));
    ASSERT_EQ(m_library.library().size(), 2);
    // The document holding page 469 of the copy, whole, scrolled to its page break.
    const Volume &target = wholeVolume(kVolume);
    const IdTarget page = target.ids.value(QStringLiteral("pg_469"));
    ASSERT_GE(page.document, 0);
    EXPECT_EQ(currentDocument().id, target.documents[std::size_t(page.document)].id);
    EXPECT_EQ(readingText(currentDocument()), readingText(target.documents[std::size_t(page.document)]));
    // Brought into sight at its page break, found once the stub was read.
    ASSERT_FALSE(shown.isEmpty());
    const Focus focus = shown.back().at(1).value<Focus>();
    EXPECT_EQ(focus.kind, Focus::PageBreak);
    ASSERT_GE(focus.index, 0);
    ASSERT_LT(std::size_t(focus.index), currentDocument().pageBreaks.size());
    EXPECT_EQ(currentDocument().pageBreaks[std::size_t(focus.index)].id, QStringLiteral("pg_469"));
}

TEST_F(LibraryWindow, Issue10AFileChangedSinceIndexingIsSaidAndReindexedThenOpens)
{
    const QString path = QDir(volumesFolder(m_catalogPath)).filePath(kExtract);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(readData(kExtract).replace(QByteArrayLiteral("Dear Luther"), QByteArrayLiteral("Dear Luther Hodges")));
    file.close();
    QSignalSpy problems(controller(), &LibraryController::problem);
    QSignalSpy finished(controller(), &LibraryController::indexingFinished);
    EXPECT_FALSE(controller()->openLibraryDocument(QStringLiteral("frus1961-63v09"), QStringLiteral("d317")));
    ASSERT_EQ(problems.count(), 1);
    EXPECT_TRUE(problems.at(0).at(0).toString().contains(path)) << problems.at(0).at(0).toString().toStdString();
    EXPECT_FALSE(m_navigator.current().valid());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(finished.at(0).at(0).value<IndexReport>().indexed, 1);
    ASSERT_TRUE(controller()->openLibraryDocument(QStringLiteral("frus1961-63v09"), QStringLiteral("d317")));
    EXPECT_TRUE(m_window.documentView()->toPlainText().contains(QStringLiteral("Dear Luther Hodges")));
}

TEST_F(LibraryWindow, Issue10TheRunAtStartIsQuietWhenNothingChanged)
{
    QSignalSpy finished(controller(), &LibraryController::indexingFinished);
    controller()->startIndexing(true);
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(finished.at(0).at(0).value<IndexReport>().unchanged, 4);
    EXPECT_FALSE(controller()->progressWidget()->isVisible());
    EXPECT_EQ(m_library.library().size(), 0);
}

TEST_F(LibraryWindow, Issue10TheSessionRemembersALibraryDocumentNotItsFileToParse)
{
    SessionRecorder session(&m_library, &m_navigator, &m_settings, &m_catalogVolumes); // as app/main.cpp makes it
    ASSERT_TRUE(controller()->openLibraryDocument(QStringLiteral("frus1961-63v09"), QStringLiteral("d318")));
    EXPECT_EQ(m_settings.value(QStringLiteral("session/libraryDocument")).toString(), QStringLiteral("frus1961-63v09#d318"));
    EXPECT_TRUE(m_settings.value(QStringLiteral("session/files")).toStringList().isEmpty());
}

// Issue 12 (14): a volume opened from the index, closed, leaves the open files and the session; the
// index keeps it, and it opens from there again.
TEST_F(LibraryWindow, Issue12ClosingAVolumeOfTheIndexLeavesTheOpenFilesNotTheIndex)
{
    SessionRecorder session(&m_library, &m_navigator, &m_settings, &m_catalogVolumes); // as app/main.cpp makes it
    const int indexed = m_catalogModel.volumeCount();
    ASSERT_TRUE(controller()->openLibraryDocument(QStringLiteral("frus1961-63v09"), QStringLiteral("d318")));
    ASSERT_TRUE(open({dataPath(kNicaragua)}));
    ASSERT_EQ(m_library.library().size(), 2);
    m_navigator.back(); // Doc 318, of the index
    ASSERT_EQ(m_settings.value(QStringLiteral("session/libraryDocument")).toString(), QStringLiteral("frus1961-63v09#d318"));

    QTest::keyClick(m_window.windowHandle(), Qt::Key_W, Qt::ControlModifier); // File › Close Volume
    QCoreApplication::processEvents();

    ASSERT_EQ(m_library.library().size(), 1);
    EXPECT_EQ(currentVolumeId().toStdString(), "frus1894Nicaragua");
    EXPECT_EQ(m_libraryModel.rowCount(), 1);
    EXPECT_EQ(m_catalogModel.volumeCount(), indexed);
    EXPECT_FALSE(m_settings.contains(QStringLiteral("session/libraryDocument")));
    EXPECT_EQ(m_settings.value(QStringLiteral("session/files")).toStringList(), QStringList({dataPath(kNicaragua)}));
    ASSERT_TRUE(controller()->openLibraryDocument(QStringLiteral("frus1961-63v09"), QStringLiteral("d316")));
    EXPECT_EQ(currentDocument().id.toStdString(), "d316");
}

// The library starts empty; Add to Library is driven through the File menu's action.
class AddToLibraryWindow : public ReaderFixture {
protected:
    AddToLibraryWindow() : ReaderFixture([](const QString &) {}) {}
    QAction *action(const QString &name) { return m_window.findChild<QAction *>(name); }
};

TEST_F(AddToLibraryWindow, Issue10AddFolderIndexesInTheBackgroundWithProgressAndShowsTheNewVolumes)
{
    const QString folder = m_dir.filePath(QStringLiteral("added"));
    for (const QString &name : {kVolume, kNicaragua, kExtract})
        writeCopy(folder, name, readData(name));
    QByteArray broken = readData(kNicaragua).replace(QByteArrayLiteral("frus1894Nicaragua"), QByteArrayLiteral("frus1894Broken"));
    broken.truncate(broken.size() / 2);
    writeCopy(folder, QStringLiteral("broken.xml"), broken);
    const QString brokenPath = QDir(folder).filePath(QStringLiteral("broken.xml"));

    LibraryController *library = m_window.libraryController();
    ASSERT_TRUE(library);
    auto *hint = m_window.findChild<QLabel *>(QStringLiteral("libraryEmptyHint"));
    ASSERT_TRUE(hint);
    EXPECT_FALSE(hint->isHidden()); // an empty library says how to fill it
    library->setPathChooser([folder](bool wantsFolder) { return wantsFolder ? QStringList{folder} : QStringList{}; });
    QSignalSpy finished(library, &LibraryController::indexingFinished);
    QAction *add = action(QStringLiteral("addFolderToLibraryAction"));
    ASSERT_TRUE(add);
    add->trigger();

    IndexProgressWidget *progress = library->progressWidget();
    EXPECT_TRUE(progress->isVisible());
    EXPECT_TRUE(progress->text().startsWith(QStringLiteral("Indexing"))) << progress->text().toStdString();
    EXPECT_TRUE(progress->cancelButton()->isVisible());
    EXPECT_TRUE(progress->bar()->isVisible());
    // A picture of the progress with its figures, when the run is not over before one arrives.
    if (QTest::qWaitFor([&] { return progress->text().contains(QStringLiteral(" of ")) || !finished.isEmpty(); }, 30000)
        && finished.isEmpty())
        saveScreenshot(QStringLiteral("issue10-indexing"));
    // The window stays usable meanwhile: a file opens while the index is written.
    ASSERT_TRUE(open({dataPath(kExtract)}, QStringLiteral("d317")));
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));

    ASSERT_TRUE(finished.wait(60000));
    const auto report = finished.at(0).at(0).value<IndexReport>();
    EXPECT_EQ(report.indexed, 3);
    EXPECT_EQ(report.failed, 1);
    EXPECT_EQ(progress->text(), QStringLiteral("Library: 3 indexed · 0 unchanged · 0 missing · 1 failed"));
    EXPECT_FALSE(progress->bar()->isVisible());
    EXPECT_TRUE(progress->detailsButton()->isVisible());
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(brokenPath) + QStringLiteral(":\\d+:\\d+: "))
                    .match(progress->details())
                    .hasMatch())
        << progress->details().toStdString();
    ASSERT_EQ(m_catalogModel.rowCount(), 4); // three volumes and the failed file
    EXPECT_TRUE(hint->isHidden());
    EXPECT_EQ(m_catalogModel.index(3, 1).data().toString(), QStringLiteral("failed"));
    EXPECT_EQ(m_window.libraryPane()->tabs()->currentWidget(), m_window.libraryPane()->catalogTree()->parentWidget());
    saveScreenshot(QStringLiteral("issue10-add-to-library"));

    // Adding again: nothing new to read.
    add->trigger();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(finished.at(1).at(0).value<IndexReport>().unchanged, 3);
}

// Drops: a folder on the window, or anything on the Library tab, is added; a plain file on the window
// opens as it always did.
TEST_F(AddToLibraryWindow, Issue10DroppedFoldersAreAddedAndDroppedFilesOpen)
{
    const QString folder = m_dir.filePath(QStringLiteral("dropped"));
    writeCopy(folder, kExtract, readData(kExtract));
    LibraryController *library = m_window.libraryController();
    QSignalSpy finished(library, &LibraryController::indexingFinished);
    const auto drop = [](QWidget *target, const QString &path, Qt::KeyboardModifiers modifiers = {}) {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        // As a real drag: entered first (Qt delivers a drop only where the drag was accepted), then dropped.
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, modifiers);
        QCoreApplication::sendEvent(target, &enter);
        QDropEvent event(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, modifiers);
        QCoreApplication::sendEvent(target, &event);
    };
    drop(&m_window, folder);
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(m_catalogModel.rowCount(), 1);
    EXPECT_EQ(m_library.library().size(), 0); // added, not opened

    // A file dropped on the Library tab is added too.
    const QString nicaragua = m_dir.filePath(QStringLiteral("frus1894Nicaragua.xml"));
    writeCopy(m_dir.path(), kNicaragua, readData(kNicaragua));
    drop(m_window.libraryPane()->catalogTree()->parentWidget(), nicaragua);
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(m_catalogModel.rowCount(), 2);
    EXPECT_EQ(m_library.library().size(), 0);

    // A plain file on the window opens, as before.
    QSignalSpy opened(m_window.opener(), &VolumeOpener::finished);
    drop(&m_window, dataPath(kExtract));
    ASSERT_TRUE(opened.wait(30000));
    EXPECT_EQ(m_library.library().size(), 1);
    EXPECT_EQ(m_catalogModel.rowCount(), 2);
}

TEST_F(AddToLibraryWindow, Issue10CancelStopsIndexingAndSaysSo)
{
    const QString folder = m_dir.filePath(QStringLiteral("added"));
    for (const QString &name : {kVolume, kNicaragua, kExtract})
        writeCopy(folder, name, readData(name));
    LibraryController *library = m_window.libraryController();
    QSignalSpy finished(library, &LibraryController::indexingFinished);
    library->addToLibrary({folder});
    ASSERT_TRUE(library->isIndexing());
    library->progressWidget()->cancelButton()->click();
    ASSERT_TRUE(finished.wait(60000));
    const auto report = finished.at(0).at(0).value<IndexReport>();
    EXPECT_TRUE(report.cancelled);
    EXPECT_LT(report.indexed, 3);
    EXPECT_TRUE(library->progressWidget()->text().startsWith(QStringLiteral("Indexing cancelled: "))) << library->progressWidget()->text().toStdString();
    EXPECT_EQ(m_catalogModel.rowCount(), report.indexed); // what was committed stays, and shows
}

TEST_F(AddToLibraryWindow, Issue10ProgressReadsAsVolumesRateAndTimeLeft)
{
    IndexProgress p;
    p.volumesDone = 11;
    p.volumesTotal = 60;
    p.bytesPerSecond = 38e6;
    p.secondsLeft = 19.4;
    EXPECT_EQ(IndexProgressWidget::progressText(p), QStringLiteral("Indexing 12 of 60 volume(s) · 38 MB/s · 20 s left"));
    p.bytesPerSecond = 0;
    p.secondsLeft = -1;
    EXPECT_EQ(IndexProgressWidget::progressText(p), QStringLiteral("Indexing 12 of 60 volume(s)"));
}

// A damaged index: the reader works, the status bar says why, and Rebuild makes a new one without
// touching the annotation database.
class DamagedLibraryWindow : public ReaderFixture {
protected:
    DamagedLibraryWindow()
        : ReaderFixture([](const QString &path) {
              QFile garbage(path);
              ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
              garbage.write(QByteArray(8192, 'x'));
          })
    {
    }
};

TEST_F(DamagedLibraryWindow, Issue10ADamagedIndexIsReportedAndRebuiltWithoutTouchingTheAnnotations)
{
    LibraryController *library = m_window.libraryController();
    ASSERT_TRUE(library);
    EXPECT_FALSE(library->hasCatalog());
    IndexProgressWidget *status = library->progressWidget();
    EXPECT_TRUE(status->isVisible());
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Library index unavailable: "))) << status->text().toStdString();
    EXPECT_TRUE(status->rebuildButton()->isVisible());
    // Reading works as ever.
    ASSERT_TRUE(open({dataPath(kExtract)}, QStringLiteral("d317")));
    EXPECT_EQ(currentDocument().id, QStringLiteral("d317"));

    const QString annotations = m_dir.filePath(QStringLiteral("annotations.sqlite"));
    QFile annotationFile(annotations);
    ASSERT_TRUE(annotationFile.open(QIODevice::ReadOnly));
    const QByteArray before = annotationFile.readAll();
    annotationFile.close();

    status->rebuildButton()->click();
    EXPECT_TRUE(library->hasCatalog());
    EXPECT_FALSE(status->isVisible());
    ASSERT_TRUE(m_window.libraryPane()->catalogTree());
    EXPECT_EQ(m_catalogModel.rowCount(), 0);
    ASSERT_TRUE(annotationFile.open(QIODevice::ReadOnly));
    EXPECT_EQ(annotationFile.readAll(), before);
    // The new index takes volumes.
    QSignalSpy finished(library, &LibraryController::indexingFinished);
    library->addToLibrary({dataPath(kExtract)});
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(m_catalogModel.rowCount(), 1);
}

} // namespace
} // namespace marginalia::test
