#include "teielements.h"

#include <QLatin1StringView>

#include <array>
#include <cstring>
#include <utility>

namespace marginalia::tei {

namespace {

using E = Element;
constexpr std::array<std::pair<QLatin1StringView, Element>, 37> table{{
    {QLatin1StringView("p"), E::P},          {QLatin1StringView("hi"), E::Hi},
    {QLatin1StringView("note"), E::Note},    {QLatin1StringView("ref"), E::Ref},
    {QLatin1StringView("persName"), E::PersName}, {QLatin1StringView("gloss"), E::Gloss},
    {QLatin1StringView("pb"), E::Pb},        {QLatin1StringView("lb"), E::Lb},
    {QLatin1StringView("cell"), E::Cell},    {QLatin1StringView("row"), E::Row},
    {QLatin1StringView("item"), E::Item},    {QLatin1StringView("label"), E::Label},
    {QLatin1StringView("head"), E::Head},    {QLatin1StringView("div"), E::Div},
    {QLatin1StringView("date"), E::Date},    {QLatin1StringView("placeName"), E::PlaceName},
    {QLatin1StringView("dateline"), E::Dateline}, {QLatin1StringView("closer"), E::Closer},
    {QLatin1StringView("signed"), E::Signed}, {QLatin1StringView("list"), E::List},
    {QLatin1StringView("quote"), E::Quote},  {QLatin1StringView("table"), E::Table},
    {QLatin1StringView("postscript"), E::Postscript}, {QLatin1StringView("attachment"), E::Attachment},
    {QLatin1StringView("term"), E::Term},    {QLatin1StringView("opener"), E::Opener},
    {QLatin1StringView("byline"), E::Byline}, {QLatin1StringView("salute"), E::Salute},
    {QLatin1StringView("gap"), E::Gap},      {QLatin1StringView("figure"), E::Figure},
    {QLatin1StringView("title"), E::Title},  {QLatin1StringView("idno"), E::Idno},
    {QLatin1StringView("TEI"), E::Tei},      {QLatin1StringView("teiHeader"), E::TeiHeader},
    {QLatin1StringView("editor"), E::Editor}, {QLatin1StringView("publisher"), E::Publisher},
    {QLatin1StringView("pubPlace"), E::PubPlace},
}};

} // namespace

Element elementFor(QStringView name)
{
    for (const auto &[text, element] : table) {
        if (name == text)
            return element;
    }
    return E::Other;
}

Element elementFor(QByteArrayView name)
{
    for (const auto &[text, element] : table) {
        if (name.size() == text.size() && std::memcmp(name.data(), text.data(), std::size_t(name.size())) == 0)
            return element;
    }
    return E::Other;
}

} // namespace marginalia::tei
