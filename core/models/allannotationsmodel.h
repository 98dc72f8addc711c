#pragma once

#include "model/annotation.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace marginalia {

class AnnotationService;
class OpenLibrary;

// Every annotation of the library, one row each, whatever is open: its document (the short citation
// when the document's volume is open, else its key), quote, note, tags, author and last change. It
// follows the service's changes (a document's rows only, so the list keeps its place) and the library's
// (a volume opened turns its keys into citations). It reads the database only once load() is called
// (when the list is first shown): a team's 100,000 annotations cost nothing to a window that never lists them.
class AllAnnotationsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { DocumentColumn, QuoteColumn, NoteColumn, TagsColumn, AuthorColumn, ModifiedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        DocumentKeyRole, // "frus1961-63v09/d317"
        VolumeRole,      // the key's part before '/': "frus1961-63v09"
        ColorRole,       // the colour it is painted in, "#rrggbb" (its first tag's, else its own)
        TagsRole,        // QStringList
        FilterTextRole,  // citation, key, quote, note, tags and author, folded for search
        SortRole,        // what a column sorts by: the time for Modified, else the text shown
    };

    AllAnnotationsModel(const AnnotationService *service, const OpenLibrary *library, QObject *parent = nullptr);

    // Reads every annotation, the first time; after that the model follows the changes.
    void load();
    bool isLoaded() const { return m_loaded; }
    void refresh();
    const Annotation &at(int row) const { return m_rows.at(std::size_t(row)).annotation; }
    int rowOf(const QString &id) const;
    // What the filters offer, each once and sorted: the volume ids, the paint colours, the tags in use.
    QStringList volumes() const;
    QStringList colors() const;
    QStringList tags() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        Annotation annotation;
        QString citation;
        QString paint;
        QString folded;
    };
    Row makeRow(Annotation annotation, QHash<QString, QString> &citations) const;
    void updateDocument(const QString &key);
    // Citations and paint again (a volume opened, a tag recoloured), announcing the rows that changed.
    void redescribe();
    QVariant display(const Row &row, int column) const;

    const AnnotationService *m_service;
    const OpenLibrary *m_library;
    std::vector<Row> m_rows;
    bool m_loaded = false;
};

} // namespace marginalia
