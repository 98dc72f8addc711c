#include "volumeloader.h"

#include "teiparser.h"
#include "textcopyparser.h"

#include "fileio/inputfile.h"

#include <QCoreApplication>
#include <QFile>

namespace marginalia {

namespace {

bool looksLikeXml(const QByteArray &data)
{
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < data.size() && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
        ++i;
    return i < data.size() && data[i] == '<';
}

} // namespace

Result<Volume> loadVolume(const QByteArray &data, const QString &fileName, const TeiParser::Progress &progress)
{
    if (looksLikeXml(data))
        return TeiParser::parse(data, fileName, progress);
    return TextCopyParser::parse(data, fileName);
}

Result<Volume> loadVolume(const QString &path, const TeiParser::Progress &progress)
{
    Result<QByteArray> data = readInputFile(path);
    if (!data)
        return fail(data.error());
    return loadVolume(*data, path, progress);
}

} // namespace marginalia
