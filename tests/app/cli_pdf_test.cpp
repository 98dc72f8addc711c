// marginalia-cli export-pdf, run as a user would: annotations made with `annotate`, the PDF read back
// with Poppler-Qt6 (what Okular uses).

#include "app/clirun.h"
#include "support/smallfilesystem.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <poppler-qt6.h>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <map>
#include <memory>

namespace marginalia {
namespace {

using PdfCliRun = test::CliRun;

PdfCliRun runCli(const QStringList &arguments)
{
    return test::runCli(arguments);
}

const QString tei = test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"));

class CliPdf : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::createDatabase(m_db);
    }

    PdfCliRun run(QStringList arguments) const
    {
        return runCli(arguments << QStringLiteral("--db") << m_db);
    }
    QString annotate(const QString &quote, const QString &note, const QString &tag) const
    {
        const PdfCliRun r = run({QStringLiteral("annotate"), tei, QStringLiteral("--doc"), QStringLiteral("d317"),
                                 QStringLiteral("--quote"), quote, QStringLiteral("--note"), note, QStringLiteral("--tag"), tag});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        const QString id = r.out.trimmed().section(QLatin1Char('\n'), -1);
        EXPECT_FALSE(QUuid(id).isNull()) << r.out.toStdString();
        return id;
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_db = m_dir.filePath(QStringLiteral("annotations.sqlite"));
};

// uuid → contents of every highlight in the file.
std::map<QString, QString> highlights(const Poppler::Document &doc)
{
    std::map<QString, QString> found;
    for (int p = 0; p < doc.numPages(); ++p) {
        for (const auto &a : doc.page(p)->annotations({Poppler::Annotation::AHighlight}))
            found[a->uniqueName()] = a->contents();
    }
    return found;
}

TEST_F(CliPdf, ExportsD317WithTheHighlightsMadeByAnnotate)
{
    const QString first = annotate(QStringLiteral("code of fair practices"), QStringLiteral("Which code?"),
                                   QStringLiteral("trade"));
    const QString second = annotate(QStringLiteral("multilateral export controls"), QStringLiteral("COCOM"),
                                    QStringLiteral("cocom"));
    const QString output = path(QStringLiteral("d317.pdf"));
    const PdfCliRun r = run({QStringLiteral("export-pdf"), tei, QStringLiteral("--doc"), QStringLiteral("d317"),
                             QStringLiteral("-o"), output});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QRegularExpression(QStringLiteral("documents: +1\n")))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QRegularExpression(QStringLiteral("highlights: +2\n")))) << r.out.toStdString();
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(output);
    ASSERT_TRUE(doc);
    const auto found = highlights(*doc);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE(found.at(first).contains(QStringLiteral("Which code?")));
    EXPECT_TRUE(found.at(first).contains(QStringLiteral("trade")));
    EXPECT_TRUE(found.at(second).contains(QStringLiteral("COCOM")));
    EXPECT_EQ(doc->info(QStringLiteral("Creator")), QStringLiteral("Marginalia"));
}

TEST_F(CliPdf, WithoutDocOrTagExportsEveryDocumentOfTheFiles)
{
    const QString output = path(QStringLiteral("all.pdf"));
    const PdfCliRun r = run({QStringLiteral("export-pdf"), tei, QStringLiteral("-o"), output});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QRegularExpression(QStringLiteral("documents: +3\n")))) << r.out.toStdString();
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(output);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->outline().size(), 3);
}

