#include "glossarymentions.h"

#include "model/readingtext.h"
#include "util/textfold.h"

#include <QHash>

#include <algorithm>

namespace marginalia {

namespace {

// Characters of the line before and after a mention: few before, so that a narrow list still shows it.
constexpr int kBefore = 10;
constexpr int kAfter = 64;

QString contextAround(const QString &text, int start, int end)
{
    const int from = std::max(0, start - kBefore);
    const int to = std::min(int(text.size()), end + kAfter);
    QString line = text.mid(from, to - from).simplified();
    if (from > 0)
        line.prepend(u'…');
    if (to < text.size())
        line.append(u'…');
    return line;
}

// The mentions in one rich text (a body or a note), `startOf(block)` giving each block's offset in the
// text they are counted in.
template <typename StartOf>
void collect(const Document &doc, const RichText &text, int document, int footnote, EntityRef::Kind kind,
             StartOf startOf, QHash<QString, std::vector<GlossaryMention>> &found)
{
    const AnchorKind wanted = kind == EntityRef::Person ? AnchorKind::Person : AnchorKind::Term;
    for (int b = 0; b < int(text.size()); ++b) {
        const Block &block = text.at(std::size_t(b));
        for (const Anchor &anchor : block.anchors) {
            if (anchor.kind != wanted || anchor.index < 0 || anchor.index >= int(doc.entities.size()))
                continue;
            const QString &id = doc.entities.at(std::size_t(anchor.index)).id;
            found[id].push_back({document, footnote, startOf(b) + anchor.start, anchor.end - anchor.start,
                                 block.text.mid(anchor.start, anchor.end - anchor.start).simplified(),
                                 contextAround(block.text, anchor.start, anchor.end)});
        }
    }
}

} // namespace

std::vector<GlossaryItem> glossaryWithMentions(const Volume &volume, EntityRef::Kind kind)
{
    QHash<QString, std::vector<GlossaryMention>> found;
    for (int d = 0; d < int(volume.documents.size()); ++d) {
        const Document &doc = volume.documents.at(std::size_t(d));
        if (doc.entities.empty())
            continue;
        const ReadingText reading(doc.body);
        collect(doc, doc.body, d, -1, kind, [&](int b) { return reading.blockStart(b); }, found);
        for (int f = 0; f < int(doc.footnotes.size()); ++f) {
            const RichText &note = doc.footnotes.at(std::size_t(f)).content;
            std::vector<int> starts; // plainText() joins the blocks with "\n\n"
            for (int b = 0, at = 0; b < int(note.size()); at += int(note.at(std::size_t(b)).text.size()) + 2, ++b)
                starts.push_back(at);
            collect(doc, note, d, f, kind, [&](int b) { return starts.at(std::size_t(b)); }, found);
        }
    }
    const auto &glossary = kind == EntityRef::Person ? volume.persons : volume.terms;
    std::vector<GlossaryItem> items;
    items.reserve(std::size_t(glossary.size()));
    for (auto it = glossary.constBegin(); it != glossary.constEnd(); ++it)
        items.push_back({it.key(), it.value(), found.value(it.key())});
    for (auto it = found.constBegin(); it != found.constEnd(); ++it) {
        if (glossary.contains(it.key()))
            continue;
        GlossaryItem unlisted{it.key(), {}, it.value(), false};
        for (const GlossaryMention &mention : it.value())
            if (mention.words.size() > unlisted.entry.name.size())
                unlisted.entry.name = mention.words;
        if (unlisted.entry.name.isEmpty())
            unlisted.entry.name = it.key();
        items.push_back(std::move(unlisted));
    }
    std::sort(items.begin(), items.end(), [](const GlossaryItem &a, const GlossaryItem &b) {
        const int order = foldForSearch(a.entry.name).compare(foldForSearch(b.entry.name));
        return order != 0 ? order < 0 : a.id < b.id;
    });
    return items;
}

int documentsNotRead(const Volume &volume)
{
    return int(std::count_if(volume.documents.begin(), volume.documents.end(),
                             [](const Document &doc) { return doc.body.empty(); }));
}

} // namespace marginalia
