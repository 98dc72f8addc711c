#pragma once

#include "annotation.h"
#include "util/result.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace marginalia {

class AnnotationStore;
class Database;

// The application's annotations: the database behind them and the changes to announce. When the
// database cannot be opened the reader still works; the service is then unavailable and says why.
class AnnotationService : public QObject {
    Q_OBJECT

public:
    explicit AnnotationService(QObject *parent = nullptr);
    ~AnnotationService() override;

    // Opens (or creates) the database at `path`; on failure the service stays unavailable.
    Result<bool> open(const QString &path);
    bool isAvailable() const { return m_store != nullptr; }
    bool isReadOnly() const;
    bool canWrite() const { return isAvailable() && !isReadOnly(); }
    // What the user should know about the database: why it is unavailable or read-only; else empty.
    const QString &problem() const { return m_problem; }
    QString path() const;

    std::vector<Annotation> forDocument(const QString &documentKey) const;
    std::vector<Annotation> withTag(const QString &tag) const;
    std::optional<Annotation> find(const QString &id) const;
    std::vector<Tag> tags() const;
    // The colour to paint an annotation in: its first tag's colour when it has tags, else its own.
    QString paintColor(const Annotation &annotation) const;
    AnnotationStore *store() const { return m_store.get(); }

    // Writes: the undo commands call these. Each announces what changed, or reports the failure, and
    // returns the annotation as written. Every write stamps `modified` later than the version before it
    // (undo and redo too), so a "newer wins" merge never prefers a version the user has left behind.
    // add(): an annotation never written (no `modified`) is stamped at its creation; one written before
    // (a deleted one coming back) later than that version.
    Result<Annotation> add(const Annotation &annotation);
    Result<Annotation> update(const Annotation &annotation);
    Result<bool> remove(const QString &id);

Q_SIGNALS:
    void annotationsChanged(const QString &documentKey);
    void tagsChanged();
    void failed(const marginalia::Error &error);

private:
    template <typename T>
    Result<T> report(Result<T> result, const QString &documentKey);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnnotationStore> m_store;
    QString m_problem;
};

} // namespace marginalia
