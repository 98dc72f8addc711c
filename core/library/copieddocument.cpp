#include "copieddocument.h"

#include "library.h"
#include "parse/textcopyhome.h"
#include "parse/volumeloader.h"

#include <algorithm>
#include <unordered_set>

namespace marginalia {

namespace {

constexpr int kMaxWords = 3000;     // enough of a document to tell it from another
constexpr double kMinShared = 0.35; // share of the copy's word triples the document must hold

// "No. 135.\nMr. Bayard to Mr. Gresham." and "Mr. Bayard to Mr. Gresham." are the same title.
QString comparableTitle(const QString &title)
{
    return title.simplified();
}

// Triples of lowercase words (letters only, so that markers glued to words do not count) of the text
// after the heading, as hashes.
std::unordered_set<size_t> wordTriples(const Document &doc)
{
    std::vector<QString> words;
    for (std::size_t b = 1; b < doc.body.size() && int(words.size()) < kMaxWords; ++b) {
        QString word;
        const QString text = doc.body[b].text + QLatin1Char(' ');
        for (const QChar c : text) {
            if (c.isLetter()) {
                word += c.toLower();
            } else if (!c.isDigit() && !word.isEmpty()) {
                words.push_back(word);
                word.clear();
            }
        }
    }
    std::unordered_set<size_t> out;
    for (std::size_t i = 2; i < words.size(); ++i)
        out.insert(qHash(words[i - 2] + QLatin1Char(' ') + words[i - 1] + QLatin1Char(' ') + words[i]));
    return out;
}

double sharedText(const std::unordered_set<size_t> &copy, const Document &doc)
{
    if (copy.empty())
        return 0;
    const std::unordered_set<size_t> other = wordTriples(doc);
    const auto shared = std::count_if(copy.begin(), copy.end(), [&](size_t h) { return other.count(h) > 0; });
    return double(shared) / double(copy.size());
}

int mostSharedText(const Volume &volume, const Document &copy, const std::vector<int> &candidates)
{
    const std::unordered_set<size_t> triples = wordTriples(copy);
    int best = -1;
    double bestShare = kMinShared;
    for (int d : candidates) {
        const double share = sharedText(triples, volume.documents[std::size_t(d)]);
        if (share > bestShare) {
            bestShare = share;
            best = d;
        }
    }
    return best;
}

} // namespace

int findCopiedDocument(const Volume &volume, const Document &copy, bool compareText)
{
    const QString title = comparableTitle(copy.title);
    if (!copy.number.isEmpty()) {
        const std::vector<int> numbered = volume.documentsNumbered(copy.number);
        for (int d : numbered) {
            if (comparableTitle(volume.documents[std::size_t(d)].title) == title)
                return d;
        }
        // A heading the copy did not recognise as such (a line above it taken for the title): its text tells.
        return compareText ? mostSharedText(volume, copy, numbered) : -1;
    }
    std::vector<int> sameTitle;
    for (int d = 0; d < int(volume.documents.size()); ++d) {
        if (!title.isEmpty() && comparableTitle(volume.documents[std::size_t(d)].title) == title)
            sameTitle.push_back(d);
    }
    if (sameTitle.size() == 1)
        return sameTitle.front();
    if (!compareText)
        return -1;
    if (sameTitle.empty() && title.isEmpty()) { // an empty heading: any document may be the one
        sameTitle.resize(volume.documents.size());
        for (int d = 0; d < int(sameTitle.size()); ++d)
            sameTitle[std::size_t(d)] = d;
    }
    return mostSharedText(volume, copy, sameTitle);
}

std::shared_ptr<const Volume> readTextCopyByOpenVolumes(std::shared_ptr<const Volume> copy,
                                                        const std::vector<std::shared_ptr<const Volume>> &open)
{
    if (!copy || copy->format != SourceFormat::TextCopy || copy->documents.size() != 1)
        return copy;
    for (const std::shared_ptr<const Volume> &tei : open) {
        if (!tei || tei->format == SourceFormat::TextCopy || tei->id.isEmpty())
            continue;
        const int d = findCopiedDocument(*tei, copy->documents.front(), true);
        if (d < 0)
            continue;
        Result<Volume> again = loadTextCopy(copy->sourcePath, textCopyHomeOf(tei->documents[std::size_t(d)]));
        return again ? std::make_shared<const Volume>(std::move(again).value()) : copy;
    }
    return copy;
}

std::vector<TextCopyRereading> readOpenTextCopiesBy(const std::shared_ptr<const Volume> &tei,
                                                    const std::vector<std::shared_ptr<const Volume>> &open)
{
    std::vector<TextCopyRereading> out;
    if (!tei || tei->format == SourceFormat::TextCopy || tei->id.isEmpty())
        return out;
    for (const std::shared_ptr<const Volume> &copy : open) {
        std::shared_ptr<const Volume> read = readTextCopyByOpenVolumes(copy, {tei});
        if (read != copy)
            out.push_back(TextCopyRereading{copy, std::move(read)});
    }
    return out;
}

void readTextCopiesByTheirVolumes(Library &library)
{
    std::vector<std::shared_ptr<const Volume>> open;
    for (int v = 0; v < library.size(); ++v)
        open.push_back(library.volumePtr(v));
    for (int v = 0; v < library.size(); ++v) {
        std::shared_ptr<const Volume> copy = readTextCopyByOpenVolumes(open[std::size_t(v)], open);
        if (copy != open[std::size_t(v)])
            library.replace(v, std::move(copy));
    }
}

} // namespace marginalia
