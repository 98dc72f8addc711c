// marginalia: the desktop reader. Builds the library from the command line (or the bundled sample)
// and hands it to the window; nothing here is global.
#include "mainwindow.h"

#include "compacttabstyle.h"
#include "librarycontroller.h"

#include "annotation/annotationservice.h"
#include "catalog/catalog.h"
#include "catalog/catalogvolumes.h"
#include "instance/singleinstance.h"
#include "models/catalogmodel.h"
#include "store/catalogschema.h"
#include "library/openlibrary.h"
#include "store/database.h"
#include "team/teamsession.h"
#include "models/librarymodel.h"
#include "models/searchresultsmodel.h"
#include "navigation/navigator.h"
#include "plaintext.h"
#include "sessionrecorder.h"
#include "sessionrestorer.h"
#include "volumeopener.h"
#include "util/translate.h"

#include <QApplication>
#include <QThreadPool>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>
#include <QUndoStack>
#include <QWindow>

#include <cstdio>
#include <functional>
#include <memory>
#include <utility>

namespace {

using namespace marginalia;

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
    QString database;
    QString catalog;
    bool quitAfterShow = false;
    bool newInstance = false;
};

Options parseArguments(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(marginalia::Tr::tr("Reader for footnoted historical documents (FRUS)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 marginalia::Tr::tr("TEI volumes (.xml) or text copies (.txt) to open; "
                                                    "without one, the bundled sample."),
                                 marginalia::Tr::tr("[FILE...]"));
    const QCommandLineOption docOption(QStringLiteral("doc"), marginalia::Tr::tr("Show the document with this id (d317)."),
                                       marginalia::Tr::tr("ID"));
    const QCommandLineOption quitOption(QStringLiteral("quit-after-show"),
                                        marginalia::Tr::tr("Quit with status 0 once the window is on screen (smoke test)."));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        marginalia::Tr::tr("Save an image of the window once shown, then quit."), marginalia::Tr::tr("PNG"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      marginalia::Tr::tr("The annotation database (default: $MARGINALIA_DB, else %1).")
                                          .arg(Database::defaultPath()),
                                      marginalia::Tr::tr("FILE"));
    const QCommandLineOption libraryOption(QStringLiteral("library"),
                                           marginalia::Tr::tr("The library index (default: $MARGINALIA_LIBRARY, else %1).")
                                               .arg(defaultCatalogPath()),
                                           marginalia::Tr::tr("FILE"));
    const QCommandLineOption newInstanceOption(
        QStringLiteral("new-instance"),
        marginalia::Tr::tr("Start a window of its own even when one is running over the same annotation database "
                           "(else the files go to that window; also with MARGINALIA_SINGLE_INSTANCE=0)."));
    parser.addOptions({docOption, quitOption, shotOption, dbOption, libraryOption, newInstanceOption});
    parser.process(app); // exits with status 1 on a bad option, 0 after --help / --version

    Options options;
    options.files = parser.positionalArguments();
    options.documentId = parser.value(docOption);
    options.screenshot = parser.value(shotOption);
    options.database = parser.isSet(dbOption) ? parser.value(dbOption) : Database::defaultPath();
    options.catalog = parser.isSet(libraryOption) ? parser.value(libraryOption) : defaultCatalogPath();
    options.quitAfterShow = parser.isSet(quitOption) || !options.screenshot.isEmpty();
    // An unattended run (a screenshot, a smoke test) must do its own work, never a running window's.
    options.newInstance = parser.isSet(newInstanceOption) || options.quitAfterShow
        || qEnvironmentVariable("MARGINALIA_SINGLE_INSTANCE") == QLatin1String("0");
    return options;
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

// Shows the window, saves a screenshot when asked, and quits once it was on screen: 0 when it was,
// non-zero when the screenshot could not be saved or the window never appeared.
void showUnattended(MainWindow &window, const QString &screenshot)
{
    window.show();
    // A screenshot is taken a moment after the first frame: the side panes give way to the text and to
    // the margin of notes once the window has its size (ReadingMeasure), and the image shows the window
    // as the user sees it. Without one the window quits at its first frame, which is what start-up
    // timings measure.
    new ExposeWatcher(window.windowHandle(), [&window, screenshot] {
        QTimer::singleShot(screenshot.isEmpty() ? 0 : 300, &window, [&window, screenshot] {
            if (!screenshot.isEmpty() && !window.grab().save(screenshot)) {
                std::fprintf(stderr, "%s\n", qUtf8Printable(marginalia::Tr::tr("cannot save the screenshot %1").arg(screenshot)));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("%s\n", qUtf8Printable(marginalia::Tr::tr("shown: %1").arg(window.windowTitle())));
            QCoreApplication::quit();
        });
    });
    // A window that is never exposed is a failure, not a hang.
    QTimer::singleShot(30000, &window, [] {
        std::fprintf(stderr, "%s\n", qUtf8Printable(marginalia::Tr::tr("the window was not shown within 30 s")));
        QCoreApplication::exit(2);
    });
}

// The document of the library index to start on, as VOLUME#ID: the last session's when it was one,
// else, when no file is named and the last session left none, the library's first document. Empty
// when the start opens files instead.
QString startingLibraryDocument(const Options &options, const QSettings &settings, const CatalogModel &model)
{
    if (!options.files.isEmpty() || model.volumeCount() == 0)
        return {};
    const QString last = settings.value(QStringLiteral("session/libraryDocument")).toString();
    if (!last.isEmpty())
        return last;
    const QStringList files = settings.value(QStringLiteral("session/files")).toStringList();
    if (!files.isEmpty())
        return {};
    for (int row = 0; row < model.volumeCount(); ++row) {
        const QModelIndex volume = model.index(row, 0);
        if (volume.data(CatalogModel::StateRole).toInt() == int(CatalogVolumeInfo::State::Indexed))
            return volume.data(CatalogModel::VolumeIdRole).toString() + QLatin1Char('#');
    }
    return {};
}

// The files to open: those named, else the last session's (restored by a SessionRestorer, which opens
// what is still there and asks about the rest), else the sample.
struct StartingFiles {
    QStringList files;
    QString documentId;
    bool fromSession = false;
};

StartingFiles startingFiles(const Options &options, const QSettings &settings)
{
    if (!options.files.isEmpty())
        return {options.files, options.documentId};
    const QStringList last = settings.value(QStringLiteral("session/files")).toStringList();
    if (!last.isEmpty())
        return {last, settings.value(QStringLiteral("session/document")).toString(), true};
    return {bundledSample(), options.documentId};
}

} // namespace

namespace {

// The window and everything it holds, until the user quits.
int runWindow(QApplication &app)
{
    const Options options = parseArguments(app);
    // One window per user and annotation database: a later start hands its files to the first and ends.
    SingleInstance instance(SingleInstance::serverName(options.database));
    if (!options.newInstance) {
        QStringList files;
        for (const QString &file : options.files)
            files << QFileInfo(file).absoluteFilePath(); // the running window has its own working folder
        if (instance.handOver(files, options.documentId)) {
            std::printf("%s\n", qUtf8Printable(marginalia::Tr::tr("handed to the Marginalia window already running")));
            return 0;
        }
        if (const Result<bool> listening = instance.listen(); !listening)
            std::fprintf(stderr, "%s\n", qUtf8Printable(listening.error().toString()));
    }
    QSettings settings;
    OpenLibrary library;
    Navigator navigator(&library);
    LibraryModel libraryModel(&library);
    AnnotationService annotations;
    const Result<bool> opened = annotations.open(options.database);
    SearchResultsModel searchResults(&library);
    QUndoStack undoStack;
    // The library index: a damaged one leaves the reader working, and the window says why.
    Result<std::unique_ptr<Catalog>> catalogOpened = Catalog::open(options.catalog, DatabaseAccess::Write);
    std::unique_ptr<Catalog> catalog = catalogOpened ? std::move(catalogOpened).value() : nullptr;
    const QString catalogProblem = catalogOpened ? QString() : catalogOpened.error().toString();
    CatalogVolumes catalogVolumes(catalog.get());
    CatalogModel catalogModel(&catalogVolumes);
    // Team sync needs annotations it may write; alone (no team remembered) it never reaches a server.
    std::unique_ptr<TeamSession> team = annotations.canWrite() ? std::make_unique<TeamSession>(annotations.path())
                                                               : nullptr;
    MainWindow window({&library, &navigator, &libraryModel, &searchResults, &settings, &annotations, &undoStack,
                       catalog.get(), &catalogVolumes, &catalogModel, options.catalog, catalogProblem, team.get()});
    SessionRecorder session(&library, &navigator, &settings, &catalogVolumes);
    QObject::connect(&instance, &SingleInstance::filesReceived, &window, &MainWindow::openHandedOver);

    SessionRestorer restorer(window.opener(), &session, &window);
    const StartingFiles start = startingFiles(options, settings);
    const auto openFiles = [&] {
        if (start.fromSession)
            restorer.restore(start.files, start.documentId, bundledSample());
        else
            window.opener()->open(start.files, start.documentId);
    };
    const QString libraryDocument = startingLibraryDocument(options, settings, catalogModel);
    const auto openStart = [&]() {
        const qsizetype hash = libraryDocument.indexOf(QLatin1Char('#'));
        return hash > 0 && window.libraryController()
            && window.libraryController()->openLibraryDocument(libraryDocument.left(hash), libraryDocument.mid(hash + 1));
    };
    VolumeOpener *opener = window.opener();
    if (options.quitAfterShow) {
        if (!opened)
            std::fprintf(stderr, "%s\n", qUtf8Printable(marginalia::Tr::tr("annotations unavailable: %1").arg(opened.error().toString())));
        // Unattended: a message box would wait forever, so problems go to stderr and fail the run.
        opener->setInteractive(false);
        restorer.setInteractive(false);
        QObject::connect(&restorer, &SessionRestorer::missing, &window, [](const QStringList &missing) {
            for (const QString &file : missing)
                std::fprintf(stderr, "%s\n", qUtf8Printable(marginalia::Tr::tr("not found, kept in the session: %1").arg(file)));
        });
        int failures = 0;
        QObject::connect(opener, &VolumeOpener::failed, &window, [&failures](const Error &error) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(error.toString()));
            ++failures;
        });
        QObject::connect(opener, &VolumeOpener::finished, &window, [&] {
            if (failures > 0 || !navigator.current().valid()) {
                QCoreApplication::exit(1);
                return;
            }
            showUnattended(window, options.screenshot);
        });
        if (!catalogProblem.isEmpty())
            std::fprintf(stderr, "%s\n", qUtf8Printable(marginalia::Tr::tr("library index unavailable: %1").arg(catalogProblem)));
        if (openStart())
            showUnattended(window, options.screenshot);
        else
            openFiles();
        return QApplication::exec();
    }
    window.show();
    if (!opened) {
        // The reader works without annotations; the user learns why they cannot be made.
        showPlainMessage(&window, QMessageBox::Warning, marginalia::Tr::tr("Annotations unavailable"),
                         marginalia::Tr::tr("Your annotations could not be opened, so none can be shown or made now. "
                                            "The database was left as it is.\n\n%1")
                             .arg(opened.error().toString()));
    }
    if (!openStart())
        openFiles();
    // Once per start, in the background: unchanged files are skipped, a new index version re-reads all.
    if (catalog)
        window.libraryController()->startIndexing(true);
    if (team)
        team->start();
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
    QApplication::setStyle(new marginalia::CompactTabStyle); // the application owns it

    const int status = runWindow(app);
    // The window's background jobs were detached as it closed, and what still runs stops at its next
    // check. It must end while the application, and Qt's SQL drivers with it, still exist: a read that
    // outlived them crashed at exit (AddToLibraryWindow, 1 run in 30).
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
