#include "annotationservice.h"

#include "store/annotationstore.h"
#include "store/database.h"

#include <QCoreApplication>

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

} // namespace

AnnotationService::AnnotationService(QObject *parent) : QObject(parent) {}

AnnotationService::~AnnotationService()
{
    m_store.reset(); // before the connection it uses
    m_db.reset();
}

Result<bool> AnnotationService::open(const QString &path)
{
    m_store.reset();
    m_db.reset();
    auto db = Database::open(path);
    if (!db) {
        m_problem = db.error().toString();
        return fail(db.error());
    }
    m_db = std::move(db).value();
    m_store = std::make_unique<AnnotationStore>(*m_db);
    m_problem = m_db->isReadOnly()
        ? QCoreApplication::translate("marginalia", "Annotations are read-only: %1").arg(m_db->readOnlyReason())
        : QString();
    Q_EMIT tagsChanged();
    return true;
}

bool AnnotationService::isReadOnly() const
{
    return m_db && m_db->isReadOnly();
}

QString AnnotationService::path() const
{
    return m_db ? m_db->path() : QString();
}

std::vector<Annotation> AnnotationService::forDocument(const QString &documentKey) const
{
    if (!m_store)
        return {};
    auto r = m_store->forDocument(documentKey);
    return r ? std::move(r).value() : std::vector<Annotation>{};
}

std::vector<Annotation> AnnotationService::withTag(const QString &tag) const
{
    if (!m_store)
        return {};
    auto r = m_store->withTag(tag);
    return r ? std::move(r).value() : std::vector<Annotation>{};
}

std::optional<Annotation> AnnotationService::find(const QString &id) const
{
    if (!m_store)
        return std::nullopt;
    auto r = m_store->find(id);
    return r ? std::move(r).value() : std::nullopt;
}

std::vector<Tag> AnnotationService::tags() const
{
    if (!m_store)
        return {};
    auto r = m_store->tags();
    return r ? std::move(r).value() : std::vector<Tag>{};
}

QString AnnotationService::paintColor(const Annotation &annotation) const
{
    if (m_store && !annotation.tags.isEmpty()) {
        auto color = m_store->tagColor(annotation.tags.front());
        if (color && !color->isEmpty())
            return *color;
    }
    return annotation.color.isEmpty() ? QStringLiteral("#FFE08C") : annotation.color;
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
    return result;
}

Result<Annotation> AnnotationService::add(const Annotation &annotation)
{
    if (!m_store)
        return report<Annotation>(fail(QString(), 0, 0, m_problem), annotation.document);
    Annotation written = annotation;
    if (written.modified.isValid())
        written.modified = stampAfter(written.modified);
    else
        written.modified = written.created.isValid() ? written.created : QDateTime::currentDateTimeUtc();
    if (!written.created.isValid())
        written.created = written.modified;
    Result<bool> added = m_store->add(written);
    return report<Annotation>(added ? Result<Annotation>(written) : fail(added.error()), written.document);
}

Result<Annotation> AnnotationService::update(const Annotation &annotation)
{
    if (!m_store)
        return report<Annotation>(fail(QString(), 0, 0, m_problem), annotation.document);
    Result<std::optional<Annotation>> stored = m_store->find(annotation.id);
    if (!stored)
        return report<Annotation>(fail(stored.error()), annotation.document);
    Annotation written = annotation;
    written.modified = stampAfter(later(*stored ? (*stored)->modified : QDateTime(), annotation.modified));
    Result<bool> updated = m_store->update(written);
    return report<Annotation>(updated ? Result<Annotation>(written) : fail(updated.error()), written.document);
}

Result<bool> AnnotationService::remove(const QString &id)
{
    const std::optional<Annotation> existing = find(id);
    if (!m_store || !existing)
        return report<bool>(fail(QString(), 0, 0, QCoreApplication::translate("marginalia", "no such annotation")), {});
    return report(m_store->remove(id), existing->document);
}

} // namespace marginalia
