#include "volumeloader.h"

#include "fileio/inputfile.h"
#include "teiparser.h"
#include "textcopyparser.h"
#include "unicodeinput.h"

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

Result<Volume> loadVolume(const QByteArray &data, const QString &fileName, const TeiParser::Progress &progress,
                          TeiParser::Threads threads)
{
    // A UTF-16 or UTF-32 file (Windows editors save "Unicode" so) is read as the UTF-8 it holds, not taken
    // for a text copy because its first byte is not "<".
    Result<QByteArray> utf8 = asUtf8(data, fileName);
    if (!utf8)
        return fail(utf8.error());
    if (looksLikeXml(*utf8))
        return TeiParser::parse(*utf8, fileName, progress, threads);
    return TextCopyParser::parse(*utf8, fileName);
}

Result<Volume> loadTextCopy(const QString &path, const TextCopyHome &home)
{
    Result<QByteArray> data = readInputFile(path);
    if (!data)
        return fail(data.error());
    Result<QByteArray> utf8 = asUtf8(*data, path);
    if (!utf8)
        return fail(utf8.error());
    return TextCopyParser::parse(*utf8, path, home);
}

Result<Volume> loadVolume(const QString &path, const TeiParser::Progress &progress)
{
    Result<QByteArray> data = readInputFile(path);
    if (!data)
        return fail(data.error());
    return loadVolume(*data, path, progress);
}

} // namespace marginalia
