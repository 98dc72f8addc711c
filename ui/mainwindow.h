#pragma once

#include <QMainWindow>

class QLabel;
class QTextBrowser;

namespace marginalia {

struct Document;
struct Volume;

// The application window. Until the reader window exists it shows one document's reading text.
// It only displays what it is given; loading and choosing documents happen in app/main.cpp.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Shows `doc` of `volume`; both must outlive the call only (the text is copied).
    void showDocument(const Volume &volume, const Document &doc);
    // Shows that nothing could be opened.
    void showNothing();

private:
    QTextBrowser *m_text = nullptr;
    QLabel *m_source = nullptr;
};

} // namespace marginalia
