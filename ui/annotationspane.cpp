#include "annotationspane.h"

#include "plaintext.h"

#include "models/annotationsmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace marginalia {

namespace {

// A button as narrow as its words: the style's 80 px minimum for a push button would keep the pane,
// and with it the side of the window, wider than the text beside it can spare.
QPushButton *narrowButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    const QStyle *style = button->style();
    const int frame = style->pixelMetric(QStyle::PM_ButtonMargin, nullptr, button)
        + 2 * style->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, button);
    button->setMinimumWidth(button->fontMetrics().horizontalAdvance(button->text()) + 2 * frame);
    return button;
}

} // namespace

AnnotationsPane::AnnotationsPane(AnnotationsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_summary(plainLabel(this)), m_list(new QListView(this))
{
    setObjectName(QStringLiteral("annotationsPane"));
    m_list->setModel(model);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    m_summary->setWordWrap(true);
    auto *note = narrowButton(tr("Note…"), this);
    auto *tags = narrowButton(tr("Tags…"), this);
    auto *remove = narrowButton(tr("Delete"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(note);
    buttons->addWidget(tags);
    buttons->addStretch();
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &i) {
        Q_EMIT annotationActivated(i.data(AnnotationsModel::IdRole).toString());
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &i) {
        Q_EMIT annotationActivated(i.data(AnnotationsModel::IdRole).toString());
    });
    connect(note, &QPushButton::clicked, this, [this] {
        if (!currentId().isEmpty())
            Q_EMIT editNoteRequested(currentId());
    });
    connect(tags, &QPushButton::clicked, this, [this] {
        if (!currentId().isEmpty())
            Q_EMIT editTagsRequested(currentId());
    });
    const auto removeCurrent = [this] {
        if (!currentId().isEmpty())
            Q_EMIT removeRequested(currentId());
    };
    connect(remove, &QPushButton::clicked, this, removeCurrent);
    // The context menu: the buttons' edits, and what a team sync kept of the annotation.
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto menuAction = [this](const QString &text, const QString &name, void (AnnotationsPane::*signal)(const QString &)) {
        auto *a = new QAction(text, m_list);
        a->setObjectName(name);
        m_list->addAction(a);
        connect(a, &QAction::triggered, this, [this, signal] {
            if (!currentId().isEmpty())
                Q_EMIT(this->*signal)(currentId());
        });
    };
    menuAction(tr("Edit Note…"), QStringLiteral("annotationNoteAction"), &AnnotationsPane::editNoteRequested);
    menuAction(tr("Edit Tags…"), QStringLiteral("annotationTagsAction"), &AnnotationsPane::editTagsRequested);
    menuAction(tr("Earlier Versions…"), QStringLiteral("annotationHistoryAction"), &AnnotationsPane::historyRequested);
    // The Delete key, while the list has the focus (undone with Ctrl+Z like every edit).
    auto *removeKey = new QAction(tr("Delete Annotation"), m_list);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(removeKey);
    connect(removeKey, &QAction::triggered, this, removeCurrent);
    connect(model, &QAbstractItemModel::modelReset, this, &AnnotationsPane::updateSummary);
}

QString AnnotationsPane::currentId() const
{
    return m_list->currentIndex().data(AnnotationsModel::IdRole).toString();
}

void AnnotationsPane::setProblem(const QString &problem)
{
    m_summary->setProperty("problem", problem);
    updateSummary();
}

void AnnotationsPane::updateSummary()
{
    const QString problem = m_summary->property("problem").toString();
    const int n = m_model->rowCount();
    const int orphans = m_model->orphanCount();
    QString text = n == 0 ? tr("No annotations in this document. Select text and press Ctrl+Shift+H.")
                          : tr("%n annotation(s)", nullptr, n);
    if (orphans > 0)
        text += u' ' + tr("(%n orphaned: the text they were made on has changed)", nullptr, orphans);
    m_summary->setText(problem.isEmpty() ? text : problem);
}

} // namespace marginalia