// Issue 13 (15): every export offers the full citation: --citation-style ends each document with it.
TEST_F(CliPdf, Issue13CitationStyleEndsEachDocumentWithItsFullCitation)
{
    const QString output = path(QStringLiteral("cited.pdf"));
    const PdfCliRun r = run({QStringLiteral("export-pdf"), tei, QStringLiteral("--doc"), QStringLiteral("d317"),
                             QStringLiteral("--citation-style"), QStringLiteral("hsg"), QStringLiteral("-o"), output});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(output);
    ASSERT_TRUE(doc);
    QString text;
    for (int p = 0; p < doc->numPages(); ++p)
        text += doc->page(p)->text(QRectF()) + QLatin1Char('\n');
    const QString words = text.simplified();
    EXPECT_TRUE(words.contains(QLatin1String("Cite as"))) << words.right(600).toStdString();
    EXPECT_TRUE(words.contains(QStringLiteral("Foreign Relations of the United States, 1961\u20131963, Volume IX, "
                                              "Foreign Economic Policy")))
        << words.right(600).toStdString();
    EXPECT_TRUE(words.contains(QStringLiteral("Document 317"))) << words.right(600).toStdString();

    const QString plain = path(QStringLiteral("plain.pdf"));
    ASSERT_EQ(run({QStringLiteral("export-pdf"), tei, QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("-o"),
                   plain})
                  .exitCode,
              0);
    const std::unique_ptr<Poppler::Document> without = Poppler::Document::load(plain);
    ASSERT_TRUE(without);
    for (int p = 0; p < without->numPages(); ++p)
        EXPECT_FALSE(without->page(p)->text(QRectF()).contains(QLatin1String("Cite as"))) << "only when asked";

    const PdfCliRun bad = run({QStringLiteral("export-pdf"), tei, QStringLiteral("--doc"), QStringLiteral("d317"),
                               QStringLiteral("--citation-style"), QStringLiteral("apa"), QStringLiteral("-o"), output});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QLatin1String("apa"))) << bad.err.toStdString();
}

TEST_F(CliPdf, WithATagExportsTheTaggedPassagesOnly)
{
    annotate(QStringLiteral("code of fair practices"), QStringLiteral("Which code?"), QStringLiteral("trade"));
    const QString cocom = annotate(QStringLiteral("multilateral export controls"), QStringLiteral("COCOM"),
                                   QStringLiteral("cocom"));
    const QString output = path(QStringLiteral("cocom.pdf"));
    const PdfCliRun r = run({QStringLiteral("export-pdf"), tei, QStringLiteral("--tag"), QStringLiteral("cocom"),
                             QStringLiteral("-o"), output});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(output);
    ASSERT_TRUE(doc);
    const auto found = highlights(*doc);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found.begin()->first, cocom);
}

TEST_F(CliPdf, BadUseAndBadPlacesFailWithAMessageAndNoFile)
{
    const PdfCliRun noOutput = run({QStringLiteral("export-pdf"), tei});
    EXPECT_EQ(noOutput.exitCode, 2);
    EXPECT_TRUE(noOutput.err.contains(QStringLiteral("-o"))) << noOutput.err.toStdString();

    const QString output = path(QStringLiteral("x.pdf"));
    const PdfCliRun unknownDoc = run({QStringLiteral("export-pdf"), tei, QStringLiteral("--doc"), QStringLiteral("d999"),
                                      QStringLiteral("-o"), output});
    EXPECT_EQ(unknownDoc.exitCode, 1);
    EXPECT_TRUE(unknownDoc.err.contains(QStringLiteral("d999"))) << unknownDoc.err.toStdString();
    EXPECT_FALSE(QFile::exists(output));

    const QString nowhere = path(QStringLiteral("no/such/folder/x.pdf"));
    const PdfCliRun badFolder = run({QStringLiteral("export-pdf"), tei, QStringLiteral("-o"), nowhere});
    EXPECT_EQ(badFolder.exitCode, 1);
    EXPECT_TRUE(badFolder.err.contains(nowhere)) << badFolder.err.toStdString();
    EXPECT_FALSE(QFile::exists(nowhere));
}

TEST_F(CliPdf, HelpSaysWhatIsExportedByDefault)
{
    const PdfCliRun r = runCli({QStringLiteral("export-pdf"), QStringLiteral("--help")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("every document of every FILE"))) << r.out.toStdString();
}

