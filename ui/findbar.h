#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTextEdit;

namespace marginalia {

// Find in the document on screen (Ctrl+F): type to find, Enter for the next, Shift+Enter for the
// previous, Escape to close. It moves the view's selection, nothing else.
class FindBar : public QWidget {
    Q_OBJECT

public:
    explicit FindBar(QTextEdit *view, QWidget *parent = nullptr);

    void open();
    bool findNext(bool backward = false);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QTextEdit *m_view;
    QLineEdit *m_text;
    QLabel *m_status;
};

} // namespace marginalia
