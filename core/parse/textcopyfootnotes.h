#pragma once

#include "model/document.h"
#include "textcopyhome.h"
#include "textcopytext.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The footnote list of a plain-text copy and the markers that tie it to the body. Internal to core/parse.
namespace marginalia {

struct TextCopyNoteItem {
    int line = 0;           // 1-based line of "N. …"
    QStringList paragraphs; // the item's text, then any unnumbered lines that follow it
};

struct TextCopyNoteList {
    int firstLine = 0; // index into the lines of the "1." line
    std::vector<TextCopyNoteItem> items;
};

// A list copied with the site's back links ("1. Source: … ↩", or "- Source: … ↩" from a converter that
// drops the numbers): the links are taken off, and a final run of "- … ↩" items is numbered 1., 2., ….
void normaliseBackLinks(QStringList &lines);

// The footnote list: the final run of lines numbered 1., 2., … after line index `from`. Items may be
// separated by blank lines; an unnumbered line directly under an item is another paragraph of it.
std::optional<TextCopyNoteList> findNoteList(const QStringList &lines, int from);

// Turns the list into the document's footnotes and places their markers in the body, applying the
// offset rule of the corpus README (item 1 "Source: …" is note 0, the title's trailing "0").
class TextCopyFootnotes {
public:
    // `blockLines`: the 1-based line where each body block starts, for warnings.
    TextCopyFootnotes(Document &doc, const QString &fileName, const std::vector<int> &blockLines);

    // `titleStart`: index in the heading text where the title follows "NNN. ".
    void attach(const TextCopyNoteList &list, int titleStart, std::vector<Error> &warnings);

    // As attach(), with the labels and ids of the TEI document the copy repeats, each marker looked for
    // after the same characters as in the TEI.
    void attachFromHome(const TextCopyNoteList &list, const TextCopyHome &home, int titleStart,
                        std::vector<Error> &warnings);

private:
    void attachByOrder(const TextCopyNoteList &list, std::vector<Error> &warnings);
    void addFootnote(const TextCopyNoteItem &item, const QString &label, const QString &id);
    void warnUnplaced(const TextCopyNoteItem &item, int index, std::vector<Error> &warnings);
    void placeSourceMarker(int titleStart, std::vector<Error> &warnings);
    void placeBodyMarkers(const TextCopyNoteList &list, int offset, std::vector<Error> &warnings);
    // Takes the markers (footnote index, place; in reading order) out of the text and places the notes.
    void applyMarkers(const std::vector<std::pair<int, TextCopyMarker>> &markers);

    Document &m_doc;
    QString m_fileName;
    const std::vector<int> &m_blockLines;
};

// Whether the TEI ids of notes with these labels are "<doc>fn<label>" rather than "<doc>fn<index>".
bool footnoteIdsByLabel(const QStringList &labels);

// Adds the point anchors (footnote markers, page breaks) to their blocks and sorts every block's anchors.
void addPointAnchors(Document &doc);

} // namespace marginalia
