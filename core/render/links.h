#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace marginalia {

// The links inside rendered documents and notes. They use a private scheme, so nothing in a document's
// text can ever become a link to a file or a web page: only what the renderer itself made is live.
struct LinkTarget {
    enum Kind {
        Footnote,  // a marker: `index` into Document::footnotes
        Reference, // a cross-reference: `index` into Document::crossReferences
        Back,      // a note's back link to its marker: `index` into Document::footnotes
        Person,    // `id` of the volume's persons glossary
        Term,      // `id` of the volume's terms glossary
    } kind = Footnote;
    int index = -1;
    QString id;

    friend bool operator==(const LinkTarget &, const LinkTarget &) = default;
};

QUrl linkUrl(const LinkTarget &target);
// Empty for any URL the renderer did not make.
std::optional<LinkTarget> parseLink(const QUrl &url);

} // namespace marginalia
