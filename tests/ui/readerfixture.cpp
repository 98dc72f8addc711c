#include "readerfixture.h"

#include "searchpane.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>
#include <vector>

namespace marginalia::test {

ReaderFixture::ReaderFixture() : ReaderFixture(PrepareLibrary())
{
}

ReaderFixture::ReaderFixture(const PrepareLibrary &prepare)
    : m_settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat),
      m_navigator(&m_library),
      m_libraryModel(&m_library),
      m_annotationsOpen(m_annotations.open(m_dir.filePath(QStringLiteral("annotations.sqlite"))).has_value()),
      m_searchResults(&m_library),
      m_catalogPath(prepareLibrary(prepare)),
      m_catalog(openLibrary()),
      m_catalogVolumes(m_catalog.get()),
      m_catalogModel(&m_catalogVolumes),
      m_window(services())
{
    EXPECT_TRUE(m_annotationsOpen) << m_annotations.problem().toStdString();
    m_window.opener()->setInteractive(false);
    if (m_window.libraryController())
        m_window.libraryController()->setInteractive(false);
    m_window.resize(1280, 820);
    m_window.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&m_window));
}

ReaderFixture::~ReaderFixture() = default;

QString ReaderFixture::prepareLibrary(const PrepareLibrary &prepare)
{
    if (!prepare)
        return {};
    const QString path = m_dir.filePath(QStringLiteral("library.sqlite"));
    prepare(path);
    return path;
}

std::unique_ptr<Catalog> ReaderFixture::openLibrary()
{
    if (m_catalogPath.isEmpty())
        return nullptr;
    Result<std::unique_ptr<Catalog>> opened = Catalog::open(m_catalogPath, DatabaseAccess::Write);
    if (!opened) {
        m_catalogProblem = opened.error().toString(); // as app/main.cpp: the window says why
        return nullptr;
    }
    return std::move(opened).value();
}

MainWindow::Services ReaderFixture::services()
{
    MainWindow::Services s{&m_library, &m_navigator, &m_libraryModel, &m_searchResults, &m_settings, &m_annotations, &m_undoStack};
    if (!m_catalogPath.isEmpty()) {
        s.catalog = m_catalog.get();
        s.catalogVolumes = &m_catalogVolumes;
        s.catalogModel = &m_catalogModel;
        s.catalogPath = m_catalogPath;
        s.catalogProblem = m_catalogProblem;
    }
    return s;
}

bool ReaderFixture::open(const QStringList &files, const QString &documentId)
{
    QSignalSpy finished(m_window.opener(), &VolumeOpener::finished);
    m_window.opener()->open(files, documentId);
    return finished.wait(30000);
}

bool ReaderFixture::searchLibrary(const QString &query)
{
    QSignalSpy reset(&m_searchResults, &QAbstractItemModel::modelReset);
    m_window.searchPane()->setQuery(query);
    auto *box = m_window.searchPane()->findChild<QLineEdit *>();
    if (!box)
        return false;
    QTest::keyClick(box, Qt::Key_Return);
    return reset.wait(30000) && m_searchResults.query() == query;
}

const Document &ReaderFixture::currentDocument() const
{
    const ReaderPosition p = m_navigator.current();
    return m_library.library().volume(p.volume).documents.at(std::size_t(p.document));
}

QString ReaderFixture::currentVolumeId() const
{
    return m_library.library().volume(m_navigator.current().volume).id;
}

int charactersPerLine(const QTextEdit *view)
{
    std::vector<int> lengths;
    for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next()) {
        const QTextLayout *layout = b.layout();
        if (!layout || layout->lineCount() < 3)
            continue;
        for (int i = 0; i + 1 < layout->lineCount(); ++i)
            lengths.push_back(layout->lineAt(i).textLength());
    }
    if (lengths.empty())
        return 0;
    std::nth_element(lengths.begin(), lengths.begin() + std::ptrdiff_t(lengths.size() / 2), lengths.end());
    return lengths[lengths.size() / 2];
}

int linkPosition(const QTextDocument *doc, const QUrl &href)
{
    const QString wanted = href.toString();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().isAnchor() && f.charFormat().anchorHref() == wanted)
                return f.position();
        }
    }
    return -1;
}

bool ReaderFixture::clickLink(QTextEdit *view, const QUrl &href)
{
    const int position = linkPosition(view->document(), href);
    if (position < 0)
        return false;
    QTextCursor cursor(view->document());
    cursor.setPosition(position);
    view->setTextCursor(cursor);
    view->ensureCursorVisible();
    cursor.setPosition(position + 1);
    const QRect r = view->cursorRect(cursor);
    const QPoint at(r.left() - 2, r.center().y());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    return true;
}

void ReaderFixture::selectInView(const QString &words)
{
    DocumentView *view = m_window.documentView();
    const int at = view->toPlainText().indexOf(words);
    ASSERT_GE(at, 0) << words.toStdString();
    QTextCursor c(view->document());
    c.setPosition(at);
    c.setPosition(at + int(words.size()), QTextCursor::KeepAnchor);
    view->setTextCursor(c);
}

void ReaderFixture::clickTab(const QString &title)
{
    for (QTabBar *bar : m_window.findChildren<QTabBar *>()) {
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->tabText(i) == title && bar->isVisible()) {
                QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
                QApplication::processEvents();
                return;
            }
        }
    }
    ADD_FAILURE() << "no tab " << title.toStdString();
}

QAction *ReaderFixture::menuAction(const QString &text)
{
    for (QMenu *menu : m_window.findChildren<QMenu *>()) {
        for (QAction *a : menu->actions()) {
            if (a->text() == text)
                return a;
        }
    }
    ADD_FAILURE() << "no menu item " << text.toStdString();
    return nullptr;
}

void ReaderFixture::saveScreenshot(const QString &name, QWidget *widget)
{
    const QString dir = QStringLiteral(MARGINALIA_TEST_ARTIFACTS);
    QDir().mkpath(dir);
    EXPECT_TRUE((widget ? widget : &m_window)->grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

} // namespace marginalia::test
