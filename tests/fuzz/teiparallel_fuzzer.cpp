// Differential fuzzer of the parallel TEI reader (core/parse/teiparallel.*). Real volumes reach the
// parallel path only from 256 KiB, libFuzzer's inputs stay below it, so explicit limits force it for
// any input with a document. Each input is read as it is, and as the volume VolumeBuilder makes of
// its bytes (always well-formed). Whatever the input, the parallel read either declines (nullopt: the
// caller then reads sequentially, which is documented) or gives exactly the sequential model; it
// never fails where the sequential reader succeeds, nor succeeds where it fails.
#include "parse/teiparallel.h"
#include "parse/teireader.h"

#include "support/volumediff.h"

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace marginalia;

[[noreturn]] void reportDisagreement(const QString &what)
{
    std::fprintf(stderr, "teiparallel_fuzzer: the parallel and sequential reads disagree:\n%s\n", qPrintable(what));
    std::abort();
}

// A well-formed TEI volume built from the input's bytes, one piece of markup per byte: random bytes
// rarely make well-formed XML, and the parallel reader declines anything that is not, so the raw input
// alone seldom gets as far as the merge. The pieces are what the byte scan of the splitter must get
// right: nested and empty documents, page breaks between documents, and "<div type=\"document\">" where
// it is no tag (comments, CDATA, processing instructions, attribute values).
class VolumeBuilder {
public:
    QByteArray build(QByteArrayView bytes)
    {
        m_out = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"frus1999v01\"><teiHeader><fileDesc><titleStmt>"
                "<title type=\"complete\">Fuzz</title></titleStmt></fileDesc></teiHeader><text><body>";
        for (const char byte : bytes.first(std::min<qsizetype>(bytes.size(), 256)))
            add(std::uint8_t(byte));
        while (!m_open.empty())
            close();
        m_out += "</body></text></TEI>";
        return m_out;
    }

private:
    enum Context { Between, InDocument, Inline }; // between documents, in one, in running text

    Context context() const
    {
        if (m_open.empty() || m_open.back() == Chapter)
            return Between;
        return m_open.back() == DocumentDiv ? InDocument : Inline;
    }

    // The low bits choose the markup, the high ones a target; each context has markup of its own, as
    // in a real volume, so that most documents the builder makes are ones the splitter can split.
    void add(std::uint8_t byte)
    {
        const QByteArray n = QByteArray::number(++m_serial);
        const QByteArray target = "#d" + QByteArray::number(byte >> 4);
        const int choice = byte & 15;
        if (choice == 0)
            return close();
        if (choice == 1)
            return markup("<pb n=\"" + n + "\" xml:id=\"pg_" + n + "\"/>");
        if (choice == 2)
            return markup("<!-- <div type=\"document\" xml:id=\"dC" + n + "\"> </div> -->");
        if (choice == 3)
            return markup("<?pi <div type=\"document\"> ?>");
        switch (context()) {
        case Between: return addBetween(choice, n);
        case InDocument: return addInDocument(choice, n);
        case Inline: return addInline(choice, n, target);
        }
    }
    void addBetween(int choice, const QByteArray &n)
    {
        if (choice < 9)
            open(DocumentDiv,
                 "<div type=\"document\" xml:id=\"d" + n + "\" n=\"" + n + "\"><head>" + n + ". Memo</head>");
        else if (choice < 12)
            open(Chapter, "<div type=\"chapter\" xml:id=\"ch" + n + "\"><head>Chapter " + n + "</head>");
        else if (choice == 12)
            markup("<div type=\"document\" xml:id=\"d" + n + "\"/>");
        else if (choice == 13)
            open(DocumentDiv, "<div n='a>b' type='document'\n xml:id='d" + n + "'>");
        else if (choice == 14)
            open(DocumentDiv, "<div type = \"document\" xml:id=\"d" + n + "\">"); // not one to the splitter
        else
            open(Element, "<div type=\"section\" xml:id=\"s" + n + "\">");
    }
    void addInDocument(int choice, const QByteArray &n)
    {
        if (choice < 10)
            open(Element, "<p>");
        else if (choice < 12)
            open(Element, "<note n=\"" + n + "\" xml:id=\"fn" + n + "\">");
        else if (choice == 12)
            markup("<dateline><placeName>Washington</placeName>, "
                   "<date when=\"1961-08-17\">August 17</date></dateline>");
        else if (choice == 13)
            markup("<![CDATA[ </div> <div type=\"document\"> ]]>");
        else
            open(Element, "<list><item>");
    }
    void addInline(int choice, const QByteArray &n, const QByteArray &target)
    {
        if (choice < 9)
            markup(" Dear Luther: trade &amp; controls, &#60;COCOM&#62; ");
        else if (choice == 9)
            open(Element, "<ref target=\"" + target + "\">");
        else if (choice == 10)
            open(Element, "<hi rend=\"italic\">");
        else if (choice == 11)
            open(Element, "<persName corresp=\"#p_" + n + "\">");
        else if (choice == 12)
            markup("<lb/>");
        else if (choice == 13)
            markup("<![CDATA[ </div> <div type=\"document\"> ]]>");
        else
            open(Element, "<note n=\"" + n + "\" xml:id=\"fn" + n + "\">");
    }

