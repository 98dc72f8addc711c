#include "pdffonts.h"

#include "pdftounicode.h"

#include <QByteArray>
#include <QCryptographicHash>

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

// The font descriptor of a font: its own, or its descendant's (a Type 0 font's CIDFont).
Handle descriptorOf(Handle font, Handle &descendant)
{
    Handle descendants = font.getKey("/DescendantFonts");
    if (descendants.isArray() && descendants.getArrayNItems() > 0)
        descendant = descendants.getArrayItem(0);
    Handle own = font.getKey("/FontDescriptor");
    if (own.isDictionary())
        return own;
    return descendant.isDictionary() ? descendant.getKey("/FontDescriptor") : Handle::newNull();
}

bool hasSubsetTag(const std::string &name)
{
    // "/ABCDEF+Name"
    if (name.size() < 9 || name[7] != '+')
        return false;
    for (std::size_t i = 1; i < 7; ++i) {
        if (name[i] < 'A' || name[i] > 'Z')
            return false;
    }
    return true;
}

// Six capitals from the embedded font program: the same subset gets the same tag.
std::string subsetTag(Handle descriptor)
{
    QCryptographicHash hash(QCryptographicHash::Md5);
    for (const char *key : {"/FontFile2", "/FontFile3", "/FontFile"}) {
        Handle file = descriptor.getKey(key);
        if (file.isStream())
            hash.addData(bytesOf(file.getRawStreamData()));
    }
    const QByteArray digest = hash.result();
    std::string tag;
    for (int i = 0; i < 6; ++i)
        tag += char('A' + static_cast<unsigned char>(digest[i]) % 26);
    return tag;
}

// "/DejaVuSerif" → "/ABCDEF+DejaVuSerif"
void tagName(Handle dict, const char *key, const std::string &tag)
{
    Handle name = dict.getKey(key);
    if (name.isName() && !hasSubsetTag(name.getName()))
        dict.replaceKey(key, Handle::newName("/" + tag + "+" + name.getName().substr(1)));
}

void tagSubset(Handle font, std::set<QPDFObjGen> &done)
{
    Handle descendant = Handle::newNull();
    Handle descriptor = descriptorOf(font, descendant);
    if (!descriptor.isDictionary() || !done.insert(descriptor.getObjGen()).second)
        return;
    // Only an embedded font is a subset; a font the viewer must supply keeps its plain name.
    if (!descriptor.hasKey("/FontFile2") && !descriptor.hasKey("/FontFile3") && !descriptor.hasKey("/FontFile"))
        return;
    const std::string tag = subsetTag(descriptor);
    tagName(descriptor, "/FontName", tag);
    tagName(font, "/BaseFont", tag);
    if (descendant.isDictionary())
        tagName(descendant, "/BaseFont", tag);
}

} // namespace

void fixFonts(QPDF &pdf)
{
    std::set<QPDFObjGen> maps;
    std::set<QPDFObjGen> descriptors;
    for (Handle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Type").isNameAndEquals("/Font"))
            continue;
        // A CIDFont is reached through its Type 0 font, which names it too.
        if (object.getKey("/Subtype").isNameAndEquals("/CIDFontType2")
            || object.getKey("/Subtype").isNameAndEquals("/CIDFontType0"))
            continue;
        fixToUnicode(object, maps);
        tagSubset(object, descriptors);
    }
}

} // namespace marginalia
