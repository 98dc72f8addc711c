#pragma once

#include "store/syncledger.h"

#include <QDialog>

#include <vector>

class QListWidget;
class QPushButton;

namespace marginalia {

// An annotation's earlier versions: the notes, colours and tags that lost a conflict in a team sync (an
// edit elsewhere was newer), each with who wrote it, when, and why it was replaced. Restore This
// Version asks for it back, as a new edit (which is undone like any other and wins the next sync).
class AnnotationHistoryDialog : public QDialog {
    Q_OBJECT

public:
    AnnotationHistoryDialog(const QString &quote, std::vector<HistoryEntry> versions, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *restoreButton() const { return m_restore; }

Q_SIGNALS:
    void restoreRequested(const marginalia::HistoryEntry &version);

private:
    std::vector<HistoryEntry> m_versions;
    QListWidget *m_list;
    QPushButton *m_restore;
};

} // namespace marginalia
