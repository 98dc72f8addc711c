#include "textcopyfootnotes.h"

#include "textcopymarkers.h"
#include "textcopytext.h"
#include "util/translate.h"

#include <QCoreApplication>

#include <algorithm>

namespace marginalia {

namespace {

// A line numbered "N. text", possibly indented as the site's list is; N and the text after it.
bool numberedLine(const QString &line, int &n, QString &rest)
{
    int i = 0;
    while (i < line.size() && line[i].isSpace())
        ++i;
    const int start = i;
    while (i < line.size() && i - start < 5 && line[i] >= u'0' && line[i] <= u'9')
        ++i;
    if (i == start || i >= line.size() || line[i] != u'.' || (i + 1 < line.size() && !line[i + 1].isSpace()))
        return false;
    n = line.mid(start, i - start).toInt();
    rest = line.mid(i + 1).trimmed();
    return true;
}

bool isBlankLine(const QString &line)
{
    return std::all_of(line.begin(), line.end(), [](QChar c) { return c.isSpace(); });
}

std::optional<TextCopyNoteList> readNoteList(const QStringList &lines, int first)
{
    TextCopyNoteList list;
    list.firstLine = first;
    bool afterBlank = false;
    int n = 0;
    QString rest;
    for (int j = first; j < lines.size(); ++j) {
        if (isBlankLine(lines[j])) {
            afterBlank = true;
            continue;
        }
        const bool numbered = numberedLine(lines[j], n, rest);
        if (numbered && n == int(list.items.size()) + 1) {
            list.items.push_back(TextCopyNoteItem{j + 1, {rest}});
            afterBlank = false;
            continue;
        }
        // Text after a blank line, or out-of-order numbers, mean this was not the final list.
        if (list.items.empty() || afterBlank || numbered)
            return std::nullopt;
        list.items.back().paragraphs.append(lines[j].trimmed());
    }
    return list;
}

// "instant, † and": the TEI reader puts a note set off by spaces at the word before, as if glued to it.
TextCopyMarker spacedMarker(const QString &text, const TextCopyLabelledMarker &at)
{
    TextCopyMarker marker{at.block, at.pos, int(at.label.size())};
    if (at.pos > 0 && text[at.pos - 1] == u' ') {
        --marker.pos;
        ++marker.length;
    }
    return marker;
}

// The text of a block before `pos`, without the markers already placed in it.
QString textBefore(const QString &text, int block, int pos, const std::vector<std::pair<int, TextCopyMarker>> &placed)
{
    QString out = text.left(pos);
    for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
        if (it->second.block == block && it->second.pos + it->second.length <= pos)
            out.remove(it->second.pos, it->second.length);
    }
    return out;
}

// A copy that lost a marker's label still has the text before it: the place right after the first run
// of the TEI's 16 characters there (a marker of no length), if the TEI gave that many.
std::optional<TextCopyMarker> markerLostAfter(const RichText &body,
                                              const std::vector<std::pair<int, TextCopyMarker>> &placed,
                                              const TextCopyMarker &from, const QString &before)
{
    if (before.size() < 16)
        return std::nullopt;
    const QChar last = before.back();
    for (int b = from.block; b < int(body.size()); ++b) {
        const QString &text = body[std::size_t(b)].text;
        for (qsizetype q = text.indexOf(last, b == from.block ? from.pos + from.length : 0); q >= 0;
             q = text.indexOf(last, q + 1)) {
            if (tailWithoutSpaces(textBefore(text, b, int(q + 1), placed), 16) == before)
                return TextCopyMarker{b, int(q + 1), 0};
        }
    }
    return std::nullopt;
}

// The TEI note's label after the last placed marker, where the characters before it are the TEI's
// (the last 16, else the last 6); nothing when neither is found.
std::optional<TextCopyMarker> findHomeMarker(const RichText &body,
                                             const std::vector<std::pair<int, TextCopyMarker>> &placed,
                                             const TextCopyHome::Note &note)
{
    if (note.label.isEmpty())
        return std::nullopt;
    const TextCopyMarker from = placed.empty() ? TextCopyMarker{} : placed.back().second;
    for (const int context : {16, 6}) {
        const QString want = note.before.right(context);
        for (int b = from.block; b < int(body.size()); ++b) {
            const QString &text = body[std::size_t(b)].text;
            qsizetype p = text.indexOf(note.label, b == from.block ? std::max(1, from.pos + from.length) : 1);
            for (; p > 0; p = text.indexOf(note.label, p + 1)) {
                const qsizetype end = p + note.label.size();
                if (end < text.size() && note.label.back().isLetterOrNumber() && text[end].isLetterOrNumber())
                    continue;
                const bool fits = want.isEmpty()
                    ? isGluedMarker(text, int(p), note.label)
                    : tailWithoutSpaces(textBefore(text, b, int(p), placed), int(want.size())) == want;
                if (fits)
                    return spacedMarker(text, TextCopyLabelledMarker{b, int(p), note.label});
            }
        }
    }
    return markerLostAfter(body, placed, from, note.before);
}

} // namespace

