#include "links.h"

#include <array>

namespace marginalia {

namespace {

// The scheme is private so that QTextBrowser-like views never mistake a link for something to fetch.
const QString &scheme()
{
    static const QString s = QStringLiteral("marginalia");
    return s;
}

struct KindName {
    LinkTarget::Kind kind;
    QLatin1StringView name;
    bool byId;
};

constexpr std::array<KindName, 5> kKindNames{{
    {LinkTarget::Footnote, QLatin1StringView("footnote"), false},
    {LinkTarget::Reference, QLatin1StringView("reference"), false},
    {LinkTarget::Back, QLatin1StringView("back"), false},
    {LinkTarget::Person, QLatin1StringView("person"), true},
    {LinkTarget::Term, QLatin1StringView("term"), true},
}};

const KindName *kindName(LinkTarget::Kind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind)
            return &k;
    }
    return nullptr;
}

} // namespace

QUrl linkUrl(const LinkTarget &target)
{
    const KindName *k = kindName(target.kind);
    if (!k)
        return {};
    QUrl url;
    url.setScheme(scheme());
    // An opaque path "kind/value": ids are percent-encoded by QUrl, so any xml:id round-trips.
    url.setPath(k->name + QLatin1Char('/') + (k->byId ? target.id : QString::number(target.index)));
    return url;
}

std::optional<LinkTarget> parseLink(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != scheme() || url.hasQuery() || url.hasFragment() || !url.host().isEmpty())
        return std::nullopt;
    const QString path = url.path();
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    const QStringView name = QStringView(path).left(slash);
    const QString value = path.mid(slash + 1);
    for (const KindName &k : kKindNames) {
        if (name != k.name)
            continue;
        LinkTarget target;
        target.kind = k.kind;
        if (k.byId) {
            if (value.isEmpty())
                return std::nullopt;
            target.id = value;
            return target;
        }
        bool ok = false;
        target.index = value.toInt(&ok);
        if (!ok || target.index < 0 || value.startsWith(QLatin1Char('+')))
            return std::nullopt;
        return target;
    }
    return std::nullopt;
}

} // namespace marginalia
