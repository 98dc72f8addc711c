// A child process for the crash-safety tests: opens the database named by argv[1] and adds annotations
// in a loop, printing each one's id on stdout (flushed) only once add() has returned, i.e. once the
// write is durable. With argv[2] = N it stops after N; otherwise it runs until it is killed.
#include "model/annotation.h"
#include "store/annotationstore.h"
#include "store/annotationschema.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using namespace marginalia;
    if (argc < 2) {
        std::fprintf(stderr, "usage: marginalia_store_writer DATABASE [COUNT]\n");
        return 2;
    }
    auto db = Database::open(annotationSchema(), QString::fromLocal8Bit(argv[1]));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    AnnotationStore store(**db);
    const long count = argc > 2 ? std::atol(argv[2]) : -1;
    for (long i = 0; count < 0 || i < count; ++i) {
        Annotation a;
        a.id = newAnnotationId();
        a.document = QStringLiteral("frus1934v05/d%1").arg(i % 50);
        a.selector = TextSelector{QString(), QStringLiteral("the passage"), QStringLiteral("before "),
                                  QStringLiteral(" after"), int(i), int(i) + 11};
        a.note = QStringLiteral("written by process %1, number %2").arg(QCoreApplication::applicationPid()).arg(i);
        a.tags = {QStringLiteral("Crash test"), QStringLiteral("Writer %1").arg(i % 3)};
        a.created = a.modified = QDateTime::currentDateTimeUtc();
        if (auto added = store.add(a); !added) {
            std::fprintf(stderr, "%s\n", qPrintable(added.error().toString()));
            return 1;
        }
        std::fprintf(stdout, "%s\n", qPrintable(a.id));
        std::fflush(stdout);
    }
    return 0;
}