void normaliseBackLinks(QStringList &lines)
{
    static const QString backLink = QStringLiteral("\u21A9");
    std::vector<int> bulleted; // lines of "- … ↩" items, last first
    bool inRun = true;
    for (int j = int(lines.size()) - 1; j >= 0; --j) {
        QString &line = lines[j];
        const QString trimmed = line.trimmed();
        if (!trimmed.endsWith(backLink)) {
            inRun = inRun && isBlankLine(line);
            continue;
        }
        line = trimmed.chopped(backLink.size()).trimmed();
        if (inRun && (line.startsWith(QLatin1String("- ")) || line.startsWith(QStringLiteral("\u2022 "))))
            bulleted.push_back(j);
        else
            inRun = false;
    }
    for (std::size_t k = 0; k < bulleted.size(); ++k) {
        QString &line = lines[bulleted[bulleted.size() - 1 - k]];
        line = QString::number(int(k) + 1) + QLatin1Char('.') + line.mid(1);
    }
}

std::optional<TextCopyNoteList> findNoteList(const QStringList &lines, int from)
{
    // Only the last "1." can start the final run: any earlier one would run into it.
    int n = 0;
    QString rest;
    for (int i = int(lines.size()) - 1; i >= from; --i) {
        if (numberedLine(lines[i], n, rest) && n == 1)
            return readNoteList(lines, i);
    }
    return std::nullopt;
}

TextCopyFootnotes::TextCopyFootnotes(Document &doc, const QString &fileName, const std::vector<int> &blockLines)
    : m_doc(doc), m_fileName(fileName), m_blockLines(blockLines)
{
}

void TextCopyFootnotes::attach(const TextCopyNoteList &list, int titleStart, std::vector<Error> &warnings)
{
    if (list.items.empty())
        return;
    // The copy numbered the list from 1; with a source note the TEI labels start at 0.
    const bool hasSource = list.items.front().paragraphs.value(0).startsWith(QLatin1String("Source:"));
    const int offset = hasSource ? 1 : 0;
    const int needed = int(list.items.size()) - offset;
    // 1955–80 pages label the source note 1 ("…10:23 a.m.1"), so the list's "Source:" is no offset there.
    const QString &heading = m_doc.body.front().text;
    const bool sourceAtOne = hasSource && !heading.endsWith(QLatin1Char('0'))
        && isGluedMarker(heading, int(heading.size()) - 1, QStringLiteral("1"));
    if (sourceAtOne || int(findMarkers(m_doc.body, TextCopyCursor{}, 1, needed).size()) < needed) {
        // Not the modern 0, 1, 2, … of the site: the book's own labels, paired with the list by order.
        attachByOrder(list, warnings);
        return;
    }
    for (std::size_t k = 0; k < list.items.size(); ++k) {
        const QString label = QString::number(int(k) + 1 - offset);
        addFootnote(list.items[k], label, m_doc.id + QStringLiteral("fn") + label);
    }
    if (hasSource)
        placeSourceMarker(titleStart, warnings);
    placeBodyMarkers(list, offset, warnings);
}

void TextCopyFootnotes::attachByOrder(const TextCopyNoteList &list, std::vector<Error> &warnings)
{
    const int items = int(list.items.size());
    const std::vector<std::optional<TextCopyLabelledMarker>> placed = placeMarkersByOrder(m_doc.body, items);
    QStringList labels;
    for (int k = 0; k < items; ++k) {
        const std::optional<TextCopyLabelledMarker> &at = placed[std::size_t(k)];
        // An unplaced item is named by the label its neighbour implies, else by its place in the list.
        const QString previous = labels.value(k - 1);
        labels.append(at ? at->label
                         : !previous.isEmpty() && previous[0].isDigit() ? QString::number(previous.toInt() + 1)
                                                                        : QString::number(k + 1));
    }
    const bool byLabel = footnoteIdsByLabel(labels);
    std::vector<std::pair<int, TextCopyMarker>> markers;
    for (int k = 0; k < items; ++k) {
        const QString &label = labels[k];
        addFootnote(list.items[std::size_t(k)], label,
                    m_doc.id + QStringLiteral("fn") + (byLabel ? label : QString::number(k + 1)));
        if (const std::optional<TextCopyLabelledMarker> &at = placed[std::size_t(k)]) {
            markers.push_back({k, spacedMarker(m_doc.body[std::size_t(at->block)].text, *at)});
            continue;
        }
        warnUnplaced(list.items[std::size_t(k)], k, warnings);
    }
    applyMarkers(markers);
}

