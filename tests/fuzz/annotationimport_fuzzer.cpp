// The annotation import (`import-annotations`: importAnnotationsFile reads the file and hands its
// bytes to parseAnnotationFile, fuzzed here). Built twice with this one entry point: fuzz_w3cimport
// with W3C Web Annotation seeds and dictionary, and fuzz_hypothesisimport with Hypothesis API seeds and
// dictionary: parseAnnotationFile reads each item as W3C or as Hypothesis (readHypothesisAnnotation).
//
// Any input gives annotations or an error, never a crash, a hang or a leak; and what was imported
// exports and imports again to the same annotations (ids and selectors), so an import never takes in
// what the app cannot write back out.
#include "export/annotationimport.h"
#include "export/w3cannotations.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace marginalia;

[[noreturn]] void roundTripFails(const QString &what)
{
    std::fprintf(stderr, "annotationimport_fuzzer: an imported annotation does not survive export and import: %s\n",
                 qPrintable(what));
    std::abort();
}

void checkRoundTrip(const std::vector<Annotation> &imported)
{
    const QByteArray exported = exportW3cAnnotations(imported);
    const Result<ReadAnnotations> again = parseAnnotationFile(exported, QStringLiteral("exported.json"));
    if (!again)
        roundTripFails(again.error().toString());
    if (again->annotations.size() != imported.size())
        roundTripFails(QStringLiteral("%1 annotations became %2").arg(imported.size()).arg(again->annotations.size()));
    for (std::size_t i = 0; i < imported.size(); ++i) {
        const Annotation &a = imported[i];
        const Annotation &b = again->annotations[i];
        if (a.id != b.id || a.document != b.document || !(a.selector == b.selector))
            roundTripFails(QStringLiteral("item %1 (%2 in %3) came back as %4 in %5")
                               .arg(i).arg(a.id, a.document, b.id, b.document));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<ReadAnnotations> annotations = parseAnnotationFile(bytes, QStringLiteral("fuzz.json"));
    if (annotations)
        checkRoundTrip(annotations->annotations);
    else
        (void)annotations.error().toString();
    return 0;
}
