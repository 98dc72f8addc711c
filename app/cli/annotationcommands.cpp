// marginalia-cli annotations, search and tags: reading the annotation database.

#include "cli/annotationcommands.h"

#include "annotation/anchoredannotation.h"
#include "annotation/documentkey.h"
#include "cli/cli.h"
#include "cli/commandline.h"
#include "cli/commands.h"
#include "library/library.h"
#include "store/annotationstore.h"
#include "store/catalogschema.h"
#include "store/database.h"
#include "store/documenttextstore.h"
#include "store/syncledger.h"
#include "util/translate.h"
#include "util/visiblecontrols.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

#include <optional>

namespace marginalia::cli {

namespace {

// An annotation as listed: where it is now when its document was given, else where it was stored.
struct Listed {
    Annotation annotation;
    std::optional<AnchorResult> anchor; // empty: not re-anchored
};

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString methodName(const std::optional<AnchorResult> &anchor)
{
    if (!anchor)
        return QStringLiteral("stored");
    static const char *const names[] = {"position", "exact", "fuzzy", "orphan"};
    return QLatin1String(names[anchor->method]);
}

// Where to report the passage: the re-anchored place when it was found, else the stored one.
std::pair<int, int> positionOf(const Listed &l)
{
    if (l.anchor && l.anchor->found())
        return {l.anchor->start, l.anchor->end};
    return {l.annotation.selector.start, l.annotation.selector.end};
}

// The earlier versions of each annotation a team sync kept (SyncLedger::history), by annotation id.
using EarlierVersions = QHash<QString, std::vector<HistoryEntry>>;

Result<EarlierVersions> earlierVersions(const OpenStore &open)
{
    Result<std::vector<HistoryEntry>> all = SyncLedger(*open.database).history();
    if (!all)
        return fail(all.error());
    EarlierVersions byId;
    for (HistoryEntry &entry : *all)
        byId[entry.annotationId].push_back(std::move(entry));
    return byId;
}

QJsonArray historyJson(const std::vector<HistoryEntry> &entries)
{
    QJsonArray array;
    for (const HistoryEntry &h : entries)
        array.append(QJsonObject{{QStringLiteral("note"), h.note},
                                 {QStringLiteral("color"), h.color},
                                 {QStringLiteral("tags"), QJsonArray::fromStringList(h.tags)},
                                 {QStringLiteral("author"), h.author},
                                 {QStringLiteral("modified"), h.modified.toUTC().toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("replaced"), h.replaced.toUTC().toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("reason"), h.reason}});
    return array;
}

QJsonObject listedJson(const Listed &l)
{
    const Annotation &a = l.annotation;
    const auto [start, end] = positionOf(l);
    QJsonObject o{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("document"), a.document},
        {QStringLiteral("exact"), a.selector.exact},
        {QStringLiteral("prefix"), a.selector.prefix},
        {QStringLiteral("suffix"), a.selector.suffix},
        {QStringLiteral("start"), start},
        {QStringLiteral("end"), end},
        {QStringLiteral("footnote"), stringOrNull(a.selector.footnote)},
        {QStringLiteral("note"), a.note},
        {QStringLiteral("tags"), QJsonArray::fromStringList(a.tags)},
        {QStringLiteral("color"), a.color},
        {QStringLiteral("orphan"), l.anchor && !l.anchor->found()},
        {QStringLiteral("method"), methodName(l.anchor)},
        {QStringLiteral("author"), a.author},
        {QStringLiteral("created"), a.created.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("modified"), a.modified.toUTC().toString(Qt::ISODateWithMs)},
    };
    if (l.anchor && l.anchor->method == AnchorResult::Fuzzy)
        o.insert(QStringLiteral("score"), l.anchor->score);
    return o;
}

QString listedText(const Listed &l)
{
    const Annotation &a = l.annotation;
    const auto [start, end] = positionOf(l);
    // Everything but the layout's own line breaks comes from the database or an imported file.
    const auto field = [](const QString &s) { return visibleControls(s, LineBreaks::Show); };
    QString place = a.selector.footnote.isEmpty() ? a.document : a.document + QLatin1Char('#') + a.selector.footnote;
    QString out = QStringLiteral("%1  %2 [%3\u2013%4]").arg(field(a.id), field(place)).arg(start).arg(end);
    if (l.anchor && !l.anchor->found())
        out += QLatin1Char(' ') + Tr::tr("(orphaned: not found in the text)");
    out += QStringLiteral("\n  \u201C%1\u201D\n").arg(visibleControls(a.selector.exact));
    if (!a.tags.isEmpty())
        out += QStringLiteral("  #") + field(a.tags.join(QStringLiteral(" #"))) + QLatin1Char('\n');
    if (!a.note.isEmpty())
        out += QStringLiteral("  ") + visibleControls(QString(a.note).replace(QLatin1Char('\n'), QStringLiteral("\n  ")))
            + QLatin1Char('\n');
    return out;
}

bool hasTag(const Annotation &a, const QString &tag)
{
    return tag.isEmpty() || a.tags.contains(tag, Qt::CaseInsensitive);
}

// Each key of the files' documents once, with its TEI copy before a text copy (it carries more).
QHash<QString, DocumentPosition> documentsByKey(const Library &library)
{
    QHash<QString, DocumentPosition> out;
    for (int v = 0; v < library.size(); ++v) {
        const bool tei = library.volume(v).format == SourceFormat::Tei;
        for (int d = 0; d < int(library.volume(v).documents.size()); ++d) {
            const QString key = documentKey(library, v, d);
            const auto it = out.constFind(key);
            if (it == out.constEnd() || (tei && library.volume(it->volume).format != SourceFormat::Tei))
                out.insert(key, DocumentPosition{v, d});
        }
    }
    return out;
}

// The keys --doc chooses among the files' documents: a key, or (without a '/') a document id.
QStringList chosenKeys(const QHash<QString, DocumentPosition> &documents, const Library &library, const QString &doc)
{
    QStringList keys;
    for (auto it = documents.constBegin(); it != documents.constEnd(); ++it) {
        const QString &id = library.volume(it->volume).documents.at(std::size_t(it->document)).id;
        if (doc.isEmpty() || it.key() == doc || (!doc.contains(QLatin1Char('/')) && id == doc))
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

// The files' annotations, re-anchored against the documents as they read now.
Result<std::vector<Listed>> anchoredInFiles(const AnnotationsOptions &options, const AnnotationStore &store)
{
    const Library &library = commandLibrary();
    const QHash<QString, DocumentPosition> documents = documentsByKey(library);
    const QStringList keys = chosenKeys(documents, library, options.document);
    if (keys.isEmpty() && !options.document.isEmpty())
        return fail(options.files.value(0), 0, 0, Tr::tr("no document \"%1\" in the files").arg(options.document));
    std::vector<Listed> out;
    for (const QString &key : keys) {
        Result<std::vector<Annotation>> stored = store.forDocument(key);
        if (!stored)
            return fail(stored.error());
        std::erase_if(*stored, [&](const Annotation &a) { return !hasTag(a, options.tag); });
        const DocumentPosition at = documents.value(key);
        const Document &doc = library.volume(at.volume).documents.at(std::size_t(at.document));
        for (AnchoredAnnotation &anchored : anchorAnnotations(doc, *stored))
            out.push_back(Listed{std::move(anchored.annotation), anchored.anchor});
    }
    return out;
}

// Without files: the stored annotations as they are.
Result<std::vector<Listed>> storedAnnotations(const AnnotationsOptions &options, const AnnotationStore &store)
{
    const QString &doc = options.document;
    Result<std::vector<Annotation>> stored = doc.contains(QLatin1Char('/')) ? store.forDocument(doc)
        : options.tag.isEmpty()                                              ? store.all()
                                                                             : store.withTag(options.tag);
    if (!stored)
        return fail(stored.error());
    std::vector<Listed> out;
    for (Annotation &a : *stored) {
        // A bare document id ("d317") matches that document in any volume.
        const bool docMatches = doc.isEmpty() || a.document == doc || a.document.endsWith(QLatin1Char('/') + doc);
        if (docMatches && hasTag(a, options.tag))
            out.push_back(Listed{std::move(a), std::nullopt});
    }
    return out;
}

} // namespace

OpenStore openStore(const QString &path, QTextStream &err, StoreAccess access)
{
    Result<AnnotationDatabase> opened = AnnotationDatabase::open(path, access);
    if (!opened) {
        err << opened.error().toString() << Qt::endl;
        return {};
    }
    return std::move(opened).value();
}

int runAnnotations(const AnnotationsOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.files.isEmpty() && !loadAll(options.files, commandLibrary(), err))
        return ExitBadInput;
    OpenStore open = openStore(options.database, err);
    if (!open.store)
        return ExitBadInput;
    Result<std::vector<Listed>> listed = options.files.isEmpty() ? storedAnnotations(options, *open.store)
                                                                 : anchoredInFiles(options, *open.store);
    if (!listed) {
        err << listed.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    Result<EarlierVersions> earlier = earlierVersions(open);
    if (!earlier) {
        err << earlier.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    if (options.json) {
        QJsonArray array;
        for (const Listed &l : *listed) {
            QJsonObject o = listedJson(l);
            // What lost a conflict in a team sync, for the user to see and take back.
            if (const auto kept = earlier->constFind(l.annotation.id); kept != earlier->constEnd())
                o.insert(QStringLiteral("history"), historyJson(*kept));
            array.append(o);
        }
        printJson(array, out);
    } else {
        for (const Listed &l : *listed) {
            out << listedText(l);
            if (const auto kept = earlier->constFind(l.annotation.id); kept != earlier->constEnd())
                out << "  " << Tr::tr("%n earlier version(s) kept from team syncs (--json lists them)", nullptr,
                                      int(kept->size()))
                    << Qt::endl;
        }
    }
    return options.files.isEmpty() ? ExitOk : reportWarnings(commandLibrary(), out, err);
}

int runAnnotationSearch(const AnnotationSearchOptions &options, QTextStream &out, QTextStream &err)
{
    OpenStore open = openStore(options.database, err);
    if (!open.store)
        return ExitBadInput;
    // The annotated documents' text is in the library index; without one, only the annotations are searched.
    std::unique_ptr<Database> catalog;
    if (QFileInfo::exists(options.library)) {
        Result<std::unique_ptr<Database>> opened = Database::openForReading(catalogSchema(), options.library);
        if (!opened) {
            err << opened.error().toString() << Qt::endl;
            return ExitBadInput;
        }
        catalog = std::move(opened).value();
    }
    const std::optional<DocumentTextStore> documents = catalog ? std::optional<DocumentTextStore>(std::in_place, *catalog)
                                                               : std::nullopt;
    Result<std::vector<StoreSearchHit>> hits = open.store->search(options.query, 200, documents ? &*documents : nullptr);
    if (!hits) {
        err << hits.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    QJsonArray array;
    for (const StoreSearchHit &hit : *hits) {
        const bool annotation = hit.kind == StoreSearchHit::AnnotationHit;
        if (options.json) {
            array.append(QJsonObject{
                {QStringLiteral("kind"), annotation ? QStringLiteral("annotation") : QStringLiteral("document")},
                {QStringLiteral("id"), stringOrNull(hit.annotationId)},
                {QStringLiteral("document"), hit.document},
                {QStringLiteral("snippet"), hit.snippet},
                {QStringLiteral("rank"), hit.rank},
            });
        } else {
            out << visibleControls(annotation ? hit.annotationId + QStringLiteral("  ") : QString(), LineBreaks::Show)
                << visibleControls(hit.document, LineBreaks::Show) << QStringLiteral("\n  ")
                << visibleControls(QString(hit.snippet).replace(QLatin1Char('\n'), QLatin1Char(' ')), LineBreaks::Show)
                << QLatin1Char('\n');
        }
    }
    if (options.json)
        printJson(array, out);
    return ExitOk;
}

int runTags(const TagsOptions &options, QTextStream &out, QTextStream &err)
{
    OpenStore open = openStore(options.database, err);
    if (!open.store)
        return ExitBadInput;
    Result<std::vector<Tag>> tags = open.store->tags();
    if (!tags) {
        err << tags.error().toString() << Qt::endl;
        return ExitBadInput;
    }
    QJsonArray array;
    for (const Tag &tag : *tags) {
        if (options.json) {
            array.append(QJsonObject{{QStringLiteral("name"), tag.name},
                                     {QStringLiteral("count"), tag.count},
                                     {QStringLiteral("color"), tag.color}});
        } else {
            // Tab-separated: a tab or a line break inside a name must not start another column or row.
            out << visibleControls(tag.name, LineBreaks::Show) << QLatin1Char('\t') << tag.count << QLatin1Char('\t')
                << visibleControls(tag.color, LineBreaks::Show) << QLatin1Char('\n');
        }
    }
    if (options.json)
        printJson(array, out);
    return ExitOk;
}

} // namespace marginalia::cli
