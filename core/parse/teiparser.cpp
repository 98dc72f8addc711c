#include "teiparser.h"

#include "citation.h"
#include "teiparallel.h"
#include "teireader.h"
#include "teisplitter.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QThread>

namespace marginalia {

namespace {

Result<Volume> readVolume(const QByteArray &data, const QString &fileName, const TeiParser::Progress &progress,
                          TeiParser::Threads threads)
{
    if (threads == TeiParser::Threads::Several) {
        if (auto parallel = parseTeiInParallel(data, fileName, progress))
            return std::move(*parallel);
    }
    // Checked before the XML parser sees the file (the parallel path checks while splitting it).
    if (const qsizetype crowded = findCrowdedStartTag(data); crowded >= 0)
        return fail(crowdedTagError(data, crowded, fileName));
    TeiReader reader(data, fileName, progress);
    return reader.read();
}

} // namespace

Result<Volume> TeiParser::parse(const QByteArray &data, const QString &fileName, const Progress &progress,
                                Threads threads)
{
    Result<Volume> volume = readVolume(data, fileName, progress, threads);
    // A step over the whole volume in reading order, which the parallel reader's runs cannot take.
    if (volume)
        carryCitationsAcrossDocuments(*volume, threads == Threads::Several ? QThread::idealThreadCount() : 1);
    return volume;
}

QString TeiParser::cancelledMessage()
{
    return Tr::tr("the import was cancelled");
}

} // namespace marginalia
