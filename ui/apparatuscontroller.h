#pragma once

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace marginalia {

class GlossaryModel;
class GlossaryPane;
class Navigator;
class OpenLibrary;
struct Volume;

// The volume's own apparatus beside the reading: its Persons and Terms (GlossaryModel; each entry's
// mentions open their passage) for the volume on screen, and Go › Open on history.state.gov for the
// document on screen. The volume's chaptered contents are the library tree's (LibraryModel). The web
// address opens through a UrlOpener, QDesktopServices unless a test gives its own.
class ApparatusController : public QObject {
    Q_OBJECT

public:
    ApparatusController(const OpenLibrary *library, const Navigator *navigator, QWidget *window, QObject *parent = nullptr);
    ~ApparatusController() override;

    GlossaryPane *personsPane() const { return m_personsPane; }
    GlossaryPane *termsPane() const { return m_termsPane; }
    GlossaryModel *persons() const { return m_persons; }
    GlossaryModel *terms() const { return m_terms; }
    QAction *openOnWebAction() const { return m_openOnWeb; }

    using UrlOpener = std::function<bool(const QUrl &)>;
    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    // The history.state.gov address of the document on screen; empty for one that has none (a local file).
    QUrl currentWebAddress() const;

public Q_SLOTS:
    void documentShown(int volume, int document);
    void openOnWeb();

Q_SIGNALS:
    void mentionActivated(int volume, int document, int footnote, int offset, int length);

private:
    void showVolume(int volume);

    const OpenLibrary *m_library;
    const Navigator *m_navigator;
    GlossaryModel *m_persons;
    GlossaryModel *m_terms;
    GlossaryPane *m_personsPane;
    GlossaryPane *m_termsPane;
    QAction *m_openOnWeb;
    UrlOpener m_opener;
    std::shared_ptr<const Volume> m_shown; // the volume the lists were made from
};

} // namespace marginalia
