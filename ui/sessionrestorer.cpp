#include "sessionrestorer.h"

#include "sessionrecorder.h"
#include "volumeopener.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <memory>
#include <utility>

namespace marginalia {

SessionRestorer::SessionRestorer(VolumeOpener *opener, SessionRecorder *recorder, QWidget *window, QObject *parent)
    : QObject(parent), m_opener(opener), m_recorder(recorder), m_window(window)
{
}

void SessionRestorer::restore(const QStringList &files, const QString &documentId, const QStringList &standIn)
{
    QStringList present;
    m_missing.clear();
    for (const QString &file : files)
        (QFileInfo::exists(file) ? present : m_missing) << file;
    m_recorder->keepMissing(m_missing);
    const bool documentThere = !files.isEmpty() && present.contains(files.first());
    m_documentFile = documentThere || files.isEmpty() ? QString() : files.first();
    m_documentId = documentId;
    if (m_missing.isEmpty()) {
        m_opener->open(files, documentId);
        return;
    }
    if (present.isEmpty())
        m_opener->open(standIn);
    else
        // The session's document is asked for only from its own file: from the others it would be "no such document".
        m_opener->open(present, documentThere ? documentId : QString());
    if (m_interactive && m_window)
        askWhenOpened();
    else
        Q_EMIT missing(std::exchange(m_missing, {}));
}

// The next question once what the opener reads now is in (it takes one request at a time, and its
// results come later, from its worker); out of its signal, so the dialog does not run inside the emission.
void SessionRestorer::askWhenOpened()
{
    if (!m_opener->isBusy()) {
        QTimer::singleShot(0, this, &SessionRestorer::askNext);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_opener, &VolumeOpener::finished, this, [this, connection] {
        disconnect(*connection);
        QTimer::singleShot(0, this, &SessionRestorer::askNext);
    });
}

void SessionRestorer::askNext()
{
    if (m_missing.isEmpty())
        return;
    const QString file = m_missing.takeFirst();
    const QString name = QFileInfo(file).fileName();
    QMessageBox box(QMessageBox::Warning, tr("File not found"),
                    tr("“%1”, open in your last session, is no longer where it was:\n\n%2\n\n"
                       "The rest of the session is open. If the file was moved, locate it to open it again; "
                       "if you no longer need it, remove it from the session.")
                        .arg(name, QDir::toNativeSeparators(file)),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("missingFileBox"));
    box.setTextFormat(Qt::PlainText); // it names a file
    QPushButton *locate = box.addButton(tr("&Locate…"), QMessageBox::AcceptRole);
    QPushButton *remove = box.addButton(tr("&Remove from Session"), QMessageBox::DestructiveRole);
    QPushButton *later = box.addButton(tr("Not &Now"), QMessageBox::RejectRole);
    later->setToolTip(tr("Keep it in the session and ask again at the next start"));
    box.setDefaultButton(locate);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == remove) {
        m_recorder->forget(file);
    } else if (box.clickedButton() == locate) {
        const QString dir = QFileInfo(file).absoluteDir().exists() ? QFileInfo(file).absolutePath() : QDir::homePath();
        const QString found = QFileDialog::getOpenFileName(
            m_window, tr("Locate %1").arg(name), dir,
            tr("FRUS documents (*.xml *.txt);;TEI volumes (*.xml);;Text copies of document pages (*.txt);;All files (*)"));
        if (!found.isEmpty()) {
            m_recorder->forget(file);
            m_opener->open({found}, file == m_documentFile ? m_documentId : QString());
            askWhenOpened();
            return;
        }
    }
    askNext();
}

} // namespace marginalia
