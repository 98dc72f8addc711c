#pragma once

#include "renderedtext.h"
#include "renderstyle.h"

#include <QString>

#include <vector>

namespace marginalia {

struct Volume;
struct Document;

// Lays a document's body out as rich text for reading: the heading, the dateline right-aligned, the
// salutation in small caps, paragraphs, labelled lists, block quotes, the closer, postscripts, tables;
// footnote markers as raised links; cross-references as links; persons and terms lightly underlined with
// their glossary entry as tooltip. Page breaks are not drawn: their positions are returned so that a
// view can show "[Page 704]" beside the text. Every string from the model is inserted as plain text.
// Safe to call off the GUI thread (the QTextDocument has no parent).
RenderedText renderDocument(const Volume &volume, const Document &doc, const RenderStyle &style);

// The document's notes as one list: for each, its label, its content with live links, the citation an
// "Ibid." repeats (from `citations`, indexed like the notes; may be empty) and a back link "↩". The source
// note (label 0) comes first, headed "Source". RenderedText::notes gives each note's span.
RenderedText renderFootnotes(const Volume &volume, const Document &doc, const std::vector<QString> &citations,
                             const RenderStyle &style);

// One note as a small HTML fragment for a popup: every model string escaped, links made with linkUrl().
QString footnoteHtml(const Volume &volume, const Document &doc, int footnote, const QString &citation);

// A person's or term's glossary entry as a tooltip ("Hodges, Luther H., Secretary of Commerce from
// January 21, 1961"); empty when the volume has none.
QString glossaryTooltip(const Volume &volume, const EntityRef &entity);

} // namespace marginalia
