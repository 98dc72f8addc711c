// The layout commands as marginalia-cli runs them: by becoming marginalia-layout, which it finds beside
// itself (build tree) or in ../libexec/marginalia (installed). The same arguments, the same standard
// streams and the helper's exit status, so a user sees one program.
#include "cli/layout.h"

#include "cli/cli.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <unistd.h>

#include <vector>

namespace marginalia::cli {

namespace {

QString helperPath()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("marginalia-layout")),
                                     here.filePath(QStringLiteral("../libexec/marginalia/marginalia-layout"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

int becomeHelper(QTextStream &out, QTextStream &err)
{
    const QString helper = helperPath();
    if (helper.isEmpty()) {
        err << Tr::tr("cannot find marginalia-layout, which lays out PDF and HTML; "
                      "reinstall Marginalia")
            << Qt::endl;
        return ExitBadInput;
    }
    out.flush();
    err.flush();
    // argv[0] stays marginalia-cli's own, so that the helper's usage and messages name the program the
    // user ran (Qt takes the helper's own path from /proc/self/exe, not from argv[0]).
    const QStringList arguments = QCoreApplication::arguments();
    const QByteArray program = QFile::encodeName(helper);
    std::vector<QByteArray> storage;
    for (const QString &a : arguments)
        storage.push_back(QFile::encodeName(a));
    std::vector<char *> argv;
    for (QByteArray &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(program.constData(), argv.data());
    err << Tr::tr("cannot start %1").arg(helper) << Qt::endl;
    return ExitBadInput;
}

} // namespace

int runExportPdf(const QStringList &, QTextStream &out, QTextStream &err)
{
    return becomeHelper(out, err);
}

int runShowHtml(const ShowOptions &, QTextStream &out, QTextStream &err)
{
    return becomeHelper(out, err);
}

} // namespace marginalia::cli
