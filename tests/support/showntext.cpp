#include "showntext.h"

#include <QTextBlock>
#include <QTextDocument>

namespace marginalia::test {

QString shownText(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

bool showsAnImage(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return false;
    QTextDocument doc;
    doc.setHtml(text); // parsing does not load the image; only a layout would
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                return true;
        }
    }
    return false;
}

} // namespace marginalia::test
