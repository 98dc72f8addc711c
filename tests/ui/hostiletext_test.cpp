// Issue 8: markup in a title, a person, a term, a file name or an annotation stays text in every part of
// the window. The image markup names a FIFO: whoever opened it to load the image would hang, so a
// watcher thread notices an open (a non-blocking write end opens only while someone reads) and lets it
// go, and the test fails instead of hanging.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "models/annotationsmodel.h"
#include "support/hostiletext.h"
#include "support/showntext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

#include <atomic>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace marginalia;
using namespace marginalia::test;

namespace {

// Counts the times anyone opened the FIFO to read it; each is let go at once (the writer closes, so the
// reader sees an empty file).
class FifoWatch {
public:
    explicit FifoWatch(const QString &path) : m_path(QFile::encodeName(path))
    {
        m_made = ::mkfifo(m_path.constData(), 0600) == 0;
        m_thread = std::thread([this] {
            while (!m_stop) {
                const int fd = ::open(m_path.constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) {
                    ++m_opened;
                    ::close(fd);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    ~FifoWatch()
    {
        m_stop = true;
        m_thread.join();
    }
    bool made() const { return m_made; }
    int opened() const { return m_opened; }

private:
    QByteArray m_path;
    bool m_made = false;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_opened{0};
    std::thread m_thread;
};

class HostileText : public ReaderFixture {
protected:
    HostileText() : m_fifoPath(m_dir.filePath(QStringLiteral("image.fifo"))), m_fifo(m_fifoPath)
    {
        EXPECT_TRUE(m_fifo.made());
        m_image = hostileImage(m_fifoPath);
        m_both = m_image + u' ' + hostileLink();
    }

    // Opens the hostile volume from a file whose name is markup too.
    void openHostile()
    {
        m_file = m_dir.filePath(QStringLiteral("<i>hostile<i> <img src=nowhere.png>.xml"));
        QFile f(m_file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(hostileTei(m_fifoPath));
        f.close();
        ASSERT_TRUE(open({m_file}));
        ASSERT_EQ(m_library.library().size(), 1);
        ASSERT_TRUE(volume().title.contains(m_both));
        settle();
    }
    const Volume &volume() const { return m_library.library().volume(0); }
    // Lets the window lay out and paint what it shows, which is when rich text would load its images.
    void settle()
    {
        QApplication::processEvents();
        (void)m_window.grab();
        QApplication::processEvents();
    }

    QString m_fifoPath;
    FifoWatch m_fifo;
    QString m_image;
    QString m_both;
    QString m_file;
};

// The tooltip label on screen, if one shows.
QLabel *tooltipLabel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == QLatin1String("qtooltip_label") && w->isVisible())
            return qobject_cast<QLabel *>(w);
    }
    return nullptr;
}

// What a label shows: its text, or the text of the rich text document it laid out.
QString labelShows(const QLabel *label)
{
    if (const auto *doc = label->findChild<QTextDocument *>())
        return doc->toPlainText();
    return label->text();
}

// Shows `tip` as the window would, and returns what the tooltip shows.
QString showTooltip(QWidget *widget, const QString &tip)
{
    QToolTip::showText(widget->mapToGlobal(QPoint(20, 20)), tip, widget);
    QApplication::processEvents();
    QLabel *label = tooltipLabel();
    if (!label)
        return QStringLiteral("(no tooltip)");
    (void)label->grab(); // laid out and painted, images and all
    return labelShows(label);
}

// Every tooltip of a model, depth first.
void collectTooltips(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &out)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QString tip = model->index(r, c, parent).data(Qt::ToolTipRole).toString();
            if (!tip.isEmpty())
                out << tip;
        }
        collectTooltips(model, model->index(r, 0, parent), out);
    }
}

// Every tooltip of a text view's characters.
QStringList charTooltips(const QTextDocument *doc)
{
    QStringList out;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QString tip = it.fragment().charFormat().toolTip();
            if (!tip.isEmpty())
                out << tip;
        }
    }
    return out;
}

} // namespace

TEST_F(HostileText, Issue8TheFifoWatchSeesRawMarkupLoadTheImage)
{
    // The check below is only worth something if showing live markup does open the FIFO.
    QLabel label;
    label.setText(hostileImage(m_fifoPath));
    label.show();
    (void)label.grab();
    QElapsedTimer waited;
    waited.start();
    while (m_fifo.opened() == 0 && waited.elapsed() < 5000)
        QTest::qWait(20);
    EXPECT_GT(m_fifo.opened(), 0);
}

TEST_F(HostileText, Issue8StatusBarCitationShowsTheVolumeTitleAsText)
{
    ASSERT_NO_FATAL_FAILURE(openHostile());
    QLabel *citation = m_window.citationLabel();
    EXPECT_EQ(citation->textFormat(), Qt::PlainText);
    EXPECT_TRUE(citation->text().contains(m_both)) << citation->text().toStdString();
    EXPECT_EQ(labelShows(citation), citation->text());
    saveScreenshot(QStringLiteral("issue8-hostile-citation"));
    // A reference that leads nowhere is reported there too, with the document's own words.
    m_window.controller()->reportUnresolved(m_both, m_image);
    settle();
    EXPECT_TRUE(labelShows(citation).contains(m_both)) << labelShows(citation).toStdString();
    saveScreenshot(QStringLiteral("issue8-hostile-unresolved"));
    EXPECT_EQ(m_fifo.opened(), 0);
}

