#include "catalogfilterbar.h"

#include "library/citationlabel.h"
#include "util/plaintext.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QStringListModel>

namespace marginalia {

namespace {

QLineEdit *dateEdit(const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setToolTip(CatalogFilterBar::tr("A year (1962), a month (1962-08) or a day (1962-08-09)"));
    // Only what the index takes for a date, so that a half-typed one is never searched for.
    edit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("\\d{0,4}(-(\\d{0,2}(-\\d{0,2})?)?)?")), edit));
    return edit;
}

bool complete(const QLineEdit *edit)
{
    static const QRegularExpression date(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    return date.match(edit->text()).hasMatch();
}

} // namespace

CatalogFilterBar::CatalogFilterBar(QWidget *parent)
    : QWidget(parent), m_from(dateEdit(tr("From"), this)), m_to(dateEdit(tr("To"), this)), m_volume(new QComboBox(this)),
      m_kind(new QComboBox(this)), m_sort(new QComboBox(this)), m_annotations(new QComboBox(this)),
      m_person(new QLineEdit(this)), m_personCompleter(new QCompleter(this)), m_personNames(new QStringListModel(this))
{
    setObjectName(QStringLiteral("catalogFilterBar"));
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    m_volume->setObjectName(QStringLiteral("volumeFilter"));
    m_kind->setObjectName(QStringLiteral("kindFilter"));
    m_sort->setObjectName(QStringLiteral("sortOrder"));
    m_volume->addItem(tr("All volumes"), QString());
    m_volume->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_volume->setMinimumContentsLength(12);
    m_kind->addItem(tr("Any kind"), QString());
    m_kind->addItem(tr("Documents"), QStringLiteral("document"));
    m_kind->addItem(tr("Editorial notes"), QStringLiteral("editorial-note"));
    m_sort->addItem(tr("Best first"), int(CatalogQuery::Sort::Relevance));
    m_sort->addItem(tr("By date"), int(CatalogQuery::Sort::Date));
    m_annotations->setObjectName(QStringLiteral("annotationsFilter"));
    setTags({});
    m_person->setObjectName(QStringLiteral("personFilter"));
    m_person->setPlaceholderText(tr("Any person"));
    m_person->setClearButtonEnabled(true);
    m_person->setToolTip(tr("Only documents naming a person of the volumes' glossaries: type part of the name"));
    // Any part of "Hull, Cordell (p_HC1)": the first name, the surname, or the id.
    m_personCompleter->setModel(m_personNames);
    m_personCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_personCompleter->setFilterMode(Qt::MatchContains);
    m_personCompleter->setMaxVisibleItems(12);
    m_person->setCompleter(m_personCompleter);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_from, 0, 0);
    layout->addWidget(m_to, 0, 1);
    layout->addWidget(m_sort, 0, 2);
    layout->addWidget(m_volume, 1, 0, 1, 2);
    layout->addWidget(m_kind, 1, 2);
    layout->addWidget(m_person, 2, 0, 1, 3);
    layout->addWidget(m_annotations, 3, 0, 1, 3);

    // A date counts once it is whole (or cleared): a search per keystroke of "196" would find nothing.
    for (QLineEdit *edit : {m_from, m_to}) {
        connect(edit, &QLineEdit::textChanged, this, [this, edit] {
            if (edit->text().isEmpty() || complete(edit))
                Q_EMIT changed();
        });
    }
    for (QComboBox *box : {m_volume, m_kind, m_sort, m_annotations})
        connect(box, &QComboBox::currentIndexChanged, this, &CatalogFilterBar::changed);
    // A person counts once chosen, confirmed with Return, left, or cleared; not at every keystroke.
    connect(m_personCompleter, qOverload<const QString &>(&QCompleter::activated), this, &CatalogFilterBar::personEdited);
    connect(m_person, &QLineEdit::editingFinished, this, &CatalogFilterBar::personEdited);
    connect(m_person, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            personEdited();
    });
}

void CatalogFilterBar::setVolumes(const std::vector<CatalogVolumeInfo> &volumes)
{
    const QString current = m_volume->currentData().toString();
    const QSignalBlocker quiet(m_volume);
    m_volume->clear();
    m_volume->addItem(tr("All volumes"), QString());
    for (const CatalogVolumeInfo &v : volumes) {
        if (v.state != CatalogVolumeInfo::State::Indexed)
            continue; // search leaves missing and failed volumes out
        m_volume->addItem(shortVolumeName(v.id, v.title), v.id);
        m_volume->setItemData(m_volume->count() - 1, plainTooltip(v.title), Qt::ToolTipRole);
    }
    m_volume->setCurrentIndex(std::max(0, m_volume->findData(current)));
}

