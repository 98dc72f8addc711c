#include "pdfmetadata.h"

#include <QCryptographicHash>
#include <QString>
#include <QStringList>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <set>
#include <string>

namespace marginalia {

namespace {

using Handle = QPDFObjectHandle;

Handle text(const QString &value) { return Handle::newUnicodeString(value.toStdString()); }

// "D:20240131120000Z"
std::string pdfDate(const QDateTime &when)
{
    const QString date = QStringLiteral("D:") + when.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
    return date.toStdString();
}

// When the file was made: the composer's date, else now (to the second, as both forms hold it).
QDateTime madeAt(const PdfGeometry &g)
{
    if (g.date.isValid())
        return g.date.toUTC();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute(), now.time().second()), Qt::UTC);
}

QString xml(const QString &value) { return value.toHtmlEscaped(); }

// The XMP packet: what the information dictionary says, in the form archives (PDF/A) and Acrobat read.
std::string xmpPacket(const PdfGeometry &g)
{
    const QString date = madeAt(g).toString(Qt::ISODate);
    QString subjects;
    for (const QString &keyword : g.keywords)
        subjects += QStringLiteral("<rdf:li>%1</rdf:li>").arg(xml(keyword));
    QString packet = QStringLiteral(
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
    packet += QStringLiteral("<dc:format>application/pdf</dc:format>\n");
    packet += QStringLiteral("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n")
                  .arg(xml(g.title));
    if (!g.subject.isEmpty()) {
        packet += QStringLiteral(
                      "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:description>\n")
                      .arg(xml(g.subject));
    }
    if (!subjects.isEmpty())
        packet += QStringLiteral("<dc:subject><rdf:Bag>%1</rdf:Bag></dc:subject>\n").arg(subjects);
    if (!g.source.isEmpty())
        packet += QStringLiteral("<dc:source>%1</dc:source>\n").arg(xml(g.source));
    packet += QStringLiteral("<dc:language><rdf:Bag><rdf:li>%1</rdf:li></rdf:Bag></dc:language>\n")
                  .arg(QLatin1String(kPdfLanguage));
    packet += QStringLiteral("<xmp:CreateDate>%1</xmp:CreateDate>\n<xmp:ModifyDate>%1</xmp:ModifyDate>\n"
                             "<xmp:MetadataDate>%1</xmp:MetadataDate>\n<xmp:CreatorTool>Marginalia</xmp:CreatorTool>\n")
                  .arg(date);
    if (!g.keywords.isEmpty())
        packet += QStringLiteral("<pdf:Keywords>%1</pdf:Keywords>\n").arg(xml(g.keywords.join(QStringLiteral(", "))));
    packet += QStringLiteral("<pdf:Producer>Marginalia (Qt, qpdf)</pdf:Producer>\n");
    packet += QStringLiteral("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
    return packet.toStdString();
}

void setInfo(QPDF &pdf, const PdfGeometry &geometry)
{
    Handle trailer = pdf.getTrailer();
    // A new dictionary: QPdfWriter's holds its own dates and title, which would disagree with the XMP.
    Handle info = pdf.makeIndirectObject(Handle::newDictionary());
    trailer.replaceKey("/Info", info);
    if (!geometry.title.isEmpty())
        info.replaceKey("/Title", text(geometry.title));
    if (!geometry.subject.isEmpty())
        info.replaceKey("/Subject", text(geometry.subject));
    if (!geometry.keywords.isEmpty())
        info.replaceKey("/Keywords", text(geometry.keywords.join(QStringLiteral(", "))));
    info.replaceKey("/Creator", text(QStringLiteral("Marginalia")));
    info.replaceKey("/Producer", text(QStringLiteral("Marginalia (Qt, qpdf)")));
    info.replaceKey("/CreationDate", Handle::newString(pdfDate(madeAt(geometry))));
    info.replaceKey("/ModDate", Handle::newString(pdfDate(madeAt(geometry))));
}

void setXmp(QPDF &pdf, const PdfGeometry &geometry)
{
    Handle stream = pdf.newStream(xmpPacket(geometry));
    stream.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
    stream.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
    pdf.getRoot().replaceKey("/Metadata", stream);
}

// An MD5 of every object but QPdfWriter's information dictionary and XMP (which hold the date and a
// random id), in object order: QPdfWriter numbers the objects the same way for the same content.
std::string contentId(QPDF &pdf)
{
    std::set<QPDFObjGen> skipped;
    if (Handle info = pdf.getTrailer().getKey("/Info"); info.isIndirect())
        skipped.insert(info.getObjGen());
    if (Handle xmp = pdf.getRoot().getKey("/Metadata"); xmp.isIndirect())
        skipped.insert(xmp.getObjGen());
    QCryptographicHash hash(QCryptographicHash::Md5);
    for (Handle object : pdf.getAllObjects()) {
        if (skipped.contains(object.getObjGen()))
            continue;
        if (object.isStream()) {
            hash.addData(QByteArrayView(object.getDict().unparse()));
            const std::shared_ptr<Buffer> data = object.getRawStreamData();
            hash.addData(QByteArrayView(data->getBuffer(), qsizetype(data->getSize())));
        } else {
            hash.addData(QByteArrayView(object.unparse()));
        }
    }
    const QByteArray digest = hash.result();
    return digest.toStdString();
}

} // namespace

void setMetadata(QPDF &pdf, const PdfGeometry &geometry)
{
    pdf.getRoot().replaceKey("/Lang", Handle::newString(kPdfLanguage));
    // The permanent identifier first, without QPdfWriter's dated objects, before ours are made.
    const std::string id = contentId(pdf);
    pdf.getTrailer().replaceKey("/ID", Handle::newArray({Handle::newString(id), Handle::newString(id)}));
    setInfo(pdf, geometry);
    setXmp(pdf, geometry);
}

} // namespace marginalia
