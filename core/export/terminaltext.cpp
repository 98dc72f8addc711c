#include "terminaltext.h"

#include "library/library.h"
#include "model/readingtext.h"
#include "util/translate.h"

#include <QCoreApplication>

#include <algorithm>

namespace marginalia {

namespace {

struct Insertion {
    int offset = 0;
    int order = 0; // markers before page breaks at the same place: a marker belongs to the text before it
    QString text;
    bool pageBreak = false;
};

std::vector<Insertion> insertions(const Document &doc, const ReadingText &reading)
{
    std::vector<Insertion> out;
    for (const Footnote &fn : doc.footnotes) {
        const int at = reading.offsetOf(fn.marker);
        if (at >= 0)
            out.push_back({at, 0, QLatin1Char('[') + fn.label + QLatin1Char(']'), false});
    }
    for (const PageBreak &pb : doc.pageBreaks) {
        const int at = reading.offsetOf(pb.where);
        if (at >= 0) {
            out.push_back({at, 1, Tr::tr("[Page %1]").arg(pb.n), true});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Insertion &a, const Insertion &b) {
        return std::tie(a.offset, a.order) < std::tie(b.offset, b.order);
    });
    return out;
}

// A page break that starts a block gets a line of its own, as on the web page; one inside a sentence
// stays inline, set off by spaces.
QString pageBreakText(const QString &text, int offset, const QString &label)
{
    const bool atLineStart = offset == 0 || text[offset - 1] == QLatin1Char('\n');
    if (atLineStart)
        return label + ReadingText::separator();
    QString out = label;
    if (!text[offset - 1].isSpace())
        out.prepend(QLatin1Char(' '));
    if (offset < text.size() && !text[offset].isSpace())
        out.append(QLatin1Char(' '));
    return out;
}

// A note's text on one line, with "[Page N]" where a page turns inside it.
QString noteText(const Document &doc, int footnote)
{
    const RichText &content = doc.footnotes[std::size_t(footnote)].content;
    QString out;
    for (std::size_t b = 0; b < content.size(); ++b) {
        const QString &text = content[b].text;
        int copied = 0;
        for (const PageBreak &pb : doc.pageBreaks) {
            if (pb.where.footnote != footnote || pb.where.block != int(b))
                continue;
            const int at = std::clamp(pb.where.offset, copied, int(text.size()));
            out += QStringView(text).mid(copied, at - copied) + u' ' + Tr::tr("[Page %1]").arg(pb.n) + u' ';
            copied = at;
        }
        out += QStringView(text).mid(copied) + u' ';
    }
    return out.simplified();
}

} // namespace

QString terminalText(const Library &library, int volumeIndex, int documentIndex)
{
    const Document &doc = library.volume(volumeIndex).documents.at(std::size_t(documentIndex));
    const ReadingText reading(doc.body);
    const QString &text = reading.text();

    QString out;
    int copied = 0;
    for (const Insertion &ins : insertions(doc, reading)) {
        const int at = std::clamp(ins.offset, copied, int(text.size()));
        out += QStringView(text).mid(copied, at - copied);
        copied = at;
        out += ins.pageBreak ? pageBreakText(text, at, ins.text) : ins.text;
    }
    out += QStringView(text).mid(copied);
    out += QLatin1Char('\n');

    if (!doc.footnotes.empty())
        out += QLatin1Char('\n');
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i)
        out += QLatin1Char('[') + doc.footnotes[i].label + QStringLiteral("] ") + noteText(doc, int(i)) + QLatin1Char('\n');
    return out;
}

} // namespace marginalia
