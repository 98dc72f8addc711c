#pragma once

#include "store/catalogrecords.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QLineEdit;

namespace marginalia {

// The filters of a library search in one compact row: from and to (a year, a month or a day), the
// volume, the kind of document and the order. It only says what is chosen; the search pane asks.
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
    // Fills the filter fields of `query` (its text, limit and offset are left alone).
    void apply(CatalogQuery &query) const;

    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QComboBox *volumeBox() const { return m_volume; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *sortBox() const { return m_sort; }
    QComboBox *annotationsBox() const { return m_annotations; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *m_from;
    QLineEdit *m_to;
    QComboBox *m_volume;
    QComboBox *m_kind;
    QComboBox *m_sort;
    QComboBox *m_annotations;
};

} // namespace marginalia
