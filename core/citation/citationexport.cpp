#include "citationexport.h"

namespace marginalia {

std::optional<CitationFormat> citationFormatNamed(const QString &name)
{
    if (name == QLatin1String("csl-json"))
        return CitationFormat::CslJson;
    if (name == QLatin1String("bibtex"))
        return CitationFormat::Bibtex;
    if (name == QLatin1String("ris"))
        return CitationFormat::Ris;
    return std::nullopt;
}

QByteArray writeCitations(const std::vector<CitationItem> &items, CitationFormat format, const QDate &accessed)
{
    switch (format) {
    case CitationFormat::CslJson:
        return cslJson(items, accessed);
    case CitationFormat::Bibtex:
        return bibtex(items, accessed);
    case CitationFormat::Ris:
        return ris(items, accessed);
    }
    return {};
}

QString asciiPages(const CitationSource &source)
{
    if (source.lastPage.isEmpty() || source.lastPage == source.firstPage)
        return source.firstPage;
    return source.firstPage + QLatin1Char('-') + source.lastPage;
}

} // namespace marginalia
