#include "outputfile.h"

#include "util/translate.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace marginalia {

namespace {

// What the path names once symbolic links are followed: a dangling link names its target, which is
// then created, as writing through the link would.
QString resolved(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isSymLink())
        return path;
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.symLinkTarget() : canonical;
}

enum class Kind { Missing, Regular, Device, Folder, Socket, Unknown };

Kind kindOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return errno == ENOENT ? Kind::Missing : Kind::Unknown;
    if (S_ISREG(st.st_mode))
        return Kind::Regular;
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode))
        return Kind::Device;
    if (S_ISDIR(st.st_mode))
        return Kind::Folder;
    if (S_ISSOCK(st.st_mode))
        return Kind::Socket;
    return Kind::Unknown;
}

} // namespace

OutputFile::OutputFile(QString path) : m_path(std::move(path)) {}

OutputFile::~OutputFile() = default; // a QSaveFile not committed removes its temporary file

QString OutputFile::displayName() const
{
    return isStandardOutput(m_path) ? Tr::tr("standard output") : m_path;
}

Error OutputFile::failure(const QString &reason) const
{
    return Error{displayName(), 0, 0, Tr::tr("cannot write the file: %1").arg(reason)};
}

Result<bool> OutputFile::open()
{
    if (m_path.isEmpty())
        return fail(m_path, 0, 0, Tr::tr("no output file given"));
    if (isStandardOutput(m_path)) {
        std::fflush(stdout); // what stdio holds goes first
        auto out = std::make_unique<QFile>();
        if (!out->open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
            return fail(failure(out->errorString()));
        m_file = std::move(out);
        return true;
    }
    const QString target = resolved(m_path);
    switch (kindOf(target)) {
    case Kind::Folder:
        return fail(m_path, 0, 0, Tr::tr("is a folder; give the name of a file to write"));
    case Kind::Socket:
        return fail(m_path, 0, 0, Tr::tr("is a socket; an export cannot be written to it"));
    case Kind::Device: {
        // Renaming a temporary file over /dev/null would replace the device with a plain file. Unbuffered,
        // so that each write reports its own error (ENOSPC from /dev/full) at once.
        auto device = std::make_unique<QFile>(target);
        if (!device->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return fail(failure(device->errorString()));
        m_file = std::move(device);
        return true;
    }
    case Kind::Missing:
    case Kind::Regular:
    case Kind::Unknown:
        break;
    }
    auto file = std::make_unique<QSaveFile>(target);
    if (!file->open(QIODevice::WriteOnly))
        return fail(failure(file->errorString()));
    m_file = std::move(file);
    m_atomic = true;
    return true;
}

Result<bool> OutputFile::write(QByteArrayView bytes)
{
    if (!m_file)
        return fail(failure(Tr::tr("the file is not open")));
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 written = m_file->write(bytes.data() + done, bytes.size() - done);
        if (written <= 0)
            return fail(failure(m_file->errorString()));
        done += written;
    }
    return true;
}

Result<bool> OutputFile::commit()
{
    if (!m_file)
        return fail(failure(Tr::tr("the file is not open")));
    if (auto *save = qobject_cast<QSaveFile *>(m_file.get())) {
        if (!save->commit())
            return fail(failure(save->errorString()));
        return true;
    }
    if (!m_file->flush())
        return fail(failure(m_file->errorString()));
    m_file->close();
    if (m_file->error() != QFileDevice::NoError)
        return fail(failure(m_file->errorString()));
    return true;
}

Result<bool> writeOutputFile(const QString &path, QByteArrayView bytes)
{
    OutputFile file(path);
    if (auto opened = file.open(); !opened)
        return opened;
    if (auto written = file.write(bytes); !written)
        return written;
    return file.commit();
}

} // namespace marginalia
