#pragma once

#include <QDialog>

class QTextBrowser;

namespace marginalia {

// Help › Marginalia Help: the user guide bundled in the resources (qrc:/help/guide.html), read without
// any network; links within it move through it, and it never loads anything from outside.
class HelpWindow : public QDialog {
    Q_OBJECT

public:
    explicit HelpWindow(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace marginalia
