#pragma once

#include "store/catalogrecords.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QCompleter;
class QLineEdit;
class QStringListModel;

namespace marginalia {

// The filters of a library search in a few compact rows: from and to (a year, a month or a day), the
// volume, the kind of document, the order, a person of the glossaries and the annotations. It only says
// what is chosen; the search pane asks.
class CatalogFilterBar : public QWidget {
    Q_OBJECT

public:
    explicit CatalogFilterBar(QWidget *parent = nullptr);

    void setVolumes(const std::vector<CatalogVolumeInfo> &volumes);
    // The tags offered by the annotations filter ("Tagged “Cuba”").
    void setTags(const QStringList &tags);
    // The annotations filter: whether to keep to annotated documents, and to those with which tag
    // (empty: any annotation). The caller turns it into CatalogQuery::documents: the annotations are
    // in another database than the index.
    struct AnnotationChoice {
        bool annotatedOnly = false;
        QString tag;
    };
    AnnotationChoice annotationChoice() const;
    // The persons the person field completes, shown "Name (id)"; typing any part of it finds one.
    void setPersons(const std::vector<CatalogPerson> &persons);
    // The persons could not be read: a person typed is then refused with this message.
    void setPersonsUnreadable(const QString &message);
    // The glossary id the person field names: empty when it is empty, or when it names no one person
    // (then personProblem() says why, in words to show instead of the results).
    QString personId() const;
    QString personProblem() const;
    // Fills the filter fields of `query` (its text, limit and offset are left alone).
    void apply(CatalogQuery &query) const;

    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QComboBox *volumeBox() const { return m_volume; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *sortBox() const { return m_sort; }
    QComboBox *annotationsBox() const { return m_annotations; }
    QLineEdit *personEdit() const { return m_person; }
    QCompleter *personCompleter() const { return m_personCompleter; }

Q_SIGNALS:
    void changed();

private:
    void personEdited();
    // The ids whose "Name (id)" holds `text` (any case); the one id when `text` is a whole entry or an id.
    QStringList personsMatching(const QString &text) const;

    QLineEdit *m_from;
    QLineEdit *m_to;
    QComboBox *m_volume;
    QComboBox *m_kind;
    QComboBox *m_sort;
    QComboBox *m_annotations;
    QLineEdit *m_person;
    QCompleter *m_personCompleter;
    QStringListModel *m_personNames;
    QHash<QString, QString> m_personByLabel; // "Hull, Cordell (p_HC1)" → p_HC1
    QHash<QString, QString> m_labelOfPerson; // and back
    QString m_searchedPerson;                // the field's text when it last asked for a search
    QString m_personsUnreadable;
};

} // namespace marginalia
