#include "helpwindow.h"

#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace marginalia {

HelpWindow::HelpWindow(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("helpWindow"));
    setWindowTitle(tr("Marginalia Help"));
    m_browser->setOpenExternalLinks(false);
    m_browser->setOpenLinks(false);
    // Only the guide's own pages and places: anything else is not followed (no network).
    connect(m_browser, &QTextBrowser::anchorClicked, m_browser, [this](const QUrl &url) {
        const QUrl target = m_browser->source().resolved(url);
        if (target.scheme() == QLatin1String("qrc"))
            m_browser->setSource(target);
    });
    m_browser->setSource(QUrl(QStringLiteral("qrc:/help/guide.html")));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    resize(680, 720);
}

} // namespace marginalia
