// The PDF objects QPdfWriter cannot write, added with qpdf: qpdf edits an existing file's object graph
// and writes it back out faithfully, which is all this step needs. (Poppler-Qt6 can add annotations too,
// but its writer knows neither outlines nor link annotations, and its Link objects are read-only.)

#include "pdfobjects.h"

#include "fileio/outputfile.h"
#include "pdfactualtext.h"
#include "pdffonts.h"
#include "pdfmetadata.h"
#include "util/translate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

// qpdf 11 warns unless told that no code here uses its old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <map>
#include <stdexcept>
#include <string>

namespace marginalia {

namespace {

using Handle = QPDFObjectHandle;

// The opacity of a highlight's appearance, the only place its colour is painted: the page content has
// none, so that hiding or deleting the annotation leaves no band. Multiply keeps the text black.
constexpr double highlightOpacity = 0.75;

std::string utf8(const QString &text) { return text.toStdString(); }

// Hundredths of a point are finer than any printer; colours need four places to come back as the same byte.
Handle real(double value, int places = 2) { return Handle::newReal(value, places); }

Handle rgb(const QColor &color)
{
    return Handle::newArray({real(color.redF(), 4), real(color.greenF(), 4), real(color.blueF(), 4)});
}

Handle name(const char *value) { return Handle::newName(value); }

Handle text(const QString &value) { return Handle::newUnicodeString(utf8(value)); }

// A page's user space: the geometry's top-left origin becomes the MediaBox's bottom-left one.
struct PageSpace {
    Handle page;
    double left = 0;
    double top = 0;

