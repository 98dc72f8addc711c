#include "cli/commandline.h"

#include "cli/cli.h"
#include "store/catalogschema.h"
#include "store/database.h"
#include "util/translate.h"
#include "util/visiblecontrols.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace marginalia::cli {

CommandLine::CommandLine(const QString &command, const QString &description, const QString &positional,
                         const QString &positionalHelp)
    : m_help(m_parser.addHelpOption())
{
    m_parser.setApplicationDescription(description);
    m_parser.addPositionalArgument(command, Tr::tr("The command."), command);
    if (!positional.isEmpty())
        m_parser.addPositionalArgument(positional, positionalHelp, positional);
}

void CommandLine::addDatabaseOption()
{
    m_db = std::make_unique<QCommandLineOption>(
        QStringLiteral("db"),
        Tr::tr("The annotation database (default: %1; set MARGINALIA_DB to change it).").arg(Database::defaultPath()),
        QStringLiteral("FILE"));
    m_parser.addOption(*m_db);
}

void CommandLine::addLibraryOption()
{
    m_library = std::make_unique<QCommandLineOption>(
        QStringLiteral("library"),
        Tr::tr("The library index (default: %1; set MARGINALIA_LIBRARY to change it).").arg(defaultCatalogPath()),
        QStringLiteral("FILE"));
    m_parser.addOption(*m_library);
}

QString CommandLine::database() const
{
    // Database::defaultPath() reads MARGINALIA_DB itself; --db overrides both.
    return m_db && m_parser.isSet(*m_db) ? m_parser.value(*m_db) : Database::defaultPath();
}

QString CommandLine::library() const
{
    return m_library && m_parser.isSet(*m_library) ? m_parser.value(*m_library) : defaultCatalogPath();
}

int CommandLine::parse(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText(), err);
    if (m_parser.isSet(m_help)) {
        out << m_parser.helpText();
        return ExitOk;
    }
    return -1;
}

int CommandLine::usage(const QString &message, QTextStream &err) const
{
    err << message << Qt::endl << m_parser.helpText();
    return ExitUsage;
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), Tr::tr("Print JSON."));
}

void printJson(const QJsonObject &object, QTextStream &out)
{
    out << QString::fromUtf8(terminalSafeJson(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

void printJson(const QJsonArray &array, QTextStream &out)
{
    out << QString::fromUtf8(terminalSafeJson(QJsonDocument(array).toJson(QJsonDocument::Indented)));
}

} // namespace marginalia::cli
