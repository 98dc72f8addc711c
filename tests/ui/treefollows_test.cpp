// Issue 12 (5): the library tree follows the document on screen, however it came there (next and
// previous document, Back, a tag's passage), and a selection of several documents made in it stays
// what it is, so Export PDF offers those documents and exports them.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "pdfexportcontroller.h"
#include "pdfexportdialog.h"
#include "models/annotationsmodel.h"
#include "support/testdata.h"
#include "tagbrowser.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace marginalia;
using namespace marginalia::test;

namespace {

class TreeFollows : public ReaderFixture {
protected:
    QTreeView *tree() { return m_window.libraryPane()->tree(); }

    QModelIndex rowOf(int volume, int document)
    {
        const auto *proxy = static_cast<const QAbstractProxyModel *>(tree()->model());
        return proxy->mapFromSource(m_libraryModel.indexOfDocument(volume, document));
    }

    // Presses keys as the keyboard does: through the window, with the modifiers held for the whole press
    // (what the application's keyboardModifiers() then reports).
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers)
    {
        QTest::keyClick(m_window.windowHandle(), key, modifiers);
        QCoreApplication::processEvents();
    }

    void clickRow(const QModelIndex &row, Qt::KeyboardModifiers modifiers = {})
    {
        tree()->scrollTo(row);
        QTest::mouseClick(tree()->viewport(), Qt::LeftButton, modifiers, tree()->visualRect(row).center());
    }

    // The documents the tree has selected, as (volume, document).
    std::vector<std::pair<int, int>> selected() { return m_window.libraryPane()->selectedDocuments(); }

    // The tree shows document `d` of volume `v` as the one on screen: it alone selected, current, in sight.
    void expectTreeShows(int v, int d, const char *after)
    {
        SCOPED_TRACE(after);
        const std::vector<std::pair<int, int>> expected{{v, d}};
        EXPECT_EQ(selected(), expected);
        EXPECT_EQ(tree()->currentIndex(), rowOf(v, d));
        EXPECT_TRUE(tree()->viewport()->rect().contains(tree()->visualRect(rowOf(v, d)).center()));
    }
};

TEST_F(TreeFollows, Issue12NextPreviousDocumentAndBackMoveTheTreeSelection)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"))}, QStringLiteral("d316")));
    clickRow(rowOf(0, 0)); // the user chose Document 316 in the tree
    expectTreeShows(0, 0, "click");

    press(Qt::Key_PageDown, Qt::ControlModifier);
    ASSERT_EQ(currentDocument().id.toStdString(), "d317");
    expectTreeShows(0, 1, "Ctrl+PgDown");
    press(Qt::Key_PageDown, Qt::ControlModifier);
    expectTreeShows(0, 2, "Ctrl+PgDown twice");
    press(Qt::Key_PageUp, Qt::ControlModifier);
    ASSERT_EQ(currentDocument().id.toStdString(), "d317");
    expectTreeShows(0, 1, "Ctrl+PgUp");

    QAction *back = nullptr;
    for (QAction *a : m_window.actions()) {
        if (a->text() == QStringLiteral("&Back"))
            back = a;
    }
    ASSERT_TRUE(back);
    press(Qt::Key(back->shortcut()[0].key()), back->shortcut()[0].keyboardModifiers());
    ASSERT_EQ(currentDocument().id.toStdString(), "d318");
    expectTreeShows(0, 2, "Back");
    saveScreenshot(QStringLiteral("issue12-tree-follows"));
}

TEST_F(TreeFollows, Issue12ATagsPassageSelectsItsDocumentInTheTree)
{
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1894Nicaragua.xml"))}, QStringLiteral("d3")));
    selectInView(QStringLiteral("unsatisfactory condition of political affairs"));
    m_window.annotationController()->tagSelection({QStringLiteral("Mosquito")});
    // Far from it: the last document, chosen in the tree.
    const int last = int(m_library.library().volume(0).documents.size()) - 1;
    clickRow(rowOf(0, last));
    ASSERT_EQ(m_navigator.current().document, last);

    TagBrowser *browser = m_window.tagBrowser();
    QListView *tags = browser->tagList();
    QTest::mouseClick(tags->viewport(), Qt::LeftButton, {}, tags->visualRect(tags->model()->index(0, 0)).center());
    QListView *passages = browser->passageList();
    ASSERT_EQ(passages->model()->rowCount(), 1);
    QTest::mouseClick(passages->viewport(), Qt::LeftButton, {},
                      passages->visualRect(passages->model()->index(0, 0)).center());
    ASSERT_EQ(currentDocument().id.toStdString(), "d3");
    expectTreeShows(0, 2, "tag browser");
}

TEST_F(TreeFollows, Issue12DocumentsSelectedWithShiftAreTheOnesExported)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    ASSERT_FALSE(pdftotext.isEmpty()) << "poppler-utils (scripts/deps.sh)";
    ASSERT_TRUE(open({dataPath(QStringLiteral("frus1894Nicaragua.xml"))}, QStringLiteral("d1")));
    clickRow(rowOf(0, 0));
    clickRow(rowOf(0, 3), Qt::ShiftModifier); // documents 1–4, as a user selects a range
    const std::vector<std::pair<int, int>> four{{0, 0}, {0, 1}, {0, 2}, {0, 3}};
    EXPECT_EQ(selected(), four);

    const QString out = m_dir.filePath(QStringLiteral("four.pdf"));
    QString offered;
    QTimer poll; // answers the dialog once it is up, as the user does
    poll.setInterval(30);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<PdfExportDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll.stop();
        for (QRadioButton *choice : dialog->findChildren<QRadioButton *>()) {
            if (choice->text().contains(QStringLiteral("selected"))) {
                offered = choice->text();
                QTest::mouseClick(choice, Qt::LeftButton, {}, QPoint(4, choice->height() / 2));
            }
        }
        auto *path = dialog->findChild<QLineEdit *>();
        path->selectAll();
        QTest::keyClicks(path, out);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    poll.start();
    QSignalSpy exported(m_window.pdfExport(), &PdfExportController::exported);
    press(Qt::Key_E, Qt::ControlModifier);
    EXPECT_EQ(offered.toStdString(), "The 4 documents selected in the library");
    ASSERT_TRUE(exported.wait(60000));

    // Read back with Poppler's pdftotext: the datelines of documents 1–4, and not the fifth's.
    QProcess text;
    text.start(pdftotext, {out, QStringLiteral("-")});
    ASSERT_TRUE(text.waitForFinished(30000));
    const QString pdf = QString::fromUtf8(text.readAllStandardOutput()).simplified();
    const QStringList datelines{QStringLiteral("January 25, 1894"), QStringLiteral("February 1, 1894"),
                                QStringLiteral("Nicaragua, February 9, 1894"), QStringLiteral("Managua, February 9, 1894"),
                                QStringLiteral("February 13, 1894")};
    for (int d = 0; d < 5; ++d)
        EXPECT_EQ(pdf.contains(datelines[d]), d < 4) << d + 1 << " " << datelines[d].toStdString();
}

} // namespace
