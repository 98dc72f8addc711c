#include "pdffonts.h"

#include "pdftounicode.h"

#include <QByteArray>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <optional>
#include <set>
#include <string>

namespace marginalia {

namespace {

using Handle = QPDFObjectHandle;

QByteArray bytesOf(const std::shared_ptr<Buffer> &data)
{
    return QByteArray(reinterpret_cast<const char *>(data->getBuffer()), qsizetype(data->getSize()));
}

void fixToUnicode(Handle font, std::set<QPDFObjGen> &done)
{
    Handle map = font.getKey("/ToUnicode");
    if (!map.isStream() || !done.insert(map.getObjGen()).second)
        return;
    if (const std::optional<QByteArray> fixed = toUnicodeWithSpaces(bytesOf(map.getStreamData(qpdf_dl_generalized))))
        map.replaceStreamData(fixed->toStdString(), Handle::newNull(), Handle::newNull());
}

} // namespace

void fixFonts(QPDF &pdf)
{
    std::set<QPDFObjGen> maps;
    for (Handle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Type").isNameAndEquals("/Font"))
            continue;
        // A CIDFont is reached through its Type 0 font, which names it too.
        if (object.getKey("/Subtype").isNameAndEquals("/CIDFontType2")
            || object.getKey("/Subtype").isNameAndEquals("/CIDFontType0"))
            continue;
        fixToUnicode(object, maps);
    }
}

} // namespace marginalia
