#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace marginalia::cli {

struct InfoOptions {
    QStringList files;
    bool json = false;
};

struct ShowOptions {
    QStringList files;
    QString documentId; // empty: the first document of the first file
    bool json = false;
};

// Each loads `files` into one library, prints its result to `out` and every import error or warning to
// `err` as "FILE:LINE:COLUMN: message", and returns an ExitCode.
int runInfo(const InfoOptions &options, QTextStream &out, QTextStream &err);
int runShow(const ShowOptions &options, QTextStream &out, QTextStream &err);

} // namespace marginalia::cli
