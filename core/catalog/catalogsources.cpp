#include "catalogsources.h"

#include "fileio/inputfile.h"
#include "util/translate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace marginalia {

namespace {

bool under(const QString &path, const QString &source)
{
    return path == source || (path.startsWith(source) && path.size() > source.size()
                              && (source.endsWith(u'/') || path.at(source.size()) == u'/'));
}

enum class Candidate { Tei, Other, Unreadable };

// The first 4 KB: after a byte-order mark and white space, XML whose root (past the prolog's comments
// and processing instructions) is TEI. UTF-16 files are left to the reader to judge.
Candidate teiCandidate(const QString &path, QString &why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        why = file.errorString();
        return Candidate::Unreadable;
    }
    const QByteArray head = file.read(4096);
    if (head.startsWith("\xff\xfe") || head.startsWith("\xfe\xff"))
        return Candidate::Tei;
    qsizetype at = head.startsWith("\xef\xbb\xbf") ? 3 : 0;
    while (at < head.size() && std::isspace(static_cast<unsigned char>(head.at(at))))
        ++at;
    if (at >= head.size() || head.at(at) != '<')
        return Candidate::Other;
    for (qsizetype tag = head.indexOf('<', at); tag >= 0; tag = head.indexOf('<', tag + 1)) {
        const char next = tag + 1 < head.size() ? head.at(tag + 1) : '\0';
        if (next == '?' || next == '!')
            continue;
        const QByteArray name = head.mid(tag + 1, 8);
        return name.startsWith("TEI") || name.contains(":TEI") ? Candidate::Tei : Candidate::Other;
    }
    return Candidate::Other;
}

struct Walker {
    SourceScan scan;
    QSet<QString> folders; // canonical paths visited: a link back up is not followed again
    QSet<QString> files;   // canonical paths taken: one file reached by two paths is indexed once

    void visitFile(const QFileInfo &info)
    {
        if (!info.fileName().endsWith(QLatin1String(".xml"), Qt::CaseInsensitive))
            return;
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || files.contains(canonical) || !nonRegularKind(canonical).isEmpty())
            return; // a dangling link, a file already taken, or a FIFO or device (opening one could block)
        files.insert(canonical);
        QString why;
        switch (teiCandidate(info.absoluteFilePath(), why)) {
        case Candidate::Tei:
            scan.files << info.absoluteFilePath();
            break;
        case Candidate::Unreadable:
            scan.unreadableFiles << info.absoluteFilePath();
            scan.unreadable.push_back({info.absoluteFilePath(), 0, 0, Tr::tr("cannot read the file (%1)").arg(why)});
            break;
        case Candidate::Other:
            break;
        }
    }

    void visitFolder(const QString &path)
    {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty() || folders.contains(canonical))
            return;
        folders.insert(canonical);
        QDir dir(path);
        if (!QFileInfo(path).isReadable()) {
            scan.unreadable.push_back({path, 0, 0, Tr::tr("cannot read the folder")});
            return;
        }
        const QFileInfoList entries =
            dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (entry.isDir())
                visitFolder(entry.absoluteFilePath());
            else if (entry.isFile())
                visitFile(entry);
        }
    }
};

} // namespace

bool isCovered(const QString &path, const std::vector<CatalogSource> &sources)
{
    bool covered = false;
    for (const CatalogSource &source : sources) {
        if (under(path, source.path)) {
            if (source.excluded)
                return false;
            covered = true;
        }
    }
    return covered;
}

SourceScan scanSources(const std::vector<CatalogSource> &sources)
{
    Walker walker;
    for (const CatalogSource &source : sources) {
        if (source.excluded)
            continue;
        const QFileInfo info(source.path);
        if (info.isDir())
            walker.visitFolder(source.path);
        else if (info.isFile())
            walker.visitFile(info);
        // A source that is gone (an unplugged disk) leaves its volumes Missing, not failed.
    }
    QStringList kept;
    for (const QString &file : std::as_const(walker.scan.files)) {
        if (isCovered(file, sources))
            kept << file;
    }
    walker.scan.files = kept;
    return walker.scan;
}

} // namespace marginalia