void TextCopyFootnotes::attachFromHome(const TextCopyNoteList &list, const TextCopyHome &home, int titleStart,
                                       std::vector<Error> &warnings)
{
    if (home.notes.size() != list.items.size()) {
        warnings.push_back(Error{m_fileName, list.items.empty() ? 0 : list.items.front().line, 1,
                                 Tr::tr(
                                     "the copy lists %1 footnotes but document %2 of the open volume has %3, "
                                     "so the footnotes are read from the copy alone")
                                     .arg(list.items.size())
                                     .arg(home.documentId)
                                     .arg(home.notes.size())});
        attach(list, titleStart, warnings);
        return;
    }
    std::vector<std::pair<int, TextCopyMarker>> markers;
    for (int k = 0; k < int(list.items.size()); ++k) {
        const TextCopyHome::Note &note = home.notes[std::size_t(k)];
        addFootnote(list.items[std::size_t(k)], note.label, note.id);
        if (const std::optional<TextCopyMarker> hit = findHomeMarker(m_doc.body, markers, note))
            markers.emplace_back(k, *hit);
        else
            warnUnplaced(list.items[std::size_t(k)], k, warnings);
    }
    applyMarkers(markers);
}

void TextCopyFootnotes::warnUnplaced(const TextCopyNoteItem &item, int index, std::vector<Error> &warnings)
{
    warnings.push_back(Error{
        m_fileName, item.line, 1,
        Tr::tr(
            "footnote %1 (list item %2, \u201C%3\u201D) has no marker in the text that fits between "
            "its neighbours; it is shown without a place in the text")
            .arg(m_doc.footnotes[std::size_t(index)].label)
            .arg(index + 1)
            .arg(item.paragraphs.value(0).left(40))});
}

void TextCopyFootnotes::addFootnote(const TextCopyNoteItem &item, const QString &label, const QString &id)
{
    Footnote note;
    note.id = id;
    note.label = label;
    note.marker = Location{-1, -1, 0}; // no place in the text until a marker is matched
    const int index = int(m_doc.footnotes.size());
    std::vector<TextCopyBreak> pending; // labels on a line of their own turn the page before the next block
    const auto addBreak = [&](const TextCopyBreak &pb, int block, int at) {
        m_doc.pageBreaks.push_back(PageBreak{pb.n, QStringLiteral("pg_") + pb.n, Location{index, block, at}});
    };
    for (const QString &raw : item.paragraphs) {
        TextCopyParagraph para = collapseParagraph(raw);
        if (para.text.isEmpty()) {
            pending.insert(pending.end(), para.breaks.begin(), para.breaks.end());
            continue;
        }
        Block block;
        block.text = std::move(para.text);
        note.content.push_back(std::move(block));
        const int b = int(note.content.size()) - 1;
        for (const TextCopyBreak &pb : pending)
            addBreak(pb, b, 0);
        for (const TextCopyBreak &pb : para.breaks)
            addBreak(pb, b, pb.offset);
        pending.clear();
    }
    for (const TextCopyBreak &pb : pending) {
        if (!note.content.empty())
            addBreak(pb, int(note.content.size()) - 1, int(note.content.back().text.size()));
    }
    m_doc.footnotes.push_back(std::move(note));
}

// The source note's marker ends the title line ("…Hodges0", "…No. 1420" = "No. 142" + 0).
void TextCopyFootnotes::placeSourceMarker(int titleStart, std::vector<Error> &warnings)
{
    QString &heading = m_doc.body.front().text;
    if (heading.endsWith(QLatin1Char('0')) && heading.size() > titleStart + 1) {
        heading.chop(1);
    } else {
        warnings.push_back(Error{m_fileName, m_blockLines.front(), 0,
                                 Tr::tr(
                                     "the footnote list starts with a source note, but the "
                                     "title line does not end in its marker 0")});
    }
    m_doc.footnotes.front().marker = Location{-1, 0, int(heading.size())};
}

