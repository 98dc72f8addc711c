// File › Export PDF from the window: the export runs off the GUI thread, and cancel leaves no file.
#include "readerfixture.h"

#include "pdfexportcontroller.h"
#include "pdfexportjob.h"
#include "support/testdata.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class WindowPdfExport : public ReaderFixture {
protected:
    // The box that says the export finished, once it is on screen.
    QMessageBox *finishedBox()
    {
        QMessageBox *box = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            box = m_window.findChild<QMessageBox *>(QStringLiteral("pdfExportedBox"));
            return box && box->isVisible();
        }, 5000);
        return shown ? box : nullptr;
    }
    QAbstractButton *button(QMessageBox *box, const QString &text)
    {
        for (QAbstractButton *b : box->buttons()) {
            if (b->text() == text)
                return b;
        }
        ADD_FAILURE() << "no button " << text.toStdString();
        return nullptr;
    }
};

} // namespace

TEST_F(WindowPdfExport, ExportsTheCurrentDocument)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    const QString out = m_dir.filePath(QStringLiteral("d317.pdf"));
    QSignalSpy exported(m_window.pdfExport(), &PdfExportController::exported);
    m_window.pdfExport()->startExport({{m_navigator.current().volume, m_navigator.current().document}}, {}, out);
    ASSERT_TRUE(exported.wait(30000));
    EXPECT_EQ(exported.at(0).at(0).toString(), out);
    EXPECT_GE(exported.at(0).at(1).toInt(), 1);
    QFile pdf(out);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.read(5).startsWith("%PDF-"));
}

TEST_F(WindowPdfExport, CancelledExportLeavesNoFile)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1934v05.xml"))}));
    const QString out = m_dir.filePath(QStringLiteral("volume.pdf"));
    std::vector<std::pair<int, int>> all;
    for (int d = 0; d < int(m_library.library().volume(0).documents.size()); ++d)
        all.emplace_back(0, d);
    QSignalSpy failed(m_window.pdfExport(), &PdfExportController::exportFailed);
    m_window.pdfExport()->startExport(all, {}, out);
    auto *job = m_window.pdfExport()->findChild<PdfExportJob *>();
    ASSERT_NE(job, nullptr);
    job->cancel();
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_FALSE(QFileInfo::exists(out));
    const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("volume.pdf*")}, QDir::Files);
    EXPECT_TRUE(leftovers.isEmpty()) << leftovers.join(u' ').toStdString();
}

// Issue 9: an annotation database the export cannot read fails the export, with the file named, instead
// of writing the PDF silently without the annotations.
TEST_F(WindowPdfExport, Issue9AnnotationDatabaseThatCannotBeReadFailsTheExport)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    const QString notADatabase = m_dir.filePath(QStringLiteral("not-a-database.sqlite"));
    QFile file(notADatabase);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const QString out = m_dir.filePath(QStringLiteral("d317.pdf"));
    PdfExportJob job(m_library.library(), notADatabase,
                     {{{m_navigator.current().volume, m_navigator.current().document}}, {}, out});
    QSignalSpy failed(&job, &PdfExportJob::failed);
    QSignalSpy finished(&job, &PdfExportJob::finished);
    job.start();
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_TRUE(finished.isEmpty());
    const Error error = failed.at(0).at(0).value<Error>();
    EXPECT_TRUE(error.toString().contains(notADatabase)) << error.toString().toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));
}

// Issue 9: the export runs on the one background-job type, so deleting the job while it exports a whole
// volume tells the work to stop, delivers nothing to the deleted job, and leaves no file behind.
TEST_F(WindowPdfExport, Issue9DeletingTheJobMidExportDeliversNothingAndLeavesNoFile)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1934v05.xml"))}));
    const QString out = m_dir.filePath(QStringLiteral("deleted.pdf"));
    std::vector<std::pair<int, int>> all;
    for (int d = 0; d < int(m_library.library().volume(0).documents.size()); ++d)
        all.emplace_back(0, d);
    QObject receiver;
    int delivered = 0;
    auto *job = new PdfExportJob(m_library.library(), m_annotations.path(), {all, {}, out});
    QObject::connect(job, &PdfExportJob::finished, &receiver, [&] { ++delivered; });
    QObject::connect(job, &PdfExportJob::failed, &receiver, [&] { ++delivered; });
    QSignalSpy progress(job, &PdfExportJob::progress);
    job->start();
    ASSERT_TRUE(progress.wait(30000));
    delete job;
    ASSERT_TRUE(QThreadPool::globalInstance()->waitForDone(60000));
    QTest::qWait(50);
    EXPECT_EQ(delivered, 0);
    EXPECT_FALSE(QFileInfo::exists(out));
    const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("deleted.pdf*")}, QDir::Files);
    EXPECT_TRUE(leftovers.isEmpty()) << leftovers.join(u' ').toStdString();
}

// Issue 12, item 14: a finished export says where the file is and opens it, or its folder, when asked
// (through the opener the test gives, so nothing is launched).
TEST_F(WindowPdfExport, Issue12AFinishedExportSaysWhereAndOpensTheFileOrItsFolder)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d317")));
    QList<QUrl> opened;
    m_window.pdfExport()->setUrlOpener([&opened](const QUrl &url) {
        opened << url;
        return true;
    });
    const QString out = m_dir.filePath(QStringLiteral("d317.pdf"));
    QSignalSpy exported(m_window.pdfExport(), &PdfExportController::exported);
    const std::vector<std::pair<int, int>> d317{{m_navigator.current().volume, m_navigator.current().document}};
    m_window.pdfExport()->startExport(d317, {}, out);
    ASSERT_TRUE(exported.wait(30000));
    QMessageBox *box = finishedBox();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QDir::toNativeSeparators(out))) << box->text().toStdString();
    saveScreenshot(QStringLiteral("pdf-export-finished"));
    QAbstractButton *openPdf = button(box, QStringLiteral("&Open PDF"));
    ASSERT_NE(openPdf, nullptr);
    QTest::mouseClick(openPdf, Qt::LeftButton);
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.at(0), QUrl::fromLocalFile(out));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !m_window.findChild<QMessageBox *>(QStringLiteral("pdfExportedBox")); }, 5000));

    m_window.pdfExport()->startExport(d317, {}, out);
    ASSERT_TRUE(exported.wait(30000));
    box = finishedBox();
    ASSERT_NE(box, nullptr);
    QAbstractButton *folder = button(box, QStringLiteral("Show &Folder"));
    ASSERT_NE(folder, nullptr);
    QTest::mouseClick(folder, Qt::LeftButton);
    ASSERT_EQ(opened.size(), 2);
    EXPECT_EQ(opened.at(1), QUrl::fromLocalFile(QFileInfo(out).absolutePath()));
}
