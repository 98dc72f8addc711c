#include "annotationservice.h"

#include "anchor/anchoring.h"
#include "model/document.h"
#include "model/readingtext.h"
#include "store/annotationdatabase.h"
#include "store/annotationstore.h"
#include "store/database.h"
#include "store/syncledger.h"
#include "util/translate.h"

#include <QSet>

namespace marginalia {

namespace {

// max(now, previous + 1 ms): strictly later than `previous` even when the clock has not moved on (two
// writes in one millisecond, the stored precision) or has been set back.
QDateTime stampAfter(const QDateTime &previous)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!previous.isValid())
        return now;
    const QDateTime next = previous.toUTC().addMSecs(1);
    return now > next ? now : next;
}

QDateTime later(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    return b.isValid() && b > a ? b : a;
}

Annotation newAnnotation(const QString &documentKey, TextSelector selector)
{
    Annotation a;
    a.id = newAnnotationId();
    a.document = documentKey;
    a.selector = std::move(selector);
    a.color = defaultAnnotationColor();
    a.author = defaultAuthor();
    a.created = QDateTime::currentDateTimeUtc(); // `modified` is stamped by add()
    return a;
}

} // namespace

AnnotationService::AnnotationService(QObject *parent) : QObject(parent) {}

AnnotationService::~AnnotationService() = default;

Result<bool> AnnotationService::open(const QString &path)
{
    m_database.reset();
    Result<AnnotationDatabase> opened = AnnotationDatabase::open(path);
    if (!opened) {
        m_problem = opened.error().toString();
        return fail(opened.error());
    }
    m_database = std::make_unique<AnnotationDatabase>(std::move(opened).value());
    const Database &db = *m_database->database;
    m_problem = db.isReadOnly() ? marginalia::Tr::tr("Annotations are read-only: %1").arg(db.readOnlyReason()) : QString();
    Q_EMIT tagsChanged();
    return true;
}

bool AnnotationService::isReadOnly() const
{
    return m_database && m_database->database->isReadOnly();
}

QString AnnotationService::path() const
{
    return m_database ? m_database->database->path() : QString();
}

AnnotationStore *AnnotationService::store() const
{
    return m_database ? m_database->store.get() : nullptr;
}

template <typename T>
T AnnotationService::orAnnounce(Result<T> result) const
{
    if (result)
        return std::move(result).value();
    Q_EMIT readFailed(result.error());
    return T{};
}

std::vector<Annotation> AnnotationService::forDocument(const QString &documentKey) const
{
    return store() ? orAnnounce(store()->forDocument(documentKey)) : std::vector<Annotation>{};
}

std::vector<Annotation> AnnotationService::withTag(const QString &tag) const
{
    return store() ? orAnnounce(store()->withTag(tag)) : std::vector<Annotation>{};
}

std::vector<Annotation> AnnotationService::all() const
{
    return store() ? orAnnounce(store()->all()) : std::vector<Annotation>{};
}

QStringList AnnotationService::annotatedDocuments(const QString &tag) const
{
    if (!store())
        return {};
    const std::vector<Annotation> annotations = tag.isEmpty() ? all() : withTag(tag);
    QStringList keys;
    for (const Annotation &a : annotations)
        keys << a.document;
    keys.removeDuplicates();
    return keys;
}

std::optional<Annotation> AnnotationService::find(const QString &id) const
{
    return store() ? orAnnounce(store()->find(id)) : std::nullopt;
}

std::vector<Tag> AnnotationService::tags() const
{
    return store() ? orAnnounce(store()->tags()) : std::vector<Tag>{};
}

std::vector<HistoryEntry> AnnotationService::history(const QString &id) const
{
    if (!m_database || id.isEmpty())
        return {};
    return orAnnounce(SyncLedger(*m_database->database).history(id));
}

QStringList AnnotationService::authors() const
{
    return store() ? orAnnounce(store()->authors()) : QStringList{};
}

std::vector<StoreSearchHit> AnnotationService::search(const QString &query) const
{
    return store() ? orAnnounce(store()->search(query)) : std::vector<StoreSearchHit>{};
}

QString AnnotationService::paintColor(const Annotation &annotation) const
{
    if (store() && !annotation.tags.isEmpty()) {
        const QString color = orAnnounce(store()->tagColor(annotation.tags.front()));
        if (!color.isEmpty())
            return color;
    }
    return annotation.color.isEmpty() ? defaultAnnotationColor() : annotation.color;
}

std::optional<Annotation> AnnotationService::draft(const Document &doc, const QString &documentKey,
                                                   const Passage &passage)
{
    TextSelector selector;
    if (passage.footnote < 0) {
        selector = makeSelector(ReadingText(doc.body).text(), passage.start, passage.end);
    } else {
        if (passage.footnote >= int(doc.footnotes.size()))
            return std::nullopt;
        const Footnote &note = doc.footnotes.at(std::size_t(passage.footnote));
        selector = makeSelector(plainText(note.content), passage.start, passage.end, note.id);
    }
    if (selector.exact.trimmed().isEmpty())
        return std::nullopt;
    return newAnnotation(documentKey, std::move(selector));
}