    double x(double fromLeft) const { return left + fromLeft; }
    double y(double fromTop) const { return top - fromTop; }
    // [llx lly urx ury] of a top-left rectangle.
    Handle rect(const QRectF &r) const
    {
        return Handle::newArray({real(x(r.left())), real(y(r.bottom())), real(x(r.right())), real(y(r.top()))});
    }
};

std::vector<PageSpace> pageSpaces(QPDF &pdf)
{
    std::vector<PageSpace> spaces;
    for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        const Handle::Rectangle box = page.getMediaBox().getArrayAsRectangle();
        spaces.push_back(PageSpace{page.getObjectHandle(), box.llx, box.ury});
    }
    return spaces;
}

// The page's /Annots array, made when the page has none.
Handle annotsOf(Handle page)
{
    Handle annots = page.getKey("/Annots");
    if (!annots.isArray())
        annots = page.replaceKeyAndGetNew("/Annots", Handle::newArray());
    return annots;
}

// ISO 8601 → a PDF date ("D:20240131120000Z"); empty when it does not parse.
QString pdfDate(const QString &iso)
{
    QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(iso, Qt::ISODate);
    if (!when.isValid())
        return {};
    return QStringLiteral("D:") + when.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
}

// Upper-left, upper-right, lower-left, lower-right of every line: the order Acrobat writes and Okular,
// Evince and pdf.js read (the specification's figure shows another, which nobody follows).
Handle quadPoints(const PageSpace &space, const std::vector<QRectF> &lines)
{
    Handle quads = Handle::newArray();
    for (const QRectF &line : lines) {
        for (const QPointF &corner : {line.topLeft(), line.topRight(), line.bottomLeft(), line.bottomRight()}) {
            quads.appendItem(real(space.x(corner.x())));
            quads.appendItem(real(space.y(corner.y())));
        }
    }
    return quads;
}

// A translucent fill over the lines, so that viewers that do not synthesise appearances show it too.
Handle highlightAppearance(QPDF &pdf, const PageSpace &space, const PdfGeometry::Highlight &h, const QRectF &bounds)
{
    Handle color = rgb(h.color);
    std::string content = "/GS0 gs";
    for (int i = 0; i < 3; ++i)
        content += ' ' + color.getArrayItem(i).unparse();
    content += " rg\n";
    for (const QRectF &line : h.lines) {
        content += real(space.x(line.left())).unparse() + ' ' + real(space.y(line.bottom())).unparse() + ' '
            + real(line.width()).unparse() + ' ' + real(line.height()).unparse() + " re\n";
    }
    content += "f\n";
    Handle state = Handle::newDictionary();
    state.replaceKey("/Type", name("/ExtGState"));
    state.replaceKey("/BM", name("/Multiply"));
    state.replaceKey("/ca", real(highlightOpacity));
    Handle resources = Handle::newDictionary();
    resources.replaceKey("/ExtGState", Handle::newDictionary({{"/GS0", state}}));
    Handle form = pdf.newStream(content);
    Handle dict = form.getDict();
    dict.replaceKey("/Type", name("/XObject"));
    dict.replaceKey("/Subtype", name("/Form"));
    dict.replaceKey("/BBox", space.rect(bounds));
    dict.replaceKey("/Resources", resources);
    return Handle::newDictionary({{"/N", form}});
}

void addHighlight(QPDF &pdf, const PageSpace &space, const PdfGeometry::Highlight &h)
{
    QRectF bounds;
    for (const QRectF &line : h.lines)
        bounds = bounds.united(line);
    Handle annot = Handle::newDictionary();
    annot.replaceKey("/Type", name("/Annot"));
    annot.replaceKey("/Subtype", name("/Highlight"));
    annot.replaceKey("/Rect", space.rect(bounds));
    annot.replaceKey("/QuadPoints", quadPoints(space, h.lines));
    annot.replaceKey("/C", rgb(h.color));
    annot.replaceKey("/Contents", text(h.contents));
    annot.replaceKey("/T", text(h.author));
    annot.replaceKey("/NM", text(h.id));
    if (const QString date = pdfDate(h.modified); !date.isEmpty())
        annot.replaceKey("/M", Handle::newString(utf8(date)));
    annot.replaceKey("/F", Handle::newInteger(4)); // Print: a printed copy shows the highlight too
    annot.replaceKey("/P", space.page);
    annot.replaceKey("/AP", highlightAppearance(pdf, space, h, bounds));
    annotsOf(space.page).appendItem(pdf.makeIndirectObject(annot));
}

// [page /XYZ left top null]: keeps the reader's zoom.
Handle destination(const std::vector<PageSpace> &spaces, const PdfGeometry::Destination &target)
{
    const PageSpace &space = spaces.at(std::size_t(target.page));
    return Handle::newArray({space.page, name("/XYZ"), real(space.x(0)), real(space.y(target.y)), Handle::newNull()});
}

bool onPage(const std::vector<PageSpace> &spaces, int page) { return page >= 0 && page < int(spaces.size()); }

void addLink(QPDF &pdf, const std::vector<PageSpace> &spaces, const PdfGeometry::Link &link)
{
    const PageSpace &space = spaces.at(std::size_t(link.page));
    Handle annot = Handle::newDictionary();
    annot.replaceKey("/Type", name("/Annot"));
    annot.replaceKey("/Subtype", name("/Link"));
    annot.replaceKey("/Rect", space.rect(link.rect));
    annot.replaceKey("/Border", Handle::newArray({Handle::newInteger(0), Handle::newInteger(0), Handle::newInteger(0)}));
    annot.replaceKey("/F", Handle::newInteger(4));
    if (link.uri.isEmpty()) {
        annot.replaceKey("/Dest", destination(spaces, link.target));
    } else {
        Handle action = Handle::newDictionary();
        action.replaceKey("/S", name("/URI"));
        action.replaceKey("/URI", Handle::newString(utf8(link.uri)));
        annot.replaceKey("/A", action);
    }
    annotsOf(space.page).appendItem(pdf.makeIndirectObject(annot));
}

// One outline item and the items nested under it (in file order).
struct OutlineNode {
    Handle item;
    std::vector<OutlineNode> children;
};

// Links siblings to their parent (/Parent, /Prev, /Next, /First, /Last) and returns how many items
// show when `parent` is open. Documents stay closed when there are several, so that a volume's outline
// reads as a list of documents.
int linkOutline(Handle parent, std::vector<OutlineNode> &nodes, bool openChildren)
{
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        Handle item = nodes[i].item;
        item.replaceKey("/Parent", parent);
        if (i > 0)
            item.replaceKey("/Prev", nodes[i - 1].item);
        if (i + 1 < nodes.size())
            item.replaceKey("/Next", nodes[i + 1].item);
        if (!nodes[i].children.empty()) {
            const int shown = linkOutline(item, nodes[i].children, false);
            item.replaceKey("/Count", Handle::newInteger(openChildren ? shown : -shown));
        }
    }
    int shown = int(nodes.size());
    if (!nodes.empty()) {
        parent.replaceKey("/First", nodes.front().item);
        parent.replaceKey("/Last", nodes.back().item);
    }
    for (const OutlineNode &node : nodes) {
        if (openChildren)
            shown += int(node.children.size());
    }
    return shown;
}