    enum Kind { Chapter, DocumentDiv, Element };
    void markup(const QByteArray &text) { m_out += text; }
    void open(Kind kind, const QByteArray &tag)
    {
        if (m_open.size() >= 24)
            return;
        m_out += tag;
        // The element's name: from after '<' to the first space or '>'.
        qsizetype end = 1;
        while (end < tag.size() && tag[end] != ' ' && tag[end] != '>')
            ++end;
        m_open.push_back(kind);
        m_names.push_back(tag.mid(1, end - 1));
        if (m_names.back() == "list")
            m_names.back() = "item></list";
    }
    void close()
    {
        if (m_open.empty())
            return;
        m_out += "</" + m_names.back() + '>';
        m_open.pop_back();
        m_names.pop_back();
    }

    QByteArray m_out;
    std::vector<Kind> m_open;
    std::vector<QByteArray> m_names;
    int m_serial = 0;
};

// How many inputs took the parallel path: a fuzzer whose inputs all decline tests nothing.
std::size_t g_compared = 0;
std::size_t g_declined = 0;

void printCounts()
{
    std::fprintf(stderr, "teiparallel_fuzzer: %zu inputs read in parallel and compared, %zu declined\n", g_compared,
                 g_declined);
}

// `built`: the bytes are a VolumeBuilder's, printed with a disagreement since the input alone does not show them.
void compare(const QByteArray &bytes, bool built)
{
    const auto disagree = [&](const QString &what) {
        if (built)
            std::fprintf(stderr, "teiparallel_fuzzer: the volume built from the input:\n%s\n", bytes.constData());
        reportDisagreement(what);
    };
    const QString name = QStringLiteral("fuzz.xml");
    // Runs of about a quarter of the input: usually several runs, so the merge has work to do.
    const TeiParallelLimits limits{0, 1, std::max<qsizetype>(1, bytes.size() / 4)};
    const std::optional<Result<Volume>> parallel = parseTeiInParallel(bytes, name, {}, limits);
    if (!parallel) {
        ++g_declined; // whatever the sequential read makes of it, that is the answer
        return;
    }
    ++g_compared;
    TeiReader reader(bytes, name, {});
    const Result<Volume> sequential = reader.read();
    if (!parallel->has_value())
        disagree(QStringLiteral("the parallel read failed (it must decline instead): ") + parallel->error().toString());
    if (!sequential)
        disagree(QStringLiteral("the parallel read gave a volume; the sequential read failed: ")
                 + sequential.error().toString());
    const QStringList differences = test::volumeDifferences(*sequential, **parallel);
    if (!differences.isEmpty())
        disagree(QStringLiteral("(sequential / parallel)\n") + differences.mid(0, 20).join(QLatin1Char('\n')));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    std::atexit(printCounts);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    compare(bytes, false);
    compare(VolumeBuilder().build(bytes), true);
    return 0;
}
