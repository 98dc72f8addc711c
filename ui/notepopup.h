#pragma once

#include "render/links.h"

#include <QFrame>

class QLabel;

namespace marginalia {

// A footnote shown where the pointer rests on its marker; its links stay live.
class NotePopup : public QFrame {
    Q_OBJECT

public:
    explicit NotePopup(QWidget *parent = nullptr);

    // `html` is made by footnoteHtml(): model text escaped, links only of the renderer's own scheme.
    void showNote(const QString &html, const QPoint &globalPos);
    QString html() const;

Q_SIGNALS:
    void linkActivated(const marginalia::LinkTarget &target);

protected:
    void leaveEvent(QEvent *event) override;

private:
    QLabel *m_label;
};

} // namespace marginalia
