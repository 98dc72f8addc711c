#pragma once

#include "util/result.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

class QFileDevice;

namespace marginalia {

// Where an export goes. A regular file (or a new path) is written beside itself and replaced only when
// all of it is written (QSaveFile), so a failed export leaves the old file as it was. Anything else is
// never renamed over: a character or block device or a FIFO (/dev/null, /dev/full, a pipe) is written
// directly; a folder or a socket is refused. A symbolic link is followed to what it names. "-" is
// standard output. Every failure is an Error naming the file and the system's reason ("No space left
// on device"), from open(), write() or commit().
class OutputFile {
public:
    explicit OutputFile(QString path);
    ~OutputFile(); // without commit(): a regular file is left as it was
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    static bool isStandardOutput(const QString &path) { return path == QLatin1String("-"); }

    Result<bool> open();
    Result<bool> write(QByteArrayView bytes);
    // Flushes; a regular file is then put in place. Nothing is in place unless this succeeds.
    Result<bool> commit();

    const QString &path() const { return m_path; }
    // The file name for messages: the path, or "standard output".
    QString displayName() const;
    // A regular file written atomically (false for devices, FIFOs and standard output).
    bool isAtomic() const { return m_atomic; }

private:
    Error failure(const QString &reason) const;

    QString m_path;
    std::unique_ptr<QFileDevice> m_file;
    bool m_atomic = false;
};

// open(), write(bytes), commit() in one call.
Result<bool> writeOutputFile(const QString &path, QByteArrayView bytes);

} // namespace marginalia