void CatalogFilterBar::setTags(const QStringList &tags)
{
    // Items: "" any document, "*" any annotation, else "#" + the tag's name.
    const QString current = m_annotations->currentData().toString();
    const QSignalBlocker quiet(m_annotations);
    m_annotations->clear();
    m_annotations->addItem(tr("With or without my annotations"), QString());
    m_annotations->addItem(tr("With my annotations"), QStringLiteral("*"));
    for (const QString &tag : tags) {
        m_annotations->addItem(tr("Tagged “%1”").arg(tag), QString(QLatin1Char('#') + tag));
        m_annotations->setItemData(m_annotations->count() - 1, plainTooltip(tag), Qt::ToolTipRole);
    }
    m_annotations->setCurrentIndex(std::max(0, m_annotations->findData(current)));
}

CatalogFilterBar::AnnotationChoice CatalogFilterBar::annotationChoice() const
{
    const QString data = m_annotations->currentData().toString();
    if (data.isEmpty())
        return {};
    return {true, data.startsWith(QLatin1Char('#')) ? data.mid(1) : QString()};
}

void CatalogFilterBar::setPersons(const std::vector<CatalogPerson> &persons)
{
    m_personByLabel.clear();
    m_labelOfPerson.clear();
    QStringList labels;
    labels.reserve(qsizetype(persons.size()));
    m_personByLabel.reserve(qsizetype(persons.size()));
    m_labelOfPerson.reserve(qsizetype(persons.size()));
    const QString pattern = tr("%1 (%2)", "person: name (glossary id)");
    for (const CatalogPerson &p : persons) {
        const QString label = p.name.isEmpty() ? p.id : pattern.arg(p.name, p.id);
        labels << label;
        m_personByLabel.insert(label, p.id);
        m_labelOfPerson.insert(p.id, label);
    }
    m_personNames->setStringList(labels);
    m_personsUnreadable.clear();
}

void CatalogFilterBar::setPersonsUnreadable(const QString &message)
{
    m_personsUnreadable = message;
}

QStringList CatalogFilterBar::personsMatching(const QString &text) const
{
    if (text.isEmpty())
        return {};
    if (const auto it = m_personByLabel.constFind(text); it != m_personByLabel.cend())
        return {*it};
    if (m_labelOfPerson.contains(text))
        return {text};
    QStringList ids;
    for (auto it = m_personByLabel.cbegin(); it != m_personByLabel.cend(); ++it) {
        if (it.key().contains(text, Qt::CaseInsensitive))
            ids << it.value();
    }
    return ids;
}

QString CatalogFilterBar::personId() const
{
    const QStringList ids = personsMatching(m_person->text().trimmed());
    return ids.size() == 1 ? ids.front() : QString();
}

QString CatalogFilterBar::personProblem() const
{
    const QString text = m_person->text().trimmed();
    if (text.isEmpty())
        return {};
    const qsizetype n = personsMatching(text).size();
    if (n == 1)
        return {};
    if (n > 1)
        return tr("“%1” matches %n persons of the glossaries: choose one from the list.", nullptr, int(n)).arg(text);
    if (!m_personsUnreadable.isEmpty())
        return tr("The persons of the library could not be read: %1").arg(m_personsUnreadable);
    if (m_personByLabel.isEmpty())
        return tr("No volume of the library has a glossary of persons, so no person “%1” can be found.").arg(text);
    return tr("No person of the library's glossaries is called “%1”.").arg(text);
}

void CatalogFilterBar::personEdited()
{
    const QString text = m_person->text().trimmed();
    if (text == m_searchedPerson)
        return;
    m_searchedPerson = text;
    Q_EMIT changed();
}

void CatalogFilterBar::apply(CatalogQuery &query) const
{
    query.from = complete(m_from) ? m_from->text() : QString();
    query.to = complete(m_to) ? m_to->text() : QString();
    query.volume = m_volume->currentData().toString();
    query.kind = m_kind->currentData().toString();
    query.sort = CatalogQuery::Sort(m_sort->currentData().toInt());
    query.person = personId();
}

} // namespace marginalia
