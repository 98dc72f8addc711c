#pragma once
// Helpers shared by the store tests: sample annotations, a database's tables, a file's bytes, and making a
// path unwritable.

#include "model/annotation.h"
#include "store/database.h"
#include "store/statement.h"

#include <gtest/gtest.h>

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace marginalia::test {

// A schema that is not the annotations': one Database class serves every file (Statement and
// NativeStatement are tested on it).
inline const DatabaseSchema &noteSchema()
{
    static const DatabaseSchema schema{
        0x54455354, // "TEST"
        QStringLiteral("test database"),
        {{1, {QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT)"),
              QStringLiteral("PRAGMA application_id = %1").arg(0x54455354)}}}};
    return schema;
}

inline Annotation sampleAnnotation(const QString &document, int start, const QString &exact = QStringLiteral("passage"))
{
    Annotation a;
    a.id = newAnnotationId();
    a.document = document;
    a.selector = TextSelector{QString(), exact, QStringLiteral("before "), QStringLiteral(" after"), start,
                              start + int(exact.size())};
    a.color = QStringLiteral("#F6D55C");
    a.note = QStringLiteral("A note\non two lines");
    a.author = QStringLiteral("historian");
    a.created = QDateTime::fromString(QStringLiteral("2024-03-01T10:00:00.125Z"), Qt::ISODateWithMs);
    a.modified = a.created;
    return a;
}

// The names of a database's tables, by name.
inline QStringList tablesOf(const Database &db)
{
    QStringList names;
    Statement tables(db, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
    EXPECT_TRUE(tables.exec());
    while (tables.next())
        names << tables.text(0);
    return names;
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Makes a file or folder unwritable for this process: permission bits, and when those do not stop us
// (tests run as root in CI) the ext4 immutable attribute, which stops root too. Undone on destruction.
class Unwritable {
public:
    explicit Unwritable(QString path) : m_path(std::move(path))
    {
        m_permissions = QFile::permissions(m_path);
        QFile::setPermissions(m_path, QFileInfo(m_path).isDir()
                                          ? QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                          : QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        if (isWritable())
            m_immutable = QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), m_path}) == 0;
    }
    ~Unwritable()
    {
        if (m_immutable)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), m_path});
        QFile::setPermissions(m_path, m_permissions);
    }
    Unwritable(const Unwritable &) = delete;
    Unwritable &operator=(const Unwritable &) = delete;

    bool isWritable() const
    {
        QFileInfo info(m_path);
        info.refresh();
        return info.isWritable();
    }

private:
    QString m_path;
    QFile::Permissions m_permissions;
    bool m_immutable = false;
};

} // namespace marginalia::test
