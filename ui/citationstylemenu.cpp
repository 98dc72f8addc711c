#include "citationstylemenu.h"

#include "readercontroller.h"

#include "util/translate.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>

#include <utility>

namespace marginalia {

QMenu *addCitationStyleMenu(QMenu *menu, ReaderController *controller)
{
    QMenu *styles = menu->addMenu(Tr::tr("Citation &Style"));
    styles->setObjectName(QStringLiteral("citationStyleMenu"));
    auto *group = new QActionGroup(styles);
    const std::pair<QString, std::optional<CitationStyle>> choices[] = {
        {Tr::tr("&Short (FRUS 1961–63, vol. IX, Doc. 317, p. 704)"), std::nullopt},
        {Tr::tr("&Office of the Historian"), CitationStyle::Hsg},
        {Tr::tr("Chicago &Note"), CitationStyle::ChicagoNote},
        {Tr::tr("Chicago &Bibliography"), CitationStyle::ChicagoBibliography}};
    for (const auto &[label, choice] : choices) {
        QAction *a = styles->addAction(label);
        a->setObjectName(QStringLiteral("citationStyle-%1").arg(choice ? citationStyleName(*choice) : QStringLiteral("short")));
        a->setCheckable(true);
        a->setChecked(controller->citationStyle() == choice);
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, controller, [controller, choice = choice] { controller->setCitationStyle(choice); });
    }
    return styles;
}

} // namespace marginalia
