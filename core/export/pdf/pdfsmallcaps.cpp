// Small capitals, as the PDF step needs them. Qt sets a small-caps run as capitals of two sizes
// ("D" + "EAR"), so a reader extracts "DEAR" in two words; the PDF step wraps each run in an /ActualText
// span that gives the text as written ("Dear"). To find a run among the drawn glyphs it is drawn in a
// shade of its colour one step off (which the PDF step puts back): its runs, page by page in the order
// they are painted, are what this records.

#include "pdfcomposition.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>

#include <set>

namespace marginalia {

namespace {

// A colour near `color` that no text of the export has: the same but for one step of blue.
QRgb markerFor(QRgb color, std::set<QRgb> &taken)
{
    for (int step : {1, -1, 2, -2, 3, -3}) {
        const int blue = qBlue(color) + step;
        if (blue < 0 || blue > 255)
            continue;
        const QRgb marker = qRgb(qRed(color), qGreen(color), blue);
        if (taken.insert(marker).second)
            return marker;
    }
    return color;
}

struct Run {
    int start = 0;
    int end = 0;
    QRgb color = 0;
};

// The small-caps fragments of a document, neighbours of one colour joined.
std::vector<Run> smallCapsRuns(const QTextDocument &document, QRgb text)
{
    std::vector<Run> runs;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (format.fontCapitalization() != QFont::SmallCaps)
                continue;
            const QRgb color = format.foreground().style() == Qt::NoBrush ? text : format.foreground().color().rgb();
            const int start = fragment.position();
            const int end = start + fragment.length();
            if (!runs.empty() && runs.back().end == start && runs.back().color == color)
                runs.back().end = end;
            else
                runs.push_back({start, end, color});
        }
    }
    return runs;
}

// The run's pieces, one per line it lies on, with the page each is painted on.
void addPieces(const FlowSection &section, const Run &run, QRgb marker, std::vector<PdfGeometry::SmallCaps> &out)
{
    const QTextDocument &document = *section.document();
    for (QTextBlock block = document.findBlock(run.start); block.isValid() && block.position() < run.end;
         block = block.next()) {
        const QTextLayout *layout = block.layout();
        if (!layout)
            continue;
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const int from = std::max(run.start, block.position() + line.textStart());
            const int to = std::min(run.end, block.position() + line.textStart() + line.textLength());
            if (from >= to)
                continue;
            QString text = block.text().mid(from - block.position(), to - from);
            // A line's end is drawn without the space it breaks at.
            while (text.endsWith(QLatin1Char(' ')))
                text.chop(1);
            if (text.trimmed().isEmpty())
                continue;
            const int page = section.baseline(from).first;
            out.push_back({page, text, marker, run.color});
        }
    }
}

} // namespace

void markSmallCaps(Composition &c)
{
    std::set<QRgb> taken{c.style.text.rgb(), c.style.muted.rgb(), c.style.link.rgb()};
    std::map<QRgb, QRgb> markers; // colour → its marker
    std::vector<std::vector<PdfGeometry::SmallCaps>> byPage(std::size_t(c.paginator.pageCount()));
    for (const auto &section : c.sections) {
        QTextDocument *document = section->document();
        if (!document)
            continue;
        const std::vector<Run> runs = smallCapsRuns(*document, c.style.text.rgb());
        if (runs.empty())
            continue;
        QTextCursor cursor(document);
        for (const Run &run : runs) {
            auto marker = markers.find(run.color);
            if (marker == markers.end())
                marker = markers.emplace(run.color, markerFor(run.color, taken)).first;
            std::vector<PdfGeometry::SmallCaps> pieces;
            addPieces(*section, run, marker->second, pieces);
            for (PdfGeometry::SmallCaps &piece : pieces) {
                if (piece.page >= 0 && std::size_t(piece.page) < byPage.size())
                    byPage[std::size_t(piece.page)].push_back(std::move(piece));
            }
            cursor.setPosition(run.start);
            cursor.setPosition(run.end, QTextCursor::KeepAnchor);
            QTextCharFormat shade;
            shade.setForeground(QColor::fromRgb(marker->second));
            cursor.mergeCharFormat(shade);
        }
    }
    for (auto &page : byPage) {
        for (auto &piece : page)
            c.geometry.smallCaps.push_back(std::move(piece));
    }
}

} // namespace marginalia
