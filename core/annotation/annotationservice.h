#pragma once

#include "model/annotation.h"
#include "util/result.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace marginalia {

class AnnotationStore;
struct AnnotationDatabase;
struct HistoryEntry;
struct StoreSearchHit;
struct Document;

// The application's annotations: the database behind them, the one place annotations are built and
// written, and the changes to announce. The window (through its undo commands) and the CLI both create,
// edit and delete through it. When the database cannot be opened the reader still works; the service is
// then unavailable and says why.
class AnnotationService : public QObject {
    Q_OBJECT

public:
    // A passage of a document: characters [start, end) of the body's reading text (footnote < 0) or of
    // the plain text of the note at index `footnote`.
    struct Passage {
        int footnote = -1;
        int start = 0;
        int end = 0;
    };
    // Where a quote was looked for: the draft on its occurrence, if there is one, and how many
    // occurrences there are (counted up to the one asked for).
    struct QuoteMatch {
        std::optional<Annotation> draft;
        int seen = 0;
    };

    explicit AnnotationService(QObject *parent = nullptr);
    ~AnnotationService() override;

    // Opens (or creates) the database at `path`; on failure the service stays unavailable.
    Result<bool> open(const QString &path);
    bool isAvailable() const { return m_database != nullptr; }
    bool isReadOnly() const;
    bool canWrite() const { return isAvailable() && !isReadOnly(); }
    // What the user should know about the database: why it is unavailable or read-only; else empty.
    const QString &problem() const { return m_problem; }
    QString path() const;

    // Reads. A failing read returns nothing and announces the error with readFailed(), so the user
    // learns why annotations are missing.
    std::vector<Annotation> forDocument(const QString &documentKey) const;
    std::vector<Annotation> withTag(const QString &tag) const;
    std::optional<Annotation> find(const QString &id) const;
    // Every annotation in the database (the library-wide list).
    std::vector<Annotation> all() const;
    std::vector<Tag> tags() const;
    // The keys of the documents holding annotations ("frus1961-63v09/d317"), or annotations tagged `tag`
    // when it is given (case-insensitively), each once: what a library search keeps to when asked.
    QStringList annotatedDocuments(const QString &tag = {}) const;
    // The earlier versions of an annotation that lost a conflict in a team sync, oldest first.
    std::vector<HistoryEntry> history(const QString &id) const;
    // Everyone who wrote an annotation in the database, by name (AnnotationStore::authors).
    QStringList authors() const;
    // The full-text search over the annotations (AnnotationStore::search).
    std::vector<StoreSearchHit> search(const QString &query) const;
    // The colour to paint an annotation in: its first tag's colour when it has tags, else its own.
    QString paintColor(const Annotation &annotation) const;
    AnnotationStore *store() const;

    // Building: a new annotation, not yet written, on a passage of `doc` known as `documentKey`: a new
    // id, defaultAuthor(), created now, defaultAnnotationColor(), and a selector (quote with context and
    // position) on the document's reading text. Nullopt when the passage holds no text.
    static std::optional<Annotation> draft(const Document &doc, const QString &documentKey, const Passage &passage);
    // The same on the `occurrence`-th (1-based) occurrence of `quote`: the body's reading text first,
    // then each note with an id (a note without one could not be found again) in order.
    static QuoteMatch draftOnQuote(const Document &doc, const QString &documentKey, const QString &quote,
                                   int occurrence);
    // The colour of a new annotation: `asked` when given, else its first tag's, else the default.
    Result<QString> colorForNew(const QString &asked, const QStringList &tags) const;

    // Writes: the undo commands and the CLI call these. Each announces what changed, or reports the
    // failure, and returns the annotation as written. Every write stamps `modified` later than the version
    // before it (undo and redo too), so a "newer wins" merge never prefers a version the user has left
    // behind. add(): an annotation never written (no `modified`, as draft() makes it) is stamped at its
    // creation; one written before (a deleted one coming back) later than that version.
    Result<Annotation> add(const Annotation &annotation);
    Result<Annotation> update(const Annotation &annotation);
    Result<bool> remove(const QString &id);
    // An import: what the file holds merged in as AnnotationStore::merge does (new ones added, newer
    // versions replacing older ones, one transaction), keeping the file's times. Returns what changed,
    // each with the version it replaced (none for one added), for an undo to put back.
    struct MergedChange {
        std::optional<Annotation> before;
        Annotation after;
    };
    Result<std::vector<MergedChange>> merge(const std::vector<Annotation> &annotations);

    // Something else wrote the database (a team sync): the annotations of these documents, and the tags,
    // are to be read again; with `tagColours`, every document's paint too.
    void announceChangedElsewhere(const QStringList &documentKeys, bool tagColours = false);

Q_SIGNALS:
    void annotationsChanged(const QString &documentKey);
    // This service wrote the database (what a team sync then pushes); not emitted for changes from elsewhere.
    void written();
    void tagsChanged();
    void failed(const marginalia::Error &error);
    void readFailed(const marginalia::Error &error) const;

private:
    template <typename T>
    Result<T> report(Result<T> result, const QString &documentKey);
    template <typename T>
    T orAnnounce(Result<T> result) const;

    std::unique_ptr<AnnotationDatabase> m_database;
    QString m_problem;
};

} // namespace marginalia
