// A child process for the kill -9 test: indexes the library named by argv[1] on one thread, printing
// "committed N" (flushed) once N volumes are committed, then pausing a little so that the parent's
// SIGKILL lands while the next volumes are being read and written. argv[2], when given, is the number
// of threads (default 1), for measuring a whole indexing process (peak memory, time).
#include "catalog/catalogindexer.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using namespace marginalia;
    if (argc < 2) {
        std::fprintf(stderr, "usage: marginalia_catalog_indexer LIBRARY\n");
        return 2;
    }
    IndexOptions options;
    options.threads = argc > 2 ? std::atoi(argv[2]) : 1;
    int printed = 0;
    auto report = indexCatalog(QString::fromLocal8Bit(argv[1]), options, [&](const IndexProgress &p) {
        if (p.volumesDone > printed) {
            printed = p.volumesDone;
            std::fprintf(stdout, "committed %d\n", printed);
            std::fflush(stdout);
            if (argc <= 2)
                QThread::msleep(200);
        }
        return true;
    });
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().toString()));
        return 1;
    }
    return 0;
}
