#include "library.h"

#include "copieddocument.h"
#include "parse/citation.h"

#include <QRegularExpression>

namespace marginalia {

namespace {

// "d316" → "316": the document number a same-volume id names, for matching a lone text copy's
// references by number. Empty for ids that are not document ids.
QString documentNumberOf(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^d(\\d+)$"));
    const QRegularExpressionMatch m = re.match(id);
    return m.hasMatch() ? m.captured(1) : QString();
}

std::optional<ResolvedTarget> lookUp(const Volume &volume, int volumeIndex, const QString &id)
{
    if (id.isEmpty()) // the volume itself, as in target="frus1961-63v13"
        return ResolvedTarget{volumeIndex, -1, IdTarget{}};
    const auto it = volume.ids.constFind(id);
    if (it == volume.ids.constEnd())
        return std::nullopt;
    return ResolvedTarget{volumeIndex, it->document, *it};
}

} // namespace

int Library::add(std::shared_ptr<const Volume> volume)
{
    m_volumes.push_back(std::move(volume));
    return int(m_volumes.size()) - 1;
}

void Library::replace(int index, std::shared_ptr<const Volume> volume)
{
    m_volumes.at(std::size_t(index)) = std::move(volume);
}

void Library::remove(int index)
{
    m_volumes.erase(m_volumes.begin() + index);
}

void Library::clear()
{
    m_volumes.clear();
}

int Library::indexOfVolume(const QString &volumeId) const
{
    if (volumeId.isEmpty())
        return -1;
    for (std::size_t i = 0; i < m_volumes.size(); ++i) {
        if (m_volumes[i]->id == volumeId)
            return int(i);
    }
    return -1;
}

int Library::homeVolume(int volumeIndex) const
{
    if (volumeIndex < 0 || volumeIndex >= size())
        return -1;
    const Volume &own = volume(volumeIndex);
    if (!own.id.isEmpty())
        return volumeIndex;
    if (own.documents.empty())
        return -1;
    // A text copy holds one document; it belongs where that document is, by number and title, so that
    // two different letters both numbered 316 (in different volumes) are never confused; without a
    // number (an old volume's page), by a title only that document has.
    const Document &doc = own.documents.front();
    for (int v = 0; v < size(); ++v) {
        const Volume &candidate = volume(v);
        if (v == volumeIndex || candidate.id.isEmpty())
            continue;
        if (findCopiedDocument(candidate, doc, false) >= 0)
            return v;
    }
    return -1;
}

QString Library::volumeIdOf(int volumeIndex) const
{
    const int home = homeVolume(volumeIndex);
    return home < 0 ? QString() : volume(home).id;
}

std::optional<ResolvedTarget> Library::resolve(int fromVolume, const CrossReference &ref) const
{
    if (ref.kind == ReferenceKind::External)
        return std::nullopt;
    if (!ref.volume.isEmpty()) {
        const int v = indexOfVolume(ref.volume);
        if (v < 0)
            return std::nullopt;
        return lookUp(volume(v), v, ref.target);
    }
    return resolve(fromVolume, QLatin1Char('#') + ref.target);
}

std::optional<ResolvedTarget> Library::resolve(int fromVolume, const QString &target) const
{
    if (fromVolume < 0 || fromVolume >= size() || target.isEmpty())
        return std::nullopt;
    const qsizetype hash = target.indexOf(QLatin1Char('#'));
    if (hash > 0) {
        const int v = indexOfVolume(target.left(hash));
        return v < 0 ? std::nullopt : lookUp(volume(v), v, target.mid(hash + 1));
    }
    const QString id = hash == 0 ? target.mid(1) : target;
    if (id.isEmpty() || id.startsWith(QLatin1Char('/')) || id.contains(QLatin1String("://")))
        return std::nullopt;
    if (hash < 0 && !volume(fromVolume).ids.contains(id)) {
        // A bare volume id ("frus1961-63v13") names that volume's landing page.
        const int v = indexOfVolume(id);
        if (v >= 0)
            return ResolvedTarget{v, -1, IdTarget{}};
    }

    const int home = homeVolume(fromVolume);
    if (home >= 0)
        return lookUp(volume(home), home, id);
    if (auto own = lookUp(volume(fromVolume), fromVolume, id))
        return own;

    // A text copy of its own: "Document 316" can only mean the one document numbered 316 that is open.
    const QString number = documentNumberOf(id);
    if (number.isEmpty())
        return std::nullopt;
    std::optional<ResolvedTarget> found;
    for (int v = 0; v < size(); ++v) {
        // A text copy that has a home volume repeats a document of it; count that document once.
        if (v == fromVolume || (volume(v).id.isEmpty() && homeVolume(v) >= 0))
            continue;
        for (int d : volume(v).documentsNumbered(number)) {
            if (found)
                return std::nullopt;
            found = ResolvedTarget{v, d, IdTarget{IdTarget::Document, d, -1}};
        }
    }
    return found;
}

std::vector<QString> Library::citations(int volumeIndex, int documentIndex) const
{
    if (volumeIndex < 0 || volumeIndex >= size())
        return {};
    const Volume &v = volume(volumeIndex);
    if (documentIndex < 0 || std::size_t(documentIndex) >= v.documents.size())
        return {};
    return documentCitations(v.documents[std::size_t(documentIndex)]);
}

QString Library::citation(int volumeIndex, int documentIndex, int footnoteIndex) const
{
    const std::vector<QString> all = citations(volumeIndex, documentIndex);
    if (footnoteIndex < 0 || std::size_t(footnoteIndex) >= all.size())
        return {};
    return all[std::size_t(footnoteIndex)];
}

} // namespace marginalia
