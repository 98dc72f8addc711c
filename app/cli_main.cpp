#include "cli/cli.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("marginalia-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MARGINALIA_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return marginalia::cli::run(QCoreApplication::arguments(), out, err);
}
