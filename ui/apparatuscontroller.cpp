#include "apparatuscontroller.h"

#include "glossarypane.h"

#include "annotation/documentkey.h"
#include "export/w3cannotations.h"
#include "library/openlibrary.h"
#include "models/glossarymodel.h"
#include "navigation/navigator.h"

#include <QAction>
#include <QDesktopServices>
#include <QWidget>

namespace marginalia {

ApparatusController::ApparatusController(const OpenLibrary *library, const Navigator *navigator, QWidget *window,
                                         QObject *parent)
    : QObject(parent), m_library(library), m_navigator(navigator),
      m_persons(new GlossaryModel(EntityRef::Person, this)), m_terms(new GlossaryModel(EntityRef::Term, this)),
      m_personsPane(new GlossaryPane(m_persons, tr("Find a person"), window)),
      m_termsPane(new GlossaryPane(m_terms, tr("Find a term"), window)),
      m_openOnWeb(new QAction(tr("Open on &history.state.gov"), this)),
      m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_personsPane->setObjectName(QStringLiteral("personsPane"));
    m_termsPane->setObjectName(QStringLiteral("termsPane"));
    m_openOnWeb->setObjectName(QStringLiteral("openOnWebAction"));
    m_openOnWeb->setToolTip(tr("Open the document on screen on the Office of the Historian's web site"));
    m_openOnWeb->setEnabled(false);
    connect(m_openOnWeb, &QAction::triggered, this, &ApparatusController::openOnWeb);
    for (GlossaryPane *pane : {m_personsPane, m_termsPane})
        connect(pane, &GlossaryPane::mentionActivated, this, &ApparatusController::mentionActivated);
    // A volume read further (a document of the library index opened) has more mentions.
    connect(library, &OpenLibrary::volumeReplaced, this, [this](int volume) {
        if (volume == m_persons->volumeIndex())
            showVolume(volume);
    });
}

ApparatusController::~ApparatusController() = default;

void ApparatusController::documentShown(int volume, int)
{
    m_openOnWeb->setEnabled(!currentWebAddress().isEmpty());
    const Library &library = m_library->library();
    if (volume != m_persons->volumeIndex() || volume >= library.size() || library.volumePtr(volume) != m_shown)
        showVolume(volume);
}

void ApparatusController::showVolume(int volume)
{
    const Library &library = m_library->library();
    m_shown = volume >= 0 && volume < library.size() ? library.volumePtr(volume) : nullptr;
    m_persons->setVolume(volume, m_shown.get());
    m_terms->setVolume(volume, m_shown.get());
}

QUrl ApparatusController::currentWebAddress() const
{
    const ReaderPosition current = m_navigator->current();
    if (!current.valid())
        return {};
    return QUrl(historyStateGovUrl(documentKey(m_library->library(), current.volume, current.document)));
}

void ApparatusController::openOnWeb()
{
    const QUrl url = currentWebAddress();
    if (!url.isEmpty())
        m_opener(url);
}

} // namespace marginalia