TEST_F(HostileText, Issue8EveryTooltipOfThePanesShowsItsTextLiterally)
{
    ASSERT_NO_FATAL_FAILURE(openHostile());
    selectInView(m_image);
    m_window.annotationController()->noteSelection(QStringLiteral("Note ") + m_both);
    m_window.annotationController()->tagSelection({m_image});
    ASSERT_GE(m_window.documentAnnotations()->rowCount(), 1);
    m_window.annotationController()->showTag(m_image); // the tag browser lists its passages
    ASSERT_TRUE(searchLibrary(QStringLiteral("Quoted")));
    ASSERT_GE(m_searchResults.rowCount(), 1);
    settle();

    QStringList tips;
    for (const QAbstractItemView *v : m_window.findChildren<QAbstractItemView *>()) { // every list and tree
        if (v->model())
            collectTooltips(v->model(), {}, tips);
    }
    tips << charTooltips(m_window.documentView()->document()) << charTooltips(m_window.footnotePane()->document());
    for (QMenu *menu : m_window.findChildren<QMenu *>()) {
        for (const QAction *a : menu->actions()) {
            if (!a->toolTip().isEmpty())
                tips << a->toolTip();
        }
    }
    const QString person = QStringLiteral("Person %1, adviser %1").arg(m_both);
    const QString term = QStringLiteral("Term %1, meaning %1").arg(m_both);
    const QStringList expected{volume().title + u'\n' + volume().sourcePath, // the volume in the library
                               QStringLiteral("Chapter ") + m_both,
                               QStringLiteral("Note ") + m_both, // the annotation
                               volume().documents.at(0).title,   // the search hit
                               person, term, m_file};            // the recent file
    QStringList shown;
    for (const QString &tip : tips) {
        EXPECT_FALSE(showsAnImage(tip)) << tip.toStdString();
        shown << showTooltip(&m_window, tip);
        EXPECT_EQ(shown.back(), shownText(tip));
    }
    QToolTip::hideText();
    for (const QString &text : expected)
        EXPECT_TRUE(shown.contains(text)) << text.toStdString();
    EXPECT_EQ(m_fifo.opened(), 0);
}

TEST_F(HostileText, Issue8PersonTooltipInTheDocumentViewShowsAsText)
{
    ASSERT_NO_FATAL_FAILURE(openHostile());
    DocumentView *view = m_window.documentView();
    const int at = view->toPlainText().indexOf(QStringLiteral("the adviser"));
    ASSERT_GE(at, 0);
    QTextCursor c(view->document());
    c.setPosition(at + 3);
    const QPoint pos = view->cursorRect(c).center();
    // Where the mouse is: the viewport, in its own coordinates.
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &help);
    QApplication::processEvents();
    QLabel *tip = tooltipLabel();
    ASSERT_NE(tip, nullptr);
    const QString person = QStringLiteral("Person %1, adviser %1").arg(m_both);
    EXPECT_EQ(labelShows(tip), person);
    const QString dir = QStringLiteral(MARGINALIA_TEST_ARTIFACTS);
    EXPECT_TRUE(tip->grab().save(dir + QStringLiteral("/issue8-hostile-person-tooltip.png")));
    QToolTip::hideText();
    EXPECT_EQ(m_fifo.opened(), 0);
}

TEST_F(HostileText, Issue8NotePopupShowsTheNoteAsText)
{
    ASSERT_NO_FATAL_FAILURE(openHostile());
    m_window.controller()->showMarkerPopup(0, m_window.mapToGlobal(QPoint(200, 200)));
    NotePopup *popup = m_window.notePopup();
    ASSERT_TRUE(popup->isVisible());
    (void)popup->grab();
    const auto *label = popup->findChild<QLabel *>();
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(labelShows(label).contains(QStringLiteral("him: ") + m_both)) << labelShows(label).toStdString();
    EXPECT_FALSE(showsAnImage(popup->html()));
    popup->hide();
    EXPECT_EQ(m_fifo.opened(), 0);
}

TEST_F(HostileText, Issue8MessageBoxesShowAHostileNameAsText)
{
    // The volume opens, but the document asked for is not in it: the message quotes the id asked for.
    QFile f(m_dir.filePath(QStringLiteral("hostile.xml")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(hostileTei(m_fifoPath));
    f.close();
    const QString broken = m_dir.filePath(QStringLiteral("<i>broken<i> <img src=nowhere.png>.xml"));
    QFile b(broken);
    ASSERT_TRUE(b.open(QIODevice::WriteOnly));
    b.write("<TEI><text>");
    b.close();

    struct Seen {
        Qt::TextFormat format;
        QString text;
        Qt::TextFormat progressFormat = Qt::AutoText;
    };
    std::vector<Seen> boxes;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        Seen seen{box->textFormat(), box->text()};
        for (const auto *progress : m_window.findChildren<QProgressDialog *>()) {
            for (const auto *label : progress->findChildren<QLabel *>()) {
                if (label->text().contains(QStringLiteral("broken")))
                    seen.progressFormat = label->textFormat();
            }
        }
        (void)box->grab();
        boxes.push_back(seen);
        box->reject();
    });
    poll.start(50);
    m_window.opener()->setInteractive(true);
    ASSERT_TRUE(open({f.fileName()}, m_image));
    ASSERT_TRUE(open({broken}));
    m_window.opener()->setInteractive(false);
    poll.stop();

    ASSERT_EQ(boxes.size(), 2u);
    EXPECT_EQ(boxes[0].format, Qt::PlainText);
    EXPECT_TRUE(boxes[0].text.contains(m_image)) << boxes[0].text.toStdString();
    EXPECT_EQ(boxes[1].format, Qt::PlainText);
    EXPECT_TRUE(boxes[1].text.contains(broken)) << boxes[1].text.toStdString();
    EXPECT_EQ(boxes[1].progressFormat, Qt::PlainText);
    EXPECT_EQ(m_fifo.opened(), 0);
}