void addOutline(QPDF &pdf, const std::vector<PageSpace> &spaces, const std::vector<PdfGeometry::OutlineEntry> &entries)
{
    std::vector<OutlineNode> top;
    for (const PdfGeometry::OutlineEntry &entry : entries) {
        if (!onPage(spaces, entry.target.page))
            continue;
        Handle item = pdf.makeIndirectObject(Handle::newDictionary());
        item.replaceKey("/Title", text(entry.title));
        item.replaceKey("/Dest", destination(spaces, entry.target));
        // An entry within a document before any document entry has nothing to nest under.
        std::vector<OutlineNode> &siblings = entry.level > 0 && !top.empty() ? top.back().children : top;
        siblings.push_back(OutlineNode{item, {}});
    }
    Handle root = pdf.getRoot();
    if (top.empty()) {
        root.removeKey("/Outlines");
        return;
    }
    Handle outlines = pdf.makeIndirectObject(Handle::newDictionary({{"/Type", name("/Outlines")}}));
    const int shown = linkOutline(outlines, top, top.size() == 1);
    outlines.replaceKey("/Count", Handle::newInteger(shown));
    root.replaceKey("/Outlines", outlines);
    root.replaceKey("/PageMode", name("/UseOutlines"));
}

// The documents' and notes' ids as named destinations (a name tree, sorted as it must be).
void addNames(QPDF &pdf, const std::vector<PageSpace> &spaces, const std::vector<PdfGeometry::Name> &names)
{
    std::map<std::string, Handle> sorted;
    for (const PdfGeometry::Name &n : names) {
        if (!n.name.isEmpty() && onPage(spaces, n.target.page))
            sorted.emplace(utf8(n.name), destination(spaces, n.target)); // the first place of a name
    }
    if (sorted.empty())
        return;
    Handle pairs = Handle::newArray();
    for (const auto &[key, dest] : sorted) {
        pairs.appendItem(Handle::newString(key));
        pairs.appendItem(dest);
    }
    Handle root = pdf.getRoot();
    Handle dictionary = root.getKey("/Names");
    if (!dictionary.isDictionary())
        dictionary = root.replaceKeyAndGetNew("/Names", pdf.makeIndirectObject(Handle::newDictionary()));
    dictionary.replaceKey("/Dests", pdf.makeIndirectObject(Handle::newDictionary({{"/Names", pairs}})));
}

