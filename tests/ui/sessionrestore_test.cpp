// Issue 12 (2): one missing file does not throw the saved session away. What is still there opens, the
// missing file is named with a way to locate it or to remove it from the session, and the session is
// never overwritten with the sample.
#include "readerfixture.h"

#include "sessionrecorder.h"
#include "sessionrestorer.h"
#include "support/testdata.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QStringList kSample{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                          QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};

class SessionRestore : public ReaderFixture {
protected:
    SessionRestore()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("volumes"));
        m_present = m_dir.filePath(QStringLiteral("volumes/frus1961-63v09-d316-d318.xml"));
        EXPECT_TRUE(QFile::copy(dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")), m_present));
        // Where the Nicaragua volume was when the session was saved; it is not there now.
        m_missing = m_dir.filePath(QStringLiteral("volumes/frus1894Nicaragua.xml"));
    }

    void saveSession(const QStringList &files, const QString &documentId)
    {
        m_settings.setValue(QStringLiteral("session/files"), files);
        m_settings.setValue(QStringLiteral("session/document"), documentId);
    }

    QStringList savedFiles() { return m_settings.value(QStringLiteral("session/files")).toStringList(); }

    // Answers the box that names a missing file with the button labelled `button`, as the user clicks it,
    // and, when it leads to the file dialog, types `locateAs` into it and presses Return. Returns the
    // texts of the boxes seen.
    QStringList restoreAnswering(const QStringList &files, const QString &documentId, const QString &button,
                                 const QString &locateAs = {})
    {
        QStringList boxes;
        QTimer poll;
        poll.setInterval(30);
        QObject::connect(&poll, &QTimer::timeout, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *dialog = qobject_cast<QFileDialog *>(w); dialog && dialog->isVisible()) {
                    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                    if (!name)
                        return;
                    QTest::keyClicks(name, locateAs);
                    QTest::keyClick(name, Qt::Key_Return);
                    return;
                }
                auto *box = qobject_cast<QMessageBox *>(w);
                if (!box || !box->isVisible() || box->objectName() != QStringLiteral("missingFileBox"))
                    continue;
                boxes << box->text();
                if (boxes.size() == 1) // what the user sees, kept with the test's screenshots
                    box->grab().save(QStringLiteral(MARGINALIA_TEST_ARTIFACTS "/issue12-missing-file-box.png"));
                for (QAbstractButton *b : box->buttons()) {
                    if (b->text() == button) {
                        QTest::mouseClick(b, Qt::LeftButton);
                        return;
                    }
                }
                ADD_FAILURE() << "no button " << button.toStdString();
                box->close();
            }
        });
        poll.start();
        m_restorer.restore(files, documentId, kSample);
        // Done when nothing is being opened and no box or dialog is left.
        const bool settled = QTest::qWaitFor([&] {
            if (m_window.opener()->isBusy() || boxes.isEmpty())
                return false;
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if ((qobject_cast<QMessageBox *>(w) || qobject_cast<QFileDialog *>(w)) && w->isVisible())
                    return false;
            }
            return true;
        }, 30000);
        QTest::qWait(100); // a next question would come up now
        EXPECT_TRUE(settled);
        return boxes;
    }

    SessionRecorder m_recorder{&m_library, &m_navigator, &m_settings};
    SessionRestorer m_restorer{m_window.opener(), &m_recorder, &m_window};
    QString m_present;
    QString m_missing;
};

TEST_F(SessionRestore, Issue12AMissingFileLeavesTheRestOpenAndIsNamed)
{
    saveSession({m_present, m_missing}, QStringLiteral("d317"));
    const QStringList boxes = restoreAnswering(savedFiles(), QStringLiteral("d317"), QStringLiteral("Not &Now"));

    ASSERT_EQ(boxes.size(), 1);
    EXPECT_TRUE(boxes[0].contains(QStringLiteral("frus1894Nicaragua.xml"))) << boxes[0].toStdString();
    EXPECT_TRUE(boxes[0].contains(QDir::toNativeSeparators(m_missing))) << boxes[0].toStdString();
    ASSERT_EQ(m_library.library().size(), 1);
    EXPECT_EQ(m_library.library().volume(0).sourcePath, m_present);
    EXPECT_EQ(currentDocument().id.toStdString(), "d317"); // the session's document, not the sample's start
    // Not now: the missing file stays in the session, after the open one, for the next start.
    EXPECT_EQ(savedFiles(), QStringList({m_present, m_missing}));
    EXPECT_EQ(m_settings.value(QStringLiteral("session/document")).toString(), QStringLiteral("d317"));
    saveScreenshot(QStringLiteral("issue12-missing-file"));
}

TEST_F(SessionRestore, Issue12LocateOpensTheMovedFileInItsPlace)
{
    saveSession({m_missing, m_present}, QStringLiteral("d3"));
    QDir(m_dir.path()).mkpath(QStringLiteral("moved"));
    const QString moved = m_dir.filePath(QStringLiteral("moved/frus1894Nicaragua.xml"));
    ASSERT_TRUE(QFile::copy(dataPath(QStringLiteral("frus1894Nicaragua.xml")), moved));

    const QStringList boxes = restoreAnswering(savedFiles(), QStringLiteral("d3"), QStringLiteral("&Locate…"), moved);

    ASSERT_EQ(boxes.size(), 1);
    ASSERT_EQ(m_library.library().size(), 2);
    EXPECT_EQ(currentVolumeId().toStdString(), "frus1894Nicaragua");
    EXPECT_EQ(currentDocument().id.toStdString(), "d3"); // the session's document, from the file located
    EXPECT_EQ(savedFiles(), QStringList({moved, m_present}));
}

TEST_F(SessionRestore, Issue12RemoveFromSessionForgetsTheFile)
{
    saveSession({m_present, m_missing}, QStringLiteral("d318"));
    restoreAnswering(savedFiles(), QStringLiteral("d318"), QStringLiteral("&Remove from Session"));
    EXPECT_EQ(savedFiles(), QStringList({m_present}));
    EXPECT_EQ(currentDocument().id.toStdString(), "d318");
    // And it stays out when the next document is recorded.
    m_navigator.openDocument(0, 0);
    EXPECT_EQ(savedFiles(), QStringList({m_present}));
}

TEST_F(SessionRestore, Issue12NoFileLeftShowsTheSampleWithoutSavingItAsTheSession)
{
    saveSession({m_missing}, QStringLiteral("d3"));
    const QStringList boxes = restoreAnswering(savedFiles(), QStringLiteral("d3"), QStringLiteral("Not &Now"));
    ASSERT_EQ(boxes.size(), 1);
    ASSERT_EQ(m_library.library().size(), 2); // the sample, as a stand-in
    EXPECT_EQ(savedFiles(), QStringList({m_missing}));
    EXPECT_EQ(m_settings.value(QStringLiteral("session/document")).toString(), QStringLiteral("d3"));
    // Opening a file of one's own then joins the session, beside the file still missing.
    ASSERT_TRUE(open({m_present}, QStringLiteral("d316")));
    EXPECT_EQ(savedFiles(), QStringList({m_present, m_missing}));
}

} // namespace
