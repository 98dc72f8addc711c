#include "catalogrows.h"

#include "model/readingtext.h"
#include "store/ftstokens.h"
#include "volumeoutline.h"

#include <QRegularExpression>
#include <QSet>

namespace marginalia {

namespace {

QString kindOf(const Document &doc)
{
    if (doc.subtype.isEmpty() || doc.subtype == QLatin1String("historical-document"))
        return QStringLiteral("document");
    return doc.subtype;
}

// yyyy-mm-dd of an ISO date or date-time; the date as given when it is shorter (a year, a month).
QString isoDay(const QString &date)
{
    return date.left(10);
}

// The sentence of `text` around [at, at + length): from after the previous full stop (or the start of
// the paragraph) to the next one, at most about 300 characters.
QString sentenceAround(const QString &text, qsizetype at, qsizetype length)
{
    constexpr qsizetype Reach = 150;
    const auto endsSentence = [&](qsizetype i) {
        const QChar c = text.at(i);
        return c == u'\n' || ((c == u'.' || c == u'?' || c == u'!' || c == u';')
                              && i + 1 < text.size() && text.at(i + 1).isSpace());
    };
    qsizetype from = std::clamp<qsizetype>(at, 0, text.size());
    while (from > 0 && at - from < Reach && !endsSentence(from - 1))
        --from;
    // A bare "Document 316." says little: then the sentence before it comes too.
    if (at + length - from < 40 && from > 1 && text.at(from - 1) != u'\n') {
        const qsizetype sentenceStart = from;
        from -= 2;
        while (from > 0 && sentenceStart - from < Reach && !endsSentence(from - 1))
            --from;
    }
    qsizetype to = std::clamp<qsizetype>(at + length, 0, text.size());
    while (to < text.size() && to - at < Reach + length && !endsSentence(to))
        ++to;
    if (to < text.size() && text.at(to) != u'\n')
        ++to; // the full stop
    return text.mid(from, to - from).simplified();
}

void addReferences(const Volume &volume, const Document &doc, int index, const ReadingText &body,
                   CatalogVolumeRecord &record)
{
    std::vector<ReadingText> notes; // made on demand: most footnotes hold no reference
    QSet<QString> seen;
    for (const CrossReference &ref : doc.crossReferences) {
        QString target = ref.target;
        if (ref.kind == ReferenceKind::Footnote && ref.volume.isEmpty()) {
            // A note cites its document.
            const auto it = volume.ids.constFind(ref.target);
            if (it == volume.ids.constEnd() || it->document < 0)
                continue;
            target = volume.documents[std::size_t(it->document)].id;
        } else if (ref.kind != ReferenceKind::Document && ref.kind != ReferenceKind::OtherVolume) {
            continue;
        }
        const QString targetVolume = ref.volume.isEmpty() ? volume.id : ref.volume;
        if (target.isEmpty() || (targetVolume == volume.id && target == doc.id))
            continue;
        QString sentence;
        if (ref.where.inBody()) {
            sentence = sentenceAround(body.text(), body.offsetOf(ref.where), ref.label.size());
        } else if (std::size_t(ref.where.footnote) < doc.footnotes.size()) {
            const Footnote &footnote = doc.footnotes[std::size_t(ref.where.footnote)];
            const ReadingText note(footnote.content);
            sentence = sentenceAround(note.text(), note.offsetOf({-1, ref.where.block, ref.where.offset}),
                                      ref.label.size());
            // A note that only says "Document 316." cites for the sentence its marker ends.
            const int marker = body.offsetOf(footnote.marker);
            if (sentence.size() < 40 && marker > 0)
                sentence = sentenceAround(body.text(), std::max(0, marker - 2), 1);
        }
        // One row per cited document and place (body or notes): cited-by lists documents, not links.
        const QString key = targetVolume + QLatin1Char('#') + target + (ref.where.inBody() ? u'b' : u'n');
        if (seen.contains(key))
            continue;
        seen.insert(key);
        record.references.push_back({index, targetVolume, target, ref.label, sentence, !ref.where.inBody()});
    }
}

QString divisionTitle(const Volume &volume, int division, bool top)
{
    if (division < 0 || std::size_t(division) >= volume.divisions.size())
        return {};
    while (top && volume.divisions[std::size_t(division)].parent >= 0)
        division = volume.divisions[std::size_t(division)].parent;
    return volume.divisions[std::size_t(division)].title;
}

CatalogDocumentRecord documentRecord(const Volume &volume, const Document &doc, const ReadingText &body)
{
    CatalogDocumentRecord d;
    d.id = doc.id;
    d.number = doc.number;
    d.title = doc.title;
    d.kind = kindOf(doc);
    d.dateFrom = isoDay(doc.dateFrom.isEmpty() ? doc.date : doc.dateFrom);
    d.dateTo = doc.dateTo.isEmpty() ? d.dateFrom : isoDay(doc.dateTo);
    if (d.dateFrom.isEmpty())
        d.dateFrom = d.dateTo;
    d.place = doc.place;
    d.firstPage = doc.firstPage;
    d.division = divisionTitle(volume, doc.division, false);
    d.chapter = divisionTitle(volume, doc.division, true);
    d.text = body.text();
    QStringList notes;
    for (const Footnote &note : doc.footnotes)
        notes << plainText(note.content);
    d.notes = notes.join(QStringLiteral("\n\n"));
    d.footnotes = int(doc.footnotes.size());
    QSet<QString> persons;
    for (const EntityRef &entity : doc.entities) {
        if (entity.kind == EntityRef::Person && !entity.id.isEmpty() && !persons.contains(entity.id)) {
            persons.insert(entity.id);
            d.persons << entity.id;
        }
    }
    return d;
}

std::vector<CatalogGlossaryRecord> glossary(const QHash<QString, GlossaryEntry> &entries)
{
    std::vector<CatalogGlossaryRecord> out;
    out.reserve(std::size_t(entries.size()));
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
        out.push_back({it.key(), it->name, it->description});
    return out;
}

int fullYear(int from, const QString &to)
{
    const int value = to.toInt();
    if (to.size() == 4)
        return value;
    const int modulus = to.size() == 2 ? 100 : 10;
    int year = from - from % modulus + value;
    return year < from ? year + modulus : year;
}

} // namespace

std::pair<int, int> volumeYears(const QString &id, const QString &subseries)
{
    static const QRegularExpression fromId(QStringLiteral("^frus(\\d{4})(?:-(\\d{1,4}))?"));
    static const QRegularExpression fromText(QStringLiteral("(\\d{4})(?:\\s*[-–—]\\s*(\\d{2,4}))?"));
    for (const auto &[text, pattern] : {std::pair{&id, &fromId}, std::pair{&subseries, &fromText}}) {
        const QRegularExpressionMatch m = pattern->match(*text);
        if (!m.hasMatch())
            continue;
        const int from = m.captured(1).toInt();
        return {from, m.capturedLength(2) > 0 ? fullYear(from, m.captured(2)) : from};
    }
    return {0, 0};
}

CatalogVolumeRecord catalogRecord(const Volume &volume, const QByteArray &fileData, FtsTokenizer *tokenizer)
{
    CatalogVolumeRecord record;
    record.id = volume.id;
    record.title = volume.title;
    record.subseries = volume.subseries;
    std::tie(record.yearFrom, record.yearTo) = volumeYears(volume.id, volume.subseries);
    record.footnotes = volume.stats.footnotes;
    record.documents.reserve(volume.documents.size());
    TextBlockPacker packer;
    for (std::size_t i = 0; i < volume.documents.size(); ++i) {
        const Document &doc = volume.documents[i];
        const ReadingText body(doc.body);
        CatalogDocumentRecord d = documentRecord(volume, doc, body);
        const QByteArray title = d.title.toUtf8(), text = d.text.toUtf8(), notes = d.notes.toUtf8();
        std::tie(d.textBlock, d.textPart) = packer.addUtf8(title, text, notes);
        if (tokenizer) {
            d.titleTokens = tokenizer->tokens(title);
            d.textTokens = tokenizer->tokens(text);
            d.notesTokens = tokenizer->tokens(notes);
        }
        record.documents.push_back(std::move(d));
        addReferences(volume, doc, int(i), body, record);
    }
    record.textBlocks = packer.finish();
    record.persons = glossary(volume.persons);
    record.terms = glossary(volume.terms);
    record.outline = encodeVolumeOutline(volume, fileData);
    return record;
}

} // namespace marginalia