void TextCopyFootnotes::placeBodyMarkers(const TextCopyNoteList &list, int offset, std::vector<Error> &warnings)
{
    const int items = int(list.items.size());
    const int needed = items - offset;
    const std::vector<TextCopyMarker> hits = findMarkers(m_doc.body, TextCopyCursor{}, 1, needed);
    // attach() came here only with every marker found.
    const TextCopyCursor after = hits.empty() ? TextCopyCursor{}
                                              : TextCopyCursor{hits.back().block, hits.back().pos + hits.back().length};
    const std::vector<TextCopyMarker> extra = findMarkers(m_doc.body, after, needed + 1, 1);
    if (!extra.empty()) {
        warnings.push_back(Error{
            m_fileName, m_blockLines[std::size_t(extra.front().block)], 0,
            Tr::tr(
                "the text has what looks like footnote marker %1, but the footnote list "
                "ends with list item %2; it was left in the text")
                .arg(needed + 1)
                .arg(items)});
    }
    std::vector<std::pair<int, TextCopyMarker>> markers;
    for (std::size_t k = 0; k < hits.size(); ++k)
        markers.emplace_back(int(k) + offset, hits[k]);
    applyMarkers(markers);
}

void TextCopyFootnotes::applyMarkers(const std::vector<std::pair<int, TextCopyMarker>> &markers)
{
    // Points already placed in the body (page breaks, the source note's marker) move with the text.
    const auto shift = [&markers](Location &where) {
        int removedBefore = 0;
        for (const auto &[note, hit] : markers) {
            if (where.inBody() && hit.block == where.block && hit.pos < where.offset)
                removedBefore += std::min(hit.length, where.offset - hit.pos);
        }
        where.offset -= removedBefore;
    };
    for (PageBreak &pb : m_doc.pageBreaks)
        shift(pb.where);
    for (Footnote &note : m_doc.footnotes) {
        if (note.marker.block >= 0)
            shift(note.marker);
    }
    int removed = 0; // marker characters already taken out of the current block
    for (std::size_t k = 0; k < markers.size(); ++k) {
        const TextCopyMarker &hit = markers[k].second;
        if (k == 0 || markers[k - 1].second.block != hit.block)
            removed = 0;
        m_doc.footnotes[std::size_t(markers[k].first)].marker = Location{-1, hit.block, hit.pos - removed};
        removed += hit.length;
    }
    // Later markers first, so that the positions of earlier ones stay valid.
    for (auto it = markers.rbegin(); it != markers.rend(); ++it)
        m_doc.body[std::size_t(it->second.block)].text.remove(it->second.pos, it->second.length);
}

// TEI ids name a note by its label when the document's labels are unique numbers or letters ("d126fn47"),
// else by its place in the document ("d122fn3" for the second 38, "d135fn2" for †).
bool footnoteIdsByLabel(const QStringList &labels)
{
    QStringList seen;
    for (const QString &label : labels) {
        if (label.isEmpty() || seen.contains(label)
            || !std::all_of(label.begin(), label.end(), [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 128; }))
            return false;
        seen.append(label);
    }
    return true;
}

void addPointAnchors(Document &doc)
{
    for (int f = 0; f < int(doc.footnotes.size()); ++f) {
        const Location &at = doc.footnotes[std::size_t(f)].marker;
        if (at.inBody() && at.block >= 0 && at.block < int(doc.body.size()))
            doc.body[std::size_t(at.block)].anchors.push_back(
                Anchor{AnchorKind::FootnoteMarker, at.offset, at.offset, f});
    }
    for (int p = 0; p < int(doc.pageBreaks.size()); ++p) {
        const Location &at = doc.pageBreaks[std::size_t(p)].where;
        RichText &text = at.inBody() ? doc.body : doc.footnotes[std::size_t(at.footnote)].content;
        text[std::size_t(at.block)].anchors.push_back(Anchor{AnchorKind::PageBreak, at.offset, at.offset, p});
    }
    const auto byStart = [](const Anchor &a, const Anchor &b) { return a.start < b.start; };
    for (Block &block : doc.body)
        std::stable_sort(block.anchors.begin(), block.anchors.end(), byStart);
    for (Footnote &note : doc.footnotes) {
        for (Block &block : note.content)
            std::stable_sort(block.anchors.begin(), block.anchors.end(), byStart);
    }
}

} // namespace marginalia
