#pragma once

// A tmpfs of a few hundred KiB mounted for one test, to fill a disk for real (ENOSPC, SQLITE_FULL).
// Mounting needs root (the tests run as root); where it is refused, available() is false and the test
// skips, saying so.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <sys/mount.h>

#include <cerrno>
#include <cstring>

namespace marginalia::test {

class SmallFileSystem {
public:
    explicit SmallFileSystem(qint64 bytes)
    {
        if (!m_dir.isValid())
            return;
        const QByteArray options = "size=" + QByteArray::number(bytes);
        if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0, options.constData()) == 0)
            m_mounted = true;
        else
            m_why = QString::fromLocal8Bit(std::strerror(errno));
    }
    ~SmallFileSystem()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    SmallFileSystem(const SmallFileSystem &) = delete;
    SmallFileSystem &operator=(const SmallFileSystem &) = delete;

    bool available() const { return m_mounted; }
    // Makes it a read-only medium (EROFS for everyone, root too).
    bool remountReadOnly() const
    {
        return m_mounted
            && ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }
    QString path() const { return m_dir.path(); }
    // Why mounting failed, for the skip message.
    QString whyUnavailable() const { return m_why; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Writes a file of zeros until the file system is full; returns the bytes written.
    qint64 fill(const QString &name = QStringLiteral("filler")) const
    {
        QFile filler(filePath(name));
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return 0;
        const QByteArray block(4096, '\0');
        qint64 total = 0;
        for (qint64 n; (n = filler.write(block)) > 0;)
            total += n;
        return total;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

} // namespace marginalia::test
