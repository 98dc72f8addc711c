// Opening an annotation database (core/store/database.cpp Database::open) whose bytes are the input,
// then reading it through the store as `annotations`, `tags` and `search` do. Never a crash, a hang or a
// leak, and never a change to a file that is only read:
// - a file open() refuses keeps every byte (a file it cannot trust is never written to);
// - a file it accepts may be brought up to date once (migrations, WAL mode, as for the user), after
//   which opening and reading it again leaves every byte as it was.
#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

using namespace marginalia;

QString g_path;
// How many inputs open() accepted: a fuzzer whose inputs are all refused tests only the refusal.
std::size_t g_opened = 0;
std::size_t g_refused = 0;

void printCounts()
{
    std::fprintf(stderr, "database_fuzzer: %zu inputs opened and read, %zu refused\n", g_opened, g_refused);
}

[[noreturn]] void fault(const char *what)
{
    std::fprintf(stderr, "database_fuzzer: %s\n", what);
    std::abort();
}

void removeFiles()
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(g_path + QLatin1String(suffix));
}

QByteArray fileBytes()
{
    QFile file(g_path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "database_fuzzer: cannot read back %s\n", qPrintable(g_path));
        std::abort();
    }
    return file.readAll();
}

// What the CLI's readers do with an open database; results are only looked at, errors are fine.
void readThroughStore(Database &db)
{
    AnnotationStore store(db);
    const Result<std::vector<Annotation>> all = store.all();
    if (all) {
        std::size_t looked = 0;
        for (const Annotation &a : *all) {
            if (++looked > 4)
                break;
            (void)store.find(a.id);
            (void)store.forDocument(a.document);
            for (const QString &tag : a.tags)
                (void)store.withTag(tag);
        }
    }
    (void)store.tags();
    (void)store.search(QStringLiteral("soviet \"foreign relations\""), 20);
}

// Opens the file, reads it, closes it; false when open() refused it.
bool openAndRead()
{
    Result<std::unique_ptr<Database>> db = Database::open(annotationSchema(), g_path);
    if (!db) {
        (void)db.error().toString();
        return false;
    }
    readThroughStore(**db);
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    // On tmpfs when there is one: every run writes the file and SQLite syncs it (synchronous=FULL).
    const QString parent = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    static QTemporaryDir dir(parent + QStringLiteral("/marginalia-fuzz-XXXXXX"));
    if (!dir.isValid()) {
        std::fprintf(stderr, "database_fuzzer: cannot create a temporary folder\n");
        std::abort();
    }
    g_path = dir.filePath(QStringLiteral("fuzz.sqlite"));
    std::atexit(printCounts);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    removeFiles();
    {
        QFile file(g_path);
        if (!file.open(QIODevice::WriteOnly) || file.write(input) != input.size()) {
            std::fprintf(stderr, "database_fuzzer: cannot write %s\n", qPrintable(g_path));
            std::abort();
        }
    }
    if (!openAndRead()) {
        ++g_refused;
        if (fileBytes() != input)
            fault("open() refused the file, and it changed");
        return 0;
    }
    ++g_opened;
    const QByteArray upToDate = fileBytes();
    if (!openAndRead())
        fault("open() accepted the file, then refused it as it left it");
    if (fileBytes() != upToDate)
        fault("opening and reading an up-to-date file changed it");
    return 0;
}
