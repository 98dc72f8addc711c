#include "pdfreadback.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <gtest/gtest.h>

#include <algorithm>

namespace marginalia::test {

std::unique_ptr<Poppler::Document> openPdf(const QString &path)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
    EXPECT_TRUE(doc && !doc->isLocked()) << "Poppler cannot open " << path.toStdString();
    return doc;
}

namespace {

bool isWebUri(const std::string &uri)
{
    const QString value = QString::fromStdString(uri).trimmed().toLower();
    return value.startsWith(QLatin1String("http://")) || value.startsWith(QLatin1String("https://"));
}

void checkObject(QPDFObjectHandle object, const std::string &where, QStringList &found);

void checkDictionary(QPDFObjectHandle dict, const std::string &where, QStringList &found)
{
    for (const char *key : {"/JS", "/AA", "/OpenAction", "/JavaScript", "/Launch"}) {
        if (dict.hasKey(key))
            found.append(QString::fromStdString(where + ' ' + key));
    }
    QPDFObjectHandle action = dict.getKey("/S");
    if (action.isName() && action.getName() != "/GoTo" && action.getName() != "/URI")
        found.append(QString::fromStdString(where + " action " + action.getName()));
    QPDFObjectHandle uri = dict.getKey("/URI");
    if (uri.isString() && !isWebUri(uri.getStringValue()))
        found.append(QString::fromStdString(where + " URI " + uri.getStringValue()));
    for (const auto &[key, value] : dict.getDictAsMap())
        checkObject(value, where, found);
}

// Direct objects inside an object (an annotation's /A action); indirect ones are visited on their own.
void checkObject(QPDFObjectHandle object, const std::string &where, QStringList &found)
{
    if (object.isIndirect())
        return;
    if (object.isDictionary())
        checkDictionary(object, where, found);
    else if (object.isArray())
        for (QPDFObjectHandle item : object.getArrayAsVector())
            checkObject(item, where, found);
}

} // namespace

QStringList unsafeObjects(const QString &path)
{
    QStringList found;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(QFile::encodeName(path).constData());
        for (QPDFObjectHandle object : pdf.getAllObjects()) {
            if (object.isStream())
                object = object.getDict();
            if (object.isDictionary())
                checkDictionary(object, object.getObjGen().unparse(' '), found);
        }
    } catch (const std::exception &e) {
        ADD_FAILURE() << "qpdf cannot read " << path.toStdString() << ": " << e.what();
    }
    return found;
}

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        ADD_FAILURE() << "pdftotext failed on " << path.toStdString() << ": " << process.errorString().toStdString();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

PdfObjects dumpPdf(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("python3"), {QStringLiteral(MARGINALIA_PDFDUMP), path});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        ADD_FAILURE() << "pdfdump.py failed on " << path.toStdString() << ": "
                      << process.readAllStandardError().toStdString() << process.errorString().toStdString();
        return {};
    }
    const QJsonObject dump = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    PdfObjects out;
    const QJsonObject objects = dump.value(QStringLiteral("objects")).toObject();
    for (auto it = objects.begin(); it != objects.end(); ++it)
        out.objects[it.key()] = it.value().toString();
    const QJsonObject streams = dump.value(QStringLiteral("streams")).toObject();
    for (auto it = streams.begin(); it != streams.end(); ++it)
        out.streams[it.key()] = it.value().toString().toLatin1();
    EXPECT_FALSE(out.objects.empty()) << path.toStdString();
    return out;
}

QImage renderPage(const QString &path, int page, int dpi, bool annotations)
{
    QTemporaryDir dir;
    const QString prefix = dir.filePath(QStringLiteral("page"));
    QStringList arguments{QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"),
                          QString::number(page + 1), QStringLiteral("-l"), QString::number(page + 1),
                          QStringLiteral("-singlefile")};
    if (!annotations)
        arguments << QStringLiteral("-hide-annotations");
    arguments << path << prefix;
    QProcess process;
    process.start(QStringLiteral("pdftoppm"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        ADD_FAILURE() << "pdftoppm failed on " << path.toStdString() << ": " << process.errorString().toStdString();
        return {};
    }
    QImage image(prefix + QStringLiteral(".png"));
    EXPECT_FALSE(image.isNull());
    return image.convertToFormat(QImage::Format_RGB32);
}

QRectF toPoints(const QRectF &normalised, const QSizeF &pageSize)
{
    return QRectF(normalised.x() * pageSize.width(), normalised.y() * pageSize.height(),
                  normalised.width() * pageSize.width(), normalised.height() * pageSize.height());
}

QRectF quadRect(const Poppler::HighlightAnnotation::Quad &quad, const QSizeF &pageSize)
{
    // Corner points are empty rectangles, which QRectF::united ignores: take the extremes by hand.
    double left = 1, top = 1, right = 0, bottom = 0;
    for (const QPointF &p : quad.points) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    return toPoints(QRectF(QPointF(left, top), QPointF(right, bottom)), pageSize);
}

} // namespace marginalia::test
