#include "generatedinputs.h"

#include "testdata.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace marginalia::test {

namespace {

struct TextCopyParts {
    QString title;         // ends in the source note's marker 0
    QStringList paragraphs; // markers taken out
    QStringList notes;     // the list items' text, without their numbers
};

TextCopyParts textCopyParts()
{
    const QStringList lines = QString::fromUtf8(readData(QStringLiteral("frus1961-63v09-d317.txt"))).split(u'\n');
    static const QRegularExpression item(QStringLiteral("^\\s+\\d+\\.\\s+(.*)$"));
    static const QRegularExpression marker(QStringLiteral("(?<=[A-Za-z.])\\d(?= |$)"));
    TextCopyParts parts;
    parts.title = lines.value(0);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (const auto m = item.match(line); m.hasMatch())
            parts.notes.append(m.captured(1));
        else if (!line.trimmed().isEmpty() && !line.startsWith(u'[') && parts.notes.isEmpty())
            parts.paragraphs.append(QString(line).remove(marker));
    }
    return parts;
}

} // namespace

QByteArray textCopyWithNotes(int notes)
{
    const TextCopyParts parts = textCopyParts();
    if (parts.paragraphs.isEmpty() || parts.notes.size() < 2)
        return {};
    QString out = parts.title + QStringLiteral("\n\n");
    for (int k = 1; k < notes; ++k) {
        if (k % 40 == 0)
            out += QStringLiteral("[Page %1]\n\n").arg(704 + k / 40);
        out += parts.paragraphs[(k - 1) % parts.paragraphs.size()] + QString::number(k) + QStringLiteral("\n\n");
    }
    for (int k = 1; k <= notes; ++k) {
        const QString &text = k == 1 ? parts.notes[0] : parts.notes[1 + (k - 2) % (parts.notes.size() - 1)];
        out += QStringLiteral("  %1. ").arg(k) + text + u'\n';
    }
    return out.toUtf8();
}

QByteArray teiWithNestedNotes(int depth)
{
    QByteArray data = readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QByteArray tag = "<note n=\"1\" xml:id=\"d317fn1\">";
    const qsizetype at = data.indexOf(tag);
    if (at < 0)
        return {};
    QByteArray nested;
    for (int i = 1; i <= depth; ++i)
        nested += "<note n=\"1." + QByteArray::number(i) + "\">Nested note " + QByteArray::number(i) + ". ";
    for (int i = 1; i <= depth; ++i)
        nested += "</note>";
    data.insert(at + tag.size(), nested);
    return data;
}

QByteArray withManyAttributes(const QByteArray &data, const QByteArray &tag, qsizetype from, int count,
                              qsizetype &at)
{
    // The tag itself, not a longer name that starts like it (<p> and not <persName>).
    for (at = data.indexOf(QByteArray('<' + tag), from); at >= 0; at = data.indexOf(QByteArray('<' + tag), at + 1)) {
        const char after = data.at(at + 1 + tag.size());
        if (after == '>' || after == ' ' || after == '/' || after == '\n')
            break;
    }
    if (at < 0)
        return {};
    QByteArray attributes;
    for (int i = 0; i < count; ++i)
        attributes += " a" + QByteArray::number(i) + "=\"1\"";
    QByteArray out = data;
    out.insert(at + 1 + tag.size(), attributes);
    return out;
}

TextPosition positionOf(const QByteArray &data, qsizetype offset)
{
    const QByteArray before = data.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return {before.count('\n') + 1, QString::fromUtf8(before.mid(lineStart)).size() + 1};
}

} // namespace marginalia::test
