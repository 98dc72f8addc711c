#include "volumeopener.h"

#include "plaintext.h"

#include "library/openlibrary.h"
#include "library/volumeloadjob.h"
#include "navigation/navigator.h"
#include "parse/teiparser.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

#include <utility>

namespace marginalia {

namespace {

const QString kRecentKey = QStringLiteral("files/recent");
constexpr int kMaxRecent = 10;

bool isBundled(const QString &file)
{
    return file.startsWith(QLatin1Char(':'));
}

} // namespace

VolumeOpener::VolumeOpener(OpenLibrary *library, Navigator *navigator, QSettings *settings, QWidget *window,
                           QObject *parent)
    : QObject(parent), m_library(library), m_navigator(navigator), m_settings(settings), m_window(window)
{
}

VolumeOpener::~VolumeOpener()
{
    delete m_job;
}

QStringList VolumeOpener::recentFiles() const
{
    return m_settings->value(kRecentKey).toStringList();
}

void VolumeOpener::open(const QStringList &files, const QString &documentId, const QString &target)
{
    if (files.isEmpty() || isBusy())
        return;
    m_queue = files;
    m_documentId = documentId;
    m_target = target;
    m_firstVolume = -1;
    startNext();
}

// One dialog per file, there only while that file is read: whatever is said about the file afterwards
// (it failed, it opened with a warning) takes its place rather than standing under it.
void VolumeOpener::showProgress(const QString &file)
{
    if (!m_interactive || !m_window)
        return;
    const QString label = tr("Opening %1…").arg(QFileInfo(file).fileName());
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, 1000, m_window);
    m_progress->setWindowTitle(tr("Opening"));
    usePlainLabel(m_progress, label); // it names the file
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400); // small files open without a flash of a dialog
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &VolumeOpener::cancel);
    m_progress->setValue(0); // starts the wait before it shows
}

void VolumeOpener::closeProgress()
{
    if (!m_progress)
        return;
    disconnect(m_progress, nullptr, this, nullptr);
    // cancel() both hides it and stops the timer that would otherwise bring it up, 400 ms after it
    // started, over a message box that a deferred delete (not run in the box's own loop) leaves it under.
    m_progress->cancel();
    std::exchange(m_progress, nullptr)->deleteLater();
}

void VolumeOpener::startNext()
{
    if (m_queue.isEmpty()) {
        finishRequest();
        return;
    }
    const QString file = m_queue.takeFirst();
    m_job = new VolumeLoadJob(file, this);
    std::vector<std::shared_ptr<const Volume>> open;
    for (int v = 0; v < m_library->library().size(); ++v)
        open.push_back(m_library->library().volumePtr(v));
    m_job->setOpenVolumes(std::move(open)); // a text copy is read by the document of an open volume it repeats
    showProgress(file);
    connect(m_job, &VolumeLoadJob::progress, this, [this](int perMille) {
        if (m_progress)
            m_progress->setValue(perMille);
    });
    // A volume opened after copies of its documents: they are read again by it, in their places.
    connect(m_job, &VolumeLoadJob::copiesReread, this, [this](const std::vector<TextCopyRereading> &copies) {
        for (const TextCopyRereading &copy : copies)
            m_library->replace(copy.copy, copy.read);
    });
    connect(m_job, &VolumeLoadJob::loaded, this, [this, file](std::shared_ptr<const Volume> volume) {
        std::exchange(m_job, nullptr)->deleteLater();
        closeProgress();
        remember(file);
        reportWarnings(*volume);
        onLoaded(m_library->add(std::move(volume)));
    });
    connect(m_job, &VolumeLoadJob::failed, this, [this](const Error &error) {
        std::exchange(m_job, nullptr)->deleteLater();
        closeProgress();
        onFailed(error);
    });
    m_job->start();
}

void VolumeOpener::onLoaded(int volumeIndex)
{
    if (m_firstVolume < 0)
        m_firstVolume = volumeIndex;
    startNext();
}

void VolumeOpener::onFailed(const Error &error)
{
    const bool cancelled = error.message == TeiParser::cancelledMessage();
    if (cancelled) {
        m_queue.clear();
    } else {
        Q_EMIT failed(error);
        if (m_interactive && m_window)
            showPlainMessage(m_window, QMessageBox::Warning, tr("Cannot open"),
                             tr("This file could not be opened:\n\n%1").arg(error.toString()));
    }
    startNext();
}

void VolumeOpener::enqueue(const QStringList &files, const QString &documentId)
{
    if (files.isEmpty())
        return;
    if (isBusy())
        m_waiting.append({files, documentId});
    else
        open(files, documentId);
}

void VolumeOpener::cancel()
{
    m_queue.clear();
    if (m_job)
        m_job->cancel();
}

bool VolumeOpener::close(int volume)
{
    if (isBusy()) // the request under way holds the index of the first volume it opened
        return false;
    return m_library->close(volume);
}

bool VolumeOpener::closeShown()
{
    return close(m_navigator->current().volume);
}

void VolumeOpener::finishRequest()
{
    closeProgress();
    if (!m_target.isEmpty() && m_firstVolume >= 0) {
        m_navigator->followTarget(m_target);
    } else if (m_firstVolume >= 0) {
        const Library &library = m_library->library();
        int volume = m_firstVolume;
        int document = m_documentId.isEmpty() ? 0 : -1;
        for (int v = 0; v < library.size() && document < 0; ++v) {
            const int d = library.volume(v).documentIndex(m_documentId);
            if (d >= 0) {
                volume = v;
                document = d;
            }
        }
        if (document < 0) {
            const Error missing{QString(), 0, 0, tr("There is no document \"%1\" in the files opened.").arg(m_documentId)};
            Q_EMIT failed(missing);
            if (m_interactive && m_window)
                showPlainMessage(m_window, QMessageBox::Warning, tr("No such document"), missing.message);
            document = 0;
        }
        if (!library.volume(volume).documents.empty())
            m_navigator->openDocument(volume, document);
    }
    m_target.clear();
    m_documentId.clear();
    Q_EMIT finished();
    if (!m_waiting.isEmpty() && !isBusy()) {
        const auto [files, documentId] = m_waiting.takeFirst();
        open(files, documentId);
    }
}

void VolumeOpener::reportWarnings(const Volume &volume)
{
    if (volume.warnings.empty())
        return;
    QStringList lines;
    for (const Error &warning : volume.warnings) {
        Q_EMIT warned(warning);
        lines << warning.toString();
    }
    if (m_interactive && m_window) {
        showPlainMessage(m_window, QMessageBox::Information, tr("Opened with a warning"),
                         tr("The file opened, but not everything in it could be read as intended:\n\n%1")
                             .arg(lines.join(QLatin1Char('\n'))));
    }
}

void VolumeOpener::remember(const QString &file)
{
    if (isBundled(file))
        return;
    const QString path = QFileInfo(file).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings->setValue(kRecentKey, recent);
    Q_EMIT recentFilesChanged();
}

} // namespace marginalia
