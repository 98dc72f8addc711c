#include "documentkey.h"

#include "library/library.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace marginalia {

namespace {

// history.state.gov names its document pages "<volume id>-d<number>", and users tend to keep that name
// when they save one ("frus1961-63v09-d317.txt"), so a lone copy still finds its volume.
QString volumeIdFromFileName(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^(frus[A-Za-z0-9-]+?)-d\\d+(?![A-Za-z0-9])"));
    const QRegularExpressionMatch m = pattern.match(fileName);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

QString documentKey(const Library &library, int volume, int document)
{
    if (volume < 0 || volume >= library.size())
        return {};
    const Volume &v = library.volume(volume);
    if (document < 0 || std::size_t(document) >= v.documents.size())
        return {};
    const QString &docId = v.documents[std::size_t(document)].id;
    const QString fileName = QFileInfo(v.sourcePath).fileName();
    QString volumeId = library.volumeIdOf(volume);
    if (volumeId.isEmpty())
        volumeId = volumeIdFromFileName(fileName);
    if (!volumeId.isEmpty() && !docId.isEmpty())
        return volumeId + QLatin1Char('/') + docId;
    // Nothing says which volume it is from: the file is all there is to go by. A file of several
    // documents (rare without a volume id) keeps them apart by id.
    QString key = QStringLiteral("local/") + fileName;
    if (v.documents.size() > 1)
        key += QLatin1Char('/') + docId;
    return key;
}

} // namespace marginalia