bool isWebUri(const std::string &uri)
{
    const QString value = QString::fromStdString(uri).trimmed();
    return value.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || value.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

// An annotation that would do more than go somewhere in this file or open a web page: a link to a
// file or a custom scheme (QPdfWriter writes every anchor, "#fn3" and "marginalia:" ones too, as /URI),
// a launch, JavaScript, or any other action.
bool isUnsafe(Handle annot)
{
    if (!annot.isDictionary())
        return false;
    if (annot.hasKey("/AA"))
        return true;
    Handle action = annot.getKey("/A");
    if (!action.isDictionary())
        return false;
    Handle kind = action.getKey("/S");
    if (kind.isNameAndEquals("/GoTo"))
        return false;
    if (kind.isNameAndEquals("/URI")) {
        Handle uri = action.getKey("/URI");
        return !(uri.isString() && isWebUri(uri.getStringValue()));
    }
    return true;
}

// Defence in depth: whatever the text held, the file acts on nothing but itself and web pages.
void stripUnsafe(QPDF &pdf, const std::vector<PageSpace> &spaces)
{
    for (const PageSpace &space : spaces) {
        Handle page = space.page;
        page.removeKey("/AA");
        Handle annots = page.getKey("/Annots");
        if (!annots.isArray())
            continue;
        for (int i = annots.getArrayNItems() - 1; i >= 0; --i) {
            if (isUnsafe(annots.getArrayItem(i)))
                annots.eraseItem(i);
        }
    }
    Handle root = pdf.getRoot();
    root.removeKey("/OpenAction");
    root.removeKey("/AA");
    if (Handle names = root.getKey("/Names"); names.isDictionary())
        names.removeKey("/JavaScript");
}

// qpdf's output into an OutputFile: a regular file is replaced only once all of it is written; a device
// or standard output is written as it comes.
class OutputPipeline : public Pipeline {
public:
    explicit OutputPipeline(OutputFile &file) : Pipeline("marginalia output", nullptr), m_file(file) {}
    using Pipeline::write;
    void write(unsigned char const *data, size_t len) override
    {
        if (Result<bool> written = m_file.write(QByteArrayView(data, qsizetype(len))); !written)
            throw WriteFailed{written.error()};
    }
    void finish() override {}

    struct WriteFailed {
        Error error;
    };

private:
    OutputFile &m_file;
};

Result<bool> save(QPDF &pdf, const QString &output)
{
    OutputFile file(output);
    if (Result<bool> opened = file.open(); !opened)
        return opened;
    OutputPipeline pipeline(file);
    QPDFWriter writer(pdf);
    writer.setOutputPipeline(&pipeline);
    writer.setObjectStreamMode(qpdf_o_generate);
    // The second /ID from the bytes written: the same file, the same /ID (the first is the content's).
    writer.setDeterministicID(true);
    try {
        writer.write();
    } catch (const OutputPipeline::WriteFailed &failed) {
        return fail(failed.error);
    }
    return file.commit();
}

void addObjects(QPDF &pdf, const PdfGeometry &geometry)
{
    fixFonts(pdf);
    addActualText(pdf, geometry);
    const std::vector<PageSpace> spaces = pageSpaces(pdf);
    stripUnsafe(pdf, spaces);
    for (const PdfGeometry::Highlight &highlight : geometry.highlights) {
        if (onPage(spaces, highlight.page) && !highlight.lines.empty())
            addHighlight(pdf, spaces.at(std::size_t(highlight.page)), highlight);
    }
    for (const PdfGeometry::Link &link : geometry.links) {
        if (onPage(spaces, link.page) && (!link.uri.isEmpty() || onPage(spaces, link.target.page)))
            addLink(pdf, spaces, link);
    }
    addOutline(pdf, spaces, geometry.outline);
    addNames(pdf, spaces, geometry.names);
    // Last: the permanent /ID is made from everything above.
    setMetadata(pdf, geometry);
}

} // namespace

namespace {

template <typename Load>
Result<bool> rewrite(const QString &inputName, Load load, const PdfGeometry &geometry, const QString &output)
{
    // qpdf reports every problem by throwing; none of it may leave this function.
    bool writing = false;
    const auto failure = [&](const QString &detail) {
        return writing ? fail(output, 0, 0, Tr::tr("cannot write the PDF: %1").arg(detail))
                       : fail(inputName, 0, 0, Tr::tr("cannot read the PDF: %1").arg(detail));
    };
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        load(pdf);
        addObjects(pdf, geometry);
        writing = true;
        return save(pdf, output);
    } catch (const QPDFExc &e) {
        return failure(QString::fromStdString(e.getMessageDetail()));
    } catch (const std::exception &e) {
        return failure(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        return failure(Tr::tr("unknown error"));
    }
}

} // namespace

Result<bool> addPdfObjects(const QString &input, const PdfGeometry &geometry, const QString &output)
{
    const QByteArray name = QFile::encodeName(input);
    return rewrite(input, [&](QPDF &pdf) { pdf.processFile(name.constData()); }, geometry, output);
}

Result<bool> addPdfObjects(const QByteArray &input, const QString &inputName, const PdfGeometry &geometry,
                           const QString &output)
{
    const QByteArray name = inputName.toUtf8();
    return rewrite(inputName, [&](QPDF &pdf) { pdf.processMemoryFile(name.constData(), input.constData(), size_t(input.size())); },
                   geometry, output);
}

} // namespace marginalia
