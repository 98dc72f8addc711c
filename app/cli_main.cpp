#include "cli/cli.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (marginalia::cli::needsFonts(arguments)) {
        // Laying text out needs fonts, hence a QGuiApplication; offscreen, as the CLI has no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("marginalia-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MARGINALIA_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return marginalia::cli::run(QCoreApplication::arguments(), out, err);
}
