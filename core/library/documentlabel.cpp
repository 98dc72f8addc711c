#include "documentlabel.h"

#include "model/document.h"
#include "model/documentnumber.h"
#include "util/translate.h"

namespace marginalia {

QString documentTitle(const Document &doc)
{
    return withoutOwnNumber(doc.title, doc.number);
}

QString documentLabel(const Document &doc)
{
    const QString number = normalDocumentNumber(doc.number);
    const QString title = documentTitle(doc);
    if (number.isEmpty())
        return title;
    if (title.isEmpty())
        return number;
    //: A document in the library tree: its number and its title, "317. Letter From …".
    return Tr::tr("%1. %2").arg(number, title);
}

} // namespace marginalia
