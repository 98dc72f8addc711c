#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>

class QJsonArray;
class QJsonObject;
class QTextStream;

namespace marginalia::cli {

// A subcommand's parser with the options the commands share: --help always; --db FILE (the annotation
// database) and --library FILE (the library index) for the commands that use them.
class CommandLine {
public:
    // `command` is listed so that the usage line reads "marginalia-cli [options] annotate FILE...".
    CommandLine(const QString &command, const QString &description, const QString &positional,
                const QString &positionalHelp);

    void addDatabaseOption();
    void addLibraryOption();

    QCommandLineParser &parser() { return m_parser; }
    QStringList positional() const { return m_parser.positionalArguments(); }
    // --db, else MARGINALIA_DB, else the app's database.
    QString database() const;
    // --library, else MARGINALIA_LIBRARY, else the app's library index.
    QString library() const;

    // Returns -1 to go on, else the exit code (help printed, or a usage error).
    int parse(const QStringList &arguments, QTextStream &out, QTextStream &err);
    int usage(const QString &message, QTextStream &err) const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    std::unique_ptr<QCommandLineOption> m_db;
    std::unique_ptr<QCommandLineOption> m_library;
};

QCommandLineOption jsonOption();

// What --json prints: indented, with control characters in strings escaped so that no text of a document
// or an annotation can drive the terminal (terminalSafeJson).
void printJson(const QJsonObject &object, QTextStream &out);
void printJson(const QJsonArray &array, QTextStream &out);

} // namespace marginalia::cli