// Issue 11: the help names the program the user ran, not marginalia-cli's layout helper; so does
// `show --format html`'s usage, which the helper runs too.
TEST_F(CliPdf, Issue11HelpNamesMarginaliaCliNotItsHelper)
{
    const PdfCliRun r = runCli({QStringLiteral("export-pdf"), QStringLiteral("--help")});
    EXPECT_EQ(r.exitCode, 0);
    const QString usage = r.out.section(QLatin1Char('\n'), 0, 0);
    EXPECT_TRUE(usage.startsWith(QStringLiteral("Usage: "))) << usage.toStdString();
    EXPECT_TRUE(usage.contains(QStringLiteral("marginalia-cli "))) << usage.toStdString();
    EXPECT_FALSE(r.out.contains(QStringLiteral("marginalia-layout"))) << r.out.toStdString();
}

// Issue 8: exports never replace what is not a plain file.
mode_t fileType(const QString &path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & S_IFMT : 0;
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList exportD317To(const QString &output)
{
    return {QStringLiteral("export-pdf"), tei, QStringLiteral("--doc"), QStringLiteral("d317"), QStringLiteral("-o"), output};
}

TEST_F(CliPdf, Issue8ExportToDevNullKeepsItACharacterDevice)
{
    const PdfCliRun r = run(exportD317To(QStringLiteral("/dev/null")));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(fileType(QStringLiteral("/dev/null")), mode_t(S_IFCHR));
}

TEST_F(CliPdf, Issue8ExportToDevFullFailsSayingNoSpace)
{
    const PdfCliRun r = run(exportD317To(QStringLiteral("/dev/full")));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("/dev/full: cannot write the file: No space left on device")))
        << r.err.toStdString();
    EXPECT_EQ(fileType(QStringLiteral("/dev/full")), mode_t(S_IFCHR));
}

TEST_F(CliPdf, Issue8DashWritesThePdfToStandardOutputAndTheReportToStandardError)
{
    QProcess process;
    process.setProcessEnvironment(test::environmentWithout(QStringLiteral("MARGINALIA_DB")));
    process.start(QStringLiteral(MARGINALIA_CLI), exportD317To(QStringLiteral("-")) << QStringLiteral("--db") << m_db);
    ASSERT_TRUE(process.waitForFinished(120000));
    EXPECT_EQ(process.exitCode(), 0);
    const QByteArray pdf = process.readAllStandardOutput();
    EXPECT_TRUE(pdf.startsWith("%PDF-")) << pdf.left(40).toStdString();
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
    EXPECT_TRUE(process.readAllStandardError().contains("pages:"));
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    ASSERT_TRUE(doc);
    EXPECT_GE(doc->numPages(), 1);
}

TEST_F(CliPdf, Issue8AFifoTargetGetsTheWholePdf)
{
    const QString fifo = path(QStringLiteral("pdf.pipe"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    test::FifoReader reader(fifo);
    const PdfCliRun r = run(exportD317To(fifo));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QByteArray pdf = reader.take();
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_TRUE(Poppler::Document::loadFromData(pdf));
    EXPECT_EQ(fileType(fifo), mode_t(S_IFIFO));
}

TEST_F(CliPdf, Issue8ARegularFileIsReplacedAndAFullDiskLeavesTheOldOne)
{
    const test::SmallFileSystem disk(512 * 1024);
    if (!disk.available())
        GTEST_SKIP() << "cannot mount a tmpfs: " << disk.whyUnavailable().toStdString();
    const QString output = disk.filePath(QStringLiteral("d317.pdf"));
    ASSERT_EQ(run(exportD317To(output)).exitCode, 0);
    const QByteArray first = fileContents(output);
    ASSERT_TRUE(first.startsWith("%PDF-"));
    EXPECT_EQ(fileType(output), mode_t(S_IFREG));
    disk.fill();
    const PdfCliRun full = run(exportD317To(output));
    EXPECT_EQ(full.exitCode, 1);
    EXPECT_TRUE(full.err.contains(output + QStringLiteral(": cannot write the file: No space left on device")))
        << full.err.toStdString();
    EXPECT_FALSE(full.err.contains(QStringLiteral("trailer"))) << full.err.toStdString();
    EXPECT_EQ(fileContents(output), first);
    EXPECT_EQ(QDir(QFileInfo(output).absolutePath()).entryList(QDir::Files),
              (QStringList{QStringLiteral("d317.pdf"), QStringLiteral("filler")}));
}

} // namespace
} // namespace marginalia
