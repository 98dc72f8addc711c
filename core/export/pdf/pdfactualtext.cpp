// QPdfWriter draws every text item as "q <matrix> cm /CSp cs R G B scn /GSa gs BT … ET Q", one item for
// each run of one font and size: a small-caps word is two items or more ("D", then "EAR" smaller). The
// items of one small-caps piece are those next to each other in the stream, in the piece's marker colour,
// on one line (the same matrix and the same first baseline).

#include "pdfactualtext.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <map>
#include <vector>

namespace marginalia {

namespace {

using Handle = QPDFObjectHandle;

struct Item {
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype body = 0; // after "<matrix> cm\n"
    QByteArray matrix;
    qsizetype colorStart = 0; // "R G B scn"
    qsizetype colorEnd = 0;
    QRgb color = 0;
    QByteArray line; // the matrix and the first baseline: what one line's items share
};

int channel(const QByteArray &value)
{
    return std::clamp(int(std::lround(value.toDouble() * 255)), 0, 255);
}

QByteArray colorOperands(QRgb color)
{
    QByteArray out;
    for (const int c : {qRed(color), qGreen(color), qBlue(color)})
        out += QByteArray::number(c / 255.0, 'f', 9) + ' ';
    return out + "scn";
}

std::vector<Item> textItems(const QByteArray &content)
{
    static const QRegularExpression head(QStringLiteral(
        "q\\n([-\\d. ]+) cm\\n/\\w+ cs (([\\d.]+) ([\\d.]+) ([\\d.]+) scn)\\n(?:/\\w+ gs\\n)?BT\\n[^\\n]*\\n"
        "[-\\d.]+ ([-\\d.]+) Td"));
    // Latin-1 keeps one character a byte, so offsets stay those of the stream.
    const QString text = QString::fromLatin1(content);
    std::vector<Item> items;
    for (auto it = head.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype end = text.indexOf(QLatin1String("ET\nQ\n"), m.capturedEnd());
        if (end < 0)
            break;
        Item item;
        item.start = m.capturedStart();
        item.end = end + 5;
        item.body = m.capturedEnd(1) + 4;
        item.matrix = m.captured(1).toLatin1();
        item.colorStart = m.capturedStart(2);
        item.colorEnd = m.capturedEnd(2);
        item.color = qRgb(channel(m.captured(3).toLatin1()), channel(m.captured(4).toLatin1()),
                          channel(m.captured(5).toLatin1()));
        item.line = (m.captured(1) + QLatin1Char('|') + m.captured(6)).toLatin1();
        items.push_back(item);
    }
    return items;
}

QByteArray actualText(const QString &text)
{
    QByteArray hex = "FEFF";
    for (const QChar c : text)
        hex += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return "/Span <</ActualText <" + hex + ">>> BDC\n";
}

// The page's content with its runs marked; empty when it has none of them.
QByteArray withActualText(const QByteArray &content, const std::vector<const PdfGeometry::SmallCaps *> &runs,
                          const std::map<QRgb, QRgb> &colors)
{
    const std::vector<Item> items = textItems(content);
    // Groups: items in a marker colour, each next to the one before on its line.
    std::vector<std::pair<std::size_t, std::size_t>> groups; // [first, last] item
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!colors.contains(items[i].color))
            continue;
        const bool joins = !groups.empty() && groups.back().second + 1 == i && items[i - 1].end == items[i].start
            && items[i - 1].line == items[i].line && items[i - 1].color == items[i].color;
        if (joins)
            groups.back().second = i;
        else
            groups.emplace_back(i, i);
    }
    bool matched = groups.size() == runs.size();
    for (std::size_t g = 0; matched && g < groups.size(); ++g)
        matched = items[groups[g].first].color == runs[g]->marker;
    QByteArray out;
    qsizetype at = 0;
    std::size_t group = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        const auto color = colors.find(item.color);
        if (color == colors.end())
            continue;
        const bool opens = group < groups.size() && groups[group].first == i;
        const bool closes = group < groups.size() && groups[group].second == i;
        out += content.mid(at, item.start - at);
        // Within a span, one "q <matrix> cm" for all its items, which share it, and one Q at its end.
        if (!matched || opens)
            out += content.mid(item.start, item.body - item.start);
        if (matched && opens)
            out += actualText(runs[group]->text);
        const qsizetype bodyEnd = matched && !closes ? item.end - 2 : item.end; // "Q\n"
        if (matched && closes) {
            out += content.mid(item.body, item.colorStart - item.body) + colorOperands(color->second)
                + content.mid(item.colorEnd, item.end - 2 - item.colorEnd) + "EMC\nQ\n";
        } else {
            out += content.mid(item.body, item.colorStart - item.body) + colorOperands(color->second)
                + content.mid(item.colorEnd, bodyEnd - item.colorEnd);
        }
        if (closes)
            ++group;
        at = item.end;
    }
    return out + content.mid(at);
}

} // namespace

void addActualText(QPDF &pdf, const PdfGeometry &geometry)
{
    if (geometry.smallCaps.empty())
        return;
    std::map<int, std::vector<const PdfGeometry::SmallCaps *>> byPage;
    std::map<QRgb, QRgb> colors; // marker → colour
    for (const PdfGeometry::SmallCaps &run : geometry.smallCaps) {
        byPage[run.page].push_back(&run);
        colors[run.marker] = run.color;
    }
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (const auto &[page, runs] : byPage) {
        if (page < 0 || std::size_t(page) >= pages.size())
            continue;
        Handle contents = pages[std::size_t(page)].getObjectHandle().getKey("/Contents");
        if (!contents.isStream())
            continue;
        const std::shared_ptr<Buffer> data = contents.getStreamData(qpdf_dl_generalized);
        const QByteArray content(reinterpret_cast<const char *>(data->getBuffer()), qsizetype(data->getSize()));
        const QByteArray marked = withActualText(content, runs, colors);
        contents.replaceStreamData(marked.toStdString(), Handle::newNull(), Handle::newNull());
    }
}

} // namespace marginalia
