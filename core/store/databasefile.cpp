#include "databasefile.h"

#include "fileio/inputfile.h"
#include "util/translate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/statvfs.h>

namespace marginalia {

namespace {

quint32 bigEndian32(const QByteArray &bytes, int at)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

// The header's magic, and the two numbers open() checks (SQLite's file format: user_version at
// offset 60, application_id at 68).
Result<void> readHeader(const DatabaseSchema &schema, DatabaseFile &file)
{
    QFile in(file.path);
    if (!in.open(QIODevice::ReadOnly))
        return fail(file.path, 0, 0, Tr::tr("cannot read the %1 (%2)").arg(schema.name, in.errorString()));
    const QByteArray header = in.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    file.sqliteHeader = header.startsWith(magic);
    if (file.sqliteHeader && header.size() == 100) {
        file.userVersion = bigEndian32(header, 60);
        file.applicationId = bigEndian32(header, 68);
    }
    return {};
}

} // namespace

Error notOfSchema(const DatabaseSchema &schema, const QString &path, const QString &why)
{
    return Error{path, 0, 0, Tr::tr("is not a Marginalia %1 (%2)").arg(schema.name, why)};
}

Error newerSchema(const DatabaseSchema &schema, const QString &path, int version)
{
    return Error{path, 0, 0, Tr::tr("was written by a newer Marginalia (schema %1; this version reads up to %2)")
                                 .arg(version).arg(schema.currentVersion())};
}

Result<DatabaseFile> inspectDatabaseFile(const DatabaseSchema &schema, const QString &path, bool mayCreate)
{
    DatabaseFile file;
    file.path = path;
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    file.exists = info.exists();
    if (!file.exists) {
        if (!mayCreate)
            return fail(path, 0, 0, Tr::tr("no such %1").arg(schema.name));
        if (!QDir().mkpath(folder))
            return fail(path, 0, 0, Tr::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
    }
    file.folderWritable = QFileInfo(folder).isWritable();
    if (!file.exists) {
        if (!file.folderWritable)
            return fail(path, 0, 0, Tr::tr("cannot create the %1: the folder %2 is not writable")
                                        .arg(schema.name, QDir::toNativeSeparators(folder)));
        return file;
    }
    if (info.isDir())
        return fail(path, 0, 0, Tr::tr("is a folder, not an %1 file").arg(schema.name));
    if (const QString kind = nonRegularKind(path); !kind.isEmpty())
        return fail(path, 0, 0, Tr::tr("is not an %1 file but %2").arg(schema.name, kind));
    file.size = info.size();
    file.fileWritable = info.isWritable();
    file.walExists = QFileInfo::exists(path + QStringLiteral("-wal"));
    if (file.size > 0) {
        if (auto read = readHeader(schema, file); !read)
            return fail(read.error());
    }
    return file;
}

Result<void> checkDatabaseHeader(const DatabaseSchema &schema, const DatabaseFile &file)
{
    if (file.size == 0)
        return {};
    if (!file.sqliteHeader)
        return fail(notOfSchema(schema, file.path, Tr::tr("it is not an SQLite file")));
    if (file.walExists)
        return {};
    // Another application id may be another program's database or damage: quick_check tells them apart.
    if (file.applicationId == quint32(schema.applicationId) && file.userVersion > quint32(schema.currentVersion()))
        return fail(newerSchema(schema, file.path, int(file.userVersion)));
    return {};
}

bool diskIsFull(const QString &path)
{
    struct statvfs fs {};
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    if (::statvfs(folder.constData(), &fs) != 0)
        return false;
    // Less than SQLite needs for a -shm file (32 KiB) and a page or two: nothing more will fit.
    return qint64(fs.f_bavail) * qint64(fs.f_frsize) < 64 * 1024;
}

} // namespace marginalia
