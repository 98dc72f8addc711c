#pragma once

#include <QStringView>

#include <vector>

namespace marginalia {

struct ApproxMatch {
    int start = 0;
    int end = 0;
    int errors = 0; // edit distance between the pattern and text[start, end)
};

// Every end position where `pattern` matches `text` with at most `maxErrors` edits (Levenshtein), with
// the start and the errors of the best match ending there: Myers' bit-parallel algorithm (1999) over
// 64-bit blocks, so patterns of any length work. Case-sensitive, UTF-16 code units.
std::vector<ApproxMatch> approximateMatches(QStringView text, QStringView pattern, int maxErrors);

} // namespace marginalia
