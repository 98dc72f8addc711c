// Issue 10 item 3: a document opened through the library's outline of its volume, reading only its
// byte span, is the document a whole-volume read gives; the outline itself keeps the rest of the volume.
#include "catalog/volumeoutline.h"

#include "catalog/outlineframe.h"

#include "parse/volumeloader.h"

#include "support/testdata.h"
#include "support/volumediff.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

using namespace marginalia;

namespace {

const char *const kVolumes[] = {"frus1934v05.xml", "frus1894Nicaragua.xml", "frus1961-63v09-d316-d318.xml"};

Volume wholeRead(const QString &path)
{
    Result<Volume> v = loadVolume(path);
    EXPECT_TRUE(v.has_value()) << (v ? std::string() : v.error().toString().toStdString());
    return v ? std::move(v).value() : Volume{};
}

VolumeOutline outlineOf(const Volume &volume, const QByteArray &data, const QString &path)
{
    Result<VolumeOutline> o = decodeVolumeOutline(encodeVolumeOutline(volume, data), path);
    EXPECT_TRUE(o.has_value()) << (o ? std::string() : o.error().toString().toStdString());
    return o ? std::move(o).value() : VolumeOutline{};
}

std::string joined(const QStringList &lines)
{
    return lines.mid(0, 20).join(QLatin1Char('\n')).toStdString();
}

// The whole read with each document cut down to what the outline keeps of it.
Volume stubbed(Volume volume)
{
    for (Document &d : volume.documents)
        d = documentStub(d);
    return volume;
}

QString writeFile(const QTemporaryDir &dir, const QByteArray &data)
{
    const QString path = dir.filePath(QStringLiteral("volume.xml"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    EXPECT_EQ(file.write(data), data.size());
    return path;
}

void expectEveryDocumentReadLazilyIsTheWholeReadOne(const char *name)
{
    const QString path = test::dataPath(QString::fromUtf8(name));
    const Volume whole = wholeRead(path);
    const VolumeOutline outline = outlineOf(whole, test::readData(QString::fromUtf8(name)), path);
    ASSERT_TRUE(outline.readableByParts()) << name;
    ASSERT_EQ(outline.volume.documents.size(), whole.documents.size());
    std::vector<std::pair<int, Document>> lazy;
    for (std::size_t i = 0; i < whole.documents.size(); ++i) {
        Result<Document> d = readOutlinedDocument(outline, int(i));
        ASSERT_TRUE(d.has_value()) << name << " document " << i << ": " << d.error().toString().toStdString();
        const QStringList differences = test::documentDifferences(whole.documents[i], *d);
        EXPECT_TRUE(differences.isEmpty()) << name << " document " << i << " (whole / lazy):\n" << joined(differences);
        lazy.emplace_back(int(i), std::move(d).value());
    }
    const QStringList differences = test::volumeDifferences(whole, volumeWithDocuments(outline, lazy));
    EXPECT_TRUE(differences.isEmpty()) << name << " (whole / outline + lazy documents):\n" << joined(differences);
}

} // namespace

TEST(VolumeOutline, EveryDocumentOfFrus1934v05ReadFromItsSpanIsTheWholeReadOne)
{
    expectEveryDocumentReadLazilyIsTheWholeReadOne("frus1934v05.xml");
}

TEST(VolumeOutline, EveryDocumentOfFrus1894NicaraguaReadFromItsSpanIsTheWholeReadOne)
{
    expectEveryDocumentReadLazilyIsTheWholeReadOne("frus1894Nicaragua.xml");
}

TEST(VolumeOutline, EveryDocumentOfD316ToD318ReadFromItsSpanIsTheWholeReadOne)
{
    expectEveryDocumentReadLazilyIsTheWholeReadOne("frus1961-63v09-d316-d318.xml");
}

TEST(VolumeOutline, TheStubVolumeIsTheWholeReadWithoutTheDocumentsContents)
{
    for (const char *name : kVolumes) {
        const QString path = test::dataPath(QString::fromUtf8(name));
        const Volume whole = wholeRead(path);
        const Volume &stub = outlineOf(whole, test::readData(QString::fromUtf8(name)), path).volume;
        const QStringList differences = test::volumeDifferences(stubbed(whole), stub);
        EXPECT_TRUE(differences.isEmpty()) << name << ":\n" << joined(differences);
        EXPECT_EQ(stub.sourcePath, path);
        ASSERT_EQ(stub.divisions.size(), whole.divisions.size());
        for (std::size_t i = 0; i < whole.divisions.size(); ++i) {
            EXPECT_EQ(stub.divisions[i].id, whole.divisions[i].id);
            EXPECT_EQ(stub.divisions[i].title, whole.divisions[i].title);
            EXPECT_EQ(stub.divisions[i].type, whole.divisions[i].type);
            EXPECT_EQ(stub.divisions[i].parent, whole.divisions[i].parent);
            EXPECT_EQ(stub.divisions[i].depth, whole.divisions[i].depth);
        }
        for (std::size_t i = 0; i < whole.pages.size(); ++i)
            EXPECT_EQ(stub.pages[i].id, whole.pages[i].id);
        EXPECT_EQ(stub.persons.size(), whole.persons.size());
        for (auto it = whole.persons.cbegin(); it != whole.persons.cend(); ++it) {
            EXPECT_EQ(stub.persons.value(it.key()).name, it->name);
            EXPECT_EQ(stub.persons.value(it.key()).description, it->description);
        }
        EXPECT_EQ(stub.terms.size(), whole.terms.size());
        EXPECT_EQ(stub.warnings.size(), whole.warnings.size());
        EXPECT_FALSE(stub.documents.front().title.isEmpty());
        EXPECT_TRUE(stub.documents.front().body.empty());
    }
}

TEST(VolumeOutline, DecodingAndEncodingAgainGivesTheSameBytes)
{
    const QString path = test::dataPath(QStringLiteral("frus1934v05.xml"));
    const QByteArray data = test::readData(QStringLiteral("frus1934v05.xml"));
    const Volume whole = wholeRead(path);
    const QByteArray encoded = encodeVolumeOutline(whole, data);
    EXPECT_EQ(encodeVolumeOutline(whole, data), encoded) << "the same volume must give the same bytes";
    const Result<VolumeOutline> outline = decodeVolumeOutline(encoded, path);
    ASSERT_TRUE(outline.has_value()) << outline.error().toString().toStdString();
    EXPECT_EQ(outline->fileSize, data.size());
    EXPECT_TRUE(outline->namespaces.contains("xmlns=\"http://www.tei-c.org/ns/1.0\""));
    ASSERT_EQ(outline->spans.size(), whole.documents.size());
    EXPECT_TRUE(data.mid(outline->spans[0].begin, 4) == "<div");
    EXPECT_TRUE(data.mid(outline->spans[0].end - 6, 6) == "</div>");
    // Decoded under its path, the outline gives its volume back with that path, and the same bytes.
    EXPECT_EQ(encodeVolumeOutline(outline->volume, data), encoded);
}

TEST(VolumeOutline, AFileThatChangedSizeIsRefused)
{
    QTemporaryDir dir;
    QByteArray data = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QString path = writeFile(dir, data);
    const VolumeOutline outline = outlineOf(wholeRead(path), data, path);
    ASSERT_TRUE(readOutlinedDocument(outline, 1).has_value());
    writeFile(dir, data + "\n");
    const Result<Document> d = readOutlinedDocument(outline, 1);
    ASSERT_FALSE(d.has_value());
    EXPECT_EQ(d.error().file, path);
    EXPECT_TRUE(d.error().message.contains(QLatin1String("changed since it was added to the library")))
        << d.error().message.toStdString();
}

TEST(VolumeOutline, AFileWhoseDocumentMovedIsRefusedNotMisread)
{
    QTemporaryDir dir;
    const QByteArray data = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QString path = writeFile(dir, data);
    const VolumeOutline outline = outlineOf(wholeRead(path), data, path);
    // Same size, but the second document's span now starts one byte later.
    QByteArray moved = data;
    const qsizetype at = outline.spans[1].begin;
    moved.insert(at, ' ');
    moved.remove(moved.lastIndexOf('\n'), 1);
    ASSERT_EQ(moved.size(), data.size());
    writeFile(dir, moved);
    EXPECT_FALSE(readOutlinedDocument(outline, 1).has_value());
}

TEST(VolumeOutline, AnyTruncationOfAnOutlineIsRefusedWithAnError)
{
    const QString path = test::dataPath(QStringLiteral("frus1894Nicaragua.xml"));
    const QByteArray encoded = encodeVolumeOutline(wholeRead(path), test::readData(QStringLiteral("frus1894Nicaragua.xml")));
    for (qsizetype size = 0; size < encoded.size(); size += 1 + size / 16) {
        const Result<VolumeOutline> o = decodeVolumeOutline(encoded.left(size), path);
        ASSERT_FALSE(o.has_value()) << "an outline cut at byte " << size << " was accepted";
        EXPECT_EQ(o.error().file, path);
        EXPECT_TRUE(o.error().message.contains(QLatin1String("re-index"))) << o.error().message.toStdString();
    }
    EXPECT_FALSE(decodeVolumeOutline(encoded + "x", path).has_value()) << "trailing bytes were accepted";
}

TEST(VolumeOutline, RandomBytesAnotherVersionAndDamagedBytesAreRefused)
{
    const QString path = test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QByteArray encoded = encodeVolumeOutline(wholeRead(path), test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml")));
    QRandomGenerator random(10);
    for (int i = 0; i < 200; ++i) {
        QByteArray noise(qsizetype(random.bounded(2000)), Qt::Uninitialized);
        for (char &c : noise)
            c = char(random.bounded(256));
        EXPECT_FALSE(decodeVolumeOutline(noise, path).has_value());
    }
    QByteArray newer = encoded;
    newer[7] = char(kVolumeOutlineVersion + 1);
    const Result<VolumeOutline> o = decodeVolumeOutline(newer, path);
    ASSERT_FALSE(o.has_value());
    EXPECT_TRUE(o.error().message.contains(QStringLiteral("reads format %1").arg(kVolumeOutlineVersion)))
        << o.error().message.toStdString();
    // Damage to the compressed bytes: zlib's checksum refuses it, unless the damaged stream still gives
    // the very same fields (a back-reference's distance changed inside a run of equal bytes, such as the
    // zeros of empty strings, copies the same bytes): then nothing was damaged that the outline holds.
    const Result<QByteArray> original = outlineFields(encoded, path);
    ASSERT_TRUE(original.has_value());
    for (int i = 0; i < 200; ++i) {
        QByteArray damaged = encoded;
        damaged[qsizetype(12 + random.bounded(int(encoded.size() - 12)))] ^= char(1 + random.bounded(255));
        const Result<QByteArray> same = outlineFields(damaged, path);
        if (same && *same == *original)
            continue;
        EXPECT_FALSE(decodeVolumeOutline(damaged, path).has_value()) << i;
    }
    // Damage to the fields themselves, framed anew: whatever is accepted holds only indexes that name
    // something.
    const Result<QByteArray> fields = outlineFields(encoded, path);
    ASSERT_TRUE(fields.has_value());
    int accepted = 0;
    for (int i = 0; i < 2000; ++i) {
        QByteArray damaged = *fields;
        damaged[qsizetype(random.bounded(int(damaged.size())))] = char(random.bounded(256));
        const Result<VolumeOutline> d = decodeVolumeOutline(framedOutline(damaged), path);
        if (!d)
            continue;
        ++accepted;
        for (const Document &doc : d->volume.documents)
            EXPECT_LT(doc.division, int(d->volume.divisions.size()));
        for (const VolumePage &p : d->volume.pages)
            EXPECT_LT(p.document, int(d->volume.documents.size()));
    }
    EXPECT_GT(accepted, 0) << "no damaged outline got past the frame: the loop checks nothing";
    EXPECT_LT(accepted, 2000);
}

TEST(VolumeOutline, ASplitThatDoesNotMatchTheDocumentsGivesNoSpans)
{
    const QString path = test::dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const QByteArray data = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const Volume volume = wholeRead(path);
    // Other bytes than the volume's: three spans again, but not these documents.
    const QByteArray other = test::readData(QStringLiteral("frus1934v05.xml"));
    EXPECT_TRUE(outlineOf(volume, other, path).spans.empty());
    // A DOCTYPE the splitter leaves to the reader.
    QByteArray doctype = data;
    doctype.insert(doctype.indexOf("<TEI"), "<!DOCTYPE TEI>\n");
    EXPECT_TRUE(outlineOf(volume, doctype, path).spans.empty());
    // A start tag the reader takes for a document's and the byte scan does not: the split finds one fewer.
    QByteArray spaced = data;
    const qsizetype tag = spaced.indexOf("type=\"document\"", spaced.indexOf("xml:id=\"d317\"") - 40);
    ASSERT_GT(tag, 0);
    spaced.replace(tag, 15, "type = \"document\"");
    QTemporaryDir dir;
    const QString spacedPath = writeFile(dir, spaced);
    const Volume read = wholeRead(spacedPath);
    ASSERT_EQ(read.documents.size(), volume.documents.size());
    const VolumeOutline fewer = outlineOf(read, spaced, spacedPath);
    EXPECT_TRUE(fewer.spans.empty());
    EXPECT_FALSE(fewer.readableByParts());
    const Result<Document> d = readOutlinedDocument(fewer, 0);
    ASSERT_FALSE(d.has_value());
    EXPECT_TRUE(d.error().message.contains(QLatin1String("open it whole")));
    // A text copy has no spans either.
    const Volume copy = wholeRead(test::dataPath(QStringLiteral("frus1961-63v09-d317.txt")));
    EXPECT_TRUE(outlineOf(copy, test::readData(QStringLiteral("frus1961-63v09-d317.txt")), path).spans.empty());
}

TEST(VolumeOutline, ReadingADocumentTouchesOnlyItsSpan)
{
    const QByteArray data = test::readData(QStringLiteral("frus1934v05.xml"));
    const Volume whole = wholeRead(test::dataPath(QStringLiteral("frus1934v05.xml")));
    QTemporaryDir dir;
    const std::size_t last = whole.documents.size() - 1;
    for (const std::size_t i : {std::size_t(0), last / 2, last}) {
        const VolumeOutline good = outlineOf(whole, data, test::dataPath(QStringLiteral("frus1934v05.xml")));
        const DocumentSpan span = good.spans[i];
        // Every byte outside the span becomes garbage: no XML reader could make sense of the file.
        QByteArray garbled(data.size(), '<');
        garbled.replace(span.begin, span.end - span.begin, data.mid(span.begin, span.end - span.begin));
        const QString path = writeFile(dir, garbled);
        VolumeOutline outline = good;
        outline.volume.sourcePath = path;
        const Result<Document> d = readOutlinedDocument(outline, int(i));
        ASSERT_TRUE(d.has_value()) << d.error().toString().toStdString();
        const QStringList differences = test::documentDifferences(whole.documents[i], *d);
        EXPECT_TRUE(differences.isEmpty()) << "document " << i << ":\n" << joined(differences);
        EXPECT_FALSE(loadVolume(path).has_value());
    }
}

TEST(VolumeOutline, AnErrorInTheSpanNamesTheFilesOwnLineAndColumn)
{
    const QByteArray data = test::readData(QStringLiteral("frus1934v05.xml"));
    QTemporaryDir dir;
    const QString path = writeFile(dir, data);
    const VolumeOutline outline = outlineOf(wholeRead(path), data, path);
    for (const std::size_t i : {std::size_t(0), std::size_t(200)}) {
        const DocumentSpan span = outline.spans[i];
        // A paragraph inside the document loses its '>', and a start tag that the document opens with.
        for (const QByteArray &from : {QByteArray("<p>"), QByteArray("<div ")}) {
            QByteArray broken = data;
            const qsizetype at = broken.indexOf(from, span.begin);
            ASSERT_LT(at, span.end);
            broken[at + 1] = '>';
            writeFile(dir, broken);
            const Result<Volume> whole = loadVolume(path);
            ASSERT_FALSE(whole.has_value());
            const Result<Document> lazy = readOutlinedDocument(outline, int(i));
            ASSERT_FALSE(lazy.has_value());
            EXPECT_EQ(lazy.error().file, path);
            EXPECT_EQ(lazy.error().line, whole.error().line) << lazy.error().toString().toStdString();
            EXPECT_EQ(lazy.error().column, whole.error().column) << lazy.error().toString().toStdString() << " / "
                                                                 << whole.error().toString().toStdString();
        }
    }
}

// The seed of fuzz_volumeoutline (tests/fuzz) is the outline of d316-d318 in the current format, so that
// the fuzzer starts from an outline it accepts. MARGINALIA_WRITE_FUZZ_SEED=1 writes it anew.
TEST(VolumeOutline, TheFuzzSeedIsTheCurrentOutlineOfD316ToD318)
{
    const QString name = QStringLiteral("frus1961-63v09-d316-d318.xml");
    const QByteArray encoded = encodeVolumeOutline(wholeRead(test::dataPath(name)), test::readData(name));
    const Result<QByteArray> fields = outlineFields(encoded, name);
    ASSERT_TRUE(fields.has_value());
    // The outline as stored, and its fields uncompressed, which the fuzzer also frames itself.
    for (const auto &[seedName, bytes] : {std::pair{"outline-frus1961-63v09-d316-d318.bin", encoded},
                                          std::pair{"outline-fields-frus1961-63v09-d316-d318.bin", *fields}}) {
        const QString seed = test::dataPath(QStringLiteral("../fuzz/seeds/") + QLatin1String(seedName));
        QFile file(seed);
        if (qEnvironmentVariableIsSet("MARGINALIA_WRITE_FUZZ_SEED")) {
            ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            ASSERT_EQ(file.write(bytes), bytes.size());
            continue;
        }
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << seed.toStdString();
        EXPECT_TRUE(file.readAll() == bytes) << seedName << ": the outline format changed: run this test with "
                                                "MARGINALIA_WRITE_FUZZ_SEED=1 to write the seeds anew";
    }
}

// The test volumes have no glossaries; real ones open with lists of persons and terms, which the
// outline keeps whole (the window shows them beside any document) and documents point into.
TEST(VolumeOutline, TheGlossariesOfPersonsAndTermsAreKept)
{
    QByteArray data = test::readData(QStringLiteral("frus1961-63v09-d316-d318.xml"));
    const qsizetype body = data.indexOf("<body>");
    ASSERT_GT(body, 0);
    data.insert(body + 6, "\n<div type=\"section\" xml:id=\"persons\"><head>Persons</head><list>"
                          "<item><persName xml:id=\"p_RD1\">Rusk, Dean</persName>, Secretary of State</item>"
                          "<item><persName xml:id=\"p_HLH1\">Hodges, Luther H.</persName>, Secretary of Commerce</item>"
                          "</list></div>\n<div type=\"section\" xml:id=\"terms\"><head>Terms</head><list>"
                          "<item><term xml:id=\"t_COCOM1\">COCOM</term>, Coordinating Committee</item></list></div>\n");
    const qsizetype text = data.indexOf("<p>", data.indexOf("xml:id=\"d317\""));
    data.insert(text + 3, "<persName corresp=\"#p_RD1\">Rusk</persName> and <gloss target=\"#t_COCOM1\">COCOM</gloss> ");
    QTemporaryDir dir;
    const QString path = writeFile(dir, data);
    const Volume whole = wholeRead(path);
    ASSERT_EQ(whole.persons.size(), 2);
    ASSERT_EQ(whole.terms.size(), 1);
    const VolumeOutline outline = outlineOf(whole, data, path);
    EXPECT_TRUE(test::volumeDifferences(stubbed(whole), outline.volume).isEmpty());
    for (const auto &[a, b] : {std::pair{&whole.persons, &outline.volume.persons}, std::pair{&whole.terms, &outline.volume.terms}}) {
        ASSERT_EQ(a->size(), b->size());
        for (auto it = a->cbegin(); it != a->cend(); ++it) {
            EXPECT_EQ(b->value(it.key()).name, it->name);
            EXPECT_EQ(b->value(it.key()).description, it->description);
        }
    }
    EXPECT_EQ(outline.volume.persons.value(QStringLiteral("p_HLH1")).description, QStringLiteral("Secretary of Commerce"));
    EXPECT_EQ(outline.volume.ids.value(QStringLiteral("t_COCOM1")).kind, IdTarget::Term);
    const Result<Document> d317 = readOutlinedDocument(outline, 1);
    ASSERT_TRUE(d317.has_value()) << d317.error().toString().toStdString();
    EXPECT_TRUE(test::documentDifferences(whole.documents[1], *d317).isEmpty());
    const auto names = [&](const char *id) {
        return std::any_of(d317->entities.cbegin(), d317->entities.cend(),
                           [id](const EntityRef &e) { return e.id == QLatin1String(id); });
    };
    EXPECT_TRUE(names("p_RD1"));
    EXPECT_TRUE(names("t_COCOM1"));
}
