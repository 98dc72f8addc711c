// marginalia-layout: marginalia-cli's helper for the commands that lay text out (export-pdf,
// show --format html). It runs the same command line with a QGuiApplication, since fonts need one.
#include "cli/cli.h"

#include <QGuiApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // no display needed
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("marginalia-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MARGINALIA_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return marginalia::cli::run(QCoreApplication::arguments(), out, err);
}
