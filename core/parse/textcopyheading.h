#pragma once

#include "textcopytext.h"

#include <QString>
#include <QStringList>

#include <vector>

// The top of a plain-text copy of a history.state.gov page: the heading in each layout the site
// produces, and the lines that may stand above it. Internal to core/parse.
namespace marginalia {

// A line of the top that is a paragraph of the body, not the heading: the source line of a pre-1937
// page ("783.003/144", "825.5151/132: Telegram") or a bracketed line ("[Extract]").
struct TextCopyTopLine {
    int line = 0; // index into the lines
    QString text;
};

struct TextCopyHeading {
    QString number;    // "317" from "317. Title" or "No. 135." above the title; empty when the page has none
    QString text;      // the heading block: "317. Title0", "No. 135.\nMr. Bayard to Mr. Gresham.", or empty
    int titleStart = 0; // where the title starts in `text`
    int line = -1;      // index of the heading's (last) line; -1 for an empty heading
    int bodyFrom = 0;   // index of the first line of the body
    std::vector<TextCopyTopLine> above; // source and bracketed lines above the heading, in order
    std::vector<TextCopyBreak> breaks;  // "[Page N]" above the heading (offset 0) and in it
};

// Reads the heading from the first non-blank line on. Recognises "317. Title", a title without a number,
// "No. 135." on a line of its own above the title, the source line above the title and an empty heading
// (the page starts with its dateline or text). Never fails: a copy always has a heading, maybe empty.
TextCopyHeading readTextCopyHeading(const QStringList &lines);

// Whether a line is the unlabelled source note a pre-1937 page puts above the heading: a file number
// ("825.5151/132: Telegram", "611.176 Sugar/41") or a treaty's series ("Executive Agreement Series No.
// 67"). Such a line carries no footnote marker.
bool isSourceLine(const QString &line);

// "317. Letter From …": the number and where the title starts in the collapsed line.
bool splitNumberedTitle(const QString &line, QString &number, int &titleStart);

} // namespace marginalia
