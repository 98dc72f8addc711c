// marginalia: the desktop reader. Builds the library from the command line (or the bundled sample)
// and hands it to the window; nothing here is global.
#include "mainwindow.h"

#include "library/library.h"
#include "parse/volumeloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <functional>
#include <memory>
#include <utility>

namespace {

using namespace marginalia;

// The translation context of this file's messages (lupdate reads Main::tr).
struct Main {
    Q_DECLARE_TR_FUNCTIONS(Main)
};

// The seed letter first, so a first run opens it, then the TEI its "Document 316" resolves in.
const QStringList &bundledSample()
{
    static const QStringList files{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                                   QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};
    return files;
}

struct Options {
    QStringList files;
    QString documentId;
    QString screenshot;
    bool quitAfterShow = false;
};

Options parseArguments(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Main::tr("Reader for footnoted historical documents (FRUS)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 Main::tr("TEI volumes (.xml) or text copies (.txt) to open; "
                                    "without one, the bundled sample."),
                                 Main::tr("[FILE...]"));
    const QCommandLineOption docOption(QStringLiteral("doc"), Main::tr("Show the document with this id (d317)."),
                                       Main::tr("ID"));
    const QCommandLineOption quitOption(QStringLiteral("quit-after-show"),
                                        Main::tr("Quit with status 0 once the window is on screen (smoke test)."));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        Main::tr("Save an image of the window once shown, then quit."), Main::tr("PNG"));
    parser.addOptions({docOption, quitOption, shotOption});
    parser.process(app); // exits with status 1 on a bad option, 0 after --help / --version

    Options options;
    options.files = parser.positionalArguments();
    options.documentId = parser.value(docOption);
    options.screenshot = parser.value(shotOption);
    options.quitAfterShow = parser.isSet(quitOption) || !options.screenshot.isEmpty();
    return options;
}

// Index of the volume and document to show first: `docId` when given, else the first document.
std::pair<int, int> findDocument(const Library &library, const QString &docId)
{
    for (int v = 0; v < library.size(); ++v) {
        const Volume &volume = library.volume(v);
        if (docId.isEmpty() && !volume.documents.empty())
            return {v, 0};
        if (!docId.isEmpty()) {
            const int d = volume.documentIndex(docId);
            if (d >= 0)
                return {v, d};
        }
    }
    return {-1, -1};
}

// Calls `onExposed` once, the first time `window` is really on screen (not merely shown).
class ExposeWatcher : public QObject {
public:
    ExposeWatcher(QWindow *window, std::function<void()> onExposed)
        : QObject(window), m_window(window), m_onExposed(std::move(onExposed))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Expose && m_window->isExposed() && m_onExposed) {
            // Let the expose finish painting before acting on the window.
            QTimer::singleShot(0, this, std::exchange(m_onExposed, nullptr));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWindow *m_window;
    std::function<void()> m_onExposed;
};

// Opens each file into one library; what cannot be opened is added to `errors` and left out.
Library loadLibrary(const QStringList &files, QStringList &errors)
{
    Library library;
    for (const QString &file : files) {
        Result<Volume> volume = loadVolume(file);
        if (!volume) {
            errors << volume.error().toString();
            continue;
        }
        for (const Error &warning : volume->warnings)
            std::fprintf(stderr, "%s\n", qUtf8Printable(Main::tr("warning: %1").arg(warning.toString())));
        library.add(std::make_shared<const Volume>(std::move(volume).value()));
    }
    return library;
}

// Shows the window, saves a screenshot when asked, and quits once it was on screen: 0 when it was,
// non-zero when the screenshot could not be saved or the window never appeared.
int showUnattended(MainWindow &window, const QString &screenshot)
{
    window.show();
    new ExposeWatcher(window.windowHandle(), [&window, screenshot] {
        if (!screenshot.isEmpty() && !window.grab().save(screenshot)) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(Main::tr("cannot save the screenshot %1").arg(screenshot)));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("%s\n", qUtf8Printable(Main::tr("shown: %1").arg(window.windowTitle())));
        QCoreApplication::quit();
    });
    // A window that is never exposed is a failure, not a hang.
    QTimer::singleShot(30000, &window, [] {
        std::fprintf(stderr, "%s\n", qUtf8Printable(Main::tr("the window was not shown within 30 s")));
        QCoreApplication::exit(2);
    });
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Marginalia"));
    QApplication::setApplicationVersion(QStringLiteral(MARGINALIA_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Marginalia"));
    QApplication::setDesktopFileName(QStringLiteral("marginalia"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/marginalia.svg")));

    const Options options = parseArguments(app);
    const QStringList files = options.files.isEmpty() ? bundledSample() : options.files;

    QStringList errors;
    const Library library = loadLibrary(files, errors);

    const auto [volumeIndex, documentIndex] = findDocument(library, options.documentId);
    if (volumeIndex < 0 && !options.documentId.isEmpty())
        errors << Main::tr("There is no document \"%1\" in the files opened.").arg(options.documentId);

    MainWindow window;
    if (volumeIndex >= 0) {
        const Volume &volume = library.volume(volumeIndex);
        window.showDocument(volume, volume.documents[std::size_t(documentIndex)]);
    }

    if (options.quitAfterShow) {
        // Unattended: a message box would wait forever, so problems go to stderr and fail the run.
        for (const QString &error : std::as_const(errors))
            std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        if (!errors.isEmpty() || volumeIndex < 0)
            return 1;
        return showUnattended(window, options.screenshot);
    }

    window.show();
    if (!errors.isEmpty()) {
        QMessageBox::critical(&window, Main::tr("Cannot open"), errors.join(QLatin1Char('\n')));
    }
    return QApplication::exec();
}