AnnotationService::QuoteMatch AnnotationService::draftOnQuote(const Document &doc, const QString &documentKey,
                                                              const QString &quote, int occurrence)
{
    QuoteMatch match;
    const auto search = [&](const QString &text, const QString &footnote) {
        for (qsizetype at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.size())) {
            if (++match.seen == occurrence) {
                match.draft = newAnnotation(documentKey, makeSelector(text, int(at), int(at + quote.size()), footnote));
                return true;
            }
        }
        return false;
    };
    if (quote.isEmpty() || search(ReadingText(doc.body).text(), {}))
        return match;
    for (const Footnote &note : doc.footnotes) {
        if (!note.id.isEmpty() && search(plainText(note.content), note.id))
            break;
    }
    return match;
}

Result<QString> AnnotationService::colorForNew(const QString &asked, const QStringList &tags) const
{
    if (!asked.isEmpty())
        return asked;
    if (store() && !tags.isEmpty()) {
        Result<QString> tagColor = store()->tagColor(tags.first());
        if (!tagColor || !tagColor->isEmpty())
            return tagColor;
    }
    return defaultAnnotationColor();
}

template <typename T>
Result<T> AnnotationService::report(Result<T> result, const QString &documentKey)
{
    if (!result) {
        Q_EMIT failed(result.error());
        return result;
    }
    Q_EMIT annotationsChanged(documentKey);
    Q_EMIT tagsChanged();
    Q_EMIT written();
    return result;
}

void AnnotationService::announceChangedElsewhere(const QStringList &documentKeys, bool tagColours)
{
    for (const QString &key : documentKeys)
        Q_EMIT annotationsChanged(key);
    if (tagColours)
        Q_EMIT annotationsChanged(QString()); // an empty key: whichever document is shown
    Q_EMIT tagsChanged();
}

Result<Annotation> AnnotationService::add(const Annotation &annotation)
{
    if (!store())
        return report<Annotation>(fail(QString(), 0, 0, m_problem), annotation.document);
    Annotation written = annotation;
    if (written.modified.isValid())
        written.modified = stampAfter(written.modified);
    else
        written.modified = written.created.isValid() ? written.created : QDateTime::currentDateTimeUtc();
    if (!written.created.isValid())
        written.created = written.modified;
    Result<void> added = store()->add(written);
    return report<Annotation>(added ? Result<Annotation>(written) : fail(added.error()), written.document);
}

Result<Annotation> AnnotationService::update(const Annotation &annotation)
{
    if (!store())
        return report<Annotation>(fail(QString(), 0, 0, m_problem), annotation.document);
    Result<std::optional<Annotation>> stored = store()->find(annotation.id);
    if (!stored)
        return report<Annotation>(fail(stored.error()), annotation.document);
    Annotation written = annotation;
    written.modified = stampAfter(later(*stored ? (*stored)->modified : QDateTime(), annotation.modified));
    Result<void> updated = store()->update(written);
    return report<Annotation>(updated ? Result<Annotation>(written) : fail(updated.error()), written.document);
}

Result<bool> AnnotationService::remove(const QString &id)
{
    if (!store())
        return report<bool>(fail(QString(), 0, 0, m_problem), {});
    Result<std::optional<Annotation>> existing = store()->find(id);
    if (!existing)
        return report<bool>(fail(existing.error()), {});
    if (!*existing)
        return report<bool>(fail(path(), 0, 0, marginalia::Tr::tr("there is no annotation %1 to delete").arg(id)), {});
    return report(store()->remove(id), (*existing)->document);
}

Result<std::vector<AnnotationService::MergedChange>> AnnotationService::merge(const std::vector<Annotation> &annotations)
{
    if (!store())
        return report<std::vector<MergedChange>>(fail(QString(), 0, 0, m_problem), {});
    std::vector<std::optional<Annotation>> before;
    for (const Annotation &a : annotations) {
        Result<std::optional<Annotation>> stored = store()->find(a.id);
        if (!stored)
            return report<std::vector<MergedChange>>(fail(stored.error()), a.document);
        before.push_back(std::move(stored).value());
    }
    if (Result<int> merged = store()->merge(annotations); !merged)
        return report<std::vector<MergedChange>>(fail(merged.error()), {});
    std::vector<MergedChange> changes;
    QStringList documents;
    QSet<QString> seen; // a file may hold an annotation twice
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        Result<std::optional<Annotation>> after = store()->find(annotations[i].id);
        if (!after || !*after || seen.contains(annotations[i].id)
            || (before[i] && (*after)->modified == before[i]->modified))
            continue;
        seen.insert(annotations[i].id);
        if (!documents.contains((*after)->document))
            documents << (*after)->document;
        changes.push_back({std::move(before[i]), std::move(**after)});
    }
    if (changes.empty())
        return changes;
    for (const QString &key : documents)
        Q_EMIT annotationsChanged(key);
    Q_EMIT tagsChanged();
    Q_EMIT written();
    return changes;
}

} // namespace marginalia
