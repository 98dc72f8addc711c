#pragma once

#include "render/links.h"
#include "render/renderedtext.h"

#include <QTextBrowser>

namespace marginalia {

// The notes of the document on screen, beside it: the source note first, then each footnote with its
// back link. One note at a time can be current: it is highlighted and kept in view.
class FootnotePane : public QTextBrowser {
    Q_OBJECT

public:
    explicit FootnotePane(QWidget *parent = nullptr);

    // Takes the rendered notes (the pane becomes the QTextDocument's parent).
    void showNotes(RenderedText notes);
    void setCurrentFootnote(int footnote);
    int currentFootnote() const { return m_current; }
    int footnoteCount() const { return int(m_map.notes.size()); }
    // Whether the whole first line of a note is on screen.
    bool isFootnoteVisible(int footnote) const;
    // The footnote whose entry holds a document position (for tests and clicks); -1 for none.
    int footnoteAtPosition(int position) const;

Q_SIGNALS:
    void linkActivated(const marginalia::LinkTarget &target);

private:
    void updateHighlight();
    int positionOfNote(int footnote) const;

    RenderedText m_map;
    int m_current = -1;
};

} // namespace marginalia
