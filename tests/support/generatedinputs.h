#pragma once

// Large or hostile inputs built from the real files in tests/data, for the benchmarks and the tests of
// issue 8 (nothing quadratic): generated when needed, so no big file is committed.

#include <QByteArray>
#include <QString>

namespace marginalia::test {

// The text copy of d317 (frus1961-63v09-d317.txt) grown to `notes` footnotes: its source note, then its
// body paragraphs over and over, each ending in the next marker, a "[Page N]" line every 40 paragraphs,
// and its footnote list repeated to match.
QByteArray textCopyWithNotes(int notes);

// frus1961-63v09-d316-d318.xml with `depth` notes nested one inside the other inside d317's note 1
// (<note n="1.1">…<note n="1.2">…), each with a sentence of text.
QByteArray teiWithNestedNotes(int depth);

// `data` (TEI) with `count` attributes a0="1" a1="1" … added to the first start tag `<tag` found after
// byte `from`. `at` is set to the byte offset of that tag's '<'.
QByteArray withManyAttributes(const QByteArray &data, const QByteArray &tag, qsizetype from, int count,
                              qsizetype &at);

// 1-based line and column (in characters) of byte `offset` of UTF-8 `data`.
struct TextPosition {
    qint64 line = 0;
    qint64 column = 0;
};
TextPosition positionOf(const QByteArray &data, qsizetype offset);

} // namespace marginalia::test
