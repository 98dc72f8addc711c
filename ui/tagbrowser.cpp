#include "tagbrowser.h"

#include "models/annotationsmodel.h"
#include "models/tagsmodel.h"

#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace marginalia {

TagBrowser::TagBrowser(TagsModel *tags, AnnotationsModel *passages, QWidget *parent)
    : QWidget(parent), m_tags(new QListView(this)), m_passages(new QListView(this))
{
    setObjectName(QStringLiteral("tagBrowser"));
    m_tags->setModel(tags);
    m_passages->setModel(passages);
    m_passages->setWordWrap(true);
    m_passages->setAlternatingRowColors(true);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tags);
    splitter->addWidget(m_passages);
    auto *note = new QPushButton(tr("Note…"), this);
    auto *remove = new QPushButton(tr("Delete"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(note);
    buttons->addStretch();
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    auto chooseTag = [this](const QModelIndex &i) { Q_EMIT tagChosen(i.data(TagsModel::NameRole).toString()); };
    connect(m_tags, &QListView::clicked, this, chooseTag);
    connect(m_tags, &QListView::activated, this, chooseTag);
    auto choosePassage = [this](const QModelIndex &i) {
        Q_EMIT passageChosen(i.data(AnnotationsModel::DocumentRole).toString(), i.data(AnnotationsModel::IdRole).toString());
    };
    connect(m_passages, &QListView::clicked, this, choosePassage);
    connect(m_passages, &QListView::activated, this, choosePassage);
    connect(note, &QPushButton::clicked, this, [this] {
        if (!currentPassageId().isEmpty())
            Q_EMIT editNoteRequested(currentPassageId());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (!currentPassageId().isEmpty())
            Q_EMIT removeRequested(currentPassageId());
    });
}

QString TagBrowser::currentPassageId() const
{
    return m_passages->currentIndex().data(AnnotationsModel::IdRole).toString();
}

} // namespace marginalia
