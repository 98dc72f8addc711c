#pragma once

#include "model/document.h"

#include <QString>

#include <vector>

// Text-level helpers of TextCopyParser: whitespace, "[Page N]" labels, glued footnote markers and
// "Document N" mentions in a plain-text copy of a history.state.gov page. Internal to core/parse.
namespace marginalia {

// A "[Page N]" label removed from a paragraph; `offset` is where it stood in the collapsed text.
struct TextCopyBreak {
    QString n;
    int offset = 0;
};

struct TextCopyParagraph {
    QString text; // whitespace collapsed, page labels removed
    std::vector<TextCopyBreak> breaks;
};

// Collapses whitespace runs to single spaces (trimming both ends) and takes out "[Page N]",
// "[Facsimile Page N]" and "[Typeset Page N]" labels.
TextCopyParagraph collapseParagraph(const QString &raw);

// A footnote marker found in the body: the digits at [pos, pos + length) of body[block].text.
struct TextCopyMarker {
    int block = 0;
    int pos = 0;
    int length = 0;
};

// A point in the body's block texts from which a marker search starts.
struct TextCopyCursor {
    int block = 0;
    int pos = 0;
};

// Finds the markers first, first+1, … in reading order from `from`, each after the previous one, until
// `count` are found or the next expected one is missing. Only digits glued to a word or to closing
// punctuation and not followed by a letter or digit count ("bloc.1", "Dean4", "Page3"; not
// "August 17", "No. 2455").
std::vector<TextCopyMarker> findMarkers(const RichText &body, TextCopyCursor from, int first, int count);

// Whether `label` (digits) sits at text[pos] as a glued footnote marker.
bool isGluedMarker(const QString &text, int pos, const QString &label);

// Adds a CrossReference and an Anchor for each "Document 316" / "Documents 309–312" in the block.
// `where` is the block's location (its offset is ignored).
void addDocumentReferences(Block &block, Location where, std::vector<CrossReference> &refs);

} // namespace marginalia
