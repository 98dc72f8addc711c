#pragma once

#include <QString>

namespace marginalia {

class Library;
struct Document;
struct Location;
struct Volume;

// "FRUS 1961–63, vol. IX" from a volume id such as "frus1961-63v09"; "FRUS 1934, vol. V" for
// "frus1934v05"; "FRUS 1894, Nicaragua" style for subject volumes; the title when the id says nothing.
QString shortVolumeName(const QString &volumeId, const QString &title = {});

// "FRUS 1961–63, vol. IX, Doc. 317, p. 704": the citation of a place in a document. `volumeId` is the
// id the document belongs to (a text copy's home volume); `page` may be empty. A passage that runs on to
// another page gives it as `lastPage`: "pp. 703–704".
QString citationLabel(const QString &volumeId, const QString &volumeTitle, const Document &doc, const QString &page,
                      const QString &lastPage = {});

// The printed page a place in a library document falls on. A text copy knows only the breaks it shows,
// so before its first one the page is its home volume's first page of the same document.
QString pageAt(const Library &library, int volume, int document, const Location &where);

// The printed page or pages of the passage [start, end) of a document's body (footnote -1) or of one of
// its notes, in the flow's reading text: "704", or "703–704" when it crosses a page.
QString pagesOf(const Library &library, int volume, int document, int footnote, int start, int end);

// The citation of such a passage: citationLabel() with its pages, then ", n. 1" for a passage in a note,
// ", Source" for one in the source note (as the page prints it, not "n. 0").
QString passageCitationLabel(const Library &library, int volume, int document, const QString &volumeId,
                             const QString &volumeTitle, int footnote, int start, int end);

// citationLabel() of a place in a library document: "FRUS 1961–63, vol. IX, Doc. 317, p. 704".
QString citationAt(const Library &library, int volume, int document, const Location &where);
// citationLabel() of a passage [from, to) of a library document, with the pages it runs over:
// "FRUS 1961–63, vol. IX, Doc. 317, pp. 703–704".
QString citationOfPassage(const Library &library, int volume, int document, const Location &from, const Location &to);

} // namespace marginalia
