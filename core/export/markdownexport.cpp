#include "markdownexport.h"

#include "annotation/anchoredannotation.h"
#include "annotation/documentlookup.h"
#include "library/citationlabel.h"
#include "library/library.h"
#include "model/readingtext.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace marginalia {

namespace {

QString heading(const Library &library, const QString &key, const std::optional<KeyedDocument> &open)
{
    if (!open)
        return escapeMarkdown(key);
    const Document &doc = open->doc(library);
    const QString label = citationLabel(open->volumeId, open->volumeTitle, doc, {});
    if (doc.title.isEmpty())
        return escapeMarkdown(label.isEmpty() ? key : label);
    return escapeMarkdown(label.isEmpty() ? doc.title : label + QStringLiteral(": ") + doc.title);
}

// The citation of where the passage is now, with its page; an orphan is cited without one.
QString citation(const Library &library, const KeyedDocument &open, const AnchoredAnnotation &anchored)
{
    const Document &doc = open.doc(library);
    if (!anchored.anchor.found())
        return citationLabel(open.volumeId, open.volumeTitle, doc, {}) + Tr::tr(" (passage not found in the text)");
    return passageCitationLabel(library, open.volume, open.document, open.volumeId, open.volumeTitle,
                                anchored.footnote, anchored.anchor.start, anchored.anchor.end);
}

QString blockquote(const QString &quote)
{
    QStringList lines = escapeMarkdown(quote).split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
    return lines.join(QLatin1Char('\n'));
}

// A note keeps its line breaks: Markdown joins lines unless they end in two spaces.
QString noteText(const QString &note)
{
    static const QRegularExpression lineBreak(QStringLiteral("(?<!\n)\n(?!\n)"));
    return escapeMarkdown(note.trimmed()).replace(lineBreak, QStringLiteral("  \n"));
}

QString hashtags(const QStringList &tags)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList out;
    for (const QString &tag : tags)
        out.append(QLatin1Char('#') + escapeMarkdown(tag.trimmed()).replace(space, QStringLiteral("-")));
    return out.join(QLatin1Char(' '));
}

QString entry(const Annotation &a, const QString &cited)
{
    QStringList parts{blockquote(a.selector.exact)};
    if (!a.note.trimmed().isEmpty())
        parts.append(noteText(a.note));
    if (!a.tags.isEmpty())
        parts.append(hashtags(a.tags));
    parts.append(QStringLiteral("\u2014 ") + cited);
    return parts.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

QString documentSection(const Library &library, const QString &key, std::vector<Annotation> annotations,
                        const DocumentCitation &documentCitation)
{
    const std::optional<KeyedDocument> open = keyedDocument(library, key);
    QString out = QStringLiteral("## ") + heading(library, key, open) + QStringLiteral("\n\n");
    if (open && documentCitation)
        out += Tr::tr("Cite as: %1").arg(escapeMarkdown(documentCitation(open->volume, open->document))) + QStringLiteral("\n\n");
    if (!open) {
        for (const Annotation &a : annotations)
            out += entry(a, escapeMarkdown(key)) + QLatin1Char('\n');
        return out;
    }
    std::vector<AnchoredAnnotation> anchored = anchorAnnotations(open->doc(library), annotations);
    // In reading order: the body first, then the notes, each by where the passage starts now.
    std::stable_sort(anchored.begin(), anchored.end(), [](const AnchoredAnnotation &x, const AnchoredAnnotation &y) {
        return std::pair(x.footnote, x.anchor.start) < std::pair(y.footnote, y.anchor.start);
    });
    for (const AnchoredAnnotation &a : anchored)
        out += entry(a.annotation, escapeMarkdown(citation(library, *open, a))) + QLatin1Char('\n');
    return out;
}

} // namespace

QString escapeMarkdown(const QString &text)
{
    static const QString inlineMarkup = QStringLiteral("\\`*_[]<>");
    // What opens a heading or a list at the start of a line; for "1." it is the '.' that is escaped.
    static const QRegularExpression lineStart(QStringLiteral("^\\s*(?:[#+-]|\\d+(?=[.)]))"));
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        QString escaped;
        escaped.reserve(line.size() + 8);
        const QRegularExpressionMatch m = lineStart.match(line);
        const qsizetype markAt = m.hasMatch() ? (line.at(m.capturedEnd() - 1).isDigit() ? m.capturedEnd()
                                                                                         : m.capturedEnd() - 1)
                                              : -1;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (i == markAt || inlineMarkup.contains(line.at(i)))
                escaped += QLatin1Char('\\');
            escaped += line.at(i);
        }
        line = escaped;
    }
    return lines.join(QLatin1Char('\n'));
}

QString annotationsMarkdown(const std::vector<Annotation> &annotations, const Library &library, const QString &title,
                            const DocumentCitation &documentCitation)
{
    std::vector<std::pair<QString, std::vector<Annotation>>> byDocument;
    QHash<QString, std::size_t> groupOf;
    for (const Annotation &a : annotations) {
        auto it = groupOf.constFind(a.document);
        if (it == groupOf.constEnd()) {
            it = groupOf.insert(a.document, byDocument.size());
            byDocument.push_back({a.document, {}});
        }
        byDocument[*it].second.push_back(a);
    }
    QString out;
    if (!title.isEmpty())
        out += QStringLiteral("# ") + escapeMarkdown(title) + QStringLiteral("\n\n");
    for (const auto &[key, group] : byDocument)
        out += documentSection(library, key, group, documentCitation);
    return out;
}

} // namespace marginalia
